package gongkai.serve;

import gongkai.content.ContentPaths;
import gongkai.content.DepartmentKey;
import gongkai.render.RenderStage;
import gongkai.site.AssembleStage;
import gongkai.site.GitDates;

import gongkai.pipeline.BuildContext;
import gongkai.pipeline.BuildException;
import gongkai.pipeline.BuildOptions;
import gongkai.pipeline.BuildPipeline;
import gongkai.pipeline.BuildReport;
import gongkai.pipeline.BuildStage;
import gongkai.validate.ContentChecks;
import gongkai.site.ProcurementSource;
import gongkai.site.SiteAssembler;
import gongkai.render.SiteFiles;
import gongkai.site.SiteModel;
import gongkai.content.Content;
import gongkai.load.ContentLoader;
import gongkai.content.DepartmentYear;
import gongkai.content.Project;
import gongkai.content.Urls;
import gongkai.export.DatasetExporter;
import gongkai.export.WrittenFile;
import gongkai.render.Templates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The dev server's builder: a full build first (keeping its content and page models), then, when only existing
 * department-year files changed, an incremental update of the served folder. Nothing is written into the served
 * folder directly: files are written into a staging folder beside it and then renamed into place
 * ({@link SiteInstall}), so a request sees each file either as it was or as it is now, never half-written or
 * missing:
 * <ol>
 * <li>only the changed YAML files are re-read; the content model gets the new department-years; validate runs;</li>
 * <li>the candidate pages (home, the department's region, the department, its years, their projects —
 * {@link SiteAssembler#departmentPages}) are assembled, and only those whose view model differs from the last
 * build's are rendered; project pages of removed projects and their downloads are deleted;</li>
 * <li>the department-years' own downloads and source documents are written, then sitemap(s) and feed.xml; all
 * these files are renamed into the served folder one by one, pages last;</li>
 * <li>global files, which depend on every department-year, are regenerated after that on a background thread
 * (once for a burst of edits): the whole-dataset downloads under data/ (with datapackage.json hashes) and, when
 * wired, the search index (rebuilt fully); data/ and search/data/ then each replace their served folder whole,
 * through the server's gate (see {@link ServedSite}).</li>
 * </ol>
 * The result equals a full build of the changed content byte for byte. Anything else (site.yaml, regions,
 * departments, pages, theme, new or deleted files) gets the full build. The link check is not re-run on an
 * incremental update (the full build checks every link).
 */
public final class IncrementalRebuild implements PreviewSession.Builder {
    private final BuildOptions options;
    private final Supplier<BuildPipeline> pipeline;
    private final ProcurementSource procurement;
    private final BuildStage index;
    private final Consumer<String> log;
    private Last last;

    /** What the last build (full or incremental) left: the model edits start from. */
    private record Last(BuildReport report, Content content, SiteModel site, GitDates dates, Templates templates) {
        static Last of(BuildPipeline.Built built) {
            BuildContext c = built.context();
            return new Last(built.report(), c.content(), c.get(AssembleStage.SITE), c.get(AssembleStage.DATES),
                    c.find(RenderStage.TEMPLATES));
        }
    }

    /** Renames of folders inside the served site go through this (the server's, once attached). */
    private volatile SiteInstall.Gate gate = SiteInstall.Gate.NONE;

    /** The content and site the global files are to be regenerated for. */
    private record GlobalWork(Content content, SiteModel site) {
    }

    private final java.util.concurrent.atomic.AtomicReference<GlobalWork> pendingGlobal = new java.util.concurrent.atomic.AtomicReference<>();
    private final java.util.concurrent.ExecutorService global = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gongkai-global-files");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param pipeline    a fresh full pipeline per call (the same as {@code gongkai build})
     * @param procurement the procurement source that pipeline uses
     * @param index       the pipeline's search stage, re-run fully after an incremental update; null when none
     */
    public IncrementalRebuild(BuildOptions options, Supplier<BuildPipeline> pipeline, ProcurementSource procurement,
                              BuildStage index, Consumer<String> log) {
        this.options = Objects.requireNonNull(options);
        this.pipeline = Objects.requireNonNull(pipeline);
        this.procurement = Objects.requireNonNull(procurement);
        this.index = index;
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
            throw new BuildException("incremental", e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    private static boolean isTemp(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith(".") || name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".tmp");
    }

    private String apply(List<Path> files, Map<String, DepartmentYear> byFile, long start, long firstEventNanos)
            throws Exception {
        Content old = last.content();
        // 1. re-read the changed files
        Map<DepartmentYear, DepartmentYear> replaced = new HashMap<>();
        for (Path file : files) {
            ContentLoader.YearFile loaded = ContentLoader.loadYearFile(options.contentDir(), file);
            if (!loaded.ok()) {
                throw new BuildException("load", loaded.errors().size() + " content problem(s):\n  "
                        + String.join("\n  ", loaded.errors().stream().map(Object::toString).toList()), null);
            }
            String relative = options.contentDir().relativize(file).toString().replace('\\', '/');
            replaced.put(byFile.get(relative), loaded.year());
        }
        List<DepartmentYear> years = old.departmentYears().stream().map(dy -> replaced.getOrDefault(dy, dy)).toList();
        Content content = new Content(old.site(), old.regions(), old.departments(), years, old.pages());
        List<gongkai.content.Problem> problems = ContentChecks.check(content, gongkai.load.Positions.NONE, options.contentDir());
        if (!problems.isEmpty()) {
            throw new BuildException("validate", problems.size() + " content problem(s):\n  "
                    + String.join("\n  ", problems.stream().map(Object::toString).toList()), null);
        }

        // 2. candidate pages; render those whose model changed
        SiteAssembler assembler = new SiteAssembler(content, last.dates(), procurement, Files.isRegularFile(options.themeDir().resolve("static/search.js")));
        Set<DepartmentKey> departments = new TreeSet<>();
        replaced.values().forEach(dy -> departments.add(dy.departmentKey()));
        Map<String, SiteModel.PageJob> candidates = new HashMap<>();
        for (DepartmentKey department : departments) {
            for (SiteModel.PageJob job : assembler.departmentPages(department)) {
                candidates.put(job.outputFile(), job);
            }
        }
        Set<String> removedPages = new HashSet<>();
        Set<String> removedProjects = new HashSet<>();
        for (Map.Entry<DepartmentYear, DepartmentYear> e : replaced.entrySet()) {
            Set<String> now = new HashSet<>();
            e.getValue().projects().forEach(p -> now.add(p.id()));
            for (Project p : e.getKey().projects()) {
                if (!now.contains(p.id())) {
                    removedProjects.add(p.id());
                    removedPages.add(Urls.project(p.id()) + "index.html");
                }
            }
        }
        List<SiteModel.PageJob> pages = new ArrayList<>();
        List<SiteModel.PageJob> toRender = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SiteModel.PageJob job : last.site().pages()) {
            if (removedPages.contains(job.outputFile())) {
                continue;
            }
            SiteModel.PageJob now = candidates.getOrDefault(job.outputFile(), job);
            seen.add(job.outputFile());
            pages.add(now);
            if (now != job && !now.equals(job)) {
                toRender.add(now);
            }
        }
        for (SiteModel.PageJob job : candidates.values()) {
            if (!seen.contains(job.outputFile())) {
                pages.add(job); // a project added to the file
                toRender.add(job);
            }
        }
        SiteModel site = assembler.site(pages);
        Path siteDir = options.outDir();
        Path staging = SiteInstall.createStaging(siteDir);
        try {
            return applyStaged(files, content, site, toRender, removedProjects, replaced, staging, start, firstEventNanos);
        } finally {
            deleteStaging(staging);
        }
    }

    /** Steps 2 (rendering) and 3 of {@link #apply}, written into {@code staging} and then moved into the site. */
    private String applyStaged(List<Path> files, Content content, SiteModel site, List<SiteModel.PageJob> toRender,
            Set<String> removedProjects, Map<DepartmentYear, DepartmentYear> replaced, Path staging, long start,
            long firstEventNanos) throws Exception {
        Path siteDir = options.outDir();
        BuildContext live = BuildContext.standalone(options, staging, content);
        // The full build's templates, already parsed: the theme has not changed (a theme edit is a full build).
        Templates templates = last.templates() != null ? last.templates()
                : new Templates(options.themeDir().resolve("templates"));
        List<String> errors = toRender.parallelStream().map(job -> {
            try {
                live.writeString(job.outputFile(), templates.render(job.template(), job.model()));
                return null;
            } catch (Exception e) {
                return job.outputFile() + " (" + job.template() + "): " + e.getMessage();
            }
        }).filter(Objects::nonNull).sorted().toList();
        if (!errors.isEmpty()) {
            throw new BuildException("render", errors.size() + " page(s) failed to render; first: " + errors.get(0), null);
        }
        int written = toRender.size();

        // 3. the department-years' downloads and documents, sitemap, feed
        List<DepartmentYear> changedYears = List.copyOf(replaced.values());
        // a project's own downloads depend on it and on its year's other fields only: an edit of one project
        // rewrites that project's three files, not the year's hundreds
        Set<String> unchangedProjects = new HashSet<>();
        for (Map.Entry<DepartmentYear, DepartmentYear> e : replaced.entrySet()) {
            DepartmentYear before = e.getKey();
            DepartmentYear after = e.getValue();
            if (sameApartFromProjects(before, after)) {
                Map<String, Project> previous = new HashMap<>();
                before.projects().forEach(p -> previous.put(p.id(), p));
                after.projects().stream().filter(p -> p.equals(previous.get(p.id())))
                        .forEach(p -> unchangedProjects.add(p.id()));
            }
        }
        List<WrittenFile> downloads = new DatasetExporter().exportDepartmentYears(content, staging, changedYears,
                id -> !unchangedProjects.contains(id));
        written += downloads.size();
        for (DepartmentYear dy : changedYears) {
            if (dy.document() != null) {
                Path source;
                try {
                    source = gongkai.content.SafePaths.sourceDocument(options.contentDir(), dy.document());
                } catch (gongkai.content.SafePaths.Unsafe e) {
                    throw new BuildException("export", "document: " + e.getMessage(), e);
                }
                live.write(Urls.source(dy.document()), Files.readAllBytes(source));
                written++;
            }
        }
        for (Map.Entry<String, String> sitemap : SiteFiles.sitemaps(templates, site, options.sitemapLimit()).entrySet()) {
            live.writeString(sitemap.getKey(), sitemap.getValue());
            written++;
        }
        live.writeString("feed.xml", SiteFiles.atomFeed(templates, site));
        written++;
        SiteInstall.moveFiles(staging, siteDir);
        for (String id : removedProjects) {
            for (String file : List.of(Urls.project(id) + "index.html", Urls.projectData(id, ".json"),
                    Urls.projectData(id, ".csv"), Urls.projectData(id, "-excel.csv"))) {
                Files.deleteIfExists(inSite(siteDir, file));
            }
            Files.deleteIfExists(inSite(siteDir, Urls.project(id)));
        }
        long pagesDone = System.nanoTime();
        last = new Last(last.report(), content, site, last.dates(), templates);
        String names = String.join(", ", files.stream()
                .map(f -> options.contentDir().relativize(f).toString().replace('\\', '/')).toList());

        // 4. global files, on their own thread so the next edit's pages need not wait for them
        pendingGlobal.set(new GlobalWork(content, site));
        global.execute(this::regenerateGlobalFiles);
        return String.format(Locale.ROOT, "rebuilt %s: %d pages, %d files in %d ms (%d ms after the file event)",
                names, toRender.size(), written, (pagesDone - start) / 1_000_000, (pagesDone - firstEventNanos) / 1_000_000);
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
            String search = "";
            try {
                bundle = new DatasetExporter().exportBundle(work.content(), staging);
                if (index != null) {
                    // the Lucene index (<out>.index, not served) is rebuilt in place: readers see the last commit
                    index.run(BuildContext.standalone(options, staging, work.content()));
                    search = " and the search index (rebuilt fully)";
                }
                SiteInstall.replaceFolders(staging, siteDir, gate);
            } finally {
                deleteStaging(staging);
            }
            log.accept(String.format(Locale.ROOT, "serve: whole-dataset downloads (%d files)%s regenerated in %d ms",
                    bundle.size(), search, (System.nanoTime() - start) / 1_000_000));
        } catch (Exception e) {
            log.accept("serve: regenerating the whole-dataset downloads / search index failed: " + e.getMessage());
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

    /** {@code sitePath} under the served folder, refusing paths that leave it. */
    private static Path inSite(Path siteDir, String sitePath) {
        Path root = siteDir.toAbsolutePath().normalize();
        Path target = root.resolve(sitePath).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IllegalArgumentException("output path outside the site: " + sitePath);
        }
        return target;
    }

    private static String yearFile(DepartmentYear dy) {
        return ContentPaths.departmentYear(dy);
    }

    private static boolean sameApartFromProjects(DepartmentYear a, DepartmentYear b) {
        return a.regionSlug().equals(b.regionSlug()) && a.departmentCode().equals(b.departmentCode())
                && a.year() == b.year() && Objects.equals(a.title(), b.title())
                && Objects.equals(a.document(), b.document()) && a.sections().equals(b.sections())
                && a.tables().equals(b.tables());
    }
}
