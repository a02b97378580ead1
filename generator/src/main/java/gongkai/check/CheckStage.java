package gongkai.check;

import gongkai.pipeline.BuildContext;
import gongkai.pipeline.BuildStage;
import java.util.List;

/** check: every internal link and asset reference resolves to a written file. */
public record CheckStage() implements BuildStage {
    private static final int LISTED = 50;
    private static final BuildContext.Slot<LinkChecker> LINKS = BuildContext.Slot.named("the pages' links");

    @Override
    public String name() {
        return "check";
    }

    /** Links are taken from each page while the render stage has its text in memory; pages are never read back. */
    @Override
    public void prepare(BuildContext context) {
        context.addPageObserver((path, text, length) -> links(context).collect(path, text, length));
    }

    private static LinkChecker links(BuildContext context) {
        return context.computeIfAbsent(LINKS, () -> new LinkChecker(context.stagingDir(), context.basePath()));
    }

    @Override
    public void run(BuildContext context) throws Exception {
        List<String> broken = links(context).brokenLinks(context.writtenPaths());
        if (!broken.isEmpty()) {
            List<String> shown = broken.subList(0, Math.min(LISTED, broken.size()));
            throw new IllegalStateException(broken.size() + " broken link(s):\n  " + String.join("\n  ", shown)
                    + (broken.size() > LISTED ? "\n  … and " + (broken.size() - LISTED) + " more" : ""));
        }
    }
}
