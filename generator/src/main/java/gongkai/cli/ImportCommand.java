package gongkai.cli;

import gongkai.content.ContentPaths;
import gongkai.content.Region;
import gongkai.importer.ContentConflictException;
import gongkai.importer.ContentWriter;
import gongkai.content.DepartmentYear;
import gongkai.importer.FormatDetector;
import gongkai.importer.HengshuiImporter;
import gongkai.importer.ImportException;
import gongkai.importer.ImportOptions;
import gongkai.importer.ImportProblem;
import gongkai.importer.ImportedDocument;
import gongkai.importer.TianjinImporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {
            "Import a disclosure (plain-text export of the Word/PDF file) into YAML under the content directory.",
            "The format (Tianjin 项目支出绩效目标表 or Hengshui 部门预算公开) is recognised from the text.",
            "Writes region.yaml and department.yaml only when missing; refuses to overwrite a changed year file",
            "unless --force. Anything the importer cannot place is reported with its line and nothing is written."
        })
public final class ImportCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Source document(s), plain-text export (UTF-8).")
    Path[] files;

    @Option(names = "--year", description = "Budget year (inferred from the document when omitted).")
    Integer year;

    @Option(names = "--region", description = "Region slug, e.g. tianjin (inferred from the unit name when omitted).")
    String region;

    @Option(names = "--content", defaultValue = "content", description = "Content directory (default: ${DEFAULT-VALUE}).")
    Path contentDir;

    @Option(names = "--force", description = "Overwrite year files that differ from what the import produces.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ImportOptions options = new ImportOptions(year, region);
        int status = 0;
        for (Path file : files) {
            try {
                ImportedDocument doc = importDocument(file, options);
                if (!doc.problems().isEmpty()) {
                    for (ImportProblem p : doc.problems()) {
                        err.println(p);
                    }
                    err.printf("import: %s: %d problem(s); nothing written%n", file, doc.problems().size());
                    status = 1;
                    continue;
                }
                doc = withStubRegions(doc, err);
                ContentWriter.ImportWrite result = ContentWriter.writeImport(contentDir, doc, force);
                int projects = doc.departmentYears().stream().mapToInt(dy -> dy.projects().size()).sum();
                int indicators = doc.departmentYears().stream()
                        .flatMap(dy -> dy.projects().stream()).mapToInt(p -> p.indicators().size()).sum();
                out.printf("import: %s → %d department-year(s), %d projects, %d indicators%n",
                        file.getFileName(), doc.departmentYears().size(), projects, indicators);
                for (DepartmentYear dy : doc.departmentYears()) {
                    out.printf("  %s/%s/%d.yaml  %s%n", dy.regionSlug(), dy.departmentCode(), dy.year(), dy.title());
                }
                out.printf("  %d file(s) written, %d unchanged%n", result.written().size(), result.unchanged().size());
            } catch (ContentConflictException e) {
                err.println(e.getMessage());
                status = 1;
            } catch (ImportException e) {
                err.println(e.getMessage());
                status = 1;
            } catch (IOException | RuntimeException e) {
                err.printf("import: %s: %s%n", file, e.getMessage());
                status = 1;
            }
        }
        out.flush();
        err.flush();
        return status;
    }

    /**
     * A region given with --region that the importer does not know and the content does not have yet gets a
     * stub region.yaml (name = slug), so the imported content validates; the editor then fills in its name.
     */
    private ImportedDocument withStubRegions(ImportedDocument doc, PrintWriter err) {
        List<Region> regions = new ArrayList<>(doc.regions());
        for (DepartmentYear dy : doc.departmentYears()) {
            String slug = dy.regionSlug();
            boolean known = regions.stream().anyMatch(r -> r.slug().equals(slug));
            if (!known && !Files.exists(contentDir.resolve(ContentPaths.region(slug)))) {
                regions.add(new Region(slug, slug, null));
                err.printf("import: region '%s' is new: writing %s with name '%s' — edit it to the region's Chinese name%n",
                        slug, contentDir.resolve(ContentPaths.region(slug)), slug);
            }
        }
        return regions.size() == doc.regions().size() ? doc
                : new ImportedDocument(regions, doc.departments(), doc.departmentYears(), doc.problems());
    }

    /** Picks the importer by what the text looks like. */
    static ImportedDocument importDocument(Path file, ImportOptions options) throws IOException, ImportException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Optional<FormatDetector.Format> format = FormatDetector.detect(text);
        if (format.isEmpty()) {
            throw new ImportException(new ImportProblem(file.getFileName().toString(), 1,
                    "neither a Tianjin 项目支出绩效目标表 nor a Hengshui 部门预算公开 document"));
        }
        return switch (format.get()) {
            case TIANJIN -> TianjinImporter.importFile(file, options);
            case HENGSHUI -> HengshuiImporter.importFile(file, options);
        };
    }
}
