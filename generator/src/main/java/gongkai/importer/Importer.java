package gongkai.importer;

import gongkai.content.ContentPaths;
import gongkai.content.DataTable;
import gongkai.content.DepartmentYear;
import gongkai.content.Project;
import gongkai.content.Section;
import gongkai.content.SourceRef;
import gongkai.content.Text;
import java.io.IOException;
import gongkai.importer.document.SourceDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Imports one source document, whatever its format: reads it as UTF-8, recognises the format
 * ({@link FormatDetector}) and hands it to that format's importer.
 *
 * <p>The outcome is one of three, and nothing else is thrown (an unchecked exception here is a bug): an
 * {@link ImportedDocument} without problems, which {@code ContentWriter} writes as YAML that the loader
 * accepts; one with problems, each naming the document and a line, where nothing may be written; or an
 * {@link ImportException} (unreadable, not UTF-8, unknown format, no year or region), whose problems
 * name the document and a line too. Every step takes time linear in the size of the document.
 */
public final class Importer {
    /** The loader's rule for region folders (lower-case ASCII slug). */
    private static final Pattern REGION_SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");
    /** Folders of the content tree that are not regions (ContentLoader.RESERVED_FOLDERS). */
    private static final List<String> RESERVED_FOLDERS = List.of("pages", "sources");
    static final int MIN_YEAR = 1000;
    static final int MAX_YEAR = 9999;

    private Importer() {
    }

    public static ImportedDocument importFile(Path file, ImportOptions options) throws IOException, ImportException {
        return importBytes(file.getFileName().toString(), Files.readAllBytes(file), options);
    }

    /**
     * Imports a document given as the bytes of its file: Word (.docx, .doc), Excel (.xlsx, .xls), PDF or text in
     * UTF-8, UTF-16 or GBK/GB18030, read into its text rendering ({@link SourceDocument}), whose lines the source
     * references count.
     */
    public static ImportedDocument importBytes(String document, byte[] bytes, ImportOptions options) throws ImportException {
        return importText(document, SourceText.read(document, bytes).text(), options);
    }

    /**
     * Imports a document given as text.
     *
     * @param document the source file name, cited in every source reference and problem
     */
    public static ImportedDocument importText(String document, String text, ImportOptions options) throws ImportException {
        ImportOptions opts = options == null ? ImportOptions.inferAll() : options;
        checkOptions(document, opts);
        Optional<FormatDetector.Format> format = FormatDetector.detect(text);
        if (format.isEmpty()) {
            List<ImportProblem> problems = new ArrayList<>();
            problems.add(new ImportProblem(document, 1, "文件格式", Text.of(
                    "既不是天津的项目支出绩效目标表（标题“1.…绩效目标表”或“1、…”“（一）…”，其下一行是“<6 位预算单位编码><单位名称>”），"
                            + "也不是衡水的部门预算公开文件（含“部门预算信息公开”和指标表）；以下是认出与未认出的部分",
                    "neither a Tianjin project performance target table (a heading \"1.…绩效目标表\" or \"1、…\" \"（一）…\", "
                            + "the line below it \"<6-digit budget unit code><unit name>\") nor a Hengshui department budget "
                            + "disclosure (with \"部门预算信息公开\" and indicator tables); below is what was recognised and what not")));
            problems.addAll(LayoutReport.report(document, text));
            throw new ImportException(problems);
        }
        ImportedDocument doc = switch (format.get()) {
            case TIANJIN -> TianjinImporter.importText(document, text, opts);
            case HENGSHUI -> HengshuiImporter.importText(document, text, opts);
        };
        if (!doc.problems().isEmpty()) {
            return doc;
        }
        doc = cited(document, doc);
        List<ImportProblem> problems = OutputCheck.check(document, doc);
        return problems.isEmpty() ? doc
                : new ImportedDocument(doc.regions(), doc.departments(), doc.departmentYears(), problems, doc.noteTexts());
    }

    /**
     * The import as its year files cite the document: in each department's own source folder
     * ({@code tianjin/362303/<file>}, where {@link SourceStore} puts the copy), in the year and in every source
     * reference, as the loader gives them back.
     */
    static ImportedDocument cited(String fileName, ImportedDocument doc) {
        List<DepartmentYear> years = new ArrayList<>();
        for (DepartmentYear dy : doc.departmentYears()) {
            if (dy.regionSlug() == null || dy.departmentCode() == null) {
                years.add(dy); // OutputCheck reports it; nothing is written
                continue;
            }
            String document = ContentPaths.citation(dy.departmentKey(), fileName);
            years.add(new DepartmentYear(dy.regionSlug(), dy.departmentCode(), dy.year(), dy.title(), document,
                    dy.sections().stream().map(s -> new Section(s.id(), s.title(), s.markdown(), cite(s.source(), document))).toList(),
                    dy.tables().stream().map(t -> new DataTable(t.id(), t.title(), t.columns(), t.rows(), t.note(),
                            cite(t.source(), document))).toList(),
                    dy.projects().stream().map(p -> new Project(p.id(), p.name(), p.budget(), p.purpose(), p.goals(),
                            p.indicators(), cite(p.source(), document))).toList()));
        }
        return new ImportedDocument(doc.regions(), doc.departments(), years, doc.problems(), doc.noteTexts());
    }

    private static SourceRef cite(SourceRef ref, String document) {
        return ref == null ? null : new SourceRef(document, ref.heading(), ref.line());
    }

    /** --year and --region must name something the content tree can hold. */
    static void checkOptions(String document, ImportOptions options) throws ImportException {
        List<ImportProblem> problems = new ArrayList<>();
        if (options.year() != null && (options.year() < MIN_YEAR || options.year() > MAX_YEAR)) {
            problems.add(new ImportProblem(document, 1, "--year", Text.of(
                    options.year() + " 不是四位数的年度（" + MIN_YEAR + "–" + MAX_YEAR + "），例如 --year 2024",
                    options.year() + " is not a four-digit year (" + MIN_YEAR + "–" + MAX_YEAR + "); e.g. --year 2024")));
        }
        String region = options.regionSlug();
        if (region != null && (!REGION_SLUG.matcher(region).matches() || RESERVED_FOLDERS.contains(region))) {
            problems.add(new ImportProblem(document, 1, "--region", Text.of("'" + region
                    + "' 不能作地区代码：只能用小写英文字母、数字和 -（以字母或数字开头），且不能是 "
                    + String.join("、", RESERVED_FOLDERS) + "，例如 --region tianjin", "'" + region + "' cannot be a region "
                    + "code: use lower-case letters, digits and - (starting with a letter or digit), and not "
                    + String.join(" or ", RESERVED_FOLDERS) + "; e.g. --region tianjin")));
        }
        if (!problems.isEmpty()) {
            throw new ImportException(problems);
        }
    }

    /** Whether a year can name a {@code <year>.yaml} file (four digits). */
    static boolean isFileYear(int year) {
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }
}
