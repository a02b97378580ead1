package gongkai.export;

import gongkai.content.ContentPaths;
import gongkai.pipeline.BuildContext;
import gongkai.pipeline.BuildStage;
import gongkai.content.DepartmentYear;
import gongkai.content.Urls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * The build's {@code export} stage: every download (per project, per department-year, the whole dataset
 * and datapackage.json) and the source documents the pages cite, written before links are checked.
 */
public final class ExportStage implements BuildStage {
    @Override
    public String name() {
        return "export";
    }

    @Override
    public void run(BuildContext context) throws IOException {
        List<WrittenFile> files = new DatasetExporter().export(context.content(), context.stagingDir());
        files.forEach(f -> context.recordWritten(f.path()));
        int sources = copySourceDocuments(context);
        context.log("export: " + files.size() + " data files, " + sources + " source documents");
    }

    /** Copies each cited document from content/sources/ so every citation links to the original text. */
    private static int copySourceDocuments(BuildContext context) throws IOException {
        Path sourcesDir = context.options().contentDir().resolve(ContentPaths.SOURCES_DIR);
        TreeSet<String> cited = new TreeSet<>();
        for (DepartmentYear dy : context.content().departmentYears()) {
            if (dy.document() != null) {
                cited.add(dy.document());
            }
        }
        for (String document : cited) {
            Path file = sourcesDir.resolve(document);
            if (!Files.isRegularFile(file)) {
                // The link checker would report the citation link; say here what is missing and where.
                throw new IOException("source document " + document + " is cited but missing from " + sourcesDir);
            }
            context.write(Urls.source(document), Files.readAllBytes(file));
        }
        return cited.size();
    }
}
