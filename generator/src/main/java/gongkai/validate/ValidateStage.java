package gongkai.validate;

import gongkai.pipeline.BuildContext;
import gongkai.pipeline.BuildStage;
import java.util.List;

/** validate: references resolve and ids that become URLs are unique. */
public record ValidateStage() implements BuildStage {
    @Override
    public String name() {
        return "validate";
    }

    @Override
    public void run(BuildContext context) {
        List<String> problems = ContentChecks.problems(context.content());
        if (!problems.isEmpty()) {
            throw new IllegalStateException(problems.size() + " content problem(s):\n  " + String.join("\n  ", problems));
        }
    }
}
