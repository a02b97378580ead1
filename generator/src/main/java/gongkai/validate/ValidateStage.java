package gongkai.validate;

import gongkai.content.Problem;
import gongkai.load.LoadResult;
import gongkai.load.LoadStage;
import gongkai.content.Text;
import gongkai.pipeline.BuildContext;
import gongkai.pipeline.BuildException;
import gongkai.pipeline.BuildStage;
import java.util.stream.Collectors;

/**
 * validate: {@link Validation} on what the load stage read — the same checks, in the same words, as
 * {@code gongkai validate}. Warnings are logged; any error fails the build before a page is assembled.
 */
public record ValidateStage() implements BuildStage {
    @Override
    public String name() {
        return "validate";
    }

    @Override
    public void run(BuildContext context) throws BuildException {
        LoadResult loaded = context.find(LoadStage.LOADED);
        if (loaded == null) {
            loaded = LoadResult.of(context.content());
        }
        Validation.Result result = Validation.check(loaded, context.options().contentDir());
        for (Problem warning : result.warnings()) {
            context.log(warning);
        }
        if (!result.ok()) {
            int n = result.errors().size();
            throw new BuildException(name(), Text.of(n + " 处内容错误（content errors）：\n  "
                    + result.errors().stream().map(Problem::format).collect(Collectors.joining("\n  ")),
                    Text.count(n, "content error") + ":\n  "
                    + result.errors().stream().map(p -> p.format(gongkai.content.Lang.EN)).collect(Collectors.joining("\n  "))),
                    null);
        }
    }
}
