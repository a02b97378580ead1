package gongkai.load;

import gongkai.pipeline.BuildContext;
import gongkai.pipeline.BuildStage;
import java.util.Objects;

/**
 * load: reads the content tree into the immutable model. Problems found while reading do not stop it here: they
 * are left, with the positions, for the validate stage, which reports them together with the checks across files —
 * exactly what {@code gongkai validate} prints.
 */
public record LoadStage(ContentSource source) implements BuildStage {
    /** What the load found: problems and positions (the validate stage reads them). */
    public static final BuildContext.Slot<LoadResult> LOADED = BuildContext.Slot.named("the load result");

    @Override
    public String name() {
        return "load";
    }

    @Override
    public void run(BuildContext context) throws Exception {
        LoadResult loaded = Objects.requireNonNull(source.read(context.options().contentDir()),
                "the content source returned nothing");
        context.set(LOADED, loaded);
        context.setContent(Objects.requireNonNull(loaded.content(), "the content source returned no content"));
    }
}
