package gongkai.build;

import gongkai.content.Content;
import gongkai.render.Templates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** The pipeline's own stages (index and export come from the search and export packages). */
final class Stages {
    private Stages() {
    }

    /** load: reads the content tree into the immutable model. */
    record Load(ContentSource source) implements BuildStage {
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

    /** validate: references resolve and ids that become URLs are unique. */
    record Validate() implements BuildStage {
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

    /** assemble: page jobs with views, URLs, content dates. */
    record Assemble(ProcurementSource procurement) implements BuildStage {
        @Override
        public String name() {
            return "assemble";
        }

        @Override
        public void run(BuildContext context) throws Exception {
            GitDates dates = GitDates.read(context.options().contentDir(), context::log);
            context.setDates(dates);
            boolean hasSearchJs = Files.isRegularFile(context.options().themeDir().resolve("static/search.js"));
            context.setSite(new SiteAssembler(context.content(), dates, procurement, hasSearchJs).assemble());
        }
    }

    /** render: theme assets, every page in parallel, sitemap, robots.txt, feed. */
    record Render() implements BuildStage {
        private static final int PROGRESS_FROM = 1000;

        @Override
        public String name() {
            return "render";
        }

        @Override
        public void run(BuildContext context) throws Exception {
            Path theme = context.options().themeDir();
            Templates templates = new Templates(theme.resolve("templates"));
            context.setTemplates(templates);
            copyStatic(theme.resolve("static"), context);
            SiteModel site = context.site();
            List<SiteModel.PageJob> pages = site.pages();
            // Links are taken from each page while its text is in memory; the check stage never reads pages back.
            LinkChecker links = new LinkChecker(context.stagingDir(), site.basePath());
            context.setLinks(links);
            AtomicInteger done = new AtomicInteger();
            int step = Math.max(1, pages.size() / 10);
            // One reusable text buffer per render thread (kept only while this stage runs).
            Map<Thread, PageText> texts = new java.util.concurrent.ConcurrentHashMap<>();
            // Each page's bytes depend only on its own job, so the parallel order cannot change the output.
            List<String> errors = pages.parallelStream()
                    .map(job -> {
                        try {
                            PageText text = texts.computeIfAbsent(Thread.currentThread(), t -> new PageText());
                            text.reset();
                            templates.render(job.template(), job.model(), text);
                            int bytes = text.encode(); // may replace the byte array: read it after
                            context.write(job.outputFile(), text.utf8(), 0, bytes);
                            links.collect(job.outputFile(), text.chars(), text.length());
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
            for (Map.Entry<String, String> sitemap : SiteFiles.sitemaps(site, context.options().sitemapLimit()).entrySet()) {
                context.writeString(sitemap.getKey(), sitemap.getValue());
            }
            context.writeString("robots.txt", SiteFiles.robots(site));
            context.writeString("feed.xml", SiteFiles.atomFeed(site));
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
                context.write("assets/" + relative, Files.readAllBytes(file));
            }
        }
    }

    /** check: every internal link and asset reference resolves to a written file. */
    record Check() implements BuildStage {
        private static final int LISTED = 50;

        @Override
        public String name() {
            return "check";
        }

        @Override
        public void run(BuildContext context) throws Exception {
            LinkChecker links = context.links() != null ? context.links()
                    : new LinkChecker(context.stagingDir(), context.site().basePath());
            List<String> broken = links.brokenLinks(context.writtenPaths());
            if (!broken.isEmpty()) {
                List<String> shown = broken.subList(0, Math.min(LISTED, broken.size()));
                throw new IllegalStateException(broken.size() + " broken link(s):\n  " + String.join("\n  ", shown)
                        + (broken.size() > LISTED ? "\n  … and " + (broken.size() - LISTED) + " more" : ""));
            }
        }
    }

    /** write: the staging directory replaces the output directory. */
    record Write() implements BuildStage {
        @Override
        public String name() {
            return "write";
        }

        @Override
        public void run(BuildContext context) throws Exception {
            SiteSwap.replace(context.stagingDir(), context.options().outDir());
        }
    }
}
