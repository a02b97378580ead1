package gongkai.cli;

import gongkai.content.ContentPaths;

import gongkai.importer.ContentConflictException;
import gongkai.importer.ContentWriter;
import gongkai.content.DepartmentYear;
import gongkai.importer.ImportException;
import gongkai.importer.ImportOptions;
import gongkai.importer.ImportPlanner;
import gongkai.importer.SourceStore;
import gongkai.importer.SourceText;
import gongkai.importer.document.SourceDocument;
import java.util.ArrayList;
import java.util.List;
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
            "把公开文件（Word .docx/.doc、Excel .xlsx/.xls、PDF 或文本，GBK 亦可）导入为 content/ 下的 YAML。",
            "Import a disclosure (Word, Excel, PDF or text in UTF-8/GBK) into YAML under the content directory.",
            "格式（天津项目支出绩效目标表或衡水部门预算公开）自动识别。已有的项目沿用原编号（按项目名称匹配），",
            "--dry-run 只列出新增、删除、改名的项目和每个改动的数字；手工改过的文件只有加 --force 才覆盖。",
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

    @Option(names = "--force", description = "覆盖手工修改过的年度文件（先用 --dry-run 看会改什么）。Overwrite year files edited by hand.")
    boolean force;

    @Option(names = "--dry-run", description = "只列出导入会做的改动，不写任何文件。List what the import would change; write nothing.")
    boolean dryRun;

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
                byte[] bytes = Files.readAllBytes(file);
                String name = file.getFileName().toString();
                SourceDocument read = SourceText.read(name, bytes);
                ImportedDocument doc = Importer.importText(name, read.text(), options);
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
                List<ImportPlanner.YearPlan> plans = ImportPlanner.plan(contentDir, doc, options);
                int projects = doc.departmentYears().stream().mapToInt(dy -> dy.projects().size()).sum();
                int indicators = doc.departmentYears().stream()
                        .flatMap(dy -> dy.projects().stream()).mapToInt(p -> p.indicators().size()).sum();
                out.printf("导入 %s：%d 个部门年度，%d 个项目，%d 条指标%n",
                        file.getFileName(), doc.departmentYears().size(), projects, indicators);
                for (ImportPlanner.YearPlan plan : plans) {
                    out.printf("  %s  %s（%s）%n", contentDir.relativize(plan.file()), plan.year().title(), switch (plan.state()) {
                        case NEW -> "新文件";
                        case UNCHANGED -> "没有改动";
                        case CHANGED -> plan.edited() ? "有改动；文件曾被手工修改" : "有改动";
                    });
                    if (plan.state() == ImportPlanner.State.CHANGED) {
                        out.print(plan.diff().render("    "));
                    }
                }
                if (dryRun) {
                    out.println("  --dry-run：未写入任何文件");
                    continue;
                }
                checkSourceName(file);
                SourceStore.Plan sources = SourceStore.plan(contentDir, name, bytes, read, doc);
                List<Path> stored = new ArrayList<>();
                ContentWriter.ImportWrite result = ContentWriter.writePlanned(contentDir, doc, plans, force,
                        dy -> stored.addAll(sources.write(dy.departmentKey())));
                out.printf("  写入 %d 个文件，%d 个没有改动%s%n", result.written().size(), result.unchanged().size(),
                        stored.isEmpty() ? "" : "；原文件存入 " + contentDir.relativize(stored.get(0))
                                + (stored.size() > 1 ? " 等 " + stored.size() + " 个文件" : ""));
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

    /** The cited name must be one content/sources/ can hold (content.SafePaths): refuse before writing anything. */
    private static void checkSourceName(Path file) throws ImportException {
        String name = file.getFileName().toString();
        if (name.length() > 200 || !gongkai.content.SafePaths.DOCUMENT_NAME.matcher(name).matches()) {
            throw new ImportException(new ImportProblem(name, 1, "文件名", "文件名会成为网址的一段，只能由字母、数字、'.'、'_'、'-' 组成"
                    + "（不能有空格、括号）：请把文件改名，例如 天津-362101-2024.docx，再导入"));
        }
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
                err.printf("导入：地区 '%s' 是新的，将写入 %s，名称暂为 '%s'——请把它改成地区的中文名称%n",
                        slug, contentDir.resolve(ContentPaths.region(slug)), slug);
            }
        }
        return regions.size() == doc.regions().size() ? doc
                : new ImportedDocument(regions, doc.departments(), doc.departmentYears(), doc.problems());
    }

}
