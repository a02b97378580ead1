package gongkai.export;

import gongkai.quality.QualityReport;
import gongkai.site.AssembleStage;
import gongkai.site.GitDates;
import gongkai.quality.QualityStage;
import gongkai.pipeline.BuildContext;
import gongkai.pipeline.BuildStage;
import gongkai.pipeline.ChangedYears;
import gongkai.content.ContentPaths;
import gongkai.content.DepartmentKey;
import gongkai.pipeline.DataFiles;
import gongkai.site.SiteModel;
import gongkai.content.DepartmentYear;
import gongkai.content.SafePaths;
import gongkai.content.SiteCatalogue;
import gongkai.content.Urls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.Map;

/**
 * The build's {@code export} stage: every download (per project, per department-year, the whole dataset,
 * datapackage.json and the zip of it all, the CSV beside each chart) and the source documents the pages cite. It runs after assemble (the
 * zip is dated with the content's git date) and before render: the downloads page lists what it wrote
 * ({@link DataFiles}, left in the context). In an incremental build ({@link ChangedYears} in the context) only the changed department-years' downloads and
 * documents; the whole-dataset files are left to the caller ({@code serve} regenerates them in the background).
 */
public final class ExportStage implements BuildStage {
    @Override
    public String name() {
        return "export";
    }

    /** The site-wide downloads pages link only when they are written (/quality/ links these). */
    static final List<String> ANNOUNCED = List.of(Urls.data("quality.csv"), Urls.data("quality.json"));

    @Override
    public void prepare(BuildContext context) {
        ANNOUNCED.forEach(context::willWrite);
    }

    @Override
    public void run(BuildContext context) throws IOException {
        ChangedYears changed = context.find(ChangedYears.SLOT);
        List<DepartmentYear> years = changed == null ? context.content().departmentYears() : changed.after();
        List<WrittenFile> files;
        if (changed == null) {
            DatasetExporter.Result result = exporter(context).exportAll(context.content(), context.stagingDir(),
                    java.util.Objects.requireNonNullElse(context.find(QualityStage.REPORT), QualityReport.EMPTY));
            files = result.files();
            SiteModel site = context.find(AssembleStage.SITE);
            context.set(DataFiles.SLOT, site == null ? result.catalog()
                    : result.catalog().withCharts(ChartFiles.catalog(site.charts())));
            // made once, here, for the render stage after this one: every page's citation quotes datapackage.json's
            context.set(DataFiles.VERSION, result.catalog().version());
        } else {
            Set<String> unchanged = changed.unchangedProjects();
            files = new DatasetExporter().exportDepartmentYears(context.content(), context.stagingDir(), years,
                    id -> !unchanged.contains(id));
        }
        files.forEach(f -> context.recordWritten(f.path()));
        int charts = writeCharts(context, changed != null);
        int sources = copySourceDocuments(context, years);
        context.log("export: " + files.size() + " data files, " + charts + " chart files, " + sources
                + " source documents");
    }

    /**
     * The CSV beside each page's chart (from the assembled site; none when assemble did not run); in an incremental
     * build only the charts that changed.
     */
    private static int writeCharts(BuildContext context, boolean incremental) throws IOException {
        SiteModel site = context.find(AssembleStage.SITE);
        if (site == null) {
            return 0;
        }
        SiteModel previous = incremental ? context.find(AssembleStage.PREVIOUS) : null;
        return ChartFiles.write(context, site.charts(), previous == null ? null : previous.charts());
    }

    /** An exporter dating the zip with the content's last change (from the assemble stage's git dates, if it ran). */
    public static DatasetExporter exporter(BuildContext context) {
        GitDates dates = context.find(AssembleStage.DATES);
        return new DatasetExporter(dates == null ? null : dates.latestUnder(""),
                dates == null ? List.of() : dates.allChanges());
    }

    /**
     * Copies each cited document from content/sources/ — the file cited, its text rendering (whose lines the
     * citations count) and the original named by {@code document_original} — so each source page links the files it
     * shows, unchanged; through the confinement rule again (validate checked them; this is where a file is actually
     * read into the site).
     */
    private static int copySourceDocuments(BuildContext context, List<DepartmentYear> years) throws IOException {
        Path contentDir = context.options().contentDir();
        Map<String, DepartmentKey> cited = SiteCatalogue.sources(years);
        for (Map.Entry<String, DepartmentKey> c : cited.entrySet()) {
            String document = c.getKey();
            Path file;
            try {
                file = SafePaths.sourceDocument(contentDir, c.getValue(), document);
            } catch (SafePaths.Unsafe e) {
                throw new IOException("document: " + e.getMessage(), e);
            }
            context.write(Urls.source(document), Files.readAllBytes(file));
        }
        return cited.size();
    }
}
