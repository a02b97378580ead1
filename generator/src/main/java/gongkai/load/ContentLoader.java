package gongkai.load;

import gongkai.content.Amount;
import gongkai.content.Budget;
import gongkai.content.Column;
import gongkai.content.ColumnType;
import gongkai.content.Content;
import gongkai.content.ContentPaths;
import gongkai.content.DataTable;
import gongkai.content.Department;
import gongkai.content.DepartmentYear;
import gongkai.content.Indicator;
import gongkai.content.MoneyUnit;
import gongkai.content.Page;
import gongkai.content.ParsedTarget;
import gongkai.content.Problem;
import gongkai.content.Project;
import gongkai.content.Region;
import gongkai.content.Section;
import gongkai.content.SiteConfig;
import gongkai.content.SourceRef;
import gongkai.content.TargetParser;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Loads a content directory into {@link Content} and checks it on the way, collecting every problem
 * (never stopping at the first) with its file, line, column and field. Uses SnakeYAML's node API so each
 * value keeps its position, and reads scalars as their text: amounts stay exact decimals and codes such
 * as 362303 stay strings whatever their quoting.
 */
public final class ContentLoader {
    /** Folders of the content tree that are not regions. */
    public static final java.util.Set<String> RESERVED_FOLDERS = java.util.Set.of(ContentPaths.PAGES_DIR, ContentPaths.SOURCES_DIR);

    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
    private static final Pattern YEAR_FILE = Pattern.compile("([0-9]{4})\\.yaml");
    private static final Pattern REGION_SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private static final Set<String> SITE_KEYS = orderedSet("title", "description", "publisher", "licence", "licence_url", "base_url");
    private static final Set<String> REGION_KEYS = orderedSet("name", "parent");
    private static final Set<String> DEPARTMENT_KEYS = orderedSet("code", "name", "short_name", "description");
    private static final Set<String> YEAR_KEYS = orderedSet("department", "year", "title", "document", "sections", "tables", "projects");
    private static final Set<String> SECTION_KEYS = orderedSet("id", "title", "source", "markdown");
    private static final Set<String> TABLE_KEYS = orderedSet("id", "title", "source", "note", "columns", "rows");
    private static final Set<String> COLUMN_KEYS = orderedSet("key", "title", "type", "unit");
    private static final Set<String> PROJECT_KEYS = orderedSet("id", "name", "source", "budget", "purpose", "goals", "indicators");
    private static final Set<String> BUDGET_KEYS = orderedSet("unit", "total", "fiscal", "other");
    private static final Set<String> INDICATOR_KEYS = orderedSet("level1", "level2", "level3", "description", "target", "basis");
    private static final Set<String> SOURCE_KEYS = orderedSet("heading", "line");

    private final Path contentDir;
    private final List<Problem> errors = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();
    /** Project id → every place it is defined, for the tree-wide uniqueness check. */
    private final Map<String, List<Place>> projectIds = new TreeMap<>();

    private record Place(String path, int line, int column, String field) {
        String where() {
            return path + ":" + line + ":" + column;
        }
    }

    private final Interner interner;

    private ContentLoader(Path contentDir) {
        this(contentDir, new Interner());
    }

    private ContentLoader(Path contentDir, Interner interner) {
        this.contentDir = contentDir;
        this.interner = interner;
    }

    /**
     * Shared by the loaders of one load: equal short indicator texts (一级/二级/三级指标, targets, descriptions
     * repeat across thousands of projects) become one String, and each distinct target is parsed once — a
     * tenth of load CPU and a good share of the heap at 100,000 projects. Records are immutable, so sharing is safe.
     */
    private static final class Interner {
        private static final int MAX_LENGTH = 64;
        private final java.util.concurrent.ConcurrentHashMap<String, String> texts = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.concurrent.ConcurrentHashMap<String, ParsedTarget> targets = new java.util.concurrent.ConcurrentHashMap<>();

        String text(String s) {
            if (s == null || s.length() > MAX_LENGTH) {
                return s;
            }
            String earlier = texts.putIfAbsent(s, s);
            return earlier == null ? s : earlier;
        }

        ParsedTarget target(String printed) {
            return printed.length() > MAX_LENGTH ? TargetParser.parse(printed)
                    : targets.computeIfAbsent(printed, TargetParser::parse);
        }
    }

    /**
     * Loads and checks {@code contentDir}. Problems in the content are returned, not thrown; an
     * IOException means the directory itself could not be read.
     */
    public static LoadResult load(Path contentDir) throws IOException {
        if (!Files.isDirectory(contentDir)) {
            throw new IOException(contentDir + ": not a directory");
        }
        return new ContentLoader(contentDir).loadAll();
    }

    /** One department-year file loaded on its own, with the problems a full load reports for it. */
    public record YearFile(DepartmentYear year, List<Problem> errors, List<Problem> warnings) {
        public boolean ok() {
            return errors.isEmpty() && year != null;
        }
    }

    /**
     * Loads the single department-year file {@code contentDir/<region>/<code>/<year>.yaml} (for incremental
     * rebuilds); checks across files (unique project ids) are the validate stage's.
     */
    public static YearFile loadYearFile(Path contentDir, Path file) throws IOException {
        Path relative = contentDir.relativize(file);
        var m = YEAR_FILE.matcher(relative.getFileName().toString());
        if (relative.getNameCount() != 3 || !m.matches()) {
            throw new IllegalArgumentException(file + " is not a <region>/<code>/<year>.yaml file of " + contentDir);
        }
        ContentLoader loader = new ContentLoader(contentDir);
        DepartmentYear dy = loader.loadYear(file, relative.getName(0).toString(), relative.getName(1).toString(),
                Integer.parseInt(m.group(1)));
        return new YearFile(dy, List.copyOf(loader.errors), List.copyOf(loader.warnings));
    }

    /** Whether a printed cell value is valid for a column type (STRING accepts anything). */
    public static boolean matchesType(String value, ColumnType type) {
        return switch (type) {
            case STRING -> true;
            case INTEGER -> INTEGER.matcher(value).matches();
            case DECIMAL -> DECIMAL.matcher(value).matches();
        };
    }

    /** One year file parsed on its own (possibly on another thread): its model and what it reported. */
    private record YearResult(DepartmentYear year, ContentLoader loader) {
    }

    /** Year files parsed ahead of the sequential walk, keyed by path. */
    private Map<Path, YearResult> parsedYears = Map.of();

    private LoadResult loadAll() throws IOException {
        parsedYears = parseYearsInParallel();
        SiteConfig site = loadSite();
        List<Page> pages = loadPages();
        List<Region> regions = new ArrayList<>();
        List<Department> departments = new ArrayList<>();
        List<DepartmentYear> years = new ArrayList<>();
        Map<String, Place> parentRefs = new LinkedHashMap<>();

        for (Path regionDir : sortedChildren(contentDir)) {
            String slug = regionDir.getFileName().toString();
            // pages/ holds Markdown pages and sources/ the source documents: neither is a region.
            if (!Files.isDirectory(regionDir) || slug.startsWith(".") || RESERVED_FOLDERS.contains(slug)) {
                continue;
            }
            Path regionFile = regionDir.resolve(ContentPaths.REGION_FILE);
            if (!REGION_SLUG.matcher(slug).matches()) {
                error(display(regionFile), 1, 1, "", "region folder '" + slug
                        + "' must be a lower-case ASCII slug (letters, digits, '-')");
            }
            if (Files.isRegularFile(regionFile)) {
                Region region = loadRegion(regionFile, slug, parentRefs);
                if (region != null) {
                    regions.add(region);
                }
            } else {
                error(display(regionFile), 1, 1, "", "file missing: every region folder needs a region.yaml (with at least name)");
            }
            for (Path deptDir : sortedChildren(regionDir)) {
                String code = deptDir.getFileName().toString();
                if (!Files.isDirectory(deptDir) || code.startsWith(".")) {
                    continue;
                }
                loadDepartmentDir(deptDir, slug, code, departments, years);
            }
        }

        Set<String> slugs = new java.util.HashSet<>();
        regions.forEach(r -> slugs.add(r.slug()));
        for (Region r : regions) {
            if (r.parent() != null && !slugs.contains(r.parent())) {
                Place p = parentRefs.get(r.slug());
                error(p.path(), p.line(), p.column(), "parent", "unknown region '" + r.parent()
                        + "' (no folder " + display(contentDir.resolve(ContentPaths.region(r.parent()))) + ")");
            }
        }
        for (Map.Entry<String, List<Place>> e : projectIds.entrySet()) {
            List<Place> places = e.getValue();
            if (places.size() > 1) {
                for (Place p : places) {
                    String others = places.stream().filter(o -> o != p).map(Place::where)
                            .reduce((a, b) -> a + ", " + b).orElse("");
                    error(p.path(), p.line(), p.column(), p.field(),
                            "duplicate project id '" + e.getKey() + "' (also at " + others + ")");
                }
            }
        }

        regions.sort(java.util.Comparator.comparing(Region::slug));
        departments.sort(java.util.Comparator.comparing(Department::regionSlug).thenComparing(Department::code));
        years.sort(java.util.Comparator.comparing(DepartmentYear::regionSlug)
                .thenComparing(DepartmentYear::departmentCode).thenComparingInt(DepartmentYear::year));
        Content content = new Content(site, regions, departments, years, pages);
        return new LoadResult(content, errors, warnings);
    }

    // ---- files ------------------------------------------------------------------------------------

    private SiteConfig loadSite() throws IOException {
        Path file = contentDir.resolve(ContentPaths.SITE_FILE);
        if (!Files.isRegularFile(file)) {
            error(display(file), 1, 1, "", "file missing: the content directory needs a site.yaml");
            return null;
        }
        Doc doc = parse(file);
        if (doc == null) {
            return null;
        }
        Fields f = doc.fields(doc.root, "", SITE_KEYS);
        if (f == null) {
            return null;
        }
        String baseUrl = f.string("base_url", true);
        if (baseUrl != null && !baseUrl.endsWith("/")) {
            doc.error(f.node("base_url"), "base_url", "must end with '/' (page links are resolved against it)");
        }
        return new SiteConfig(f.string("title", true), f.string("description", false), f.string("publisher", true),
                f.string("licence", true), f.string("licence_url", false), baseUrl);
    }

    private List<Page> loadPages() throws IOException {
        List<Page> pages = new ArrayList<>();
        Path dir = contentDir.resolve(ContentPaths.PAGES_DIR);
        if (!Files.isDirectory(dir)) {
            return pages;
        }
        for (Path file : sortedChildren(dir)) {
            String name = file.getFileName().toString();
            if (!Files.isRegularFile(file) || !name.endsWith(".md")) {
                continue;
            }
            String text = readUtf8(file);
            if (text == null) {
                continue;
            }
            String title = null;
            for (String line : text.split("\n", -1)) {
                if (line.startsWith("# ")) {
                    title = line.substring(2).strip();
                    break;
                }
            }
            if (title == null || title.isEmpty()) {
                error(display(file), 1, 1, "title", "no '# ' heading; the first one is the page title");
            }
            pages.add(new Page(name.substring(0, name.length() - 3), title, text));
        }
        pages.sort(java.util.Comparator.comparing(Page::slug));
        return pages;
    }

    private Region loadRegion(Path file, String slug, Map<String, Place> parentRefs) throws IOException {
        Doc doc = parse(file);
        if (doc == null) {
            return null;
        }
        Fields f = doc.fields(doc.root, "", REGION_KEYS);
        if (f == null) {
            return null;
        }
        String parent = f.string("parent", false);
        if (parent != null) {
            Mark m = f.node("parent").getStartMark();
            parentRefs.put(slug, new Place(doc.path, m.getLine() + 1, m.getColumn() + 1, "parent"));
        }
        return new Region(slug, f.string("name", true), parent);
    }

    private void loadDepartmentDir(Path deptDir, String regionSlug, String code,
                                   List<Department> departments, List<DepartmentYear> years) throws IOException {
        Path deptFile = deptDir.resolve(ContentPaths.DEPARTMENT_FILE);
        boolean hasDepartment = Files.isRegularFile(deptFile);
        if (hasDepartment) {
            Department d = loadDepartment(deptFile, regionSlug, code);
            if (d != null) {
                departments.add(d);
            }
        }
        for (Path file : sortedChildren(deptDir)) {
            String name = file.getFileName().toString();
            if (!Files.isRegularFile(file) || name.equals(ContentPaths.DEPARTMENT_FILE) || name.startsWith(".")) {
                continue;
            }
            var m = YEAR_FILE.matcher(name);
            if (m.matches()) {
                if (!hasDepartment) {
                    error(display(file), 1, 1, "department", "no department.yaml in "
                            + display(deptDir) + " (each department folder describes its unit in department.yaml)");
                }
                DepartmentYear dy = yearOf(file, regionSlug, code, Integer.parseInt(m.group(1)));
                if (dy != null) {
                    years.add(dy);
                }
            } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                error(display(file), 1, 1, "", "unexpected file: a department folder holds department.yaml and <year>.yaml files");
            }
        }
    }

    /**
     * Year files are independent, so they are parsed in parallel first (each by its own loader, with its own
     * problem lists); the walk then takes the results in its fixed order, so problems keep the order and the
     * text a sequential load gives.
     */
    private Map<Path, YearResult> parseYearsInParallel() throws IOException {
        record Job(Path file, String regionSlug, String code, int year) {
        }
        List<Job> jobs = new ArrayList<>();
        for (Path regionDir : sortedChildren(contentDir)) {
            String slug = regionDir.getFileName().toString();
            if (!Files.isDirectory(regionDir) || slug.startsWith(".") || RESERVED_FOLDERS.contains(slug)) {
                continue;
            }
            for (Path deptDir : sortedChildren(regionDir)) {
                String code = deptDir.getFileName().toString();
                if (!Files.isDirectory(deptDir) || code.startsWith(".")) {
                    continue;
                }
                for (Path file : sortedChildren(deptDir)) {
                    var m = YEAR_FILE.matcher(file.getFileName().toString());
                    if (m.matches() && Files.isRegularFile(file)) {
                        jobs.add(new Job(file, slug, code, Integer.parseInt(m.group(1))));
                    }
                }
            }
        }
        Map<Path, YearResult> results = new java.util.concurrent.ConcurrentHashMap<>();
        try {
            jobs.parallelStream().forEach(job -> {
                ContentLoader own = new ContentLoader(contentDir, interner);
                try {
                    results.put(job.file(), new YearResult(own.loadYear(job.file(), job.regionSlug(), job.code(), job.year()), own));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        return results;
    }

    /** The year file's model (parsed ahead, else now), its problems merged into this loader's in walk order. */
    private DepartmentYear yearOf(Path file, String regionSlug, String code, int year) throws IOException {
        YearResult parsed = parsedYears.get(file);
        if (parsed == null) {
            return loadYear(file, regionSlug, code, year);
        }
        errors.addAll(parsed.loader().errors);
        warnings.addAll(parsed.loader().warnings);
        parsed.loader().projectIds.forEach((id, places) -> projectIds.computeIfAbsent(id, k -> new ArrayList<>()).addAll(places));
        return parsed.year();
    }

    private Department loadDepartment(Path file, String regionSlug, String folderCode) throws IOException {
        Doc doc = parse(file);
        if (doc == null) {
            return null;
        }
        Fields f = doc.fields(doc.root, "", DEPARTMENT_KEYS);
        if (f == null) {
            return null;
        }
        String code = f.string("code", true);
        if (code != null && !code.equals(folderCode)) {
            doc.error(f.node("code"), "code", "code '" + code + "' does not match its folder '" + folderCode + "'");
        }
        return new Department(regionSlug, folderCode, f.string("name", true),
                f.string("short_name", false), f.string("description", false));
    }

    private DepartmentYear loadYear(Path file, String regionSlug, String folderCode, int fileYear) throws IOException {
        Doc doc = parse(file);
        if (doc == null) {
            return null;
        }
        Fields f = doc.fields(doc.root, "", YEAR_KEYS);
        if (f == null) {
            return null;
        }
        String code = f.string("department", true);
        if (code != null && !code.equals(folderCode)) {
            doc.error(f.node("department"), "department",
                    "department '" + code + "' does not match its folder '" + folderCode + "'");
        }
        Integer year = f.integer("year", true);
        if (year != null && year != fileYear) {
            doc.error(f.node("year"), "year", "year " + year + " does not match the file name " + ContentPaths.yearFileName(fileYear));
        }
        String title = f.string("title", false);
        String document = f.string("document", false);

        List<Section> sections = new ArrayList<>();
        Set<String> sectionIds = new java.util.HashSet<>();
        forEachItem(doc, f, "sections", false, (item, field) -> {
            Fields s = doc.fields(item, field, SECTION_KEYS);
            if (s != null) {
                String id = s.string("id", true);
                checkUniqueId(doc, s, sectionIds, id, "section");
                sections.add(new Section(id, s.string("title", true), s.string("markdown", false),
                        source(doc, s, document)));
            }
        });
        List<DataTable> tables = new ArrayList<>();
        Set<String> tableIds = new java.util.HashSet<>();
        forEachItem(doc, f, "tables", false, (item, field) -> {
            Fields t = doc.fields(item, field, TABLE_KEYS);
            if (t != null) {
                DataTable table = table(doc, t, document);
                checkUniqueId(doc, t, tableIds, table.id(), "table");
                tables.add(table);
            }
        });
        List<Project> projects = new ArrayList<>();
        forEachItem(doc, f, "projects", true, (item, field) -> {
            Fields p = doc.fields(item, field, PROJECT_KEYS);
            if (p != null) {
                projects.add(project(doc, p, document, folderCode, fileYear));
            }
        });
        return new DepartmentYear(regionSlug, folderCode, fileYear, title, document, sections, tables, projects);
    }

    private void checkUniqueId(Doc doc, Fields f, Set<String> seen, String id, String what) {
        if (id != null && !seen.add(id)) {
            doc.error(f.node("id"), f.path("id"), "duplicate " + what + " id '" + id + "' in this file");
        }
    }

    private Project project(Doc doc, Fields p, String document, String code, int year) {
        String id = p.string("id", true);
        if (id != null) {
            Mark m = p.node("id").getStartMark();
            projectIds.computeIfAbsent(id, k -> new ArrayList<>())
                    .add(new Place(doc.path, m.getLine() + 1, m.getColumn() + 1, p.path("id")));
            String pattern = code + "-" + year + "-";
            if (!(id.startsWith(pattern) && id.substring(pattern.length()).matches("[0-9]{3}"))) {
                doc.warning(p.node("id"), p.path("id"),
                        "id '" + id + "' does not follow the pattern " + pattern + "nnn");
            }
        }
        Budget budget = null;
        Node budgetNode = p.node("budget");
        if (budgetNode != null && !isNull(budgetNode)) {
            Fields b = doc.fields(budgetNode, p.path("budget"), BUDGET_KEYS);
            if (b != null) {
                budget = budget(doc, b);
            }
        }
        List<Indicator> indicators = new ArrayList<>();
        forEachItem(doc, p, "indicators", true, (item, field) -> {
            Fields i = doc.fields(item, field, INDICATOR_KEYS);
            if (i != null) {
                String target = interner.text(i.string("target", true));
                indicators.add(new Indicator(interner.text(i.string("level1", true)), interner.text(i.string("level2", true)),
                        interner.text(i.string("level3", true)), interner.text(i.string("description", false)), target,
                        interner.text(i.string("basis", false)), target == null ? null : interner.target(target)));
            }
        });
        return new Project(id, p.string("name", true), budget, p.string("purpose", false), p.string("goals", false),
                indicators, source(doc, p, document));
    }

    private Budget budget(Doc doc, Fields b) {
        String unitLabel = b.string("unit", true);
        MoneyUnit unit = null;
        if (unitLabel != null) {
            try {
                unit = MoneyUnit.fromLabel(unitLabel);
            } catch (IllegalArgumentException e) {
                doc.error(b.node("unit"), b.path("unit"), "unknown money unit '" + unitLabel + "' (expected 元 or 万元)");
            }
        }
        BigDecimal total = b.decimal("total");
        BigDecimal fiscal = b.decimal("fiscal");
        BigDecimal other = b.decimal("other");
        if (total != null && (fiscal != null || other != null)) {
            BigDecimal f = fiscal == null ? BigDecimal.ZERO : fiscal;
            BigDecimal o = other == null ? BigDecimal.ZERO : other;
            if (f.add(o).compareTo(total) != 0) {
                doc.warning(b.node("total"), b.path("total"), "fiscal " + f.toPlainString() + " + other "
                        + o.toPlainString() + " = " + f.add(o).toPlainString() + ", not the total " + total.toPlainString());
            }
        }
        if (unit == null) {
            return new Budget(null, null, null, null);
        }
        return new Budget(unit, amount(total, unit), amount(fiscal, unit), amount(other, unit));
    }

    private static Amount amount(BigDecimal value, MoneyUnit unit) {
        return value == null ? null : new Amount(value, unit);
    }

    private DataTable table(Doc doc, Fields t, String document) {
        String id = t.string("id", true);
        List<Column> columns = new ArrayList<>();
        Set<String> keys = new java.util.LinkedHashSet<>();
        forEachItem(doc, t, "columns", true, (item, field) -> {
            Fields c = doc.fields(item, field, COLUMN_KEYS);
            if (c == null) {
                return;
            }
            String key = c.string("key", true);
            if (key != null && !keys.add(key)) {
                doc.error(c.node("key"), c.path("key"), "duplicate column key '" + key + "'");
            }
            String typeName = c.string("type", true);
            ColumnType type = null;
            if (typeName != null) {
                for (ColumnType ct : ColumnType.values()) {
                    if (ct.yamlName().equals(typeName)) {
                        type = ct;
                    }
                }
                if (type == null) {
                    doc.error(c.node("type"), c.path("type"), "unknown column type '" + typeName
                            + "' (expected string, integer or decimal)"
                            + didYouMean(typeName, orderedSet("string", "integer", "decimal")));
                }
            }
            columns.add(new Column(key, c.string("title", true), type, c.string("unit", false)));
        });
        Map<String, ColumnType> types = new LinkedHashMap<>();
        for (Column c : columns) {
            if (c.key() != null) {
                types.putIfAbsent(c.key(), c.type());
            }
        }
        List<Map<String, String>> rows = new ArrayList<>();
        forEachItem(doc, t, "rows", false, (item, field) -> {
            Fields r = doc.fields(item, field, types.keySet(), "column");
            if (r == null) {
                return;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (Map.Entry<String, ColumnType> col : types.entrySet()) {
                String value = r.string(col.getKey(), false);
                ColumnType type = col.getValue();
                if (value != null && type != null && !matchesType(value, type)) {
                    doc.error(r.node(col.getKey()), r.path(col.getKey()), "'" + value + "' is not "
                            + (type == ColumnType.INTEGER ? "an integer" : "a plain decimal number")
                            + " (column '" + col.getKey() + "' has type " + type.yamlName() + ")");
                }
                row.put(col.getKey(), value);
            }
            rows.add(row);
        });
        return new DataTable(id, t.string("title", true), columns, rows, t.string("note", false), source(doc, t, document));
    }

    private SourceRef source(Doc doc, Fields owner, String document) {
        Node node = owner.node("source");
        if (node == null || isNull(node)) {
            return null;
        }
        Fields s = doc.fields(node, owner.path("source"), SOURCE_KEYS);
        if (s == null) {
            return null;
        }
        Integer line = s.integer("line", true);
        return new SourceRef(document, s.string("heading", false), line == null ? 0 : line);
    }

    private interface ItemReader {
        void read(Node item, String field);
    }

    private void forEachItem(Doc doc, Fields f, String key, boolean required, ItemReader reader) {
        Node node = f.node(key);
        String field = f.path(key);
        if (node == null || isNull(node)) {
            if (required) {
                doc.error(node == null ? f.mapping : node, field, "required field missing");
            }
            return;
        }
        if (!(node instanceof SequenceNode seq)) {
            doc.error(node, field, "expected a list (lines starting with '- '), found " + kind(node));
            return;
        }
        List<Node> items = seq.getValue();
        for (int i = 0; i < items.size(); i++) {
            reader.read(items.get(i), field + "[" + i + "]");
        }
    }

    // ---- YAML documents and fields -----------------------------------------------------------------

    /** A parsed file: its display path and root node. */
    private final class Doc {
        final String path;
        final Node root;

        Doc(String path, Node root) {
            this.path = path;
            this.root = root;
        }

        void error(Node node, String field, String message) {
            Mark m = node.getStartMark();
            ContentLoader.this.error(path, m.getLine() + 1, m.getColumn() + 1, field, message);
        }

        void warning(Node node, String field, String message) {
            Mark m = node.getStartMark();
            warnings.add(new Problem(path, m.getLine() + 1, m.getColumn() + 1, field, message, Problem.Severity.WARNING));
        }

        Fields fields(Node node, String prefix, Set<String> allowed) {
            return fields(node, prefix, allowed, "key");
        }

        /** Reads a mapping, reporting duplicate and unknown keys; null (after reporting) if it is not a mapping. */
        Fields fields(Node node, String prefix, Set<String> allowed, String keyWord) {
            if (!(node instanceof MappingNode mapping)) {
                error(node, prefix, "expected a mapping (key: value lines), found " + kind(node));
                return null;
            }
            // Mappings are small (≤ 20 keys): parallel arrays and linear scans beat two hash maps per mapping.
            List<NodeTuple> tuples = mapping.getValue();
            String[] keys = new String[tuples.size()];
            Node[] keyNodes = new Node[tuples.size()];
            Node[] valueNodes = new Node[tuples.size()];
            int seen = 0;
            Fields fields = new Fields(this, mapping, prefix, keys, valueNodes);
            for (NodeTuple t : tuples) {
                Node k = t.getKeyNode();
                if (!(k instanceof ScalarNode ks)) {
                    error(k, prefix, "a key must be a plain word, found " + kind(k));
                    continue;
                }
                String key = ks.getValue();
                int earlier = indexOf(keys, seen, key);
                if (earlier >= 0) {
                    error(k, fields.path(key), "duplicate key '" + key + "' (first at line "
                            + (keyNodes[earlier].getStartMark().getLine() + 1) + ")");
                    continue;
                }
                keys[seen] = key;
                keyNodes[seen] = k;
                seen++;
                if (!allowed.contains(key)) {
                    error(k, fields.path(key), "unknown " + keyWord + " '" + key + "'" + suggestion(key, allowed));
                    // known keys only: an unknown key is reported, never read
                    valueNodes[seen - 1] = null;
                    continue;
                }
                valueNodes[seen - 1] = t.getValueNode();
            }
            return fields;
        }
    }

    /** The known keys of one mapping, with typed accessors that report what is wrong. */
    private static final class Fields {
        final Doc doc;
        final MappingNode mapping;
        final String prefix;
        /** Keys in file order (null-terminated when keys were rejected) and their value nodes (null: unknown key). */
        private final String[] keys;
        private final Node[] valueNodes;

        Fields(Doc doc, MappingNode mapping, String prefix, String[] keys, Node[] valueNodes) {
            this.doc = doc;
            this.mapping = mapping;
            this.prefix = prefix;
            this.keys = keys;
            this.valueNodes = valueNodes;
        }

        String path(String key) {
            return prefix.isEmpty() ? key : prefix + "." + key;
        }

        Node node(String key) {
            int i = indexOf(keys, keys.length, key);
            return i < 0 ? null : valueNodes[i];
        }

        /** The scalar text; null when absent or null (reported when required). */
        String string(String key, boolean required) {
            Node n = node(key);
            if (n == null || isNull(n)) {
                if (required) {
                    doc.error(n == null ? mapping : n, path(key), n == null ? "required field missing" : "required field is empty");
                }
                return null;
            }
            if (!(n instanceof ScalarNode s)) {
                doc.error(n, path(key), "expected text, found " + kind(n));
                return null;
            }
            return s.getValue();
        }

        Integer integer(String key, boolean required) {
            String text = string(key, required);
            if (text == null) {
                return null;
            }
            if (!INTEGER.matcher(text).matches() || text.replace("-", "").length() > 9) {
                doc.error(node(key), path(key), "expected an integer, found '" + text + "'");
                return null;
            }
            return Integer.parseInt(text);
        }

        BigDecimal decimal(String key) {
            String text = string(key, false);
            if (text == null) {
                return null;
            }
            if (!DECIMAL.matcher(text).matches()) {
                doc.error(node(key), path(key), "'" + text
                        + "' is not a plain decimal amount (digits with an optional decimal point, e.g. 6.00)");
                return null;
            }
            return new BigDecimal(text);
        }
    }

    private static int indexOf(String[] keys, int size, String key) {
        for (int i = 0; i < size; i++) {
            String k = keys[i];
            if (k == null) {
                return -1;
            }
            if (k.equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isNull(Node n) {
        return n instanceof ScalarNode && Tag.NULL.equals(n.getTag());
    }

    private static String kind(Node n) {
        if (n instanceof MappingNode) {
            return "a mapping";
        }
        if (n instanceof SequenceNode) {
            return "a list";
        }
        if (isNull(n)) {
            return "nothing";
        }
        return "'" + ((ScalarNode) n).getValue() + "'";
    }

    /** " (did you mean 'x'?)" for the closest allowed word within edit distance 2, else "". */
    static String didYouMean(String word, Set<String> allowed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : allowed) {
            int d = levenshtein(word.toLowerCase(java.util.Locale.ROOT), candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= 2 ? " (did you mean '" + best + "'?)" : "";
    }

    /** didYouMean, or the list of allowed words when nothing is close. */
    static String suggestion(String word, Set<String> allowed) {
        String close = didYouMean(word, allowed);
        if (!close.isEmpty() || allowed.isEmpty()) {
            return close;
        }
        return " (expected one of: " + String.join(", ", allowed) + ")";
    }

    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** Parses one YAML file; syntax errors are reported with the parser's position and null returned. */
    private Doc parse(Path file) throws IOException {
        String path = display(file);
        String text = readUtf8(file);
        if (text == null) {
            return null;
        }
        try {
            // the common case, block YAML as ContentWriter writes it, without SnakeYAML's per-character scanner;
            // anything else (and so every syntax error) goes through SnakeYAML
            Node root = FastYaml.parse(text, path);
            if (root == null) {
                root = composeWithSnakeYaml(text);
            }
            if (root == null) {
                // An empty file is an empty mapping: the required-field checks then say what is missing.
                Mark start = new Mark(path, 0, 0, 0, new int[0], 0);
                root = new MappingNode(Tag.MAP, true, new ArrayList<>(), start, start, org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK);
            }
            return new Doc(path, root);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String message = e.getProblem() == null ? e.getMessage() : e.getProblem();
            if (e.getContext() != null) {
                message = message + " (" + e.getContext() + ")";
            }
            error(path, m == null ? 1 : m.getLine() + 1, m == null ? 1 : m.getColumn() + 1, "",
                    "YAML syntax error: " + message);
        } catch (ReaderException e) {
            int[] lc = lineColumn(text, e.getPosition());
            error(path, lc[0], lc[1], "", "YAML syntax error: character U+"
                    + String.format("%04X", e.getCodePoint()) + " is not allowed in YAML (write it as an escape in a double-quoted string)");
        } catch (YAMLException e) {
            error(path, 1, 1, "", "YAML syntax error: " + e.getMessage());
        }
        return null;
    }

    /** SnakeYAML's node tree of {@code text} (null for an empty document), scalars resolved as the loader reads them. */
    static Node composeWithSnakeYaml(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        return new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options),
                new NullOnlyResolver(), options).getSingleNode();
    }

    /**
     * Only null is resolved implicitly: the loader reads every other scalar as text and checks it itself, so
     * the int/float/bool/timestamp patterns the default resolver tries on every plain scalar are wasted work.
     */
    private static final class NullOnlyResolver extends Resolver {
        /** No regex resolvers: {@link #resolve} decides every implicit scalar itself. */
        @Override
        protected void addImplicitResolvers() {
        }

        /**
         * YAML 1.1 null (empty, ~, null, Null, NULL) or text, without a regex per scalar (the default EMPTY resolver,
         * registered for every first character, was a fifth of load time).
         */
        @Override
        public Tag resolve(org.yaml.snakeyaml.nodes.NodeId kind, String value, boolean implicit) {
            if (kind == org.yaml.snakeyaml.nodes.NodeId.scalar && implicit) {
                return plainScalarTag(value);
            }
            return super.resolve(kind, value, implicit);
        }
    }

    /** The tag of a plain (unquoted) scalar as the loader reads it: null for YAML 1.1 null, else text. Also FastYaml's. */
    static Tag plainScalarTag(String value) {
        if (value.length() > 4) {
            return Tag.STR; // before the switch: it would hash the whole (often long) text
        }
        return switch (value) {
            case "", "~", "null", "Null", "NULL" -> Tag.NULL;
            default -> Tag.STR;
        };
    }

    private static int[] lineColumn(String text, int codePointIndex) {
        int line = 1;
        int column = 1;
        int seen = 0;
        for (int i = 0; i < text.length() && seen < codePointIndex; seen++) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[] {line, column};
    }

    /** The file's text, or null after reporting that it is not UTF-8. */
    private String readUtf8(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8); // the JDK's fast path
        if (text.indexOf('\uFFFD') < 0) {
            return text; // no replacement character: the bytes were valid UTF-8
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            error(display(file), 1, 1, "", "not valid UTF-8 (save the file as UTF-8)");
            return null;
        }
    }

    private String display(Path file) {
        return file.toString();
    }

    private void error(String path, int line, int column, String field, String message) {
        errors.add(new Problem(path, line, column, field, message, Problem.Severity.ERROR));
    }

    private static List<Path> sortedChildren(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted(java.util.Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
    }

    private static Set<String> orderedSet(String... keys) {
        return new java.util.LinkedHashSet<>(List.of(keys));
    }
}
