package gongkai.validate;

import gongkai.content.ContentPaths;
import gongkai.content.DepartmentKey;

import gongkai.content.Column;
import gongkai.content.Content;
import gongkai.content.DataTable;
import gongkai.content.Department;
import gongkai.content.DepartmentYear;
import gongkai.content.Indicator;
import gongkai.content.Page;
import gongkai.content.Problem;
import gongkai.content.Project;
import gongkai.content.Region;
import gongkai.content.SafePaths;
import gongkai.content.Text;
import gongkai.load.Positions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The checks across files, on the loaded model: every reference resolves (parents, departments, cited documents,
 * links in Markdown), every id that becomes a URL is unique, tables concatenated into one download agree on their
 * columns, and the search index can hold the categories. Each problem is positioned through the loader's
 * {@link Positions} (line 1, column 1 of the file for a model that did not come from files). Checks of a single
 * field are the loader's.
 */
public final class ContentChecks {
    /** The search index keeps a project's 一级指标 as bits of an int (search.DocTable): at most this many. */
    public static final int MAX_CATEGORIES = 30;

    private final Content content;
    private final Positions positions;
    private final Path contentDir;
    private final List<Problem> problems = new ArrayList<>();

    private ContentChecks(Content content, Positions positions, Path contentDir) {
        this.content = content;
        this.positions = positions;
        this.contentDir = contentDir;
    }

    /** Every problem across files of {@code content}, loaded from {@code contentDir} with {@code positions}. */
    public static List<Problem> check(Content content, Positions positions, Path contentDir) {
        ContentChecks checks = new ContentChecks(content, positions, contentDir);
        checks.run();
        return checks.problems.stream().sorted(Problem.ORDER).toList();
    }

    private void run() {
        if (content.site() == null) {
            error(new Positions.Place(contentDir.resolve(ContentPaths.SITE_FILE).toString(), 1, 1, ""),
                    Text.of("缺少文件：内容文件夹里要有 site.yaml", "file missing: the content folder needs a site.yaml"));
            return;
        }
        regions();
        Set<DepartmentKey> departments = departments();
        projectIds();
        for (DepartmentYear dy : content.departmentYears()) {
            String file = yearFile(dy);
            if (!departments.contains(dy.departmentKey())) {
                error(positions.at(file, "department"), Text.of("部门 '" + dy.departmentCode() + "' 没有 department.yaml",
                        "department '" + dy.departmentCode() + "' has no department.yaml"));
            }
            if (dy.document() != null) {
                Text problem = SafePaths.documentProblem(contentDir, dy.departmentKey(), dy.document());
                if (problem != null) {
                    error(positions.at(file, "document"), problem);
                } else {
                    document(dy, file);
                }
            }
        }
        sharedDocumentFacts();
        tableColumns();
        categories();
        pages();
        MarkdownLinks.check(content, positions, contentDir, problems);
    }

    /**
     * A Word/Excel/PDF document needs its text rendering beside it (its citations count that text's lines and its
     * page shows them); {@code document_original} names another file of the same folder, and only where
     * {@code document} is the text.
     */
    private void document(DepartmentYear dy, String file) {
        String text = ContentPaths.textRendering(dy.document());
        if (!text.equals(dy.document())) {
            Text problem = SafePaths.documentProblem(contentDir, dy.departmentKey(), text);
            if (problem != null) {
                error(positions.at(file, "document"), Text.of("缺少文本版 " + text + "（“第 N 行”数的是它的行，导入时生成）：",
                        "the text version \"" + text + "\" is missing (\"line N\" counts its lines; the import writes it): ")
                        .plus(problem));
            }
        }
        String original = dy.documentFacts().original();
        if (original == null) {
            return;
        }
        Positions.Place at = positions.at(file, "document_original");
        if (!text.equals(dy.document())) {
            error(at, Text.of("document 已是原始文件（" + dy.document() + "），不用再写 document_original：它只用于 document 是"
                    + " .txt 文本、原件另有其文件的时候", "document: is already the original file (\"" + dy.document()
                    + "\"), so document_original is not needed: it is only for a document: that is the .txt text of an "
                    + "original kept as a file of its own"));
        } else if (original.equals(dy.document())) {
            error(at, Text.of("document_original 与 document 是同一个文件：document_original 写原件（如 .docx、.pdf），不写文本",
                    "document_original and document: name the same file: document_original names the original "
                    + "(.docx, .pdf …), not the text"));
        } else {
            Text problem = SafePaths.documentProblem(contentDir, dy.departmentKey(), original);
            if (problem != null) {
                error(at, problem.replace("document:", "document_original:"));
            }
        }
    }

    /**
     * A document has one page, so the year files citing it (a department's several years may) must not give it two
     * different addresses, dates or originals; one may leave out what another gives.
     */
    private void sharedDocumentFacts() {
        Map<String, DepartmentYear> first = new HashMap<>();
        for (DepartmentYear dy : content.departmentYears()) {
            if (dy.document() == null) {
                continue;
            }
            DepartmentYear earlier = first.putIfAbsent(dy.document(), dy);
            if (earlier == null) {
                continue;
            }
            String file = yearFile(dy);
            String earlierFile = contentDir.relativize(Path.of(yearFile(earlier))).toString().replace('\\', '/');
            differs(file, "document_url", earlier.documentFacts().url(), dy.documentFacts().url(), earlierFile,
                    dy.document());
            differs(file, "document_published", earlier.documentFacts().published(), dy.documentFacts().published(),
                    earlierFile, dy.document());
            differs(file, "document_original", earlier.documentFacts().original(), dy.documentFacts().original(),
                    earlierFile, dy.document());
        }
    }

    private void differs(String file, String key, Object earlier, Object now, String earlierFile, String document) {
        if (earlier != null && now != null && !earlier.equals(now)) {
            error(positions.at(file, key), Text.of("与 " + earlierFile + " 写的不一致（那里是 " + earlier + "）：两个年度引用同一个来源文件 "
                    + document + "，它只有一个来源页面：请写成一样的，或只在一处写", "differs from " + earlierFile + " (which has \""
                    + earlier + "\"): both years cite the source file \"" + document + "\", which has one source page: write "
                    + "the same in both, or in one of them only"));
        }
    }

    private void regions() {
        Map<String, Region> bySlug = new HashMap<>();
        content.regions().forEach(r -> bySlug.put(r.slug(), r));
        for (Region r : content.regions()) {
            if (r.parent() == null) {
                continue;
            }
            Positions.Place at = positions.at(regionFile(r.slug()), "parent");
            if (!bySlug.containsKey(r.parent())) {
                Path missing = contentDir.resolve(ContentPaths.region(r.parent()));
                error(at, Text.of("没有地区 '" + r.parent() + "'（找不到 " + missing + "）：parent 要写已有地区的文件夹名",
                        "there is no region '" + r.parent() + "' (no " + missing + "): parent names the folder of an existing region"));
                continue;
            }
            // a parent chain that comes back to the region has no top: the breadcrumb trail would not end
            Set<String> seen = new HashSet<>();
            String current = r.slug();
            while (current != null && seen.add(current)) {
                Region region = bySlug.get(current);
                current = region == null ? null : region.parent();
            }
            if (current != null && current.equals(r.slug())) {
                error(at, Text.of("上级地区成环：" + r.slug() + " 沿 parent 又回到了自己（parent cycle）",
                        "the parent regions form a cycle: following parent from " + r.slug() + " comes back to it"));
            }
        }
    }

    private Set<DepartmentKey> departments() {
        Set<String> regions = new HashSet<>();
        content.regions().forEach(r -> regions.add(r.slug()));
        Set<DepartmentKey> departments = new HashSet<>();
        for (Department d : content.departments()) {
            String file = contentDir.resolve(ContentPaths.department(d.key())).toString();
            if (!regions.contains(d.regionSlug())) {
                error(new Positions.Place(file, 1, 1, ""), Text.of("没有地区 '" + d.regionSlug() + "'：地区文件夹里缺少 region.yaml",
                        "there is no region '" + d.regionSlug() + "': its folder has no region.yaml"));
            }
            departments.add(d.key());
        }
        return departments;
    }

    /**
     * A project id is its page's URL: unique across the tree (retracted projects' ids included), reported at every
     * place, each naming the others.
     */
    private void projectIds() {
        Map<String, List<Positions.Place>> places = new TreeMap<>();
        for (DepartmentYear dy : content.departmentYears()) {
            String file = yearFile(dy);
            for (int i = 0; i < dy.projects().size(); i++) {
                Project p = dy.projects().get(i);
                if (p.id() != null) {
                    places.computeIfAbsent(p.id(), k -> new ArrayList<>())
                            .add(positions.at(file, "projects[" + i + "].id"));
                }
            }
            // a retracted project keeps its URL (a tombstone page): no project or other retraction may take it
            for (int i = 0; i < dy.retracted().size(); i++) {
                places.computeIfAbsent(dy.retracted().get(i).id(), k -> new ArrayList<>())
                        .add(positions.at(file, "retracted[" + i + "].id"));
            }
        }
        for (Map.Entry<String, List<Positions.Place>> e : places.entrySet()) {
            List<Positions.Place> all = e.getValue();
            if (all.size() > 1) {
                for (Positions.Place p : all) {
                    String others = all.stream().filter(o -> o != p).map(Positions.Place::where)
                            .reduce((a, b) -> a + ", " + b).orElse("");
                    error(p, Text.of("项目编号 '" + e.getKey() + "' 重复（另见 " + others + "）：全站每个项目编号只能用一次",
                            "project id '" + e.getKey() + "' is used twice (see also " + others + "): each project id may be "
                            + "used once in the whole site"));
                }
            }
        }
    }

    /** Tables with one id are concatenated into data/&lt;id&gt;.csv: their columns (key, type, unit) must agree. */
    private void tableColumns() {
        record First(List<String> signature, String file) {
        }
        Map<String, First> first = new HashMap<>();
        for (DepartmentYear dy : content.departmentYears()) {
            String file = yearFile(dy);
            for (int i = 0; i < dy.tables().size(); i++) {
                DataTable t = dy.tables().get(i);
                if (t.id() == null) {
                    continue;
                }
                List<String> signature = signature(t.columns());
                First earlier = first.putIfAbsent(t.id(), new First(signature, file));
                if (earlier != null && !earlier.signature().equals(signature)) {
                    error(positions.at(file, "tables[" + i + "].columns"), Text.of("表格 '" + t.id() + "' 的列 " + signature
                            + " 与 " + earlier.file() + " 中同编号表格的列 " + earlier.signature() + " 不同；同编号的表格合并成 data/"
                            + t.id() + ".csv，列（key、type、unit）必须相同", "the columns " + signature + " of table '" + t.id()
                            + "' differ from the columns " + earlier.signature() + " of the table with that id in " + earlier.file()
                            + ": tables with one id are joined into data/" + t.id() + ".csv, so their columns (key, type, unit) "
                            + "must be the same"));
                }
            }
        }
    }

    private static List<String> signature(List<Column> columns) {
        return columns.stream().map(c -> c.key() + ":" + (c.type() == null ? "?" : c.type().yamlName())
                + (c.unit() == null ? "" : ":" + c.unit())).toList();
    }

    /** The search index filters by 一级指标 with a bit per category: more than {@value #MAX_CATEGORIES} do not fit. */
    private void categories() {
        Set<String> categories = new LinkedHashSet<>();
        for (DepartmentYear dy : content.departmentYears()) {
            String file = yearFile(dy);
            for (int i = 0; i < dy.projects().size(); i++) {
                List<Indicator> indicators = dy.projects().get(i).indicators();
                for (int j = 0; j < indicators.size(); j++) {
                    String level1 = indicators.get(j).level1();
                    if (level1 == null || level1.isBlank() || !categories.add(level1.strip())) {
                        continue;
                    }
                    if (categories.size() == MAX_CATEGORIES + 1) {
                        error(positions.at(file, "projects[" + i + "].indicators[" + j + "].level1"), Text.of(
                                "一级指标种类过多：全站最多 " + MAX_CATEGORIES + " 种（搜索按一级指标筛选），'" + level1.strip()
                                        + "' 是第 " + (MAX_CATEGORIES + 1) + " 种", "too many kinds of level1 indicators: at most "
                                        + MAX_CATEGORIES + " in the whole site (search filters by them); '" + level1.strip()
                                        + "' is kind number " + (MAX_CATEGORIES + 1)));
                        return;
                    }
                }
            }
        }
    }

    /** A page lives at /&lt;slug&gt;/, as a region does: the same name would make one page overwrite the other. */
    private void pages() {
        Set<String> regions = new HashSet<>();
        content.regions().forEach(r -> regions.add(r.slug()));
        for (Page page : content.pages()) {
            if (regions.contains(page.slug())) {
                error(new Positions.Place(pageFile(page), 1, 1, ""), Text.of("页面 '" + page.slug() + "' 与地区文件夹同名，网址 /"
                        + page.slug() + "/ 会冲突", "page '" + page.slug() + "' has the name of a region folder: both would be at /"
                        + page.slug() + "/; rename the page"));
            }
        }
    }

    String yearFile(DepartmentYear dy) {
        return contentDir.resolve(ContentPaths.departmentYear(dy)).toString();
    }

    private String regionFile(String slug) {
        return contentDir.resolve(ContentPaths.region(slug)).toString();
    }

    private String pageFile(Page page) {
        return contentDir.resolve(ContentPaths.page(page.slug())).toString();
    }

    private void error(Positions.Place at, Text message) {
        problems.add(new Problem(at.path(), at.line(), at.column(), at.field(), message, Problem.Severity.ERROR));
    }
}
