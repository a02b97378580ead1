package gongkai.export;

import gongkai.quality.QualityReport;
import gongkai.quality.QualityStage;
import gongkai.pipeline.BuildContext;
import gongkai.pipeline.BuildStage;
import gongkai.pipeline.ChangedYears;
import gongkai.content.DepartmentKey;
import gongkai.content.DepartmentYear;
import gongkai.content.SafePaths;
import gongkai.content.Urls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;

/**
 * The build's {@code export} stage: every download (per project, per department-year, the whole dataset
 * and datapackage.json) and the source documents the pages cite, written before links are checked. In an
 * incremental build ({@link ChangedYears} in the context) only the changed department-years' downloads and
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
            files = new DatasetExporter().export(context.content(), context.stagingDir(),
                    java.util.Objects.requireNonNullElse(context.find(QualityStage.REPORT), QualityReport.EMPTY));
        } else {
            Set<String> unchanged = changed.unchangedProjects();
            files = new DatasetExporter().exportDepartmentYears(context.content(), context.stagingDir(), years,
                    id -> !unchanged.contains(id));
        }
        files.forEach(f -> context.recordWritten(f.path()));
        int sources = copySourceDocuments(context, years);
        context.log("export: " + files.size() + " data files, " + sources + " source documents");
    }

    /**
     * Copies each cited document from content/sources/ so every citation links to the original text — through the
     * confinement rule again (validate checked it; this is where a file is actually read into the site).
     */
    private static int copySourceDocuments(BuildContext context, List<DepartmentYear> years) throws IOException {
        Path contentDir = context.options().contentDir();
        // document → the department citing it (the path names the department's own folder, so there is one)
        TreeMap<String, DepartmentKey> cited = new TreeMap<>();
        for (DepartmentYear dy : years) {
            if (dy.document() != null) {
                cited.put(dy.document(), dy.departmentKey());
            }
        }
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
