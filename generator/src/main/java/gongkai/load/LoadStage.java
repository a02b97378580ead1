package gongkai.load;

import gongkai.content.Content;
import gongkai.pipeline.BuildContext;
import gongkai.pipeline.BuildStage;
import java.util.Objects;

/** load: reads the content tree into the immutable model. */
public record LoadStage(ContentSource source) implements BuildStage {
    @Override
    public String name() {
        return "load";
    }

    @Override
    public void run(BuildContext context) throws Exception {
        Content content = source.load(context.options().contentDir());
        context.setContent(Objects.requireNonNull(content, "the content source returned no content"));
    }
}
