package gongkai.load;

import gongkai.content.ContentPaths;

import gongkai.content.Amount;
import gongkai.content.Budget;
import gongkai.content.Column;
import gongkai.content.Correction;
import gongkai.content.ColumnType;
import gongkai.content.Content;
import gongkai.content.DataTable;
import gongkai.content.Department;
import gongkai.content.DepartmentYear;
import gongkai.content.DocumentFacts;
import gongkai.content.Indicator;
import gongkai.content.MoneyUnit;
import gongkai.content.Page;
import gongkai.content.ProcurementLinks;
import gongkai.content.Project;
import gongkai.content.Region;
import gongkai.content.Retraction;
import gongkai.content.SafePaths;
import gongkai.content.SafeUrls;
import gongkai.content.Section;
import gongkai.content.SiteConfig;
import gongkai.content.SourceRef;
import gongkai.content.Text;
import gongkai.content.TextIOException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Loads a content directory into {@link Content} and checks each file on the way, collecting every problem
 * (never stopping at the first) with its file, line, column and field. Reading (files, the parallel parse) is
 * {@link YamlReader}'s, typed positioned field access {@link Fields}', suggestions {@link Suggestions}'; this class
 * holds the content layout and the key schema of each kind of file. Scalars are read as their text: amounts stay
 * exact decimals and codes such as 362303 stay strings whatever their quoting.
 *
 * <p>Checks across files (unique project ids, parents, cited documents, links) are the validate stage's
 * ({@code validate.ContentChecks}), using the {@link Positions} recorded here.
 */
public final class ContentLoader {
    /** Folders of the content tree that are not regions. */
    public static final Set<String> RESERVED_FOLDERS = Set.of(ContentPaths.PAGES_DIR, ContentPaths.SOURCES_DIR);

    private static final Pattern YEAR_FILE = Pattern.compile("([0-9]{4})\\.yaml");

    private static final Set<String> SITE_KEYS = orderedSet("title", "description", "publisher", "licence", "licence_url", "base_url",
            "report_url");
    private static final Set<String> REGION_KEYS = orderedSet("name", "parent");
    private static final Set<String> DEPARTMENT_KEYS = orderedSet("code", "name", "short_name", "description");
    private static final Set<String> YEAR_KEYS = orderedSet("department", "year", "title", "document", "document_url",
            "document_published", "document_original", "sections", "tables", "projects", "acknowledged",
            "corrections", "retracted");
    private static final Set<String> SECTION_KEYS = orderedSet("id", "title", "source", "markdown");
    private static final Set<String> TABLE_KEYS = orderedSet("id", "title", "source", "note", "columns", "rows");
    private static final Set<String> COLUMN_KEYS = orderedSet("key", "title", "type", "unit");
    private static final Set<String> PROJECT_KEYS = orderedSet("id", "name", "source", "budget", "purpose", "goals", "indicators", "acknowledged",
            "corrections");
    private static final Set<String> CORRECTION_KEYS = orderedSet("date", "what", "why");
    private static final Set<String> RETRACTED_KEYS = orderedSet("id", "name", "date", "reason", "budget");
    private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Set<String> ACKNOWLEDGED_KEYS = orderedSet("code", "reason");
    /** A quality code (the quality package lists them; the loader only checks the form). */
    private static final Pattern QUALITY_CODE = Pattern.compile("Q[0-9]{3}");
    private static final Set<String> BUDGET_KEYS = orderedSet("unit", "total", "fiscal", "other");
    private static final Set<String> INDICATOR_KEYS = orderedSet("level1", "level2", "level3", "description", "target", "basis");
    private static final Set<String> SOURCE_KEYS = orderedSet("heading", "line");
    private static final Set<String> COLUMN_TYPES = orderedSet("string", "integer", "decimal");
    /** Columns every data/&lt;table id&gt;.csv starts with (export.Columns.TABLE_KEYS), and the procurement link. */
    private static final Set<String> KEY_COLUMNS = Set.of("region", "department_code", "year");
    private static final String PROCUREMENT_PROJECT_COLUMN = "project_id";

    private final Path contentDir;
    private final ProblemSink sink = new ProblemSink();
    private final Positions.Builder positions = new Positions.Builder();
    private final Interner interner;

    private ContentLoader(Path contentDir, Interner interner) {
        this.contentDir = contentDir;
        this.interner = interner;
    }

    /**
     * Loads and checks {@code contentDir}. Problems in the content are returned, not thrown; an
     * IOException means the directory itself could not be read.
     */
    public static LoadResult load(Path contentDir) throws IOException {
        if (!Files.isDirectory(contentDir)) {
            throw new TextIOException(Text.of(contentDir + " 不是文件夹（内容文件夹不存在？）",
                    contentDir + " is not a folder (does the content folder exist?)"));
        }
        return new ContentLoader(contentDir, new Interner()).loadAll();
    }

    /** One department-year file loaded on its own, with the problems a full load reports for it. */
    public record YearFile(DepartmentYear year, List<gongkai.content.Problem> errors, List<gongkai.content.Problem> warnings,
                           Positions positions) {
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
        ContentLoader loader = new ContentLoader(contentDir, new Interner());
        DepartmentYear dy = null;
        if (Files.isSymbolicLink(file)) {
            loader.linkError(file);
        } else {
            dy = loader.loadYear(file, relative.getName(0).toString(), relative.getName(1).toString(),
                    Integer.parseInt(m.group(1)));
        }
        return new YearFile(dy, List.copyOf(loader.sink.errors), List.copyOf(loader.sink.warnings),
                loader.positions.build());
    }

    /** Whether a printed cell value is valid for a column type (STRING accepts anything). */
    public static boolean matchesType(String value, ColumnType type) {
        return switch (type) {
            case STRING -> true;
            case INTEGER -> Fields.INTEGER.matcher(value).matches();
            case DECIMAL -> Fields.DECIMAL.matcher(value).matches();
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

        Path sources = contentDir.resolve(ContentPaths.SOURCES_DIR);
        if (Files.isSymbolicLink(sources)) {
            linkError(sources);
        }
        for (Path regionDir : sortedChildren(contentDir)) {
            String slug = regionDir.getFileName().toString();
            // pages/ holds Markdown pages and sources/ the source documents: neither is a region.
            if (slug.startsWith(".") || RESERVED_FOLDERS.contains(slug)) {
                continue;
            }
            if (Files.isSymbolicLink(regionDir)) {
                if (Files.isDirectory(regionDir)) {
                    linkError(regionDir);
                }
                continue;
            }
            if (!YamlReader.isPlainFolder(regionDir)) {
                continue;
            }
            Path regionFile = regionDir.resolve(ContentPaths.REGION_FILE);
            Text slugProblem = SafePaths.segmentProblem(slug, SafePaths.SLUG, SafePaths.SLUG_CHARS);
            if (slugProblem == null && SafePaths.SITE_FOLDERS.contains(slug)) {
                slugProblem = Text.of("'" + slug + "' 是网站自己的文件夹名，地区不能用",
                        "'" + slug + "' is the name of one of the site's own folders: a region cannot use it");
            } else if (slugProblem == null && SafePaths.EDITION_FOLDERS.contains(slug)) {
                slugProblem = Text.of("'" + slug + "' 是网站英文版的文件夹（/" + slug + "/），地区不能用",
                        "'" + slug + "' is the folder of the site's English edition (/" + slug + "/): a region cannot use it");
            }
            if (slugProblem != null) {
                error(display(regionFile), 1, 1, "", Text.of("地区文件夹名 " + slugProblem.zh() + "（region folder）",
                        "region folder name " + slugProblem.en()));
            }
            if (Files.isSymbolicLink(regionFile)) {
                linkError(regionFile);
            } else if (YamlReader.isPlainFile(regionFile)) {
                Region region = loadRegion(regionFile, slug);
                if (region != null) {
                    regions.add(region);
                }
            } else {
                error(display(regionFile), 1, 1, "", Text.of("缺少文件：每个地区文件夹都要有 region.yaml（至少写一行 name: 地区名称）",
                        "file missing: every region folder needs a region.yaml (at least one line: name: <the region's name>)"));
            }
            for (Path deptDir : sortedChildren(regionDir)) {
                String code = deptDir.getFileName().toString();
                if (code.startsWith(".")) {
                    continue;
                }
                if (Files.isSymbolicLink(deptDir)) {
                    if (Files.isDirectory(deptDir)) {
                        linkError(deptDir);
                    }
                    continue;
                }
                if (YamlReader.isPlainFolder(deptDir)) {
                    loadDepartmentDir(deptDir, slug, code, departments, years);
                }
            }
        }

        regions.sort(Comparator.comparing(Region::slug));
        departments.sort(Comparator.comparing(Department::regionSlug).thenComparing(Department::code));
        years.sort(Comparator.comparing(DepartmentYear::regionSlug)
                .thenComparing(DepartmentYear::departmentCode).thenComparingInt(DepartmentYear::year));
        Content content = new Content(site, regions, departments, years, pages);
        return new LoadResult(content, sink.errors, sink.warnings, positions.build());
    }

    // ---- files ------------------------------------------------------------------------------------

    private SiteConfig loadSite() throws IOException {
        Path file = contentDir.resolve(ContentPaths.SITE_FILE);
        if (Files.isSymbolicLink(file)) {
            linkError(file);
            return null;
        }
        if (!YamlReader.isPlainFile(file)) {
            error(display(file), 1, 1, "", Text.of("缺少文件：内容文件夹里要有 site.yaml（网站的标题、发布者等设置）",
                    "file missing: the content folder needs a site.yaml (the site's title, publisher and other settings)"));
            return null;
        }
        YamlDoc doc = parse(file);
        if (doc == null) {
            return null;
        }
        Fields f = doc.fields(doc.root, "", SITE_KEYS);
        if (f == null) {
            return null;
        }
        f.record("base_url").record("licence_url").record("report_url");
        String baseUrl = f.string("base_url", true);
        if (baseUrl != null && !baseUrl.endsWith("/")) {
            doc.error(f.node("base_url"), "base_url", Text.of("网站地址要以 / 结尾（页面链接以它为起点），例如 " + YamlDoc.shown(baseUrl) + "/",
                    "the site's address must end with / (page links start from it), e.g. " + YamlDoc.shown(baseUrl) + "/"));
        } else if (baseUrl != null) {
            Text problem = SafeUrls.baseUrlProblem(baseUrl);
            if (problem != null) {
                doc.error(f.node("base_url"), "base_url", problem.after("网站地址", "the site's address"));
            }
        }
        String licenceUrl = f.string("licence_url", false);
        if (licenceUrl != null) {
            Text problem = SafeUrls.absoluteHttpProblem(licenceUrl);
            if (problem != null) {
                doc.error(f.node("licence_url"), "licence_url", problem.after("许可协议链接", "the licence link"));
            }
        }
        String reportUrl = f.string("report_url", false);
        if (reportUrl != null) {
            Text problem = SafeUrls.reportUrlProblem(reportUrl);
            if (problem != null) {
                doc.error(f.node("report_url"), "report_url", problem.after("报告错误的地址", "the address for reporting errors"));
            }
        }
        return new SiteConfig(f.string("title", true), f.string("description", true), f.string("publisher", true),
                f.string("licence", true), licenceUrl, baseUrl, reportUrl);
    }

    private List<Page> loadPages() throws IOException {
        List<Page> pages = new ArrayList<>();
        Path dir = contentDir.resolve(ContentPaths.PAGES_DIR);
        if (Files.isSymbolicLink(dir)) {
            linkError(dir);
            return pages;
        }
        if (!YamlReader.isPlainFolder(dir)) {
            return pages;
        }
        // English twins (<slug>.en.md) by slug, with their file: each is joined to its Chinese page below
        Map<String, Page.Twin> twins = new LinkedHashMap<>();
        Map<String, Path> twinFiles = new LinkedHashMap<>();
        for (Path file : sortedChildren(dir)) {
            String name = file.getFileName().toString();
            if (!name.endsWith(".md") || name.startsWith(".")) {
                continue;
            }
            if (Files.isSymbolicLink(file)) {
                linkError(file);
                continue;
            }
            if (!YamlReader.isPlainFile(file)) {
                continue;
            }
            boolean english = name.endsWith(ContentPaths.ENGLISH_PAGE_SUFFIX);
            String slug = name.substring(0, name.length() - (english ? ContentPaths.ENGLISH_PAGE_SUFFIX.length() : 3));
            Text slugProblem = SafePaths.segmentProblem(slug, SafePaths.SLUG, SafePaths.SLUG_CHARS);
            if (slugProblem == null && SafePaths.SITE_FOLDERS.contains(slug)) {
                slugProblem = Text.of("'" + slug + "' 是网站自己的文件夹名，页面不能用",
                        "'" + slug + "' is the name of one of the site's own folders: a page cannot use it");
            } else if (slugProblem == null && SafePaths.EDITION_FOLDERS.contains(slug)) {
                slugProblem = Text.of("'" + slug + "' 是网站英文版的文件夹（/" + slug + "/），页面不能用",
                        "'" + slug + "' is the folder of the site's English edition (/" + slug + "/): a page cannot use it");
            } else if (slugProblem != null && slug.indexOf('.') > 0) {
                // about.fr.md, about.EN.md: a language suffix other than the one the site has
                slugProblem = slugProblem.plus(Text.of("；页面文件只能叫 <名称>.md（中文页面）或 <名称>.en.md（它的英文译文）",
                        "; a page file is named <name>.md (the Chinese page) or <name>.en.md (its English translation)"));
            }
            if (slugProblem != null) {
                error(display(file), 1, 1, "", Text.of("页面文件名 " + slugProblem.zh() + "（page slug）",
                        "page file name " + slugProblem.en()));
                continue;
            }
            String text = YamlReader.readUtf8(file, display(file), sink);
            if (text == null) {
                continue;
            }
            String title = title(text);
            if (title == null && english) {
                error(display(file), 1, 1, "title", Text.of("英文页面没有以“# ”开头的标题行：请在第一行写“# ”加英文标题，如“# About this site”",
                        "the English page has no title line starting with \"# \": write \"# <the page's English title>\" on the first line, "
                                + "e.g. \"# About this site\""));
            } else if (title == null) {
                error(display(file), 1, 1, "title", Text.of("页面没有以“# ”开头的标题行：请在第一行写“# 页面标题”",
                        "the page has no title line starting with \"# \": write \"# <the page's title>\" on the first line"));
            }
            if (english) {
                twins.put(slug, new Page.Twin(title, text));
                twinFiles.put(slug, file);
            } else {
                pages.add(new Page(slug, title, text));
            }
        }
        Set<String> slugs = new HashSet<>();
        pages.forEach(p -> slugs.add(p.slug()));
        for (Map.Entry<String, Path> twin : twinFiles.entrySet()) {
            if (!slugs.contains(twin.getKey())) {
                String name = twin.getKey() + ".md";
                error(display(twin.getValue()), 1, 1, "", Text.of("英文页面没有对应的中文页面 " + ContentPaths.page(twin.getKey())
                        + "：英文页面是中文页面的译文，两者要同名（" + name + " 和 " + twin.getKey() + ContentPaths.ENGLISH_PAGE_SUFFIX
                        + "）；请加上中文页面，或改正这个文件的名字",
                        "the English page has no Chinese page " + ContentPaths.page(twin.getKey()) + " beside it: an English page "
                                + "is the translation of a Chinese one with the same name (" + name + " and " + twin.getKey()
                                + ContentPaths.ENGLISH_PAGE_SUFFIX + "); add the Chinese page, or correct this file's name"));
            }
        }
        pages.replaceAll(p -> twins.containsKey(p.slug()) ? p.withEnglish(twins.get(p.slug())) : p);
        pages.sort(Comparator.comparing(Page::slug));
        return pages;
    }

    /** A page's title: its first line starting with "# ", or null. */
    private static String title(String text) {
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("# ")) {
                String title = line.substring(2).strip();
                return title.isEmpty() ? null : title;
            }
        }
        return null;
    }

    private Region loadRegion(Path file, String slug) throws IOException {
        YamlDoc doc = parse(file);
        if (doc == null) {
            return null;
        }
        Fields f = doc.fields(doc.root, "", REGION_KEYS);
        if (f == null) {
            return null;
        }
        f.record("parent");
        return new Region(slug, f.string("name", true), f.string("parent", false));
    }

    private void loadDepartmentDir(Path deptDir, String regionSlug, String code,
                                   List<Department> departments, List<DepartmentYear> years) throws IOException {
        Path deptFile = deptDir.resolve(ContentPaths.DEPARTMENT_FILE);
        Text codeProblem = SafePaths.segmentProblem(code, SafePaths.CODE, SafePaths.CODE_CHARS);
        if (codeProblem != null) {
            error(display(deptFile), 1, 1, "", Text.of("部门文件夹名（预算单位编码）" + codeProblem.zh() + "（department folder）",
                    "department folder name (the budget unit's code) " + codeProblem.en()));
        }
        boolean hasDepartment = YamlReader.isPlainFile(deptFile) && !Files.isSymbolicLink(deptFile);
        if (Files.isSymbolicLink(deptFile)) {
            linkError(deptFile);
        } else if (hasDepartment) {
            Department d = loadDepartment(deptFile, regionSlug, code);
            if (d != null) {
                departments.add(d);
            }
        }
        for (Path file : sortedChildren(deptDir)) {
            String name = file.getFileName().toString();
            if (name.equals(ContentPaths.DEPARTMENT_FILE) || name.startsWith(".")) {
                continue;
            }
            boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
            if (Files.isSymbolicLink(file)) {
                if (yaml) {
                    linkError(file);
                }
                continue;
            }
            if (!YamlReader.isPlainFile(file)) {
                continue;
            }
            var m = YEAR_FILE.matcher(name);
            if (m.matches()) {
                if (!hasDepartment) {
                    error(display(file), 1, 1, "department", Text.of(display(deptDir)
                            + " 里没有 department.yaml：每个部门文件夹都要有 department.yaml（写 code: 预算单位编码 和 name: 单位名称）",
                            display(deptDir) + " has no department.yaml: every department folder needs one (write code: "
                            + "<the budget unit's code> and name: <the unit's name>)"));
                }
                DepartmentYear dy = yearOf(file, regionSlug, code, Integer.parseInt(m.group(1)));
                if (dy != null) {
                    years.add(dy);
                }
            } else if (yaml) {
                error(display(file), 1, 1, "", Text.of("多余的文件：部门文件夹里只放 department.yaml 和年度文件（如 2024.yaml）",
                        "a file that does not belong here: a department folder holds only department.yaml and year files (such as 2024.yaml)"));
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
            if (!YamlReader.isPlainFolder(regionDir) || slug.startsWith(".") || RESERVED_FOLDERS.contains(slug)) {
                continue;
            }
            for (Path deptDir : sortedChildren(regionDir)) {
                String code = deptDir.getFileName().toString();
                if (!YamlReader.isPlainFolder(deptDir) || code.startsWith(".")) {
                    continue;
                }
                for (Path file : sortedChildren(deptDir)) {
                    var m = YEAR_FILE.matcher(file.getFileName().toString());
                    if (m.matches() && YamlReader.isPlainFile(file)) {
                        jobs.add(new Job(file, slug, code, Integer.parseInt(m.group(1))));
                    }
                }
            }
        }
        Map<Path, YearResult> results = new ConcurrentHashMap<>();
        try {
            jobs.parallelStream().forEach(job -> {
                ContentLoader own = new ContentLoader(contentDir, interner);
                try {
                    results.put(job.file(), new YearResult(own.loadYear(job.file(), job.regionSlug(), job.code(), job.year()), own));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
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
        sink.addAll(parsed.loader().sink);
        positions.addAll(parsed.loader().positions);
        return parsed.year();
    }

    private Department loadDepartment(Path file, String regionSlug, String folderCode) throws IOException {
        YamlDoc doc = parse(file);
        if (doc == null) {
            return null;
        }
        Fields f = doc.fields(doc.root, "", DEPARTMENT_KEYS);
        if (f == null) {
            return null;
        }
        f.record("description");
        String code = f.string("code", true);
        if (code != null && !code.equals(folderCode)) {
            doc.error(f.node("code"), "code", Text.of("code '" + YamlDoc.shown(code) + "' 与所在文件夹 '" + folderCode + "' 不一致：请写 code: '" + folderCode + "'",
                    "code '" + YamlDoc.shown(code) + "' differs from its folder '" + folderCode + "': write code: '" + folderCode + "'"));
        }
        return new Department(regionSlug, folderCode, f.string("name", true),
                f.string("short_name", false), f.string("description", false));
    }

    /**
     * A department-year from the YAML text of a year file (an old version read from git, for the history): the
     * same reading as a load, problems dropped (a version that was published with errors still had figures).
     *
     * @return null when the text is not a readable year file
     */
    public static DepartmentYear parseYear(String text, String path, String regionSlug, String code, int year) {
        ContentLoader loader = new ContentLoader(Path.of(""), new Interner());
        YamlDoc doc = YamlReader.parseText(text, path, loader.sink, loader.positions, false);
        return doc == null ? null : loader.readYear(doc, regionSlug, code, year);
    }

    private DepartmentYear loadYear(Path file, String regionSlug, String folderCode, int fileYear) throws IOException {
        YamlDoc doc = parse(file);
        return readYear(doc, regionSlug, folderCode, fileYear);
    }

    private DepartmentYear readYear(YamlDoc doc, String regionSlug, String folderCode, int fileYear) {
        if (doc == null) {
            return null;
        }
        Fields f = doc.fields(doc.root, "", YEAR_KEYS);
        if (f == null) {
            return null;
        }
        f.record("document").record("department").record("document_url").record("document_published")
                .record("document_original");
        acknowledged(doc, f);
        String code = f.string("department", true);
        if (code != null && !code.equals(folderCode)) {
            doc.error(f.node("department"), "department", Text.of(
                    "department '" + YamlDoc.shown(code) + "' 与所在文件夹 '" + folderCode + "' 不一致：请写 department: '" + folderCode + "'",
                    "department '" + YamlDoc.shown(code) + "' differs from its folder '" + folderCode + "': write department: '" + folderCode + "'"));
        }
        Integer year = f.integer("year", true);
        if (year != null && year != fileYear) {
            doc.error(f.node("year"), "year", Text.of("year " + year + " 与文件名 " + fileYear + ".yaml 不一致：请写 year: " + fileYear + "，或把文件改名为 " + year + ".yaml",
                    "year " + year + " differs from the file name " + fileYear + ".yaml: write year: " + fileYear + ", or rename the file to " + year + ".yaml"));
        }
        // title and document are on every page of the year (heading, citation): required, like the importer writes them
        String title = title(f, "title");
        String document = f.string("document", true);
        DocumentFacts facts = documentFacts(doc, f);

        List<Section> sections = new ArrayList<>();
        Set<String> sectionIds = new HashSet<>();
        forEachItem(doc, f, "sections", false, (item, field) -> {
            Fields s = doc.fields(item, field, SECTION_KEYS);
            if (s != null) {
                s.record("markdown");
                String id = segment(s, "id", SafePaths.SECTION_ID, SafePaths.SECTION_ID_CHARS);
                checkUniqueId(doc, s, sectionIds, id, Text.of("章节", "section"));
                sections.add(new Section(id, s.string("title", true), s.string("markdown", false),
                        source(doc, s, document)));
            }
        });
        List<DataTable> tables = new ArrayList<>();
        Set<String> tableIds = new HashSet<>();
        forEachItem(doc, f, "tables", false, (item, field) -> {
            Fields t = doc.fields(item, field, TABLE_KEYS);
            if (t != null) {
                t.record("id").record("columns").record("note");
                DataTable table = table(doc, t, document);
                checkUniqueId(doc, t, tableIds, table.id(), Text.of("表格", "table"));
                tables.add(table);
            }
        });
        List<Project> projects = new ArrayList<>();
        Set<String> level1Seen = new HashSet<>();
        forEachItem(doc, f, "projects", true, (item, field) -> {
            Fields p = doc.fields(item, field, PROJECT_KEYS);
            if (p != null) {
                projects.add(project(doc, p, document, folderCode, fileYear, level1Seen));
            }
        });
        List<Correction> corrections = corrections(doc, f);
        List<Retraction> retracted = retracted(doc, f, projects);
        return new DepartmentYear(regionSlug, folderCode, fileYear, title, document, sections, tables, projects,
                corrections, retracted, facts);
    }

    /**
     * The optional facts about the cited document: {@code document_url} an http(s) address, {@code document_published}
     * a real day; {@code document_original} is a path like {@code document:}, checked against the files by validate.
     */
    private static DocumentFacts documentFacts(YamlDoc doc, Fields f) {
        String url = f.string("document_url", false);
        if (url != null) {
            url = url.strip();
            Text problem = SafeUrls.documentUrlProblem(url);
            if (problem != null) {
                doc.error(f.node("document_url"), "document_url", problem.after("文件的官方网址", "the document's official address"));
                url = null;
            }
        }
        Node publishedNode = f.node("document_published");
        LocalDate published = publishedNode == null || YamlDoc.isNull(publishedNode) ? null
                : date(f, "document_published",
                        Text.of("文件在官方网站上的发布日期", "the day the document was published on the official website"));
        String original = f.string("document_original", false);
        return new DocumentFacts(url, published, original == null ? null : original.strip());
    }

    /** {@code corrections: [{date, what, why}]} of a project or a department-year, every part required. */
    private List<Correction> corrections(YamlDoc doc, Fields owner) {
        List<Correction> list = new ArrayList<>();
        forEachItem(doc, owner, "corrections", false, (item, field) -> {
            Fields c = doc.fields(item, field, CORRECTION_KEYS);
            if (c != null) {
                LocalDate date = date(c, "date", Text.of("更正的日期", "the date of the correction"));
                String what = required(c, "what", Text.of("更正了什么，如“预算数由 60.00 万元更正为 6.00 万元”",
                        "what was corrected, e.g. \"预算数由 60.00 万元更正为 6.00 万元\""));
                String why = required(c, "why", Text.of("更正的原因", "why it was corrected"));
                if (date != null && what != null && why != null) {
                    list.add(new Correction(date, what, why));
                }
            }
        });
        return list;
    }

    /**
     * {@code retracted: [{id, name, date, reason, budget}]}: projects withdrawn after publishing. The id keeps its
     * URL (a tombstone page), so it follows the project id rule and may not also be a project of the file.
     */
    private List<Retraction> retracted(YamlDoc doc, Fields f, List<Project> projects) {
        Set<String> projectIds = new HashSet<>();
        projects.forEach(p -> projectIds.add(p.id()));
        Set<String> seen = new HashSet<>();
        List<Retraction> list = new ArrayList<>();
        forEachItem(doc, f, "retracted", false, (item, field) -> {
            Fields r = doc.fields(item, field, RETRACTED_KEYS);
            if (r == null) {
                return;
            }
            r.record("id");
            String id = required(r, "id", Text.of("被撤回项目的编号，即它原来的网址 projects/<编号>/",
                    "the withdrawn project's id, as in its address projects/<id>/"));
            if (id != null) {
                Text problem = SafePaths.segmentProblem(id, SafePaths.CODE, SafePaths.CODE_CHARS);
                if (problem != null) {
                    doc.error(r.node("id"), r.path("id"), problem);
                    id = null;
                } else if (projectIds.contains(id)) {
                    doc.error(r.node("id"), r.path("id"), Text.of("项目 '" + id + "' 仍在本文件的 projects 中：撤回一个项目时，"
                            + "把它从 projects 中删去，只在 retracted 中保留", "project '" + id + "' is still among this file's "
                            + "projects: to withdraw a project, delete it from projects and keep it only under retracted"));
                    id = null;
                } else if (!seen.add(id)) {
                    doc.error(r.node("id"), r.path("id"), Text.of("项目 '" + id + "' 在 retracted 中出现了两次",
                            "project '" + id + "' is under retracted twice: keep one"));
                    id = null;
                }
            }
            String name = required(r, "name", Text.of("项目名称，按最后公开的写", "the project's name as last published"));
            LocalDate date = date(r, "date", Text.of("撤回的日期", "the date it was withdrawn"));
            String reason = required(r, "reason", Text.of("撤回的原因", "why it was withdrawn"));
            Budget budget = null;
            Node budgetNode = r.node("budget");
            if (budgetNode != null && !YamlDoc.isNull(budgetNode)) {
                Fields b = doc.fields(budgetNode, r.path("budget"), BUDGET_KEYS);
                if (b != null) {
                    budget = budget(doc, b);
                }
            }
            if (id != null && name != null && date != null && reason != null) {
                list.add(new Retraction(id, name, date, reason, budget));
            }
        });
        return list;
    }

    /** Required text, its absence told with what belongs there; stripped. */
    private static String required(Fields f, String key, Text meaning) {
        Node n = f.node(key);
        if (n == null) {
            f.doc.error(f.mapping, f.path(key), Text.of("缺少 " + key + "：" + meaning.zh() + "（required field missing）",
                    "the required field " + key + " is missing: " + meaning.en()));
            return null;
        }
        String value = f.string(key, false); // a list or an over-long text is reported here
        if (value == null && !YamlDoc.isNull(n)) {
            return null;
        }
        if (value == null || value.isBlank()) {
            f.doc.error(n, f.path(key), Text.of(key + " 不能为空：" + meaning.zh() + "（required field is empty）",
                    key + " must not be empty: " + meaning.en()));
            return null;
        }
        return value.strip();
    }

    /** A required date written 年-月-日 (2025-03-01), a real day of the calendar. */
    private static LocalDate date(Fields f, String key, Text meaning) {
        String text = required(f, key, meaning);
        if (text == null) {
            return null;
        }
        try {
            if (ISO_DATE.matcher(text).matches()) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException e) {
            // 2025-02-30: reported below like any other text that is not a date
        }
        f.doc.error(f.node(key), f.path(key), Text.of("'" + YamlDoc.shown(text) + "' 不是日期：" + meaning.zh()
                + "应写成 年-月-日，如 2025-03-01（not a date）", "'" + YamlDoc.shown(text) + "' is not a date: write "
                + meaning.en() + " as year-month-day, e.g. 2025-03-01"));
        return null;
    }

    /** A required title shown in search results: bounded by {@link Limits#MAX_TITLE_BYTES}. */
    private static String title(Fields f, String key) {
        String title = f.string(key, true);
        if (title != null) {
            int bytes = displayBytes(title);
            if (bytes > Limits.MAX_TITLE_BYTES) {
                f.doc.error(f.node(key), f.path(key), Text.of("过长：" + bytes + " 字节（UTF-8），最多 " + Limits.MAX_TITLE_BYTES
                        + " 字节（约 " + Limits.MAX_TITLE_BYTES / 3 + " 个汉字），搜索结果的一行放不下", "too long: " + bytes
                        + " bytes (UTF-8); at most " + Limits.MAX_TITLE_BYTES + " bytes (about " + Limits.MAX_TITLE_BYTES / 3
                        + " Chinese characters) fit one line of search results"));
                return null;
            }
        }
        return title;
    }

    /** UTF-8 bytes of the text as JSON writes it (a control character as \\u00XX, '"' and '\\' escaped). */
    private static int displayBytes(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20) {
                bytes += 6;
            } else if (c == '"' || c == '\\') {
                bytes += 2;
            } else if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** A required id that becomes (part of) a URL or file name: checked by the confinement rule. */
    private static String segment(Fields f, String key, Pattern pattern, Text allowed) {
        String id = f.string(key, true);
        if (id != null) {
            Text problem = SafePaths.segmentProblem(id, pattern, allowed);
            if (problem != null) {
                f.doc.error(f.node(key), f.path(key), problem);
                return null;
            }
        }
        return id;
    }

    private void checkUniqueId(YamlDoc doc, Fields f, Set<String> seen, String id, Text what) {
        if (id != null && !seen.add(id)) {
            doc.error(f.node("id"), f.path("id"), Text.of("本文件里" + what.zh() + "编号 '" + id + "' 重复：每个" + what.zh() + "的 id 要不同",
                    "two " + what.en() + "s of this file have the id '" + id + "': give each " + what.en() + " its own id"));
        }
    }

    /** {@code acknowledged: [{code: Q003, reason: …}]}: issues the agency has explained, kept beside the model. */
    private void acknowledged(YamlDoc doc, Fields owner) {
        List<Positions.Acknowledgement> list = new ArrayList<>();
        forEachItem(doc, owner, "acknowledged", false, (item, field) -> {
            Fields a = doc.fields(item, field, ACKNOWLEDGED_KEYS);
            if (a != null) {
                String code = a.string("code", true);
                String reason = a.string("reason", true);
                if (code != null && !QUALITY_CODE.matcher(code).matches()) {
                    doc.error(a.node("code"), a.path("code"), Text.of("不是质量检查代码：'" + YamlDoc.shown(code)
                            + "'（应为 Q 加三位数字，如 Q003；见 docs/content-format.md）", "not a quality check code: '"
                            + YamlDoc.shown(code) + "' (write Q and three digits, e.g. Q003; see docs/content-format.md)"));
                } else if (code != null && reason != null && !reason.isBlank()) {
                    list.add(new Positions.Acknowledgement(code, reason.strip()));
                }
            }
        });
        doc.acknowledge(owner.prefix, list);
    }

    private Project project(YamlDoc doc, Fields p, String document, String code, int year, Set<String> level1Seen) {
        p.record("id").record("name");
        acknowledged(doc, p);
        String id = segment(p, "id", SafePaths.CODE, SafePaths.CODE_CHARS);
        if (id != null && id.endsWith("-excel")) {
            // projects/<id>-excel.csv is the Excel twin of project <id>'s download
            doc.error(p.node("id"), p.path("id"), Text.of("项目编号不能以 -excel 结尾（会与另一个项目的 Excel 下载文件同名）",
                    "a project id cannot end with -excel (another project's Excel download has that name)"));
            id = null;
        }
        if (id != null) {
            String pattern = code + "-" + year + "-";
            if (!(id.startsWith(pattern) && id.substring(pattern.length()).matches("[0-9]{3}"))) {
                doc.warning(p.node("id"), p.path("id"), Text.of(
                        "项目编号 '" + id + "' 不是 " + pattern + "nnn 的写法（nnn 是三位序号，如 " + pattern + "001）",
                        "project id '" + id + "' is not written " + pattern + "nnn (nnn a three-digit number, e.g. " + pattern + "001)"));
            }
        }
        Budget budget = null;
        Node budgetNode = p.node("budget");
        if (budgetNode != null && !YamlDoc.isNull(budgetNode)) {
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
                String level1 = interner.text(i.string("level1", true));
                if (level1 != null && level1Seen.add(level1.strip())) {
                    i.record("level1"); // the first use in this file of each 一级指标: the category check points here
                }
                indicators.add(new Indicator(level1, interner.text(i.string("level2", true)),
                        interner.text(i.string("level3", true)), interner.text(i.string("description", false)), target,
                        interner.text(i.string("basis", false)), target == null ? null : interner.target(target)));
            }
        });
        return new Project(id, title(p, "name"), budget, p.string("purpose", false), p.string("goals", false),
                indicators, source(doc, p, document), corrections(doc, p));
    }

    private Budget budget(YamlDoc doc, Fields b) {
        b.record("total"); // the quality rules (sum, amount, source figure) point here
        String unitLabel = b.string("unit", true);
        MoneyUnit unit = null;
        if (unitLabel != null) {
            try {
                unit = MoneyUnit.fromLabel(unitLabel);
            } catch (IllegalArgumentException e) {
                doc.error(b.node("unit"), b.path("unit"), Text.of("不认识的金额单位 '" + YamlDoc.shown(unitLabel) + "'：只能写 元 或 万元",
                        "unknown money unit '" + YamlDoc.shown(unitLabel) + "': write \"元\" or \"万元\""));
            }
        }
        BigDecimal total = amount(b, "total", unit);
        BigDecimal fiscal = amount(b, "fiscal", unit);
        BigDecimal other = amount(b, "other", unit);
        // fiscal + other ≠ total is not an error of the file: the quality rule Q001 reports it
        if (unit == null) {
            return new Budget(null, null, null, null);
        }
        return new Budget(unit, amount(total, unit), amount(fiscal, unit), amount(other, unit));
    }

    /** A decimal amount within {@link Limits}: at most 分 and below 10^15 元 once converted. */
    private static BigDecimal amount(Fields b, String key, MoneyUnit unit) {
        BigDecimal value = b.decimal(key);
        if (value == null || unit == null) {
            return value;
        }
        Text problem = Limits.amountProblem(value, unit);
        if (problem != null) {
            b.doc.error(b.node(key), b.path(key), problem);
            return null;
        }
        return value;
    }

    private static Amount amount(BigDecimal value, MoneyUnit unit) {
        return value == null ? null : new Amount(value, unit);
    }

    private DataTable table(YamlDoc doc, Fields t, String document) {
        String id = segment(t, "id", SafePaths.MACHINE_NAME, SafePaths.MACHINE_NAME_CHARS);
        if (id != null && SafePaths.DOWNLOAD_NAMES.contains(id)) {
            doc.error(t.node("id"), t.path("id"), Text.of("表格编号 '" + id + "' 与网站自己的下载文件 data/" + id
                    + ".* 同名，请换一个（不能用 " + String.join("、", SafePaths.DOWNLOAD_NAMES) + "）", "table id '" + id
                    + "' is the name of the site's own download data/" + id + ".*: choose another (not "
                    + String.join(", ", SafePaths.DOWNLOAD_NAMES) + ")"));
            id = null;
        }
        List<Column> columns = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        boolean procurement = ProcurementLinks.TABLE_ID.equals(id);
        forEachItem(doc, t, "columns", true, (item, field) -> {
            Fields c = doc.fields(item, field, COLUMN_KEYS);
            if (c == null) {
                return;
            }
            String key = segment(c, "key", SafePaths.MACHINE_NAME, SafePaths.MACHINE_NAME_CHARS);
            if (key != null && !keys.add(key)) {
                doc.error(c.node("key"), c.path("key"), Text.of("列名 '" + key + "' 重复：每一列的 key 要不同",
                        "column key '" + key + "' is used twice: give each column its own key"));
            } else if (key != null && (KEY_COLUMNS.contains(key) || procurement && key.equals(PROCUREMENT_PROJECT_COLUMN))) {
                String download = "data/" + t.string("id", false) + ".csv";
                doc.error(c.node("key"), c.path("key"), Text.of("列名 '" + key + "' 是下载文件 " + download + " 自带的列，请换一个",
                        "column key '" + key + "' is a column the download " + download + " has anyway: choose another"));
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
                    doc.error(c.node("type"), c.path("type"), Text.of("不认识的列类型 '" + YamlDoc.shown(typeName)
                            + "'：只能写 string（文字）、integer（整数）或 decimal（小数）", "unknown column type '"
                            + YamlDoc.shown(typeName) + "': write string (text), integer (whole numbers) or decimal (numbers "
                            + "with a decimal point)").plus(Suggestions.closest(typeName, COLUMN_TYPES)));
                }
            }
            columns.add(new Column(key, c.string("title", true), type, c.string("unit", false)));
        });
        // a money column gets a derived <key>_yuan column in data/<id>.csv: no other column may have that name
        for (Column c : columns) {
            if (c.key() != null && c.type() != null && c.type() != ColumnType.STRING && c.unit() != null
                    && (c.unit().equals(MoneyUnit.YUAN.label()) || c.unit().equals(MoneyUnit.WAN_YUAN.label()))
                    && keys.contains(c.key() + "_yuan")) {
                doc.error(t.node("columns"), t.path("columns"), Text.of("列名 '" + c.key() + "_yuan' 与金额列 '" + c.key()
                        + "' 换算成元的派生列同名，请换一个", "column key '" + c.key() + "_yuan' is the name of the column "
                        + "derived from money column '" + c.key() + "' in yuan: choose another"));
            }
        }
        Map<String, ColumnType> types = new LinkedHashMap<>();
        for (Column c : columns) {
            if (c.key() != null) {
                types.putIfAbsent(c.key(), c.type());
            }
        }
        List<Map<String, String>> rows = new ArrayList<>();
        forEachItem(doc, t, "rows", false, (item, field) -> {
            Fields r = doc.fields(item, field, types.keySet(), YamlDoc.COLUMN);
            if (r == null) {
                return;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (Map.Entry<String, ColumnType> col : types.entrySet()) {
                String value = r.string(col.getKey(), false);
                ColumnType type = col.getValue();
                if (value != null && type != null && !matchesType(value, type)) {
                    doc.error(r.node(col.getKey()), r.path(col.getKey()), Text.of("'" + YamlDoc.shown(value) + "' 不是"
                            + (type == ColumnType.INTEGER ? "整数" : "普通的小数（半角数字，可带小数点）")
                            + "：列 '" + col.getKey() + "' 的类型是 " + type.yamlName(), "'" + YamlDoc.shown(value) + "' is not "
                            + (type == ColumnType.INTEGER ? "a whole number" : "a plain decimal number (half-width digits, "
                            + "optionally a decimal point)") + ": column '" + col.getKey() + "' has type " + type.yamlName()));
                }
                row.put(col.getKey(), value);
            }
            rows.add(row);
        });
        return new DataTable(id, t.string("title", true), columns, rows, t.string("note", false), source(doc, t, document));
    }

    /** The required {@code source} of a section, table or project: every page cites where its figures come from. */
    private SourceRef source(YamlDoc doc, Fields owner, String document) {
        Node node = owner.node("source");
        if (node == null || YamlDoc.isNull(node)) {
            doc.error(node == null ? owner.mapping : node, owner.path("source"),
                    node == null ? Fields.MISSING : Fields.EMPTY);
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

    private void forEachItem(YamlDoc doc, Fields f, String key, boolean required, ItemReader reader) {
        Node node = f.node(key);
        String field = f.path(key);
        if (node == null || YamlDoc.isNull(node)) {
            if (required) {
                doc.error(node == null ? f.mapping : node, field, Fields.MISSING);
            }
            return;
        }
        if (!(node instanceof SequenceNode seq)) {
            doc.error(node, field, YamlDoc.kind(node).after("这里应是列表（以“- ”开头的若干行），实际是",
                    "expected a list here (lines starting with \"- \"), found "));
            return;
        }
        List<Node> items = seq.getValue();
        for (int i = 0; i < items.size(); i++) {
            reader.read(items.get(i), field + "[" + i + "]");
        }
    }

    private YamlDoc parse(Path file) throws IOException {
        return YamlReader.parse(file, display(file), sink, positions);
    }

    /** SnakeYAML's node tree of {@code text} as the loader reads it (FastYamlTest compares FastYaml with it). */
    static Node composeWithSnakeYaml(String text) {
        return YamlReader.composeWithSnakeYaml(text);
    }

    private void linkError(Path link) {
        error(display(link), 1, 1, "", Text.of("不能是符号链接：内容必须实际位于 content/ 之内（symbolic link）",
                "must not be a symbolic link: content must really be inside content/"));
    }

    private String display(Path file) {
        return file.toString();
    }

    private void error(String path, int line, int column, String field, Text message) {
        sink.error(path, line, column, field, message);
    }

    private static List<Path> sortedChildren(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
    }

    private static Set<String> orderedSet(String... keys) {
        return new LinkedHashSet<>(List.of(keys));
    }
}
