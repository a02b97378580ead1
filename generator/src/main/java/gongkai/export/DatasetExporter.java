package gongkai.export;

import gongkai.quality.QualityIssue;
import gongkai.quality.QualityReport;
import gongkai.site.GitDates;
import gongkai.site.YearOverYear;
import gongkai.content.ContentPaths;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gongkai.content.DepartmentKey;
import gongkai.pipeline.DataFiles;
import gongkai.pipeline.SitePaths;
import gongkai.pipeline.Utf8Bytes;
import gongkai.content.Amount;
import gongkai.content.Budget;
import gongkai.content.Correction;
import gongkai.content.Retraction;
import gongkai.content.Column;
import gongkai.content.Content;
import gongkai.content.DataTable;
import gongkai.content.Department;
import gongkai.content.DepartmentYear;
import gongkai.content.Indicator;
import gongkai.content.NormalisedTarget;
import gongkai.content.ParsedTarget;
import gongkai.content.Project;
import gongkai.content.Region;
import gongkai.content.Section;
import gongkai.content.SiteConfig;
import gongkai.content.TargetParser;
import gongkai.content.Urls;

import gongkai.pipeline.Workers;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the journalists' downloads: per project and per department-year CSV/JSON twins, and under
 * data/ the whole dataset (one CSV per kind, all.json, datapackage.json). Every CSV has an
 * {@code -excel.csv} twin: a BOM, the columns' Chinese titles as its header, then the same records. Output bytes depend only on the content: rows are ordered by
 * region, department code, year and project id.
 */
public final class DatasetExporter {
    /** The git history's changes for data/changes.csv (empty outside git). */
    private final List<GitDates.Change> changes;

    static final String EXCEL_SUFFIX = "-excel.csv";

    private final String contentDate;

    /** An exporter for content without a known date (the zip's entries are dated 1980-01-01). */
    public DatasetExporter() {
        this(null);
    }

    /**
     * @param contentDate the content's last change (yyyy-mm-dd, from git), or null: the zip's entry times and its
     *                    README's date, so the zip's bytes depend on the content only, never on the clock
     */
    public DatasetExporter(String contentDate) {
        this(contentDate, List.of());
    }

    /** @param changes every change of the content's history (data/changes.csv), by year file then oldest first */
    public DatasetExporter(String contentDate, List<GitDates.Change> changes) {
        this.contentDate = contentDate;
        this.changes = List.copyOf(changes);
    }

    /** What an export wrote: every file, sorted by path, and the downloads page's catalog of them. */
    public record Result(List<WrittenFile> files, DataFiles catalog) {
    }

    /**
     * Writes every download file under {@code siteRoot} and returns them sorted by path.
     *
     * @throws IllegalArgumentException when the content cannot be exported (a year without its
     *                                  department, duplicate project ids, same-id tables with different columns …)
     */
    public List<WrittenFile> export(Content content, Path siteRoot) throws IOException {
        return exportAll(content, siteRoot, QualityReport.EMPTY).files();
    }

    /** As {@link #export(Content, Path)}, with {@code quality}'s issues in data/quality.csv and quality.json. */
    public List<WrittenFile> export(Content content, Path siteRoot, QualityReport quality) throws IOException {
        return exportAll(content, siteRoot, quality).files();
    }

    /** As {@link #export(Content, Path, QualityReport)}, with the catalog of what was written. */
    public Result exportAll(Content content, Path siteRoot, QualityReport quality) throws IOException {
        Dataset dataset = new Dataset(content);
        Output out = new Output(siteRoot);
        DataFiles.Year[] years;
        try (AllJson all = new AllJson(out, content.site(), dataset)) {
            years = writeYears(out, dataset, id -> true, true, all);
            all.finish();
        }
        DataFiles catalog = writeBundle(out, dataset, content, quality, years);
        return new Result(out.sorted(), catalog);
    }

    /**
     * Writes only the downloads of the given department-years (their projects' and their own twins), as
     * {@link #export} would: for an incremental rebuild. The whole-dataset files under data/ are not written.
     */
    public List<WrittenFile> exportDepartmentYears(Content content, Path siteRoot, List<DepartmentYear> years)
            throws IOException {
        return exportDepartmentYears(content, siteRoot, years, id -> true);
    }

    /**
     * As {@link #exportDepartmentYears(Content, Path, List)}, writing a project's own downloads only when
     * {@code writeProject} accepts its id (the dev server skips projects an edit left as they were).
     */
    public List<WrittenFile> exportDepartmentYears(Content content, Path siteRoot, List<DepartmentYear> years,
            java.util.function.Predicate<String> writeProject) throws IOException {
        Content only = new Content(content.site(), content.regions(), content.departments(), years, content.pages());
        Output out = new Output(siteRoot);
        writeYears(out, new Dataset(only), writeProject, true, null);
        return out.sorted();
    }

    /**
     * Writes only the whole-dataset files under data/ (CSV per kind, all.json, datapackage.json, the zip), as
     * {@link #exportAll} would, with the same catalog (the department-years' file sizes are counted, not written).
     */
    public Result exportBundle(Content content, Path siteRoot, QualityReport quality) throws IOException {
        Output out = new Output(siteRoot);
        Dataset dataset = new Dataset(content);
        DataFiles.Year[] years;
        // all.json is made from the department-years' JSON exactly as in a full export; their files are not written
        try (AllJson all = new AllJson(out, content.site(), dataset)) {
            years = writeYears(out, dataset, id -> false, false, all);
            all.finish();
        }
        DataFiles catalog = writeBundle(out, dataset, content, quality, years);
        return new Result(out.sorted(), catalog);
    }

    /**
     * Writes each department-year's files (and, when {@code writeProject} accepts its id, each project's), and
     * hands every department-year's JSON to {@code all} (when not null) in dataset order. Department-years are
     * independent files, written in parallel; threads take them in dataset order, so the JSON waiting for its
     * turn in all.json stays a few department-years long.
     */
    private DataFiles.Year[] writeYears(Output out, Dataset dataset, java.util.function.Predicate<String> writeProject,
            boolean yearFiles, AllJson all) throws IOException {
        DataFiles.Year[] written = new DataFiles.Year[dataset.years.size()];
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), dataset.years.size()));
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Workers.Task> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            writers.add(() -> {
                // One encoding buffer per thread, reused for every file it writes (a department-year's JSON is MBs).
                Utf8Bytes buf = new Utf8Bytes(1 << 16);
                try {
                    for (int k = next.getAndIncrement(); k < dataset.years.size(); k = next.getAndIncrement()) {
                        YearOut y = writeYear(out, dataset.years.get(k), buf, writeProject, yearFiles, all != null);
                        written[k] = y.files();
                        if (all != null) {
                            all.add(k, y.json());
                        }
                    }
                } catch (Exception | Error e) {
                    if (all != null) {
                        all.abort(); // threads waiting for this one's department-year stop waiting
                    }
                    throw e;
                }
            });
        }
        Workers.runAll("gongkai-export", writers);
        return written;
    }

    /** The whole-dataset CSVs and JSON, datapackage.json and the zip (after all.json); returns the catalog of it all. */
    private DataFiles writeBundle(Output out, Dataset dataset, Content content, QualityReport quality,
            DataFiles.Year[] years) throws IOException {
        DataPackage pkg = new DataPackage(content.site(), contentDate);
        List<DataFiles.Table> tables = new ArrayList<>();
        table(pkg, tables, Resource.PROJECTS, out.csvStreamed(Urls.data("projects.csv"), Columns.PROJECTS, dataset.projectRows()), false);
        table(pkg, tables, Resource.INDICATORS, out.csvStreamed(Urls.data("indicators.csv"), Columns.INDICATORS, dataset.indicatorRows()), false);
        table(pkg, tables, Resource.DEPARTMENTS, out.csvStreamed(Urls.data("departments.csv"), dataset.departmentsTable()), false);
        table(pkg, tables, Resource.DEPARTMENT_YEARS, out.csvStreamed(Urls.data("department_years.csv"), dataset.departmentYearsTable()), false);
        table(pkg, tables, Resource.PROJECT_CHANGES, out.csvStreamed(Urls.data("project_changes.csv"), dataset.projectChangesTable()), false);
        for (TableKind kind : dataset.tableKinds().values()) {
            table(pkg, tables, kind.resource(), out.csvStreamed(Urls.data(kind.id + ".csv"), kind.table()), true);
        }
        table(pkg, tables, Resource.CORRECTIONS, out.csvStreamed(Urls.data("corrections.csv"), dataset.correctionsTable()), false);
        table(pkg, tables, Resource.RETRACTED, out.csvStreamed(Urls.data("retracted.csv"), dataset.retractedTable()), false);
        table(pkg, tables, Resource.CHANGES, out.csvStreamed(Urls.data("changes.csv"), changesTable()), false);
        Table qualityTable = qualityTable(quality);
        table(pkg, tables, Resource.QUALITY, out.csvStreamed(Urls.data("quality.csv"), qualityTable), false);
        ArrayNode qualityRows = Json.array();
        qualityTable.rows().forEach(row -> qualityRows.add(Json.row(qualityTable.fields(), row)));
        WrittenFile qualityJson = out.write(Urls.data("quality.json"), Json.bytes(qualityRows));
        for (YearData y : dataset.years) {
            pkg.addSource(y.dy.title(), y.dy.document());
        }
        WrittenFile packageFile = out.json(Urls.data("datapackage.json"), pkg.toJson());
        List<DataFiles.Document> documents = List.of(
                new DataFiles.Document("整个数据集（JSON）",
                        "全部单位、年度、项目、绩效指标、文字章节和部门级表格，一个 JSON 文件。",
                        file(out.byPath.get(Urls.data("all.json")))),
                new DataFiles.Document("数据质量问题（JSON）", "与 quality.csv 相同的内容，JSON 数组。", file(qualityJson)),
                new DataFiles.Document("数据包描述",
                        "Frictionless Data Package：每个 CSV 的列名、类型、中文标题和说明，文件大小和 SHA-256 校验值。",
                        file(packageFile)));
        DataZip zip = new DataZip(content, contentDate, tables, documents);
        DataFiles.File zipFile = file(zip.write(out.root, out::register));
        return new DataFiles(tables, documents, zipFile, java.util.Arrays.asList(years), pkg.version());
    }

    private static void table(DataPackage pkg, List<DataFiles.Table> tables, Resource r, StreamedCsv csv,
            boolean departmentTable) {
        pkg.add(r, csv.csv());
        tables.add(new DataFiles.Table(r.name(), r.title(), r.description(), csv.rows(), file(csv.csv()),
                file(csv.excel()), departmentTable));
    }

    static DataFiles.File file(WrittenFile f) {
        return new DataFiles.File(f.path(), f.bytes());
    }

    static Table qualityTable(QualityReport quality) {
        List<List<Object>> rows = new ArrayList<>();
        for (QualityIssue i : quality.issues()) {
            rows.add(java.util.Arrays.asList(i.regionSlug(), i.departmentCode(), i.year(), i.projectId(), i.projectName(),
                    i.code().name(), i.code().title(), i.code().severity().label(), i.message(), i.contentPath(),
                    i.line(), i.column(), i.field(), i.isAcknowledged() ? "是" : "否", i.acknowledged()));
        }
        return new Table(Columns.QUALITY, rows);
    }

    private static final List<Object> BLANK_INDICATOR = blankRow(Columns.INDICATOR_DETAIL.size());
    private static final Headers PROJECT_INDICATORS_HEADERS = Headers.of(Columns.PROJECT_INDICATORS);
    private static final Headers PROJECTS_HEADERS = Headers.of(Columns.PROJECTS);

    /**
     * A file's two header records, encoded once: {@link #bytes} is the BOM and the Excel twin's Chinese header,
     * then the canonical header; the records follow in both files.
     */
    private record Headers(byte[] bytes, int canonicalStart) {
        static Headers of(List<Field> fields) {
            Utf8Bytes b = new Utf8Bytes(1024);
            b.write(Csv.BOM, 0, Csv.BOM.length);
            Csv.excelHeader(b, fields);
            int canonicalStart = b.size();
            Csv.header(b, fields);
            return new Headers(b.toByteArray(), canonicalStart);
        }
    }

    /**
     * Writes one department-year's files ({@code yearFiles}) and those of its projects that {@code writeProject}
     * accepts, each encoded once, straight to UTF-8, in {@code buf}. Returns the department-year's JSON (no
     * trailing line break) for all.json when {@code wantJson}, else null. A project's JSON is encoded once and
     * placed into its department-year's JSON as it is ({@link RawJson}).
     */
    /** A department-year's JSON for all.json (or null) and its files' sizes (counted even when not written). */
    private record YearOut(byte[] json, DataFiles.Year files) {
    }

    private YearOut writeYear(Output out, YearData y, Utf8Bytes buf, java.util.function.Predicate<String> writeProject,
            boolean yearFiles, boolean wantJson) throws IOException {
        List<RawJson> projectJson = new ArrayList<>(y.projects.size());
        for (ProjectData p : y.projects) {
            boolean own = writeProject.test(p.project.id());
            List<List<Object>> indicatorRows = p.indicatorRows();
            if (own) {
                // The per-project CSV: the project's cells repeated before each indicator row (encoded once, copied).
                buf.reset();
                buf.write(PROJECT_INDICATORS_HEADERS.bytes(), 0, PROJECT_INDICATORS_HEADERS.bytes().length);
                int prefixStart = buf.size();
                Csv.cells(buf, Columns.PROJECT_INDICATORS, 0, p.row);
                int prefixLength = buf.size() - prefixStart;
                List<List<Object>> rows = indicatorRows.isEmpty() ? List.of(BLANK_INDICATOR) : indicatorRows;
                for (int i = 0; i < rows.size(); i++) {
                    if (i > 0) {
                        buf.write(buf.array(), prefixStart, prefixLength);
                    }
                    Csv.cells(buf, Columns.PROJECT_INDICATORS, Columns.PROJECTS.size(), rows.get(i));
                    Csv.crlf(buf);
                }
                out.csv(Urls.projectData(p.project.id(), ".csv"), buf, PROJECT_INDICATORS_HEADERS);
            }
            buf.reset();
            try (JsonGenerator gen = Json.generator(buf)) {
                writeProjectJson(gen, p, indicatorRows);
            }
            int length = buf.size();
            if (own) {
                buf.write('\n');
                out.write(Urls.projectData(p.project.id(), ".json"), buf.array(), 0, buf.size());
            }
            // in the department-year's JSON a project sits two levels deep (root object, "projects" array)
            projectJson.add(RawJson.nested(buf.array(), length, 2));
        }
        DepartmentYear dy = y.dy;
        // the year's CSV is encoded even when not written: the downloads page gives its size
        buf.reset();
        buf.write(PROJECTS_HEADERS.bytes(), 0, PROJECTS_HEADERS.bytes().length);
        for (ProjectData p : y.projects) {
            Csv.record(buf, Columns.PROJECTS, p.row);
        }
        String csvPath = Urls.departmentYearData(dy, ".csv");
        String excelPath = Urls.departmentYearData(dy, EXCEL_SUFFIX);
        long csvBytes = buf.size() - PROJECTS_HEADERS.canonicalStart();
        long excelBytes = buf.size() - PROJECTS_HEADERS.bytes().length + PROJECTS_HEADERS.canonicalStart();
        if (yearFiles) {
            out.csv(csvPath, buf, PROJECTS_HEADERS);
        }
        buf.reset();
        try (JsonGenerator gen = Json.generator(buf)) {
            writeYearJson(gen, y, projectJson);
        }
        int length = buf.size();
        byte[] json = wantJson ? java.util.Arrays.copyOf(buf.array(), length) : null;
        String jsonPath = Urls.departmentYearData(dy, ".json");
        if (yearFiles) {
            buf.write('\n');
            out.write(jsonPath, buf.array(), 0, buf.size());
        }
        return new YearOut(json, new DataFiles.Year(dy.regionSlug(), dy.departmentCode(), dy.year(), y.projects.size(),
                new DataFiles.File(csvPath, csvBytes), new DataFiles.File(excelPath, excelBytes),
                new DataFiles.File(jsonPath, length + 1L)));
    }

    // ---------------------------------------------------------------- the dataset, ordered and flattened

    /** One project with its projects.csv row. */
    record ProjectData(Project project, List<Object> row) {
        /**
         * Its indicator rows (without project_id), made when a file is written: held for every project through
         * the export they were the largest part of the old generation at 100,000 projects.
         */
        List<List<Object>> indicatorRows() {
            return Dataset.indicatorRows(project);
        }
    }

    record YearData(DepartmentYear dy, Department department, List<Object> row, List<ProjectData> projects) {
    }

    private static final class Dataset {
        final String baseUrl;
        final List<Region> regions;
        final Map<String, Region> regionsBySlug = new HashMap<>();
        final List<Department> departments;
        final List<YearData> years = new ArrayList<>();

        Dataset(Content content) {
            String base = content.site().baseUrl();
            this.baseUrl = base.endsWith("/") ? base : base + "/";
            regions = content.regions().stream().sorted(Comparator.comparing(Region::slug)).toList();
            regions.forEach(r -> regionsBySlug.put(r.slug(), r));
            departments = content.departments().stream()
                    .sorted(Comparator.comparing(Department::regionSlug).thenComparing(Department::code)).toList();
            Map<DepartmentKey, Department> deptByKey = new HashMap<>();
            for (Department d : departments) {
                if (!regionsBySlug.containsKey(d.regionSlug())) {
                    throw new IllegalArgumentException("department " + d.key()
                            + ": region '" + d.regionSlug() + "' has no " + ContentPaths.REGION_FILE);
                }
                deptByKey.put(d.key(), d);
            }
            List<DepartmentYear> sorted = content.departmentYears().stream()
                    .sorted(Comparator.comparing(DepartmentYear::regionSlug)
                            .thenComparing(DepartmentYear::departmentCode)
                            .thenComparingInt(DepartmentYear::year))
                    .toList();
            Map<String, String> projectIds = new HashMap<>();
            for (DepartmentYear dy : sorted) {
                String where = ContentPaths.departmentYear(dy);
                Department dept = deptByKey.get(dy.departmentKey());
                if (dept == null) {
                    throw new IllegalArgumentException(where + ": no " + ContentPaths.DEPARTMENT_FILE
                            + " for department " + dy.departmentKey());
                }
                List<ProjectData> projects = new ArrayList<>();
                for (Project p : dy.projects().stream().sorted(Comparator.comparing(Project::id)).toList()) {
                    String previous = projectIds.put(p.id(), where);
                    if (previous != null) {
                        throw new IllegalArgumentException(where + ": project id " + p.id()
                                + " is also used in " + previous);
                    }
                    projects.add(new ProjectData(p, projectRow(dy, dept, p)));
                }
                years.add(new YearData(dy, dept, yearRow(dy, dept, projects), List.copyOf(projects)));
            }
        }

        String url(String path) {
            return baseUrl + path;
        }

        List<Object> projectRow(DepartmentYear dy, Department dept, Project p) {
            Budget b = p.budget();
            return cells(
                    p.id(), ProjectKey.of(dy.regionSlug(), dy.departmentCode(), p.name()),
                    dy.regionSlug(), dy.departmentCode(), dept.name(), dy.year(), p.name(),
                    b == null ? null : b.unit().label(),
                    printed(b == null ? null : b.total()),
                    printed(b == null ? null : b.fiscal()),
                    printed(b == null ? null : b.other()),
                    yuan(b == null ? null : b.total()),
                    yuan(b == null ? null : b.fiscal()),
                    yuan(b == null ? null : b.other()),
                    p.purpose(), p.goals(), p.indicators().size(),
                    p.source() == null ? dy.document() : p.source().document(),
                    p.source() == null ? null : p.source().heading(),
                    p.source() == null ? null : p.source().line(),
                    url(Urls.project(p.id())));
        }

        static List<List<Object>> indicatorRows(Project p) {
            List<List<Object>> rows = new ArrayList<>();
            int seq = 0;
            for (Indicator i : p.indicators()) {
                seq++;
                ParsedTarget t = i.parsed() != null ? i.parsed()
                        : i.target() == null ? null : TargetParser.parse(i.target());
                NormalisedTarget n = NormalisedTarget.of(t);
                rows.add(cells(seq, i.level1(), i.level2(), i.level3(), i.description(), i.target(), i.basis(),
                        t == null || t.kind() == null ? null : t.kind().name().toLowerCase(Locale.ROOT),
                        t == null || t.comparator() == null ? null : t.comparator().name().toLowerCase(Locale.ROOT),
                        t == null ? null : t.value(),
                        t == null ? null : t.upperValue(),
                        t == null ? null : t.unit(),
                        t == null || t.comparator() == null ? null : t.comparator().symbol(),
                        n.value(), n.upperValue(), n.unit(),
                        t == null ? null : t.date(),
                        t == null ? null : t.endDate(),
                        t == null ? null : t.remark()));
            }
            return rows;
        }

        List<Object> yearRow(DepartmentYear dy, Department dept, List<ProjectData> projects) {
            int indicatorCount = projects.stream().mapToInt(p -> p.project.indicators().size()).sum();
            // A partial sum would understate the budget; only sum when every project prints a total.
            BigDecimal total = projects.isEmpty() ? null : BigDecimal.ZERO;
            for (ProjectData p : projects) {
                Budget b = p.project.budget();
                if (total == null || b == null || b.total() == null) {
                    total = null;
                    break;
                }
                total = total.add(b.total().yuan());
            }
            List<String> tableIds = dy.tables().stream().map(DataTable::id).distinct().sorted().toList();
            return cells(dy.regionSlug(), dy.departmentCode(), dy.year(), dept.name(), dy.title(), dy.document(),
                    dy.documentFacts().url(), dy.documentFacts().published(), projects.size(), indicatorCount, total,
                    tableIds.isEmpty() ? null : String.join(" ", tableIds),
                    url(Urls.departmentYear(dy.regionSlug(), dy.departmentCode(), dy.year())));
        }

        List<Object> departmentRow(Department d) {
            return cells(d.regionSlug(), regionsBySlug.get(d.regionSlug()).name(), d.code(), d.name(),
                    d.shortName(), d.description(), url(Urls.department(d.regionSlug(), d.code())));
        }

        /** projects.csv rows, made while the file is streamed (the whole table is never one list). */
        Iterable<List<Object>> projectRows() {
            return () -> years.stream().flatMap(y -> y.projects.stream()).map(p -> p.row).iterator();
        }

        /**
         * indicators.csv rows (the project's id, key, name, department, year and budget, then the indicator's cells),
         * made while the file is streamed.
         */
        Iterable<List<Object>> indicatorRows() {
            return () -> years.stream().flatMap(y -> y.projects.stream().flatMap(p -> {
                Budget b = p.project.budget();
                // id and project_key as in the project's projects.csv row
                List<Object> head = cells(p.project.id(), p.row.get(1), p.project.name(), y.dy.regionSlug(),
                        y.dy.departmentCode(), y.department.name(), y.dy.year(), yuan(b == null ? null : b.total()));
                return p.indicatorRows().stream().map(r -> concat(head, r));
            })).iterator();
        }

        Table departmentsTable() {
            return new Table(Columns.DEPARTMENTS, departments.stream().map(this::departmentRow).toList());
        }

        Table departmentYearsTable() {
            return new Table(Columns.DEPARTMENT_YEARS, years.stream().map(y -> y.row).toList());
        }

        /**
         * project_changes.csv: per department (dataset order) its years after the first, each against the previous
         * year as the site pairs them ({@link YearOverYear}): its projects by id, then those it no longer lists.
         */
        Table projectChangesTable() {
            Map<DepartmentKey, List<DepartmentYear>> byDepartment = new java.util.LinkedHashMap<>();
            Map<DepartmentKey, Department> departmentOf = new HashMap<>();
            for (YearData y : years) {
                byDepartment.computeIfAbsent(y.dy.departmentKey(), k -> new ArrayList<>()).add(y.dy);
                departmentOf.put(y.dy.departmentKey(), y.department);
            }
            List<List<Object>> rows = new ArrayList<>();
            byDepartment.forEach((key, list) -> {
                YearOverYear yoy = YearOverYear.of(list);
                Department dept = departmentOf.get(key);
                for (DepartmentYear dy : yoy.years()) {
                    DepartmentYear previous = yoy.previous(dy);
                    for (YearOverYear.Pair pair : yoy.pairs(dy)) {
                        Project now = pair.current();
                        Project before = pair.previous();
                        Project either = now != null ? now : before;
                        List<Object> row = new ArrayList<>(cells(
                                ProjectKey.of(dy.regionSlug(), dy.departmentCode(), either.name()),
                                dy.regionSlug(), dy.departmentCode(), dept.name(), dy.year(), previous.year(),
                                pair.status().label(),
                                now == null ? null : now.id(), before == null ? null : before.id(),
                                now == null ? null : now.name(), before == null ? null : before.name()));
                        for (YearOverYear.Figure f : YearOverYear.Figure.values()) {
                            YearOverYear.Change c = YearOverYear.Change.of(f.yuan(before), f.yuan(now));
                            row.addAll(cells(f.yuan(now), f.yuan(before), c == null ? null : c.difference(),
                                    c == null ? null : c.percent()));
                        }
                        row.add(url(Urls.project(either.id())));
                        rows.add(row);
                    }
                }
            });
            return new Table(Columns.PROJECT_CHANGES, rows);
        }

        /**
         * corrections.csv: per department-year (dataset order) its own corrections, then its projects' (by id),
         * each list oldest first.
         */
        Table correctionsTable() {
            List<List<Object>> rows = new ArrayList<>();
            for (YearData y : years) {
                DepartmentYear dy = y.dy;
                String yearUrl = url(Urls.departmentYear(dy.regionSlug(), dy.departmentCode(), dy.year()));
                for (Correction c : byDate(dy.corrections())) {
                    rows.add(cells(dy.regionSlug(), dy.departmentCode(), dy.year(), null, null, c.date(), c.what(),
                            c.why(), yearUrl));
                }
                for (ProjectData p : y.projects) {
                    for (Correction c : byDate(p.project.corrections())) {
                        rows.add(cells(dy.regionSlug(), dy.departmentCode(), dy.year(), p.project.id(),
                                p.project.name(), c.date(), c.what(), c.why(), url(Urls.project(p.project.id()))));
                    }
                }
            }
            return new Table(Columns.CORRECTIONS, rows);
        }

        private static List<Correction> byDate(List<Correction> corrections) {
            return corrections.stream().sorted(Comparator.comparing(Correction::date)).toList();
        }

        /** retracted.csv: per department-year (dataset order) its withdrawn projects by id. */
        Table retractedTable() {
            List<List<Object>> rows = new ArrayList<>();
            for (YearData y : years) {
                DepartmentYear dy = y.dy;
                for (Retraction r : dy.retracted().stream().sorted(Comparator.comparing(Retraction::id)).toList()) {
                    Budget b = r.budget() == null || r.budget().unit() == null ? null : r.budget();
                    rows.add(cells(dy.regionSlug(), dy.departmentCode(), dy.year(), r.id(), r.name(), r.date(),
                            r.reason(), b == null ? null : b.unit().label(),
                            printed(b == null ? null : b.total()),
                            printed(b == null ? null : b.fiscal()),
                            printed(b == null ? null : b.other()),
                            yuan(b == null ? null : b.total()),
                            yuan(b == null ? null : b.fiscal()),
                            yuan(b == null ? null : b.other()),
                            url(Urls.project(r.id()))));
                }
            }
            return new Table(Columns.RETRACTED, rows);
        }

        /** Department-level tables grouped by id, in id order; each group in department-year order. */
        Map<String, TableKind> tableKinds() {
            Map<String, TableKind> kinds = new TreeMap<>();
            for (YearData y : years) {
                for (DataTable t : y.dy.tables()) {
                    kinds.computeIfAbsent(t.id(), id -> new TableKind(id, t, y.dy)).add(y.dy, t);
                }
            }
            return kinds;
        }
    }

    // ---------------------------------------------------------------- JSON documents

    /** A project's JSON document: its projects.csv cells, then its indicators. */
    private static void writeProjectJson(JsonGenerator gen, ProjectData p, List<List<Object>> indicatorRows)
            throws IOException {
        gen.writeStartObject();
        Json.rowFields(gen, Columns.PROJECTS, p.row);
        arrayField(gen, Columns.PROJECTS, "indicators");
        for (List<Object> r : indicatorRows) {
            gen.writeStartObject();
            Json.rowFields(gen, Columns.INDICATOR_DETAIL, r);
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeEndObject();
    }

    /** A department-year's JSON document (also one element of all.json's department_years). */
    private static void writeYearJson(JsonGenerator gen, YearData y, List<RawJson> projectJson) throws IOException {
        gen.writeStartObject();
        Json.rowFields(gen, Columns.DEPARTMENT_YEARS, y.row);
        arrayField(gen, Columns.DEPARTMENT_YEARS, "sections");
        for (Section s : y.dy.sections()) {
            gen.writeStartObject();
            gen.writeStringField("id", s.id());
            gen.writeStringField("title", s.title());
            Json.field(gen, "source_heading", s.source() == null ? null : s.source().heading());
            Json.field(gen, "source_line", s.source() == null ? null : s.source().line());
            gen.writeStringField("markdown", s.markdown());
            gen.writeEndObject();
        }
        gen.writeEndArray();
        arrayField(gen, Columns.DEPARTMENT_YEARS, "tables");
        for (DataTable t : y.dy.tables()) {
            gen.writeStartObject();
            gen.writeStringField("id", t.id());
            gen.writeStringField("title", t.title());
            Json.field(gen, "source_heading", t.source() == null ? null : t.source().heading());
            Json.field(gen, "source_line", t.source() == null ? null : t.source().line());
            Json.field(gen, "note", t.note());
            gen.writeArrayFieldStart("columns");
            for (Column c : t.columns()) {
                gen.writeStartObject();
                gen.writeStringField("key", c.key());
                gen.writeStringField("title", c.title());
                gen.writeStringField("type", c.type().yamlName());
                Json.field(gen, "unit", c.unit());
                gen.writeEndObject();
            }
            gen.writeEndArray();
            // A key written twice would be two JSON members; the loader rejects duplicate column keys anyway.
            List<String> keys = t.columns().stream().map(Column::key).distinct().toList();
            gen.writeArrayFieldStart("rows");
            for (Map<String, String> row : t.rows()) {
                gen.writeStartObject();
                // Cells exactly as printed (strings), in column order; blank cells are null.
                for (String key : keys) {
                    Json.field(gen, key, row.get(key));
                }
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeEndObject();
        }
        gen.writeEndArray();
        arrayField(gen, Columns.DEPARTMENT_YEARS, "projects");
        for (RawJson p : projectJson) {
            gen.writeRawValue(p);
        }
        gen.writeEndArray();
        gen.writeEndObject();
    }

    /**
     * all.json grows with the whole dataset (hundreds of MB at 100,000 projects), so it is streamed while the
     * department-years are written: the head as a tree, then each department-year's JSON, as encoded for its own
     * file, re-indented into place in dataset order ({@link RawJson}): the bytes one big tree would give.
     * Department-years finished ahead of their turn wait here; a thread far ahead waits itself (the thread with
     * the next one never does), so at most about {@link #MAX_WAITING_BYTES} wait.
     */
    private static final class AllJson implements AutoCloseable {
        static final long MAX_WAITING_BYTES = 64L << 20;
        private final Output out;
        private final String path = Urls.data("all.json");
        private final CountingDigestStream counting;
        private final JsonGenerator gen;
        private final Map<Integer, byte[]> waiting = new HashMap<>();
        private long waitingBytes;
        private int next;
        private boolean failed;

        AllJson(Output out, SiteConfig site, Dataset dataset) throws IOException {
            this.out = out;
            ObjectNode head = allJson(site, dataset);
            Path target = out.target(path);
            Files.createDirectories(target.getParent());
            counting = new CountingDigestStream(new java.io.BufferedOutputStream(Files.newOutputStream(target), 1 << 16), null);
            gen = Json.generator(counting);
            gen.writeStartObject();
            var fields = head.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                gen.writeFieldName(field.getKey());
                gen.writeTree(field.getValue());
            }
            gen.writeFieldName("department_years");
            gen.writeStartArray();
        }

        /** Department-year {@code index}'s JSON (no trailing line break); written once all before it are. */
        synchronized void add(int index, byte[] yearJson) throws IOException, InterruptedException {
            while (index != next && waitingBytes > MAX_WAITING_BYTES && !failed) {
                wait();
            }
            if (failed) {
                throw new IOException("all.json: the export of another department-year failed");
            }
            waiting.put(index, yearJson);
            waitingBytes += yearJson.length;
            for (byte[] b = waiting.remove(next); b != null; b = waiting.remove(next)) {
                waitingBytes -= b.length;
                // in all.json a department-year sits two levels deep (root object, "department_years" array)
                gen.writeRawValue(RawJson.nested(b, b.length, 2));
                next++;
            }
            notifyAll();
        }

        /** Another department-year failed: threads waiting here give up. */
        synchronized void abort() {
            failed = true;
            notifyAll();
        }

        synchronized void finish() throws IOException {
            if (!waiting.isEmpty()) {
                throw new IllegalStateException("all.json: department-years left unwritten: " + waiting.keySet());
            }
            gen.writeEndArray();
            gen.writeEndObject();
            gen.flush();
            counting.write('\n');
            counting.flush();
            out.register(new WrittenFile(path, counting.count, null));
        }

        @Override
        public void close() throws IOException {
            gen.close();
            counting.close();
        }
    }

    /** Counts, and hashes when given a digest, what passes through to the file. */
    private static final class CountingDigestStream extends java.io.FilterOutputStream {
        final MessageDigest digest;
        long count;

        CountingDigestStream(java.io.OutputStream out, MessageDigest digest) {
            super(out);
            this.digest = digest;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            if (digest != null) {
                digest.update((byte) b);
            }
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            if (digest != null) {
                digest.update(b, off, len);
            }
            count += len;
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The head of all.json: everything but the department-years. */
    private static ObjectNode allJson(SiteConfig site, Dataset dataset) {
        ObjectNode node = Json.object();
        node.put("title", site.title());
        Json.put(node, "description", site.description());
        Json.put(node, "publisher", site.publisher());
        node.put("homepage", dataset.baseUrl);
        Json.put(node, "licence", site.licence());
        Json.put(node, "licence_url", site.licenceUrl());
        ArrayNode regions = node.putArray("regions");
        for (Region r : dataset.regions) {
            ObjectNode rn = regions.addObject();
            rn.put("region", r.slug());
            rn.put("region_name", r.name());
            Json.put(rn, "region_parent", r.parent());
        }
        ArrayNode departments = node.putArray("departments");
        dataset.departments.forEach(d -> departments.add(Json.row(Columns.DEPARTMENTS, dataset.departmentRow(d))));
        return node;
    }

    // ---------------------------------------------------------------- helpers

    /** Opens a nested array under a key no column uses (a second member of the same name would be ambiguous). */
    private static void arrayField(JsonGenerator gen, List<Field> columns, String key) throws IOException {
        for (Field f : columns) {
            if (f.name().equals(key)) {
                throw new IllegalStateException("JSON key '" + key + "' is already a column");
            }
        }
        gen.writeArrayFieldStart(key);
    }

    /**
     * changes.csv: a row per changed figure, a row per project added to or withdrawn from a published year (not
     * those that came with the year's first version: the year's publication is not a change).
     */
    private Table changesTable() {
        List<List<Object>> rows = new ArrayList<>();
        for (GitDates.Change c : changes) {
            if (c.withFile()) {
                continue;
            }
            String[] at = c.yearFile().split("/");
            int year = Integer.parseInt(at[2].substring(0, 4));
            if (c.kind() != GitDates.Kind.CHANGED) {
                rows.add(cells(at[0], at[1], year, c.projectId(), java.time.LocalDate.parse(c.date()), c.commit(),
                        c.message(), c.kind().label(), null, null, null));
            }
            for (GitDates.FigureChange f : c.figures()) {
                rows.add(cells(at[0], at[1], year, c.projectId(), java.time.LocalDate.parse(c.date()), c.commit(),
                        c.message(), c.kind().label(), f.field(), f.before(), f.after()));
            }
        }
        return new Table(Columns.CHANGES, rows);
    }

    /**
     * A row's cells; decimals become {@link PlainDecimal}s, formatted once here: a project's cells are written to
     * six files (its CSV and JSON, its year's CSV and JSON, projects.csv or indicators.csv, all.json).
     */
    static List<Object> cells(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof BigDecimal d) {
                values[i] = new PlainDecimal(d.toPlainString());
            }
        }
        return java.util.Arrays.asList(values);
    }

    static List<Object> concat(List<Object> a, List<Object> b) {
        List<Object> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static List<Object> blankRow(int size) {
        return java.util.Arrays.asList(new Object[size]);
    }

    private static BigDecimal printed(Amount a) {
        return a == null ? null : a.value();
    }

    private static BigDecimal yuan(Amount a) {
        return a == null ? null : a.yuan();
    }

    /** A whole-dataset CSV and its twin as written; {@code rows} without the header. */
    record StreamedCsv(WrittenFile csv, WrittenFile excel, long rows) {
    }

    /** Writes files under the site root and remembers size and hash of each. */
    private static final class Output {
        final Path root;
        final Map<String, WrittenFile> byPath = new java.util.concurrent.ConcurrentHashMap<>();
        final java.util.Set<Path> folders = java.util.concurrent.ConcurrentHashMap.newKeySet();

        Output(Path root) {
            this.root = root.toAbsolutePath().normalize();
        }

        List<WrittenFile> sorted() {
            return byPath.values().stream().sorted(Comparator.comparing(WrittenFile::path)).toList();
        }

        /**
         * Writes the canonical CSV and its Excel twin from one encoding: {@code buf} holds {@code headers} (BOM,
         * Excel header, canonical header) and then the records. Returns the canonical file.
         */
        WrittenFile csv(String path, Utf8Bytes buf, Headers headers) throws IOException {
            int records = headers.bytes().length;
            WrittenFile file = write(path, buf.array(), headers.canonicalStart(), buf.size() - headers.canonicalStart());
            write(path.substring(0, path.length() - ".csv".length()) + EXCEL_SUFFIX, buf.array(),
                    0, headers.canonicalStart(), records, buf.size() - records);
            return file;
        }

        /** As {@link #csv}, but record by record into both files: the table is never one string or array. */
        StreamedCsv csvStreamed(String path, Table table) throws IOException {
            return csvStreamed(path, table.fields(), table.rows());
        }

        /** As {@link #csvStreamed(String, Table)}, for rows made on the fly (checked against the fields' count). */
        StreamedCsv csvStreamed(String path, List<Field> fields, Iterable<List<Object>> rows) throws IOException {
            String excelPath = path.substring(0, path.length() - ".csv".length()) + EXCEL_SUFFIX;
            Path target = target(path);
            Path excelTarget = target(excelPath);
            Files.createDirectories(target.getParent());
            MessageDigest canonicalDigest = newSha256(); // for datapackage.json; the Excel twin is not described there
            long size;
            long count = 0;
            WrittenFile excelFile;
            try (var canonical = new CountingDigestStream(new java.io.BufferedOutputStream(Files.newOutputStream(target), 1 << 16), canonicalDigest);
                 var excel = new CountingDigestStream(new java.io.BufferedOutputStream(Files.newOutputStream(excelTarget), 1 << 16), null)) {
                Headers headers = Headers.of(fields);
                excel.write(headers.bytes(), 0, headers.canonicalStart());
                canonical.write(headers.bytes(), headers.canonicalStart(), headers.bytes().length - headers.canonicalStart());
                // Records are encoded into one buffer, passed on to both files in 64 KB batches.
                Utf8Bytes buf = new Utf8Bytes(1 << 17);
                for (List<Object> row : rows) {
                    if (row.size() != fields.size()) {
                        throw new IllegalArgumentException(path + ": row has " + row.size() + " cells, expected " + fields.size());
                    }
                    Csv.record(buf, fields, row);
                    count++;
                    if (buf.size() >= 1 << 16) {
                        canonical.write(buf.array(), 0, buf.size());
                        excel.write(buf.array(), 0, buf.size());
                        buf.reset();
                    }
                }
                canonical.write(buf.array(), 0, buf.size());
                excel.write(buf.array(), 0, buf.size());
                canonical.flush();
                excel.flush();
                size = canonical.count;
                excelFile = new WrittenFile(excelPath, excel.count, null);
                register(excelFile);
            }
            WrittenFile file = new WrittenFile(path, size, HexFormat.of().formatHex(canonicalDigest.digest()));
            register(file);
            return new StreamedCsv(file, excelFile, count);
        }

        Path target(String path) {
            return SitePaths.inside(root, path);
        }

        void register(WrittenFile file) {
            if (byPath.putIfAbsent(file.path(), file) != null) {
                throw new IllegalArgumentException("two downloads would be written to '" + file.path() + "'");
            }
        }

        WrittenFile json(String path, ObjectNode node) throws IOException {
            return write(path, Json.bytes(node));
        }

        WrittenFile write(String path, byte[] bytes) throws IOException {
            return write(path, bytes, 0, bytes.length);
        }

        WrittenFile write(String path, byte[] bytes, int offset, int length) throws IOException {
            return write(path, bytes, offset, length, 0, 0);
        }

        /** Writes {@code bytes[offset, offset+length)} followed by {@code bytes[offset2, offset2+length2)}. */
        WrittenFile write(String path, byte[] bytes, int offset, int length, int offset2, int length2) throws IOException {
            Path target = target(path);
            WrittenFile file = new WrittenFile(path, (long) length + length2, null);
            register(file);
            Path folder = target.getParent();
            // createDirectories stats every level; each folder is made once per export.
            if (!folders.contains(folder)) {
                Files.createDirectories(folder);
                folders.add(folder);
            }
            try (var stream = Files.newOutputStream(target)) {
                stream.write(bytes, offset, length);
                if (length2 > 0) {
                    stream.write(bytes, offset2, length2);
                }
            }
            return file;
        }
    }
}
