package gongkai.site;

import gongkai.content.Content;
import gongkai.content.ContentPaths;
import gongkai.content.Department;
import gongkai.content.DepartmentKey;
import gongkai.content.DepartmentYear;
import gongkai.content.Page;
import gongkai.content.Project;
import gongkai.content.Region;
import gongkai.content.Retraction;
import gongkai.pipeline.DataFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The assemble stage's work: turns the immutable {@link Content} into page jobs with pre-formatted views. Which
 * pages there are is decided here; each page type's view is made by its own class ({@link HomePage},
 * {@link RegionPage}, {@link DepartmentPage}, {@link DepartmentYearPage}, {@link ProjectPage}, {@link MarkdownPage},
 * {@link SearchPage}, {@link NotFoundPage}) from what they share in {@link PageKit} (links, base path, jobs) and
 * {@link SiteIndex} (the content indexed, totals, dates).
 */
public final class SiteAssembler {
    private final SiteIndex index;
    /** One kit per edition of the site, the default (Chinese) one first. */
    private final List<PageKit> kits;
    private final PageKit kit;
    private final ProcurementSource procurement;
    /** The content folder the source documents are read from; null: no source pages (a benchmark of the rest). */
    private final Path contentDir;
    /**
     * Made when first needed: it reads the documents that share a file name, and each cited document's length
     * when its parts are first asked for (the downloads page alone needs none).
     */
    private volatile SourceDocuments sources;

    public SiteAssembler(Content content, GitDates dates, ProcurementSource procurement, boolean hasSearchJs,
                         Editions editions) {
        this(content, dates, procurement, hasSearchJs, null, path -> true, editions, null);
    }

    /**
     * @param quality    what the quality stage found (notices on the affected rows, the /quality/ page); null when
     *                   the pipeline has no quality stage (no notices, no /quality/ page)
     * @param written    whether this build writes a site-wide download (data/quality.csv …): only those are linked
     * @param editions   the theme's editions: every page is made once per edition
     * @param contentDir where the cited source documents are read for their pages (null: no source pages)
     */
    public SiteAssembler(Content content, GitDates dates, ProcurementSource procurement, boolean hasSearchJs,
                         QualityFindings quality, java.util.function.Predicate<String> written, Editions editions,
                         Path contentDir) {
        this.index = new SiteIndex(content, dates);
        this.kits = editions.all().stream()
                .map(m -> new PageKit(index, hasSearchJs, quality, written, editions, m, this::sourceParts)).toList();
        this.kit = kits.get(0);
        this.procurement = procurement;
        this.contentDir = contentDir;
    }

    /**
     * Every page of every edition; the downloads page lists {@code files} (null when the build exports none), asked
     * when rendered.
     */
    public SiteModel assemble(Supplier<DataFiles> files) {
        List<SiteModel.PageJob> jobs = new ArrayList<>();
        for (PageKit kit : kits) {
            addPages(jobs, kit, files);
        }
        return site(jobs);
    }

    private void addPages(List<SiteModel.PageJob> jobs, PageKit kit, Supplier<DataFiles> files) {
        jobs.add(HomePage.of(kit));
        jobs.add(DataPage.job(kit, files));
        for (Region region : index.regions()) {
            jobs.add(RegionPage.of(kit, region));
        }
        for (Department department : index.sortedDepartments()) {
            addDepartmentPages(jobs, kit, department);
        }
        if (contentDir != null) {
            sources().all().forEach(cited -> jobs.addAll(sourcePages(kit, cited)));
        }
        for (Page page : index.content().pages()) {
            jobs.add(MarkdownPage.of(kit, page));
        }
        jobs.add(SearchPage.of(kit));
        if (kit.quality() != null) {
            jobs.add(QualityPage.of(kit));
        }
        jobs.add(NotFoundPage.of(kit));
    }

    /** The downloads page (/data/) of every edition, their models made when rendered from {@code files}. */
    public List<SiteModel.PageJob> dataPages(Supplier<DataFiles> files) {
        return kits.stream().map(k -> DataPage.job(k, files)).toList();
    }

    /**
     * The pages whose bytes can depend on the year files of one department (for incremental rebuilds): home
     * (site totals and lists), the department's region page, the department page, its department-year pages and
     * the project pages of all its years (a project page links the same project in the department's other years).
     * And /quality/, which lists every year's flags; and the pages of the documents its years cite (their titles,
     * facts and passages come from the year files) with those of their copies in other departments' folders. No
     * other page reads a department-year: parent regions, Markdown pages, search and 404 do not.
     */
    public List<SiteModel.PageJob> departmentPages(DepartmentKey key) {
        List<SiteModel.PageJob> jobs = new ArrayList<>();
        for (PageKit kit : kits) {
            departmentPages(jobs, kit, key);
        }
        return jobs;
    }

    private void departmentPages(List<SiteModel.PageJob> jobs, PageKit kit, DepartmentKey key) {
        jobs.add(HomePage.of(kit));
        if (kit.quality() != null) {
            jobs.add(QualityPage.of(kit));
        }
        Region region = index.region(key.regionSlug());
        if (region != null) {
            jobs.add(RegionPage.of(kit, region));
        }
        Department department = index.department(key);
        if (department != null) {
            addDepartmentPages(jobs, kit, department);
        }
        if (contentDir != null) {
            sources().reachedFrom(key).forEach(cited -> jobs.addAll(sourcePages(kit, cited)));
        }
    }

    /**
     * The other departments whose pages an edit of {@code department}'s year files can change, besides its own
     * ({@link #departmentPages}): those keeping a copy of a document its years cite (the edit moves where the
     * copy's passages end, so where its page is cut into parts, which their pages' "第 N 行" links follow), and
     * those keeping a document named as one of {@code formerDocuments} (documents its years cited before the edit).
     */
    public java.util.Set<DepartmentKey> sharingDocuments(DepartmentKey department, List<String> formerDocuments) {
        java.util.Set<DepartmentKey> out = new java.util.TreeSet<>();
        if (contentDir != null) {
            sources().reachedFrom(department).forEach(c -> out.add(c.owner()));
            for (String document : formerDocuments) {
                sources().named(ContentPaths.documentFileName(document)).forEach(c -> out.add(c.owner()));
            }
            out.remove(department);
        }
        return out;
    }

    private SourceDocuments sources() {
        SourceDocuments made = sources;
        if (made == null) {
            synchronized (this) {
                made = sources;
                if (made == null) {
                    made = new SourceDocuments(index, contentDir);
                    sources = made;
                }
            }
        }
        return made;
    }

    /** How {@code document}'s page is cut into parts; null when it has none (no source pages, or not cited). */
    private SourceParts sourceParts(String document) {
        return contentDir == null ? null : sources().parts(document);
    }

    /** A source document's page, one job per part; its text is read when a part is rendered. */
    private List<SiteModel.PageJob> sourcePages(PageKit kit, SourcePage.Cited cited) {
        Department department = index.department(cited.owner());
        SourceParts parts = sources().parts(cited.document());
        String lastmod = SourcePage.lastmod(index, cited, SourcePage.facts(cited.years()));
        List<SiteModel.PageJob> jobs = new ArrayList<>();
        for (int part = 1; part <= parts.count(); part++) {
            int p = part;
            jobs.add(kit.deferred(parts.urlPath(part), SourcePage.TEMPLATE, lastmod, true,
                    () -> SourcePage.of(kit, contentDir, department, cited, parts, p)));
        }
        return jobs;
    }

    /**
     * The department's page, its years' pages, their projects' pages and withdrawn projects' tombstones. Their models are made when rendered
     * (in parallel, one page at a time); what they need from other department-years (links to the same project
     * in other years, procurement rows) is looked up here, once per department-year.
     */
    private void addDepartmentPages(List<SiteModel.PageJob> jobs, PageKit kit, Department department) {
        // the same project across the department's years, paired once for all its pages
        YearOverYear yoy = YearOverYear.of(index.yearsOf(department));
        jobs.add(kit.deferred(DepartmentPage.urlPath(department), DepartmentPage.TEMPLATE,
                index.lastmodOfDepartment(department), true, () -> DepartmentPage.of(kit, department, yoy)));
        for (DepartmentYear dy : index.yearsOf(department)) {
            String lastmod = index.lastmod(dy);
            jobs.add(kit.deferred(DepartmentYearPage.urlPath(dy), DepartmentYearPage.TEMPLATE, lastmod, true,
                    () -> DepartmentYearPage.of(kit, department, dy, yoy)));
            for (Project project : dy.projects()) {
                List<ProcurementSource.Match> procurementRows = procurement.linksFor(dy, project);
                jobs.add(kit.deferred(ProjectPage.urlPath(project), ProjectPage.TEMPLATE, lastmod, true,
                        () -> ProjectPage.of(kit, department, dy, project, yoy, procurementRows)));
            }
            for (Retraction retraction : dy.retracted()) {
                jobs.add(RetractedPage.of(kit, department, dy, retraction));
            }
        }
    }

    /** A site model with the given page jobs (sorted by path), this content's feeds and its charts' data. */
    public SiteModel site(List<SiteModel.PageJob> pages) {
        List<SiteModel.PageJob> sorted = new ArrayList<>(pages);
        sorted.sort(Comparator.comparing(SiteModel.PageJob::outputFile));
        return new SiteModel(kit.siteView(), kit.baseUrl(), kit.basePath(), sorted, FeedEntries.of(index),
                index.lastmodOfSite(), FeedEntries.yearFeeds(index), Charts.all(kit));
    }
}
