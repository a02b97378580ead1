package gongkai.serve;

import gongkai.pipeline.SitePaths;

import gongkai.content.Content;
import gongkai.content.ContentPaths;
import gongkai.content.DepartmentYear;
import gongkai.content.Problem;
import gongkai.content.Urls;
import gongkai.export.ChartFiles;
import gongkai.export.DatasetExporter;
import gongkai.export.ExportStage;
import gongkai.export.WrittenFile;
import gongkai.load.ContentLoader;
import gongkai.load.LoadResult;
import gongkai.load.LoadStage;
import gongkai.load.Positions;
import gongkai.pipeline.BuildContext;
import gongkai.pipeline.BuildException;
import gongkai.pipeline.BuildOptions;
import gongkai.pipeline.BuildPipeline;
import gongkai.pipeline.BuildReport;
import gongkai.pipeline.ChangedYears;
import gongkai.pipeline.DataFiles;
import gongkai.quality.QualityReport;
import gongkai.quality.QualityStage;
import gongkai.render.RenderStage;
import gongkai.render.Templates;
import gongkai.site.AssembleStage;
import gongkai.site.ChartData;
import gongkai.site.GitDates;
import gongkai.site.SiteModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The dev server's builder: a full build first (keeping its content and page models), then, when only existing
 * department-year files changed, an incremental update of the served folder by the same pipeline's stages over
 * the changed jobs ({@link ChangedYears}, {@link BuildPipeline#runStages}). Nothing is written into the served
 * folder directly: files are written into a staging folder beside it and then renamed into place
 * ({@link SiteInstall}), so a request sees each file either as it was or as it is now, never half-written or
 * missing:
 * <ol>
 * <li>only the changed YAML files are re-read (the content model gets the new department-years); the validate
 * stage checks the whole content, reporting the re-read files' problems as a full build would; the quality
 * stage checks the re-read years again and keeps the other years' issues;</li>
 * <li>the assemble stage assembles the pages those years reach (with /quality/) and keeps those whose view model differs from
 * the last build's; the render stage renders them, then sitemap(s) and feed.xml; the export stage writes the
 * years' own downloads and source documents, and the CSVs of the charts that changed;</li>
 * <li>all these files are renamed into the served folder one by one, pages last; removed projects' pages and
 * downloads are deleted (a withdrawn project's page stays: it is now its tombstone), and the CSVs of charts that
 * no longer have data;</li>
 * <li>global files, which depend on every department-year, are regenerated after that on a background thread
 * (once for a burst of edits): the whole-dataset downloads under data/ (with quality.csv/.json, the
 * datapackage.json hashes, the zip and the downloads page data/index.html, which lists their sizes) and the
 * search index (the pipeline's index stage, rebuilt fully); data/ and search/data/ then each replace their served folder whole,
 * through the server's gate (see {@link ServedSite}).</li>
 * </ol>
 * The result equals a full build of the changed content byte for byte, but for the data version the pages' citations
 * quote: every page but the downloads page keeps the last full build's (re-rendering every page for it would make
 * each edit a full build), until the next full build. Anything else (site.yaml, regions,
 * departments, pages, theme, new or deleted files) gets the full build. The link check is not re-run on an
 * incremental update (the full build checks every link).
 */
public final class IncrementalRebuild implements PreviewSession.Builder {
    private final BuildOptions options;
    private final Supplier<BuildPipeline> pipeline;
    private final Consumer<String> log;
    private Last last;

    /** What the last build (full or incremental) left: the model edits start from. */
    private record Last(BuildReport report, Content content, Positions positions, QualityReport quality,
                        SiteModel site, GitDates dates, Templates templates, String dataVersion) {
        static Last of(BuildPipeline.Built built) {
            BuildContext c = built.context();
            LoadResult loaded = c.find(LoadStage.LOADED);
            return new Last(built.report(), c.content(), loaded == null ? Positions.NONE : loaded.positions(),
                    c.get(QualityStage.REPORT), c.get(AssembleStage.SITE), c.get(AssembleStage.DATES),
                    c.find(RenderStage.TEMPLATES), c.find(DataFiles.VERSION));
        }
    }

    /** Renames of folders inside the served site go through this (the server's, once attached). */
    private volatile SiteInstall.Gate gate = SiteInstall.Gate.NONE;

    /**
     * The content the global files are to be regenerated for, with its quality report, its build's dates and
     * templates, and the downloads page as that build assembles it for the files the regeneration writes.
     */
    private record GlobalWork(Content content, QualityReport quality, GitDates dates, Templates templates,
                              List<ChartData> charts,
                              java.util.function.Function<DataFiles, List<SiteModel.PageJob>> dataPages) {
    }

    private final java.util.concurrent.atomic.AtomicReference<GlobalWork> pendingGlobal = new java.util.concurrent.atomic.AtomicReference<>();
    private final java.util.concurrent.ExecutorService global = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gongkai-global-files");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param pipeline a fresh full pipeline per call (the same as {@code gongkai build}): its stages also make the
     *                 incremental updates, and its index stage re-indexes after them
     */
    public IncrementalRebuild(BuildOptions options, Supplier<BuildPipeline> pipeline, Consumer<String> log) {
        this.options = Objects.requireNonNull(options);
        this.pipeline = Objects.requireNonNull(pipeline);
        this.log = Objects.requireNonNull(log);
    }

    @Override
    public void attach(DevServer server) {
        gate = server::exclusive;
    }

    @Override
    public synchronized BuildReport build() throws BuildException {
        awaitGlobalFiles();
        last = null;
        BuildPipeline.Built built = pipeline.get().runKeepingModel();
        last = Last.of(built);
        return built.report();
    }

    @Override
    public synchronized String update(Set<Path> changed, long firstEventNanos) throws BuildException {
        if (last == null) {
            return null;
        }
        Map<String, DepartmentYear> byFile = new HashMap<>();
        for (DepartmentYear dy : last.content().departmentYears()) {
            byFile.put(ContentPaths.departmentYear(dy), dy);
        }
        Path contentDir = options.contentDir();
        List<Path> files = new ArrayList<>();
        for (Path path : changed) {
            Path p = path.toAbsolutePath().normalize();
            String relative = p.startsWith(contentDir) ? contentDir.relativize(p).toString().replace('\\', '/') : null;
            // Only edits of existing year files are incremental; editor temp files beside them are ignored.
            if (relative != null && byFile.containsKey(relative) && Files.isRegularFile(p)) {
                files.add(p);
            } else if (Files.exists(p) && !isTemp(p) || relative != null && byFile.containsKey(relative)) {
                return null; // theme, site/region/department files, pages, new or deleted year files: full build
            }
            // else: a file that came and went within the burst (an editor's or sed's temporary file)
        }
        if (files.isEmpty()) {
            return null;
        }
        long start = System.nanoTime();
        try {
            return apply(files, byFile, start, firstEventNanos);
        } catch (BuildException e) {
            throw e;
        } catch (Exception e) {
            throw new BuildException("incremental", e instanceof gongkai.content.Text.Carrier c ? c.text()
                    : gongkai.content.Text.same(e.getMessage() == null ? e.toString() : e.getMessage()), e);
        }
    }

    private static boolean isTemp(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith(".") || name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".tmp");
    }

    /** The stages an incremental update runs, in the pipeline's order (load is the re-read above; check, index, write are not). */
    private static final List<String> STAGES = List.of("validate", "quality", "assemble", "export", "render");

    private String apply(List<Path> files, Map<String, DepartmentYear> byFile, long start, long firstEventNanos)
            throws Exception {
        Content old = last.content();
        // load: only the changed files are re-read; their problems go to the validate stage, as in a full build
        Map<DepartmentYear, DepartmentYear> replaced = new LinkedHashMap<>();
        List<Problem> errors = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        Positions positions = last.positions();
        for (Path file : files) {
            ContentLoader.YearFile loaded = ContentLoader.loadYearFile(options.contentDir(), file);
            errors.addAll(loaded.errors());
            warnings.addAll(loaded.warnings());
            positions = positions.with(loaded.positions(), List.of(file.toString()));
            if (loaded.year() != null) {
                String relative = options.contentDir().relativize(file).toString().replace('\\', '/');
                replaced.put(byFile.get(relative), loaded.year());
            }
        }
        List<DepartmentYear> years = old.departmentYears().stream().map(dy -> replaced.getOrDefault(dy, dy)).toList();
        Content content = new Content(old.site(), old.regions(), old.departments(), years, old.pages());
        ChangedYears changed = new ChangedYears(replaced);

        Path siteDir = options.outDir();
        Path staging = SiteInstall.createStaging(siteDir);
        try {
            // The full build's stages over the changed jobs, written into the staging folder.
            BuildContext context = BuildContext.standalone(options, staging, content);
            context.set(LoadStage.LOADED, new LoadResult(content, errors, warnings, positions));
            context.set(QualityStage.PREVIOUS, last.quality());
            context.set(ChangedYears.SLOT, changed);
            context.set(AssembleStage.PREVIOUS, last.site());
            context.set(AssembleStage.DATES, last.dates());
            if (last.templates() != null) {
                context.set(RenderStage.TEMPLATES, last.templates()); // the theme has not changed (an edit is a full build)
            }
            if (last.dataVersion() != null) {
                // the pages not re-rendered quote the full build's data version: so do these (a preview's citations
                // catch up with the regenerated datapackage.json at the next full build)
                context.set(DataFiles.VERSION, last.dataVersion());
            }
            pipeline.get().runStages(context, STAGES);
            SiteModel site = context.get(AssembleStage.SITE);
            int pages = context.get(AssembleStage.CHANGED_PAGES).size();
            int written = context.writtenPaths().size();

            // install: each file renamed into the served folder, pages last; removed projects' files deleted
            SiteInstall.moveFiles(staging, siteDir);
            for (String id : changed.removedProjects()) {
                for (String file : List.of(Urls.projectData(id, ".json"), Urls.projectData(id, ".csv"),
                        Urls.projectData(id, "-excel.csv"))) {
                    Files.deleteIfExists(SitePaths.inside(siteDir, file));
                }
            }
            // a project moved to retracted: keeps its page (the tombstone just installed), not its downloads
            for (String id : changed.removedPages()) {
                Files.deleteIfExists(SitePaths.inside(siteDir, Urls.project(id) + "index.html"));
                Files.deleteIfExists(SitePaths.inside(siteDir, Urls.project(id)));
            }
            // a source file no year publishes any more, and any other page the site no longer has (such a file's page)
            Set<String> published = gongkai.content.SiteCatalogue.sources(years).keySet();
            for (String document : gongkai.content.SiteCatalogue.sources(old.departmentYears()).keySet()) {
                if (!published.contains(document)) {
                    Files.deleteIfExists(SitePaths.inside(siteDir, Urls.source(document)));
                }
            }
            Set<String> now = new java.util.HashSet<>();
            site.pages().forEach(p -> now.add(p.outputFile()));
            for (SiteModel.PageJob gone : last.site().pages()) {
                if (!now.contains(gone.outputFile())) {
                    Path file = SitePaths.inside(siteDir, gone.outputFile());
                    Files.deleteIfExists(file);
                    // a page's own folder (en/projects/<id>/ of every edition) goes with it, as a full build has none
                    Path folder = file.getParent();
                    if (gone.outputFile().endsWith("/index.html") && Files.isDirectory(folder)) {
                        try (var left = Files.list(folder)) {
                            if (left.findAny().isEmpty()) {
                                Files.delete(folder);
                            }
                        }
                    }
                }
            }
            // a chart the edit left without data (its page now says why there is none): its CSV goes too
            Set<String> charts = new java.util.HashSet<>();
            site.charts().forEach(c -> charts.add(c.path()));
            for (ChartData chart : last.site().charts()) {
                if (!charts.contains(chart.path())) {
                    Files.deleteIfExists(SitePaths.inside(siteDir, chart.path()));
                }
            }
            long pagesDone = System.nanoTime();
            QualityReport quality = context.get(QualityStage.REPORT);
            last = new Last(last.report(), content, positions, quality, site, last.dates(),
                    context.find(RenderStage.TEMPLATES), last.dataVersion());
            String names = String.join(", ", files.stream()
                    .map(f -> options.contentDir().relativize(f).toString().replace('\\', '/')).toList());

            // global files, on their own thread so the next edit's pages need not wait for them
            pendingGlobal.set(new GlobalWork(content, quality, last.dates(), last.templates(), site.charts(),
                    catalog -> AssembleStage.dataPages(context, catalog)));
            global.execute(this::regenerateGlobalFiles);
            return String.format(Locale.ROOT, options.lang() == gongkai.content.Lang.EN
                    ? "rebuilt %s: %d pages, %d files in %d ms (%d ms after the change)"
                    : "已重新构建 %s：%d 个页面，%d 个文件，用时 %d ms（文件变动后 %d ms）",
                    names, pages, written, (pagesDone - start) / 1_000_000, (pagesDone - firstEventNanos) / 1_000_000);
        } finally {
            deleteStaging(staging);
        }
    }

    /**
     * Regenerates what depends on every department-year — data/ (whole-dataset CSVs, all.json, datapackage.json)
     * and the search index — for the newest content only: a burst of edits gives one regeneration at its end.
     */
    private void regenerateGlobalFiles() {
        GlobalWork work = pendingGlobal.getAndSet(null);
        if (work == null) {
            return;
        }
        long start = System.nanoTime();
        try {
            Path siteDir = options.outDir();
            Path staging = SiteInstall.createStaging(siteDir);
            List<WrittenFile> bundle;
            try {
                String contentDate = work.dates().latestUnder("");
                DatasetExporter.Result exported = new DatasetExporter(contentDate, work.dates().allChanges()).exportBundle(work.content(), staging,
                        work.quality());
                bundle = exported.files();
                // the downloads page lives in data/ and lists these files' sizes: rendered again with them
                List<SiteModel.PageJob> dataPages = work.dataPages().apply(
                        exported.catalog().withCharts(ChartFiles.catalog(work.charts())));
                Templates templates = work.templates() != null ? work.templates()
                        : new Templates(options.themeDir().resolve("templates"));
                for (SiteModel.PageJob dataPage : dataPages) { // one per edition (data/, en/data/)
                    Path file = SitePaths.inside(staging, dataPage.outputFile());
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, templates.render(dataPage.template(),
                                    RenderStage.withDataVersion(dataPage.model(), exported.catalog().version())),
                            java.nio.charset.StandardCharsets.UTF_8);
                }
                // the pipeline's index stage, standalone: the Lucene index (<out>.index, not served) is rebuilt
                // in place (readers see the last commit), its static search files go to the staging folder
                pipeline.get().runStages(BuildContext.standalone(options, staging, work.content()), List.of("index"));
                SiteInstall.replaceFolders(staging, siteDir, gate);
            } finally {
                deleteStaging(staging);
            }
            log.accept(String.format(Locale.ROOT, options.lang() == gongkai.content.Lang.EN
                    ? "serve: the whole-dataset downloads (%d files) and the search index were regenerated in %d ms"
                    : "serve: 整体数据下载（%d 个文件）和搜索索引已重新生成，用时 %d ms",
                    bundle.size(), (System.nanoTime() - start) / 1_000_000));
        } catch (Exception e) {
            log.accept(gongkai.content.Text.of(e).after("serve: 重新生成整体数据下载和搜索索引失败：",
                    "serve: regenerating the whole-dataset downloads and the search index failed: ").in(options.lang()));
        }
    }

    /** Drops pending global work and waits for a running one, so a full build never races it. */
    private void awaitGlobalFiles() {
        pendingGlobal.set(null);
        try {
            global.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Deletes a staging folder; a failure is reported, not thrown (the update itself is done, or failed already). */
    private void deleteStaging(Path staging) {
        try {
            SiteInstall.delete(staging);
        } catch (java.io.IOException e) {
            log.accept("serve: 无法删除临时目录 (could not delete the staging folder) " + staging + ": " + e.getMessage());
        }
    }
}
