package gongkai.cli;

import gongkai.content.ContentPaths;
import gongkai.content.DepartmentYear;
import gongkai.content.Lang;
import gongkai.content.Region;
import gongkai.content.SafePaths;
import gongkai.content.Text;
import gongkai.importer.ContentConflictException;
import gongkai.importer.ContentWriter;
import gongkai.importer.ImportException;
import gongkai.importer.ImportFiles;
import gongkai.importer.ImportOptions;
import gongkai.importer.ImportPlanner;
import gongkai.importer.ImportProblem;
import gongkai.importer.ImportedDocument;
import gongkai.importer.Importer;
import gongkai.importer.SourceStore;
import gongkai.importer.SourceText;
import gongkai.importer.document.SourceDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {
            "把公开文件（Word .docx/.doc、Excel .xlsx/.xls、PDF 或文本，GBK 亦可）导入为 content/ 下的 YAML，",
            "原文件存入 content/sources/<地区>/<单位编码>/。给出文件夹时导入其中（含子文件夹）所有可导入的文件，按路径排序。",
            "格式（天津项目支出绩效目标表或衡水部门预算公开）自动识别。已有的项目沿用原编号（按项目名称匹配），",
            "--dry-run 只列出新增、删除、改名的项目和每个改动的数字；手工改过的文件只有加 --force 才覆盖。",
            "一个文件失败不影响其他文件，但退出码为 1。错误的格式：导入失败：<文件>:<行>: <字段>: <说明>。",
            "Import disclosures (Word, Excel, PDF or text in UTF-8/GBK, or folders of them) into YAML under content/."
        })
public final class ImportCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE|FOLDER", description = "要导入的文件或文件夹。Documents or folders to import.")
    Path[] files;

    @Option(names = "--year", description = "预算年度（默认取自文件标题）。Budget year (default: from the document's title).")
    Integer year;

    @Option(names = "--region", description = "地区代码，例如 tianjin（默认由单位名称查地区表）。Region slug (default: from the unit name).")
    String region;

    @Option(names = "--content", defaultValue = "content", description = "内容文件夹（默认 ${DEFAULT-VALUE}）。Content directory.")
    Path contentDir;

    @Option(names = "--force", description = "覆盖手工修改过的年度文件（先用 --dry-run 看会改什么）。Overwrite year files edited by hand.")
    boolean force;

    @Option(names = "--dry-run", description = "只列出导入会做的改动，不写任何文件。List what the import would change; write nothing.")
    boolean dryRun;

    @Mixin
    LanguageOption language;

    @Spec
    CommandSpec spec;

    /** How every error line starts: the agencies read Chinese first. */
    static final Text FAILED = Text.of("导入失败：", "import failed: ");

    /** This run's language (set first thing in {@link #call}). */
    private Lang lang = Lang.ZH;

    /** The outcome of one file. */
    private enum Outcome { IMPORTED, FAILED }

    @Override
    public Integer call() {
        lang = language.lang();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ImportOptions options = new ImportOptions(year, region);
        List<ImportFiles.Entry> entries;
        try {
            entries = ImportFiles.expand(List.of(files));
        } catch (IOException e) {
            err.println(say("%s无法读取文件夹 (%s)", "%scannot read the folder (%s)", failed(), e));
            err.flush();
            return 1;
        }
        // year file → the document that wrote it in this run: two documents of one folder must not both write it
        Map<Path, String> written = new HashMap<>();
        int imported = 0;
        int failed = 0;
        int skipped = 0;
        for (ImportFiles.Entry entry : entries) {
            if (entry.skipped() != null) {
                out.println(say("跳过 %s：%s", "skipped %s: %s", entry.label(), entry.skipped().in(lang)));
                skipped++;
            } else if (importOne(entry, options, written, out, err) == Outcome.IMPORTED) {
                imported++;
            } else {
                failed++;
            }
        }
        if (imported + failed == 0) {
            List<String> given = List.of(files).stream().map(Path::toString).toList();
            err.println(Text.of(String.format("%s%s 里没有可导入的文件（可导入 .%s）", FAILED.zh(), String.join("、", given),
                    String.join(" .", ImportFiles.EXTENSIONS)), String.format("%s%s: no file that imports (these do: .%s)",
                    FAILED.en(), String.join(", ", given), String.join(" .", ImportFiles.EXTENSIONS))).in(lang));
            failed++;
        }
        if (entries.size() > 1) {
            out.println(Text.of(String.format("共 %d 个文件：%d 个%s，%d 个失败，%d 个跳过%s", entries.size(), imported,
                    dryRun ? "可以导入" : "导入成功", failed, skipped, dryRun ? "（--dry-run：未写入任何文件）" : ""),
                    String.format("%s: %d %s, %d failed, %d skipped%s", Text.count(entries.size(), "file"), imported,
                    dryRun ? "can be imported" : "imported", failed, skipped, dryRun ? " (--dry-run: no file written)" : ""))
                    .in(lang));
        }
        out.flush();
        err.flush();
        return failed > 0 ? 1 : 0;
    }

    /** Imports one document, reporting what it does; nothing of it is written when it fails. */
    private Outcome importOne(ImportFiles.Entry entry, ImportOptions options, Map<Path, String> written,
            PrintWriter out, PrintWriter err) {
        Path file = entry.file();
        String label = entry.label();
        try {
            byte[] bytes = Files.readAllBytes(file);
            String name = file.getFileName().toString();
            SourceDocument read = SourceText.read(name, bytes);
            ImportedDocument doc = Importer.importText(name, read.text(), options);
            if (!doc.problems().isEmpty()) {
                for (ImportProblem p : doc.problems()) {
                    err.println(failed() + problem(label, p));
                }
                int n = doc.problems().size();
                err.println(Text.of(FAILED.zh() + label + ": " + n + " 个问题，未写入任何文件",
                        FAILED.en() + label + ": " + Text.count(n, "problem") + ", no file written").in(lang));
                return Outcome.FAILED;
            }
            doc = withStubRegions(doc, err);
            List<ImportPlanner.YearPlan> plans = ImportPlanner.plan(contentDir, doc, options);
            for (ImportPlanner.YearPlan plan : plans) {
                String other = written.get(plan.file());
                if (other != null) {
                    err.println(say("%s%s: %s 已由本次导入的 %s 写出：同一个部门年度只能来自一个文件，请把重复的文件移出文件夹，未写入任何文件",
                            "%s%s: %s was already written from %s in this import: a department-year can come from one file "
                            + "only; move the duplicate out of the folder. No file written", failed(), label,
                            contentDir.relativize(plan.file()), other));
                    return Outcome.FAILED;
                }
            }
            int projects = doc.departmentYears().stream().mapToInt(dy -> dy.projects().size()).sum();
            int indicators = doc.departmentYears().stream()
                    .flatMap(dy -> dy.projects().stream()).mapToInt(p -> p.indicators().size()).sum();
            int years = doc.departmentYears().size();
            out.println(Text.of(String.format("导入 %s：%d 个部门年度，%d 个项目，%d 条指标", label, years, projects, indicators),
                    "import " + label + ": " + Text.count(years, "department-year") + ", " + Text.count(projects, "project")
                    + ", " + Text.count(indicators, "indicator")).in(lang));
            doc.noteTexts().forEach(note -> out.println("  " + note.in(lang)));
            for (ImportPlanner.YearPlan plan : plans) {
                Text state = switch (plan.state()) {
                    case NEW -> Text.of("新文件", "new file");
                    case UNCHANGED -> Text.of("没有改动", "unchanged");
                    case CHANGED -> plan.edited() ? Text.of("有改动；文件曾被手工修改", "changed; the file was edited by hand")
                            : Text.of("有改动", "changed");
                };
                out.println(say("  %s  %s（%s）", "  %s  %s (%s)", contentDir.relativize(plan.file()), plan.year().title(),
                        state.in(lang)));
                if (plan.state() == ImportPlanner.State.CHANGED) {
                    out.print(plan.diff().render("    ", lang));
                }
            }
            if (dryRun) {
                out.println(Text.of("  --dry-run：未写入任何文件", "  --dry-run: no file written").in(lang));
                plans.forEach(plan -> written.put(plan.file(), label));
                return Outcome.IMPORTED;
            }
            checkSourceName(name);
            SourceStore.Plan sources = SourceStore.plan(contentDir, name, bytes, read, doc);
            List<Path> stored = new ArrayList<>();
            ContentWriter.ImportWrite result = ContentWriter.writePlanned(contentDir, doc, plans, force,
                    dy -> stored.addAll(sources.write(dy.departmentKey())));
            plans.forEach(plan -> written.put(plan.file(), label));
            String where = stored.isEmpty() ? "" : contentDir.relativize(stored.get(0)).toString();
            out.println(Text.of(String.format("  写入 %d 个文件，%d 个没有改动%s", result.written().size(), result.unchanged().size(),
                    stored.isEmpty() ? "" : "；原文件存入 " + where + (stored.size() > 1 ? " 等 " + stored.size() + " 个文件" : "")),
                    "  wrote " + Text.count(result.written().size(), "file") + ", " + result.unchanged().size() + " unchanged"
                    + (stored.isEmpty() ? "" : "; the original file stored as " + where
                    + (stored.size() > 1 ? " (" + stored.size() + " files in all)" : ""))).in(lang));
            return Outcome.IMPORTED;
        } catch (ContentConflictException e) {
            err.println(failed() + e.text().in(lang));
        } catch (ImportException e) {
            for (ImportProblem p : e.problems()) {
                err.println(failed() + problem(label, p));
            }
        } catch (IOException e) {
            err.println(say("%s%s: 无法读取或写入文件（%s）", "%s%s: cannot read or write a file (%s)", failed(), label, e));
        } catch (RuntimeException e) {
            // A bug, not a problem of the document: say so and keep the whole trace for the report.
            err.println(say("%s%s: 导入程序内部错误，请把以下信息报告给网站维护人员 (internal error)",
                    "%s%s: internal error of the importer; please report what follows to the site's maintainers", failed(), label));
            e.printStackTrace(err);
        }
        return Outcome.FAILED;
    }

    private String failed() {
        return FAILED.in(lang);
    }

    /** One line in this run's language: the Chinese or the English format, with the same arguments. */
    private String say(String zh, String en, Object... args) {
        return String.format(lang == Lang.EN ? en : zh, args);
    }

    /** {@code label:line: field: message}: the problem, naming its file as the report does. */
    private String problem(String label, ImportProblem p) {
        return label + ":" + p.line() + ": " + (p.label() == null ? "" : p.label().in(lang) + ": ") + p.text().in(lang);
    }

    /** The cited name must be one content/sources/ can hold (content.SafePaths): refuse before writing anything. */
    private static void checkSourceName(String name) throws ImportException {
        if (name.length() > 200 || !SafePaths.DOCUMENT_NAME.matcher(name).matches()) {
            throw new ImportException(new ImportProblem(name, 1, "文件名", Text.of("文件名会成为网址的一段，只能由字母、数字、'.'、'_'、'-' 组成"
                    + "（不能有空格、括号）：请把文件改名，例如 天津-362101-2024.docx，再导入", "the file name becomes part of a URL "
                    + "and may use only letters, digits, '.', '_' and '-' (no spaces or brackets): rename the file, e.g. "
                    + "\"天津-362101-2024.docx\", and import it again")));
        }
        Text partPage = SafePaths.partPageProblem(name);
        if (partPage != null) {
            throw new ImportException(new ImportProblem(name, 1, "文件名", partPage));
        }
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
                err.println(say("导入：地区 '%s' 是新的，将写入 %s，名称暂为 '%s'——请把它改成地区的中文名称",
                        "import: the region '%s' is new; %s is written with the name '%s' for now: change it to the region's "
                        + "Chinese name", slug, contentDir.resolve(ContentPaths.region(slug)), slug));
            }
        }
        return regions.size() == doc.regions().size() ? doc
                : new ImportedDocument(regions, doc.departments(), doc.departmentYears(), doc.problems(), doc.noteTexts());
    }
}
