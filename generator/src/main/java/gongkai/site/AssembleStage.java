package gongkai.site;

import gongkai.content.ContentPaths;
import gongkai.content.DepartmentKey;
import gongkai.content.DepartmentYear;
import gongkai.content.Urls;
import gongkai.pipeline.BuildContext;
import gongkai.pipeline.BuildStage;
import gongkai.pipeline.ChangedYears;
import gongkai.pipeline.DataFiles;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;

/**
 * assemble: page jobs with views, URLs, content dates. In an incremental build (the context holds
 * {@link ChangedYears} and the {@link #PREVIOUS} site) only the pages the changed department-years reach are
 * assembled ({@link SiteAssembler#departmentPages}); those whose model differs from the previous build's are left
 * in {@link #CHANGED_PAGES} for the render stage.
 */
public record AssembleStage(ProcurementSource procurement) implements BuildStage {
    /** The assembled site: page jobs, base URL and path. */
    public static final BuildContext.Slot<SiteModel> SITE = BuildContext.Slot.named("the assembled site");
    /** Content dates from git (an incremental build keeps the full build's: content files are not committed by it). */
    public static final BuildContext.Slot<GitDates> DATES = BuildContext.Slot.named("the content's git dates");
    /** Incremental builds: the site the previous build assembled, which the changed pages replace pages of. */
    public static final BuildContext.Slot<SiteModel> PREVIOUS = BuildContext.Slot.named("the previous build's site");
    /** What the quality stage found (it runs before assemble); without it the site has no /quality/ page. */
    public static final BuildContext.Slot<QualityFindings> QUALITY = BuildContext.Slot.named("the quality findings");
    /** The theme's interface strings, one set per edition of the site. */
    public static final BuildContext.Slot<Editions> EDITIONS = BuildContext.Slot.named("the theme's editions");
    /** Incremental builds: the page jobs new or different from {@link #PREVIOUS}'s, the ones to render. */
    public static final BuildContext.Slot<List<SiteModel.PageJob>> CHANGED_PAGES =
            BuildContext.Slot.named("the changed page jobs");

    /**
     * The content's git history being read, from the start of the build (it needs only the repository); emptied
     * when taken, so the versions read are not kept with the context (serve keeps the context between builds).
     */
    private static final BuildContext.Slot<AtomicReference<Future<GitScan>>> HISTORY =
            BuildContext.Slot.named("the git history read");

    @Override
    public String name() {
        return "assemble";
    }

    /**
     * Starts reading the git history on a thread of its own: it needs only the repository, so it runs beside load,
     * validate and quality and {@link #run} takes its result (an incremental build keeps the full build's dates).
     * Should an earlier stage fail, the thread ends by itself once read (it only reads; nothing waits for it).
     */
    @Override
    public void prepare(BuildContext context) {
        if (context.find(DATES) != null || context.find(HISTORY) != null) {
            return;
        }
        FutureTask<GitScan> read = new FutureTask<>(() -> GitScan.read(context.options().contentDir(), context::log));
        Thread thread = new Thread(read, "gongkai-history");
        thread.setDaemon(true);
        context.set(HISTORY, new AtomicReference<>(read));
        thread.start();
    }

    @Override
    public void run(BuildContext context) throws Exception {
        GitDates dates = context.find(DATES);
        if (dates == null) {
            AtomicReference<Future<GitScan>> started = context.find(HISTORY);
            Future<GitScan> read = started == null ? null : started.getAndSet(null);
            GitScan history = read != null ? joined(read) : GitScan.read(context.options().contentDir(), context::log);
            dates = history.dates(context.content());
            context.set(DATES, dates);
        }
        SiteAssembler assembler = assembler(context, dates, procurement);
        ChangedYears changed = context.find(ChangedYears.SLOT);
        // the downloads page lists what the export stage (after this one, before render) wrote
        SiteModel site = changed == null ? assembler.assemble(() -> context.find(DataFiles.SLOT))
                : update(context, assembler, context.get(PREVIOUS), changed);
        context.set(SITE, site);
        context.setBasePath(site.basePath());
    }

    /** The history the thread read, its failure rethrown as it was thrown (an IOException is logged by the read). */
    private static GitScan joined(Future<GitScan> read) throws Exception {
        try {
            return read.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw (Error) e.getCause();
        }
    }

    /** The assembler for the context's content, quality findings and announced downloads. */
    private static SiteAssembler assembler(BuildContext context, GitDates dates, ProcurementSource procurement) {
        boolean hasSearchJs = Files.isRegularFile(context.options().themeDir().resolve("static/search.js"));
        return new SiteAssembler(context.content(), dates, procurement, hasSearchJs, context.find(QUALITY),
                context::writes, editions(context), context.options().contentDir());
    }

    /**
     * The downloads pages (one per edition) for {@code files} as this context's assemble stage (which has run)
     * makes them: serve renders them again once the whole-dataset files of an incremental update are regenerated.
     */
    public static List<SiteModel.PageJob> dataPages(BuildContext context, DataFiles files) {
        return assembler(context, context.get(DATES), ProcurementSource.NONE).dataPages(() -> files);
    }

    /** The theme's editions, read once per build (serve's incremental builds reuse them). */
    private static Editions editions(BuildContext context) {
        return context.computeIfAbsent(EDITIONS, () -> {
            try {
                return Editions.load(context.options().themeDir());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** The previous site with the changed years' pages replaced (and removed projects' pages dropped). */
    private static SiteModel update(BuildContext context, SiteAssembler assembler, SiteModel previous,
                                    ChangedYears changed) {
        Set<DepartmentKey> edited = new TreeSet<>();
        changed.after().forEach(dy -> edited.add(dy.departmentKey()));
        // the departments keeping copies of a document the edited years cite or cited before: the edit moves where
        // their copies' passages end, so where those pages are cut into parts, which their own pages' links follow
        Set<DepartmentKey> departments = new TreeSet<>(edited);
        for (DepartmentKey department : edited) {
            List<String> former = changed.replaced().keySet().stream()
                    .filter(dy -> dy.departmentKey().equals(department) && dy.document() != null)
                    .map(DepartmentYear::document).toList();
            departments.addAll(assembler.sharingDocuments(department, former));
        }
        Map<String, SiteModel.PageJob> candidates = new HashMap<>();
        for (DepartmentKey department : departments) {
            for (SiteModel.PageJob job : assembler.departmentPages(department)) {
                candidates.put(job.outputFile(), job);
            }
        }
        // every edition has the page (en/projects/…, en/sources/…)
        List<String> prefixes = editions(context).all().stream().map(Messages::prefix).toList();
        Set<String> removedPages = new HashSet<>();
        changed.removedPages().forEach(id -> prefixes.forEach(p -> removedPages.add(p + Urls.project(id) + "index.html")));
        // a document a changed year no longer cites loses its page, a shorter one its last parts (the folders' pages
        // are all among the candidates)
        List<String> sourceFolders = departments.stream().flatMap(k -> prefixes.stream()
                .map(p -> p + Urls.source(ContentPaths.sourceDir(k)))).toList();
        List<SiteModel.PageJob> pages = new ArrayList<>();
        List<SiteModel.PageJob> toRender = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SiteModel.PageJob job : previous.pages()) {
            if (removedPages.contains(job.outputFile())) {
                continue;
            }
            if (!candidates.containsKey(job.outputFile())
                    && sourceFolders.stream().anyMatch(f -> job.outputFile().startsWith(f))) {
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
        context.set(CHANGED_PAGES, List.copyOf(toRender));
        return assembler.site(pages);
    }
}
