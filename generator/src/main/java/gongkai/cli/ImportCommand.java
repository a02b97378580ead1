package gongkai.cli;

import gongkai.content.ContentPaths;

import gongkai.importer.ContentConflictException;
import gongkai.importer.ContentWriter;
import gongkai.content.DepartmentYear;
import gongkai.importer.ImportException;
import gongkai.importer.ImportOptions;
import gongkai.importer.ImportProblem;
import gongkai.importer.ImportedDocument;
import gongkai.importer.Importer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
            "unless --force. Anything the importer cannot place is reported with its line and nothing is written.",
            "Errors read 导入失败：<file>:<line>: <field>: <message>."
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

    /** How every error line starts: the agencies read Chinese first. */
    static final String FAILED = "导入失败：";

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ImportOptions options = new ImportOptions(year, region);
        int status = 0;
        for (Path file : files) {
            try {
                ImportedDocument doc = Importer.importFile(file, options);
                if (!doc.problems().isEmpty()) {
                    for (ImportProblem p : doc.problems()) {
                        err.println(FAILED + p);
                    }
                    err.printf("%s%s: %d 个问题，未写入任何文件 (%d problem(s); nothing written)%n",
                            FAILED, file, doc.problems().size(), doc.problems().size());
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
                err.println(FAILED + e.getMessage());
                status = 1;
            } catch (ImportException e) {
                for (ImportProblem p : e.problems()) {
                    err.println(FAILED + p);
                }
                status = 1;
            } catch (IOException e) {
                err.printf("%s%s: 无法读取或写入文件 (%s)%n", FAILED, file, e);
                status = 1;
            } catch (RuntimeException e) {
                // A bug, not a problem of the document: say so and keep the whole trace for the report.
                err.printf("%s%s: 导入程序内部错误，请把以下信息报告给网站维护人员 (internal error)%n", FAILED, file);
                e.printStackTrace(err);
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
        java.util.List<gongkai.content.Region> regions = new java.util.ArrayList<>(doc.regions());
        for (DepartmentYear dy : doc.departmentYears()) {
            String slug = dy.regionSlug();
            boolean known = regions.stream().anyMatch(r -> r.slug().equals(slug));
            if (!known && !Files.exists(contentDir.resolve(ContentPaths.region(slug)))) {
                regions.add(new gongkai.content.Region(slug, slug, null));
                err.printf("import: region '%s' is new: writing %s with name '%s' — edit it to the region's Chinese name%n",
                        slug, contentDir.resolve(ContentPaths.region(slug)), slug);
            }
        }
        return regions.size() == doc.regions().size() ? doc
                : new ImportedDocument(regions, doc.departments(), doc.departmentYears(), doc.problems());
    }

}
