package gongkai.search;

import gongkai.pipeline.BuildContext;
import gongkai.pipeline.BuildOptions;
import gongkai.pipeline.BuildStage;
import gongkai.pipeline.SiteSwap;
import java.nio.file.Path;

/**
 * The build's {@code index} stage: builds the Lucene index published beside the output folder
 * ({@code <out>.index}, not served; read by {@code gongkai search} and serve's {@code /api/search}) and exports
 * the browser's search files into the staging site ({@code search/data/}). The index is staged in the build's
 * folder like the site and swapped in with it ({@link BuildContext#besideOutput}), so a failed build leaves the
 * published index describing the published site.
 */
public final class SearchIndexStage implements BuildStage {
    /** {@code site} → {@code site.index}. */
    public static final String SUFFIX = ".index";

    @Override
    public String name() {
        return "index";
    }

    /** Where a build with these options keeps its index: {@code site} → {@code site.index} (gongkai search --index). */
    public static Path indexDir(BuildOptions options) {
        return SiteSwap.besideOutput(options.outDir(), SUFFIX);
    }

    @Override
    public void run(BuildContext context) throws Exception {
        Path indexDir = context.besideOutput(SUFFIX);
        long t0 = System.nanoTime();
        new SearchIndexBuilder().build(context.content(), indexDir,
                SearchVariants.load(context.options().themeDir()));
        long t1 = System.nanoTime();
        StaticSearchExporter.Stats stats = new StaticSearchExporter().export(indexDir, context.stagingDir());
        long t2 = System.nanoTime();
        context.options().log().accept(String.format("index: %d documents, %d search files (%d KB); Lucene %d ms, "
                + "static files %d ms", stats.docs(), stats.files(), stats.bytes() / 1024, (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000));
    }
}
