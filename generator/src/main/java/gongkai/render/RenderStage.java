package gongkai.render;

import gongkai.pipeline.BuildContext;
import gongkai.pipeline.BuildStage;
import gongkai.pipeline.DataFiles;
import gongkai.site.AssembleStage;
import gongkai.site.SiteModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * render: theme assets, every page in parallel, sitemap, robots.txt, feed. In an incremental build only the
 * pages the assemble stage left in {@link AssembleStage#CHANGED_PAGES} are rendered, then sitemap(s) and feed;
 * theme assets and robots.txt depend on nothing an incremental build changes, and templates already parsed (a
 * {@link #TEMPLATES} the context holds) are reused.
 */
public record RenderStage() implements BuildStage {
    /** The theme's templates as this stage parsed them (serve's incremental builds reuse them). */
    public static final BuildContext.Slot<Templates> TEMPLATES = BuildContext.Slot.named("the parsed templates");

    private static final int PROGRESS_FROM = 1000;

    @Override
    public String name() {
        return "render";
    }

    @Override
    public void run(BuildContext context) throws Exception {
        Path theme = context.options().themeDir();
        Templates templates = context.find(TEMPLATES);
        if (templates == null) {
            templates = new Templates(theme.resolve("templates"));
            context.set(TEMPLATES, templates);
        }
        List<SiteModel.PageJob> changed = context.find(AssembleStage.CHANGED_PAGES);
        if (changed == null) {
            copyStatic(theme.resolve("static"), context);
        }
        SiteModel site = context.get(AssembleStage.SITE);
        List<SiteModel.PageJob> pages = changed == null ? site.pages() : changed;
        Templates parsed = templates;
        // the data version datapackage.json states (the export stage ran before this one): one string for every page
        String dataVersion = context.find(DataFiles.VERSION);
        AtomicInteger done = new AtomicInteger();
        int step = Math.max(1, pages.size() / 10);
        // One reusable text buffer per render thread (kept only while this stage runs).
        Map<Thread, PageText> texts = new ConcurrentHashMap<>();
        // Each page's bytes depend only on its own job, so the parallel order cannot change the output.
        List<String> errors = pages.parallelStream()
                .map(job -> {
                    try {
                        PageText text = texts.computeIfAbsent(Thread.currentThread(), t -> new PageText());
                        text.reset();
                        parsed.render(job.template(), withDataVersion(job.model(), dataVersion), text);
                        int bytes = text.encode(); // may replace the byte array: read it after
                        context.write(job.outputFile(), text.utf8(), 0, bytes);
                        context.pageRendered(job.outputFile(), text.chars(), text.length());
                    } catch (Exception e) {
                        return job.outputFile() + " (" + job.template() + "): " + e.getMessage();
                    }
                    int n = done.incrementAndGet();
                    if (pages.size() >= PROGRESS_FROM && n % step == 0) {
                        context.log("render: " + n + "/" + pages.size() + " pages");
                    }
                    return null;
                })
                .filter(Objects::nonNull)
                .sorted()
                .toList();
        if (!errors.isEmpty()) {
            throw new IllegalStateException(errors.size() + " page(s) failed to render; first: " + errors.get(0));
        }
        context.addPagesRendered(pages.size());
        for (Map.Entry<String, String> sitemap : SiteFiles.sitemaps(templates, site, context.options().sitemapLimit()).entrySet()) {
            context.writeString(sitemap.getKey(), sitemap.getValue());
        }
        if (changed == null) {
            context.writeString("robots.txt", SiteFiles.robots(templates, site));
        }
        context.writeString(gongkai.content.Urls.feed(), SiteFiles.atomFeed(templates, site));
        for (SiteModel.YearFeed feed : site.yearFeeds()) {
            context.writeString(feed.outputFile(), SiteFiles.yearFeed(templates, site, feed));
        }
    }

    /**
     * A page's model with the site's data version ({@code dataVersion}, read-only; the citation under every page quotes
     * it), or as it is when the build wrote no data package.
     */
    public static Map<String, Object> withDataVersion(Map<String, Object> model, String dataVersion) {
        if (dataVersion == null) {
            return model;
        }
        Map<String, Object> with = new java.util.HashMap<>(model);
        with.put("dataVersion", dataVersion);
        return java.util.Collections.unmodifiableMap(with);
    }

    private static void copyStatic(Path staticDir, BuildContext context) throws IOException {
        if (!Files.isDirectory(staticDir)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(staticDir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String relative = staticDir.relativize(file).toString().replace('\\', '/');
            context.write("assets/" + relative, MinifiedScripts.served(relative, Files.readAllBytes(file)));
        }
    }
}
