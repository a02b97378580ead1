package gongkai.site;

import gongkai.content.Content;
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
    /** Made when first needed: it reads the documents that share a file name (the downloads page alone needs none). */
    private SourceDocuments sources;

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
                .map(m -> new PageKit(index, hasSearchJs, quality, written, editions, m)).toList();
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
            sources().all().forEach(cited -> jobs.add(sourcePage(kit, cited)));
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
            sources().reachedFrom(key).forEach(cited -> jobs.add(sourcePage(kit, cited)));
        }
    }

    /**
     * The pages of the documents named {@code fileName} in every department's folder: an edit that stops citing a
     * document kept in several folders changes where its other copies' passages end.
     */
    public List<SiteModel.PageJob> sourcePagesNamed(String fileName) {
        if (contentDir == null) {
            return List.of();
        }
        List<SiteModel.PageJob> jobs = new ArrayList<>();
        for (PageKit kit : kits) {
            sources().named(fileName).forEach(cited -> jobs.add(sourcePage(kit, cited)));
        }
        return jobs;
    }

    private synchronized SourceDocuments sources() {
        if (sources == null) {
            sources = new SourceDocuments(index, contentDir);
        }
        return sources;
    }

    /** A source document's page; its text is read when the page is rendered. */
    private SiteModel.PageJob sourcePage(PageKit kit, SourcePage.Cited cited) {
        Department department = index.department(cited.owner());
        return kit.deferred(SourcePage.urlPath(cited.document()), SourcePage.TEMPLATE,
                SourcePage.lastmod(index, cited, SourcePage.facts(cited.years())), true,
                () -> SourcePage.of(kit, contentDir, department, cited));
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
