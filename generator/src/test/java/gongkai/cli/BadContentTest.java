package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.testing.Trees;
import gongkai.testing.TestSites;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad content trees, each made from the small fixture site by one change: confinement (documents and folders
 * that leave content/sources/ or content/), names that cannot be URL segments, links that are scripts or lead
 * nowhere, bad base URLs, values over the limits, YAML bombs. For each, through picocli in this JVM:
 * {@code gongkai validate} exits 1 printing exactly the expected positioned error(s); {@code gongkai build}
 * exits 1 printing the same; and the site built before from the good tree is byte-identical afterwards (so
 * nothing from outside content/sources/ was published, and no half-written site was left).
 */
@Tag("slow")
class BadContentTest {
    private static final String YEAR = "tianjin/362303/2024.yaml";
    /** The folder of YEAR's cited documents under content/sources/, as document: values start. */
    private static final String DEPT_SOURCES = "tianjin/362303/";
    private static final String HS_YEAR = "hengshui/467/2020.yaml";
    private static final String HS_DEPT = "hengshui/467/department.yaml";
    private static final String PAGE = "pages/about.md";
    private static final String SEGMENT_CODE = "' 会成为网址和文件名的一段，只能由英文字母、数字、'_' 和 '-'组成";
    private static final String SEGMENT_SLUG = "' 会成为网址和文件名的一段，只能由小写英文字母、数字和 '-'组成";
    private static final String SEGMENT_NAME = "' 会成为网址和文件名的一段，只能由小写英文字母、数字和 '_'组成";
    private static final String OUTSIDE_SOURCES = "引用的文件必须位于 content/sources/ 之内：";
    private static final String LINKED_OUT = "引用的文件必须位于 content/sources/ 之内（符号链接指向了外面）：";
    private static final String NOT_A_FILE = "引用的不是普通文件（是文件夹、设备或管道）：";
    private static final String BAD_NAME = "文件名只能由字母、数字、'.'、'_'、'-' 组成（它也是网址的一段）：";
    private static final String SYMLINK = "不能是符号链接：内容必须实际位于 content/ 之内（symbolic link）";
    private static final String NO_SCHEME = ": 地址，只能是 http:、https:、mailto: 或站内相对地址：";

    @TempDir
    static Path root;
    private static Path good;
    private static Path outside;
    private static Path site;
    private static Map<String, String> builtSite;

    /** What a case does to its copy of the good tree; {@code outside} holds files that are not content. */
    @FunctionalInterface
    interface Change {
        void apply(Path content, Path outside) throws Exception;
    }

    /** The expected error lines, given the case's content folder. */
    @FunctionalInterface
    interface Expected {
        List<String> lines(Path content) throws Exception;
    }

    /** A message that names the case's content folder. */
    @FunctionalInterface
    interface Message {
        String of(Path content);
    }

    @BeforeAll
    static void buildTheGoodSite() throws Exception {
        good = root.resolve("good");
        Trees.copy(TestSites.TEST_SITE, good);
        outside = Files.createDirectories(root.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "SECRET from outside the content tree\n");
        Files.writeString(outside.resolve("region.yaml"), "name: 外部\n");
        site = root.resolve("site");
        PrintStream savedErr = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.execute("build", "--content", good.toString(), "--theme", "themes/default",
                    "--out", site.toString()));
        } finally {
            System.setErr(savedErr);
        }
        builtSite = Trees.hashes(site);
        // the good site publishes exactly the cited documents of content/sources/<region>/<code>/, byte for byte,
        // each with its page beside it
        try (Stream<Path> published = Files.walk(site.resolve("sources"))) {
            List<Path> all = published.filter(Files::isRegularFile).toList();
            List<Path> files = all.stream().filter(p -> !p.getFileName().toString().endsWith(".html")).toList();
            assertEquals(2, files.size(), all.toString());
            assertEquals(files.stream().map(p -> p + ".html").sorted().toList(),
                    all.stream().filter(p -> p.getFileName().toString().endsWith(".html")).map(Path::toString).sorted().toList());
            for (Path p : files) {
                String rel = site.resolve("sources").relativize(p).toString();
                assertEquals(Arrays.toString(Files.readAllBytes(good.resolve("sources").resolve(rel))),
                        Arrays.toString(Files.readAllBytes(p)));
            }
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();

        // ---- cited documents: confined to the department's folder content/sources/<region>/<code>/, regular files,
        // safe names
        all.add(docCase("document-parent-folder", "../index.html", c -> OUTSIDE_SOURCES + "../index.html"));
        all.add(docCase("document-absolute-path", "/etc/hostname", c -> OUTSIDE_SOURCES + "/etc/hostname"));
        all.add(docCase("document-proc-environ", "/proc/self/environ", c -> OUTSIDE_SOURCES + "/proc/self/environ"));
        all.add(docCase("document-dot-dot", "'..'", c -> OUTSIDE_SOURCES + ".."));
        all.add(docCase("document-sub-folder", "sub/../../site.yaml", c -> OUTSIDE_SOURCES + "sub/../../site.yaml"));
        all.add(docCase("document-traversal-inside-department-folder",
                "tianjin/362303/../../hengshui/467/004_78c252e0298264e9.txt",
                c -> OUTSIDE_SOURCES + "tianjin/362303/../../hengshui/467/004_78c252e0298264e9.txt"));
        all.add(docCase("document-backslash", "'..\\secret.txt'", c -> OUTSIDE_SOURCES + "..\\secret.txt"));
        all.add(docCase("document-missing", DEPT_SOURCES + "missing.txt",
                c -> "引用的文件不存在：" + c.resolve("sources").resolve("tianjin/362303/missing.txt")));
        all.add(docCase("document-hidden-file", "'" + DEPT_SOURCES + ".env'", c -> BAD_NAME + ".env"));
        all.add(docCase("document-with-space", "'" + DEPT_SOURCES + "a b.txt'", c -> BAD_NAME + "a b.txt"));
        all.add(docCase("document-with-hash", "'" + DEPT_SOURCES + "a#b.txt'", c -> BAD_NAME + "a#b.txt"));
        all.add(docCase("document-with-percent", DEPT_SOURCES + "a%2Fb.txt", c -> BAD_NAME + "a%2Fb.txt"));
        all.add(docCase("document-windows-device", DEPT_SOURCES + "NUL.txt", c -> "'NUL.txt' 是 Windows 的保留设备名，不能作文件名"));
        // a web page published under the site's address would run as one of its pages; x.txt.html is x.txt's page
        String webPage = "' 是网页类文件（.html、.htm、.svg、.xml 等）：浏览器会把它当作本站的网页打开，而且来源文件的页面就叫 "
                + "<文件名>.html，会与之重名；请发布原件（.docx、.pdf、.xlsx）或 .txt 文本";
        all.add(docCase("document-named-like-a-source-page", DEPT_SOURCES + "001_88a8ef7fc06e4953.txt.html",
                c -> "'001_88a8ef7fc06e4953.txt.html" + webPage));
        all.add(docCase("document-svg", DEPT_SOURCES + "logo.SVG", c -> "'logo.SVG" + webPage));
        // the original and the text rendering are read into the site through the same rule
        all.add(Arguments.of("document-original-symlink-to-file-outside", (Change) (c, o) -> {
            Files.createSymbolicLink(c.resolve("sources/" + DEPT_SOURCES + "secret.docx"), o.resolve("secret.txt"));
            replace(c, YEAR, "document: tianjin/362303/001_88a8ef7fc06e4953.txt\n",
                    "document: tianjin/362303/001_88a8ef7fc06e4953.txt\ndocument_original: " + DEPT_SOURCES + "secret.docx\n");
        }, (Expected) c -> List.of(at(c, YEAR, 5, 20, "document_original", LINKED_OUT + DEPT_SOURCES + "secret.docx"))));
        all.add(Arguments.of("document-text-rendering-symlink-to-file-outside", (Change) (c, o) -> {
            Files.writeString(c.resolve("sources/" + DEPT_SOURCES + "word.docx"), "PK");
            Files.createSymbolicLink(c.resolve("sources/" + DEPT_SOURCES + "word.docx.txt"), o.resolve("secret.txt"));
            setDocument(c, DEPT_SOURCES + "word.docx");
        }, (Expected) c -> List.of(at(c, YEAR, 4, 11, "document", "缺少文本版 " + DEPT_SOURCES + "word.docx.txt（“第 N 行”数的是"
                + "它的行，导入时生成）：" + LINKED_OUT + DEPT_SOURCES + "word.docx.txt"))));
        all.add(docCase("document-two-levels", "tianjin/001_88a8ef7fc06e4953.txt",
                c -> "document: 要写成 <地区>/<预算单位编码>/<文件名>，例如 tianjin/362303/001_88a8ef7fc06e4953.txt："
                        + "tianjin/001_88a8ef7fc06e4953.txt"));
        all.add(docCase("document-region-folder-uppercase", "Tianjin/362303/001_88a8ef7fc06e4953.txt",
                c -> "来源文件夹名 'Tianjin" + SEGMENT_SLUG));
        all.add(docCase("document-of-another-department", "hengshui/467/004_78c252e0298264e9.txt",
                c -> "引用的文件在 content/sources/hengshui/467/ 里，但本文件属于部门 tianjin/362303：每个部门只引用自己的来源文件夹 "
                        + "content/sources/tianjin/362303/ 里的文件（把文件复制过去，并把 document: 改为 "
                        + "tianjin/362303/004_78c252e0298264e9.txt）"));
        all.add(Arguments.of("document-flat-form", (Change) (c, o) -> {
            Files.move(c.resolve("sources/" + DEPT_SOURCES + "001_88a8ef7fc06e4953.txt"),
                    c.resolve("sources/001_88a8ef7fc06e4953.txt"));
            setDocument(c, "001_88a8ef7fc06e4953.txt");
        }, (Expected) c -> List.of(at(c, YEAR, 4, 11, "document", "引用的文件要放在本部门的来源文件夹 "
                + "content/sources/tianjin/362303/ 里（content/sources/ 下不再直接放文件）：把 content/sources/001_88a8ef7fc06e4953.txt "
                + "移到 content/sources/tianjin/362303/001_88a8ef7fc06e4953.txt（git mv），并把 document: 改为 "
                + "tianjin/362303/001_88a8ef7fc06e4953.txt"))));
        all.add(Arguments.of("document-symlink-to-file-outside", (Change) (c, o) -> {
            Path doc = c.resolve("sources/" + DEPT_SOURCES + "001_88a8ef7fc06e4953.txt");
            Files.delete(doc);
            Files.createSymbolicLink(doc, o.resolve("secret.txt"));
        }, (Expected) c -> List.of(at(c, YEAR, 4, 11, "document", LINKED_OUT + DEPT_SOURCES + "001_88a8ef7fc06e4953.txt"))));
        all.add(Arguments.of("document-symlink-to-etc", (Change) (c, o) -> {
            Files.createSymbolicLink(c.resolve("sources/" + DEPT_SOURCES + "hostname.txt"), Path.of("/etc/hostname"));
            setDocument(c, DEPT_SOURCES + "hostname.txt");
        }, (Expected) c -> List.of(at(c, YEAR, 4, 11, "document", LINKED_OUT + DEPT_SOURCES + "hostname.txt"))));
        all.add(Arguments.of("document-symlink-to-folder-outside", (Change) (c, o) -> {
            Files.createSymbolicLink(c.resolve("sources/" + DEPT_SOURCES + "etc.txt"), Path.of("/etc"));
            setDocument(c, DEPT_SOURCES + "etc.txt");
        }, (Expected) c -> List.of(at(c, YEAR, 4, 11, "document", LINKED_OUT + DEPT_SOURCES + "etc.txt"))));
        all.add(Arguments.of("document-symlink-to-folder-inside", (Change) (c, o) -> {
            Files.createDirectories(c.resolve("sources/" + DEPT_SOURCES + "sub"));
            Files.createSymbolicLink(c.resolve("sources/" + DEPT_SOURCES + "sub.txt"), c.resolve("sources/" + DEPT_SOURCES + "sub"));
            setDocument(c, DEPT_SOURCES + "sub.txt");
        }, (Expected) c -> List.of(at(c, YEAR, 4, 11, "document", NOT_A_FILE + DEPT_SOURCES + "sub.txt"))));
        all.add(Arguments.of("document-symlink-to-another-department", (Change) (c, o) -> {
            Files.createSymbolicLink(c.resolve("sources/" + DEPT_SOURCES + "hs.txt"),
                    c.resolve("sources/hengshui/467/004_78c252e0298264e9.txt"));
            setDocument(c, DEPT_SOURCES + "hs.txt");
        }, (Expected) c -> List.of(at(c, YEAR, 4, 11, "document", LINKED_OUT + DEPT_SOURCES + "hs.txt"))));
        all.add(Arguments.of("document-is-a-folder", (Change) (c, o) -> {
            Files.createDirectories(c.resolve("sources/" + DEPT_SOURCES + "folder.txt"));
            setDocument(c, DEPT_SOURCES + "folder.txt");
        }, (Expected) c -> List.of(at(c, YEAR, 4, 11, "document", NOT_A_FILE + DEPT_SOURCES + "folder.txt"))));
        all.add(Arguments.of("document-is-a-pipe", (Change) (c, o) -> {
            Process p = new ProcessBuilder("mkfifo", c.resolve("sources/" + DEPT_SOURCES + "pipe.txt").toString()).start();
            assertEquals(0, p.waitFor());
            setDocument(c, DEPT_SOURCES + "pipe.txt");
        }, (Expected) c -> List.of(at(c, YEAR, 4, 11, "document", NOT_A_FILE + DEPT_SOURCES + "pipe.txt"))));
        all.add(Arguments.of("document-dangling-symlink", (Change) (c, o) -> {
            Files.createSymbolicLink(c.resolve("sources/" + DEPT_SOURCES + "gone.txt"), o.resolve("no-such-file"));
            setDocument(c, DEPT_SOURCES + "gone.txt");
        }, (Expected) c -> List.of(at(c, YEAR, 4, 11, "document",
                "引用的文件必须位于 content/sources/ 之内（符号链接无法解析）：" + DEPT_SOURCES + "gone.txt"))));
        all.add(Arguments.of("sources-folder-is-a-symlink", (Change) (c, o) -> {
            Path real = o.resolve("sources-elsewhere-" + c.getParent().getFileName());
            Trees.copy(c.resolve("sources"), real);
            deleteTree(c.resolve("sources"));
            Files.createSymbolicLink(c.resolve("sources"), real);
        }, (Expected) c -> List.of(c.resolve("sources") + ":1:1: " + SYMLINK)));
        all.add(Arguments.of("sources-region-folder-is-a-symlink", (Change) (c, o) -> {
            Path real = o.resolve("tianjin-sources-" + c.getParent().getFileName());
            Trees.copy(c.resolve("sources/tianjin"), real);
            deleteTree(c.resolve("sources/tianjin"));
            Files.createSymbolicLink(c.resolve("sources/tianjin"), real);
        }, (Expected) c -> List.of(at(c, YEAR, 4, 11, "document",
                "content/sources/tianjin/ 不能是符号链接（引用的文件必须位于 content/ 之内）"))));
        all.add(Arguments.of("sources-department-folder-is-a-symlink", (Change) (c, o) -> {
            // to a folder inside sources/ that holds the same file: still refused, the folder is not the department's
            Trees.copy(c.resolve("sources/tianjin/362303"), c.resolve("sources/tianjin/elsewhere"));
            deleteTree(c.resolve("sources/tianjin/362303"));
            Files.createSymbolicLink(c.resolve("sources/tianjin/362303"), c.resolve("sources/tianjin/elsewhere"));
        }, (Expected) c -> List.of(at(c, YEAR, 4, 11, "document",
                "content/sources/tianjin/362303/ 不能是符号链接（引用的文件必须位于 content/ 之内）"))));

        // ---- folders and files of the tree: no symlinks out of content/
        all.add(Arguments.of("region-folder-symlink", (Change) (c, o) ->
                Files.createSymbolicLink(c.resolve("evil"), o), (Expected) c -> List.of(c.resolve("evil") + ":1:1: " + SYMLINK)));
        all.add(Arguments.of("department-folder-symlink", (Change) (c, o) ->
                Files.createSymbolicLink(c.resolve("tianjin/999999"), o),
                (Expected) c -> List.of(c.resolve("tianjin/999999") + ":1:1: " + SYMLINK)));
        all.add(Arguments.of("year-file-symlink", (Change) (c, o) ->
                Files.createSymbolicLink(c.resolve("tianjin/362303/2023.yaml"), Path.of("/etc/hostname")),
                (Expected) c -> List.of(c.resolve("tianjin/362303/2023.yaml") + ":1:1: " + SYMLINK)));
        all.add(Arguments.of("page-symlink", (Change) (c, o) ->
                Files.createSymbolicLink(c.resolve("pages/secret.md"), o.resolve("secret.txt")),
                (Expected) c -> List.of(c.resolve("pages/secret.md") + ":1:1: " + SYMLINK)));
        all.add(Arguments.of("site-yaml-symlink", (Change) (c, o) -> {
            Path copy = o.resolve("site-" + c.getParent().getFileName() + ".yaml");
            Files.move(c.resolve("site.yaml"), copy);
            Files.createSymbolicLink(c.resolve("site.yaml"), copy);
        }, (Expected) c -> List.of(c.resolve("site.yaml") + ":1:1: " + SYMLINK)));

        // ---- names that become URL segments and file names
        all.add(idCase("project-id-with-slash", "a/b", "'a/b" + SEGMENT_CODE));
        all.add(idCase("project-id-dot-dot", "'..'", "'.." + SEGMENT_CODE));
        all.add(idCase("project-id-with-percent", "362303%2F001", "'362303%2F001" + SEGMENT_CODE));
        all.add(idCase("project-id-with-space", "'362303 2024 001'", "'362303 2024 001" + SEGMENT_CODE));
        all.add(idCase("project-id-windows-chars", "'a<b>:c|d?'", "'a<b>:c|d?" + SEGMENT_CODE));
        all.add(idCase("project-id-windows-device", "CON", "'CON' 是 Windows 的保留设备名，不能作文件名"));
        all.add(idCase("project-id-too-long", "a".repeat(65), "太长（最多 64 个字符，实为 65）：" + "a".repeat(65)));
        all.add(idCase("project-id-excel-twin", "362303-2024-001-excel",
                "项目编号不能以 -excel 结尾（会与另一个项目的 Excel 下载文件同名）"));
        all.add(Arguments.of("region-folder-uppercase", (Change) (c, o) -> Files.move(c.resolve("hengshui"), c.resolve("Hengshui")),
                (Expected) c -> List.of(c.resolve("Hengshui/region.yaml") + ":1:1: 地区文件夹名 'Hengshui" + SEGMENT_SLUG
                        + "（region folder）")));
        all.add(Arguments.of("region-folder-with-space", (Change) (c, o) -> Files.move(c.resolve("hengshui"), c.resolve("heng shui")),
                (Expected) c -> List.of(c.resolve("heng shui/region.yaml") + ":1:1: 地区文件夹名 'heng shui" + SEGMENT_SLUG
                        + "（region folder）")));
        all.add(Arguments.of("region-folder-site-folder", (Change) (c, o) -> Files.move(c.resolve("hengshui"), c.resolve("projects")),
                (Expected) c -> List.of(c.resolve("projects/region.yaml") + ":1:1: 地区文件夹名 'projects' 是网站自己的文件夹名，"
                        + "地区不能用（region folder）")));
        all.add(Arguments.of("department-folder-with-percent", (Change) (c, o) -> renameDepartment(c, "4%67"),
                (Expected) c -> List.of(c.resolve("hengshui/4%67/department.yaml") + ":1:1: 部门文件夹名（预算单位编码）'4%67"
                        + SEGMENT_CODE + "（department folder）")));
        all.add(Arguments.of("department-folder-windows-chars", (Change) (c, o) -> renameDepartment(c, "4:67"),
                (Expected) c -> List.of(c.resolve("hengshui/4:67/department.yaml") + ":1:1: 部门文件夹名（预算单位编码）'4:67"
                        + SEGMENT_CODE + "（department folder）")));
        all.add(Arguments.of("page-slug-uppercase", (Change) (c, o) -> Files.move(c.resolve(PAGE), c.resolve("pages/About.md")),
                (Expected) c -> List.of(c.resolve("pages/About.md") + ":1:1: 页面文件名 'About" + SEGMENT_SLUG + "（page slug）")));
        all.add(Arguments.of("page-slug-site-folder", (Change) (c, o) -> Files.move(c.resolve(PAGE), c.resolve("pages/search.md")),
                (Expected) c -> List.of(c.resolve("pages/search.md") + ":1:1: 页面文件名 'search' 是网站自己的文件夹名，页面不能用（page slug）")));
        all.add(Arguments.of("page-slug-is-a-region", (Change) (c, o) -> Files.move(c.resolve(PAGE), c.resolve("pages/tianjin.md")),
                (Expected) c -> List.of(c.resolve("pages/tianjin.md") + ":1:1: 页面 'tianjin' 与地区文件夹同名，网址 /tianjin/ 会冲突")));
        all.add(Arguments.of("section-id-uppercase", (Change) (c, o) -> replace(c, HS_YEAR, "  - id: duties", "  - id: Duties"),
                (Expected) c -> List.of(at(c, HS_YEAR, 6, 9, "sections[0].id",
                        "'Duties' 会成为网址和文件名的一段，只能由小写英文字母、数字、'_' 和 '-'组成"))));
        all.add(Arguments.of("section-id-with-slash", (Change) (c, o) -> replace(c, HS_YEAR, "  - id: duties", "  - id: a/b"),
                (Expected) c -> List.of(at(c, HS_YEAR, 6, 9, "sections[0].id",
                        "'a/b' 会成为网址和文件名的一段，只能由小写英文字母、数字、'_' 和 '-'组成"))));
        all.add(Arguments.of("table-id-uppercase", (Change) (c, o) -> replace(c, HS_YEAR, "  - id: units", "  - id: Units"),
                (Expected) c -> List.of(at(c, HS_YEAR, 16, 9, "tables[0].id", "'Units" + SEGMENT_NAME))));
        all.add(Arguments.of("table-id-with-dash", (Change) (c, o) -> replace(c, HS_YEAR, "  - id: units", "  - id: unit-list"),
                (Expected) c -> List.of(at(c, HS_YEAR, 16, 9, "tables[0].id", "'unit-list" + SEGMENT_NAME))));
        for (String name : List.of("projects", "datapackage", "all", "corrections")) {
            all.add(Arguments.of("table-id-is-download-" + name,
                    (Change) (c, o) -> replace(c, HS_YEAR, "  - id: units", "  - id: " + name),
                    (Expected) c -> List.of(at(c, HS_YEAR, 16, 9, "tables[0].id", "表格编号 '" + name
                            + "' 与网站自己的下载文件 data/" + name + ".* 同名，请换一个（不能用 projects、indicators、departments、"
                            + "department_years、project_changes、corrections、retracted、changes、quality、all、datapackage）"))));
        }
        all.add(Arguments.of("column-key-is-a-key-column", (Change) (c, o) -> replace(c, HS_YEAR,
                        "        title: 经费保障形式\n        type: string\n",
                        "        title: 经费保障形式\n        type: string\n      - key: year\n        title: 年\n        type: string\n"),
                (Expected) c -> List.of(at(c, HS_YEAR, 34, 14, "tables[0].columns[4].key",
                        "列名 'year' 是下载文件 data/units.csv 自带的列，请换一个"))));
        all.add(Arguments.of("same-table-id-other-columns", (Change) (c, o) -> append(c, YEAR, """
                tables:
                  - id: units
                    title: 机构
                    source:
                      line: 1
                    columns:
                      - key: name
                        title: 单位名称
                        type: string
                """), (Expected) c -> List.of(at(c, YEAR, 61, 7, "tables[0].columns", "表格 'units' 的列 [name:string] 与 "
                + c.resolve(HS_YEAR) + " 中同编号表格的列 [name:string, nature:string, rank:string, funding:string] 不同；"
                + "同编号的表格合并成 data/units.csv，列（key、type、unit）必须相同"))));

        // ---- links: no script or data URLs, no links to nowhere (in Markdown and site.yaml)
        all.add(pageLink("page-link-javascript", "[点我](javascript:alert(1))", "链接不能使用 javascript" + NO_SCHEME + "javascript:alert(1)"));
        all.add(pageLink("page-link-javascript-mixed-case", "[点我](JaVaScRiPt:alert(1))",
                "链接不能使用 javascript" + NO_SCHEME + "JaVaScRiPt:alert(1)"));
        all.add(pageLink("page-link-javascript-tab", "[点我](java&#9;script:alert(1))",
                "链接不能使用 javascript" + NO_SCHEME + "java\\u0009script:alert(1)"));
        all.add(pageLink("page-link-javascript-newline", "[点我](&#10;javascript:alert(1))",
                "链接不能使用 javascript" + NO_SCHEME + "\\u000Ajavascript:alert(1)"));
        all.add(pageLink("page-link-javascript-autolink", "<javascript:alert(1)>",
                "链接不能使用 javascript" + NO_SCHEME + "javascript:alert(1)"));
        all.add(pageLink("page-link-vbscript", "[点我](vbscript:msgbox(1))", "链接不能使用 vbscript" + NO_SCHEME + "vbscript:msgbox(1)"));
        all.add(pageLink("page-link-data", "[点我](data:text/html;base64,PHNjcmlwdD4=)",
                "链接不能使用 data" + NO_SCHEME + "data:text/html;base64,PHNjcmlwdD4="));
        all.add(pageLink("page-image-data", "![图](data:image/png;base64,AAAA)",
                "图片不能使用 data" + NO_SCHEME + "data:image/png;base64,AAAA"));
        all.add(pageLink("page-link-ftp", "[点我](ftp://example.org/a)", "链接不能使用 ftp" + NO_SCHEME + "ftp://example.org/a"));
        all.add(pageLink("page-link-empty", "[点我]()", "链接地址是空的（empty link）"));
        all.add(pageLink("page-link-to-nowhere", "[点我](missing/)", "链接指向的文件夹不存在：missing/（站内路径 about/missing/）"));
        all.add(pageLink("page-link-to-missing-download", "[点我](../data/nothing.csv)",
                "链接指向的文件不存在：../data/nothing.csv（站内路径 data/nothing.csv）"));
        all.add(pageLink("page-link-out-of-site", "[点我](../../x.html)", "链接指向网站之外：../../x.html"));
        // a later part of a long document's page, copied from the address bar: its cuts move, its line does not
        all.add(pageLink("page-link-to-a-source-part", "[第 3,000 行](../sources/hengshui/467/004_78c252e0298264e9.txt.p3.html#L3000)",
                "链接指向长文件页面的一个部分（../sources/hengshui/467/004_78c252e0298264e9.txt.p3.html#L3000）：各部分从哪一行起"
                        + "会随引用变化；请链接文件页面的地址加行号，如 ../sources/hengshui/467/004_78c252e0298264e9.txt.html#L3000，"
                        + "本站会把它链到显示该行的部分"));
        all.add(pageLink("page-link-fragment-missing", "[点我](#nowhere)", "链接指向本页不存在的位置 #nowhere"));
        all.add(Arguments.of("page-reference-link-javascript", (Change) (c, o) ->
                append(c, PAGE, "\n见[说明][1]。\n\n[1]: JAVASCRIPT:alert(1)\n"),
                (Expected) c -> List.of(at(c, PAGE, 5, 2, "", "链接不能使用 javascript" + NO_SCHEME + "JAVASCRIPT:alert(1)"))));
        all.add(Arguments.of("department-description-javascript", (Change) (c, o) ->
                append(c, HS_DEPT, "\n  [联系](javascript:alert(document.cookie))\n"),
                (Expected) c -> List.of(at(c, HS_DEPT, 3, 14, "description",
                        "链接不能使用 javascript" + NO_SCHEME + "javascript:alert(document.cookie)"))));
        all.add(Arguments.of("section-markdown-data-link", (Change) (c, o) -> replace(c, HS_YEAR,
                        "      （十五）完成市委", "      [下载](data:application/octet-stream,x)（十五）完成市委"),
                (Expected) c -> List.of(at(c, HS_YEAR, 11, 15, "sections[0].markdown",
                        "链接不能使用 data" + NO_SCHEME + "data:application/octet-stream,x"))));
        all.add(Arguments.of("table-note-vbscript-link", (Change) (c, o) -> replace(c, HS_YEAR,
                        "    note: 截止时间：2019年12月31日", "    note: '[见](VBScript:run)'"),
                (Expected) c -> List.of(at(c, HS_YEAR, 48, 11, "tables[1].note", "链接不能使用 vbscript" + NO_SCHEME + "VBScript:run"))));
        all.add(siteCase("licence-url-javascript", "licence_url: https://creativecommons.org/licenses/by/4.0/deed.zh-hans",
                "licence_url: javascript:alert(1)", 5, 14, "licence_url",
                "许可协议链接必须是 http:// 或 https:// 开头、不含空白的网址：javascript:alert(1)"));
        all.add(siteCase("licence-url-obfuscated", "licence_url: https://creativecommons.org/licenses/by/4.0/deed.zh-hans",
                "licence_url: \" JaVa\\tScRiPt:alert(1)\"", 5, 14, "licence_url",
                "许可协议链接必须是 http:// 或 https:// 开头、不含空白的网址： JaVa\\u0009ScRiPt:alert(1)"));
        // ---- report_url: mailto:address or an absolute http(s) URL (each page's 报告错误 link appends to it)
        String report = "report_url: mailto:data@example.org";
        all.add(siteCase("report-url-javascript", report, "report_url: JavaScript:alert(1)", 7, 13,
                "report_url", "报告错误的地址必须是 http:// 或 https:// 开头、不含空白的网址：JavaScript:alert(1)"));
        all.add(siteCase("report-url-mailto-with-query", report, "report_url: mailto:a@b.org?bcc=x@y.org",
                7, 13, "report_url", "报告错误的地址必须是 mailto:地址（如 mailto:data@example.org，不带 ?subject）或 http(s) 网址："
                        + "mailto:a@b.org?bcc=x@y.org"));

        // ---- base_url: a plain http(s) URL
        String base = "base_url: https://example.org/";
        all.add(siteCase("base-url-ftp", base, "base_url: ftp://example.org/", 6, 11, "base_url",
                "网站地址必须以 http:// 或 https:// 开头：ftp://example.org/"));
        all.add(siteCase("base-url-javascript", base, "base_url: javascript:alert(1)//", 6, 11, "base_url",
                "网站地址必须以 http:// 或 https:// 开头：javascript:alert(1)//"));
        all.add(siteCase("base-url-with-space", base, "base_url: 'https://exa mple.org/'", 6, 11, "base_url",
                "网站地址不能含空格、换行或控制字符：https://exa mple.org/"));
        all.add(siteCase("base-url-with-query", base, "base_url: https://example.org/?x=1/", 6, 11, "base_url",
                "网站地址不能含查询（?…）或片段（#…），它是所有页面地址的前缀：https://example.org/?x=1/"));
        all.add(siteCase("base-url-with-fragment", base, "base_url: https://example.org/#top/", 6, 11, "base_url",
                "网站地址不能含查询（?…）或片段（#…），它是所有页面地址的前缀：https://example.org/#top/"));
        all.add(siteCase("base-url-without-host", base, "base_url: https:///", 6, 11, "base_url",
                "网站地址必须有主机名（如 https://example.org/），不能含用户名：https:///"));
        all.add(siteCase("base-url-with-user", base, "base_url: https://user@example.org/", 6, 11, "base_url",
                "网站地址必须有主机名（如 https://example.org/），不能含用户名：https://user@example.org/"));
        all.add(siteCase("base-url-encoded-path", base, "base_url: https://example.org/%2e%2e/", 6, 11, "base_url",
                "网站地址路径只能由字母、数字和 . _ ~ - 组成的段构成，并以 / 结尾：https://example.org/%2e%2e/"));

        // ---- fields the docs called optional are required where the site cannot do without them
        all.add(Arguments.of("year-title-missing", (Change) (c, o) -> removeLine(c, YEAR, 3),
                (Expected) c -> List.of(at(c, YEAR, 1, 1, "title", "缺少必填字段"))));
        all.add(Arguments.of("year-document-missing", (Change) (c, o) -> removeLine(c, YEAR, 4),
                (Expected) c -> List.of(at(c, YEAR, 1, 1, "document", "缺少必填字段"))));
        all.add(Arguments.of("project-source-missing", (Change) (c, o) -> {
            removeLine(c, YEAR, 8);
            removeLine(c, YEAR, 8);
            removeLine(c, YEAR, 8);
        }, (Expected) c -> List.of(at(c, YEAR, 6, 5, "projects[0].source", "缺少必填字段"))));
        all.add(Arguments.of("table-source-missing", (Change) (c, o) -> {
            for (int i = 0; i < 3; i++) {
                removeLine(c, HS_YEAR, 18);
            }
        }, (Expected) c -> List.of(at(c, HS_YEAR, 16, 5, "tables[0].source", "缺少必填字段"))));
        all.add(Arguments.of("site-description-missing", (Change) (c, o) -> removeLine(c, "site.yaml", 2),
                (Expected) c -> List.of(at(c, "site.yaml", 1, 1, "description", "缺少必填字段"))));

        // ---- limits: lengths, words, amounts, categories
        all.add(Arguments.of("project-name-too-long", (Change) (c, o) -> replace(c, YEAR,
                "    name: 2024年度天津市辐射环境执法安全防护能力提升项目", "    name: " + "很".repeat(101)),
                (Expected) c -> List.of(at(c, YEAR, 7, 11, "projects[0].name",
                        "过长：303 字节（UTF-8），最多 300 字节（约 100 个汉字），搜索结果的一行放不下"))));
        all.add(Arguments.of("year-title-too-long", (Change) (c, o) -> replace(c, YEAR,
                "title: 天津市生态环境保护综合行政执法总队2024年项目支出绩效目标表", "title: " + "长".repeat(120)),
                (Expected) c -> List.of(at(c, YEAR, 3, 8, "title",
                        "过长：360 字节（UTF-8），最多 300 字节（约 100 个汉字），搜索结果的一行放不下"))));
        all.add(Arguments.of("word-of-40-kb", (Change) (c, o) -> replace(c, YEAR,
                "    purpose: 为辐射安全检查", "    purpose: " + "x".repeat(40_000) + " 为辐射安全检查"),
                (Expected) c -> List.of(at(c, YEAR, 15, 14, "projects[0].purpose",
                        "有一个 40000 个字符长的词（连续的字母或数字），最多 1000 个：搜索索引无法收录（word too long）"))));
        all.add(Arguments.of("text-too-long", (Change) (c, o) -> replace(c, YEAR,
                "    purpose: 为辐射安全检查", "    purpose: " + "检查，".repeat(40_000) + "为辐射安全检查"),
                (Expected) c -> List.of(at(c, YEAR, 15, 14, "projects[0].purpose",
                        "文本过长：120048 个字符，一个值最多 100000 个（text too long）"))));
        all.add(Arguments.of("amount-below-fen", (Change) (c, o) -> replace(c, YEAR, "      total: 6.00", "      total: 6.0000001"),
                (Expected) c -> List.of(at(c, YEAR, 13, 14, "projects[0].budget.total",
                        "金额换算成元后最多两位小数（到分）：6.0000001 万元 = 60000.001 元"))));
        all.add(Arguments.of("amount-too-large", (Change) (c, o) -> replace(c, YEAR, "      total: 6.00",
                "      total: 60000000000000000000000000.00"), (Expected) c -> List.of(at(c, YEAR, 13, 14,
                "projects[0].budget.total", "金额过大：换算成元后整数部分最多 15 位"))));
        all.add(Arguments.of("too-many-categories", (Change) (c, o) -> {
            StringBuilder more = new StringBuilder();
            for (int k = 1; k <= 28; k++) {
                more.append(String.format("      - level1: 类别%02d%n        level2: 数量指标%n        level3: 数量%n"
                        + "        target: 1个%n", k));
            }
            append(c, YEAR, more.toString());
        }, (Expected) c -> List.of(at(c, YEAR, 55 + 27 * 4, 17, "projects[1].indicators[29].level1",
                "一级指标种类过多：全站最多 30 种（搜索按一级指标筛选），'类别28' 是第 31 种"))));
        all.add(Arguments.of("region-parent-cycle", (Change) (c, o) -> {
            append(c, "tianjin/region.yaml", "parent: hengshui\n");
            append(c, "hengshui/region.yaml", "parent: tianjin\n");
        }, (Expected) c -> List.of(
                at(c, "hengshui/region.yaml", 2, 9, "parent", "上级地区成环：hengshui 沿 parent 又回到了自己（parent cycle）"),
                at(c, "tianjin/region.yaml", 2, 9, "parent", "上级地区成环：tianjin 沿 parent 又回到了自己（parent cycle）"))));

        // ---- bounded input: YAML bombs, nesting, file size
        all.add(Arguments.of("alias-bomb", (Change) (c, o) -> {
            StringBuilder bomb = new StringBuilder("department: '362303'\nyear: 2024\nx: &big '" + "A".repeat(60_000) + "'\ny:\n");
            for (int i = 0; i < 1501; i++) {
                bomb.append("  - *big\n");
            }
            Files.writeString(c.resolve(YEAR), bomb.toString());
        }, (Expected) c -> List.of(at(c, YEAR, 4 + 18, 5, "", "YAML 别名展开后过大：别名在一个文件里最多展开出 1048576 个字符"
                + "（*big 使总量达到 1080018；alias expansion too large）"))));
        all.add(Arguments.of("too-many-aliases", (Change) (c, o) -> {
            StringBuilder many = new StringBuilder("x: &a 1\ny: [");
            for (int i = 0; i < 101; i++) {
                many.append(i == 0 ? "" : ", ").append("*a");
            }
            Files.writeString(c.resolve(YEAR), many.append("]\n").toString());
        }, (Expected) c -> List.of(at(c, YEAR, 2, 5 + 4 * 100, "", "YAML 别名过多：一个文件最多 100 个（too many aliases）"))));
        all.add(Arguments.of("recursive-alias", (Change) (c, o) -> Files.writeString(c.resolve(YEAR), "x: &a [1, *a]\n"),
                (Expected) c -> List.of(at(c, YEAR, 1, 11, "", "YAML 别名 *a 引用了包含它自己的结构（recursive alias）"))));
        all.add(Arguments.of("deep-flow-nesting", (Change) (c, o) ->
                Files.writeString(c.resolve(YEAR), "x: " + "[".repeat(5000) + "]".repeat(5000) + "\n"),
                (Expected) c -> List.of(at(c, YEAR, 1, 4 + 19, "", "YAML 嵌套过深：列表和映射最多嵌套 20 层（nesting too deep）"))));
        all.add(Arguments.of("deep-block-nesting", (Change) (c, o) -> {
            StringBuilder deep = new StringBuilder();
            for (int i = 0; i < 3000; i++) {
                deep.append("  ".repeat(i)).append("a:\n");
            }
            Files.writeString(c.resolve(YEAR), deep.append("  ".repeat(3000)).append("b\n").toString());
        }, (Expected) c -> List.of(at(c, YEAR, 21, 41, "", "YAML 嵌套过深：列表和映射最多嵌套 20 层（nesting too deep）"))));
        all.add(Arguments.of("huge-file", (Change) (c, o) -> {
            try (RandomAccessFile f = new RandomAccessFile(c.resolve(YEAR).toFile(), "rw")) {
                f.setLength(16L * 1024 * 1024 + 1); // sparse: the size is checked before anything is read
            }
        }, (Expected) c -> List.of(at(c, YEAR, 1, 1, "", "文件过大：16777217 字节，一个内容文件最多 16777216 字节（file too large）"))));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void validateAndBuildBothRefuseWithTheSamePositionedMessage(String name, Change change, Expected expected) throws Exception {
        Path content = root.resolve("cases").resolve(name).resolve("content");
        Trees.copy(good, content);
        change.apply(content, outside);
        List<String> lines = expected.lines(content);

        Output validate = run("validate", content.toString());
        assertEquals(1, validate.exitCode(), validate.err());
        List<String> errors = validate.err().lines().filter(l -> !l.contains(": 警告：")).toList();
        assertEquals(lines, errors, "validate's errors");
        assertTrue(validate.out().matches("validate：\\d+ 个部门年度，\\d+ 个项目：" + lines.size()
                + " 个错误，\\d+ 个警告\\n"), validate.out());

        Output build = run("build", "--content", content.toString(), "--theme", "themes/default", "--out", site.toString());
        assertEquals(1, build.exitCode(), build.err());
        assertTrue(build.err().contains("构建失败（validate 阶段）：" + lines.size() + " 处内容错误（content errors）：\n  "
                + String.join("\n  ", lines) + "\n"), build.err());
        assertTrue(!build.err().contains("\tat ") && !build.err().contains("Exception"), "no stack trace: " + build.err());

        assertEquals(builtSite, Trees.hashes(site), "the site built before is untouched");
        try (Stream<Path> left = Files.list(root)) {
            assertEquals(List.of(), left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".site-")).toList(),
                    "no staging folder left behind");
        }
    }

    @Test
    void theCorpusCoversEveryClassWithAtLeastSixtyTrees() {
        List<String> names = cases().map(a -> (String) a.get()[0]).toList();
        assertTrue(names.size() >= 60, names.size() + " cases");
        for (String kind : List.of("document-", "symlink", "sources-region-folder", "another-department", "project-id-", "table-id-", "page-link-", "base-url-",
                "licence-url-", "too-long", "alias", "nesting", "huge-file")) {
            assertTrue(names.stream().anyMatch(n -> n.contains(kind)), kind);
        }
    }

    // ---- case builders

    private static Arguments docCase(String name, String document, Message message) {
        return Arguments.of(name, (Change) (c, o) -> setDocument(c, document),
                (Expected) c -> List.of(at(c, YEAR, 4, 11, "document", message.of(c))));
    }

    private static Arguments idCase(String name, String id, String message) {
        return Arguments.of(name, (Change) (c, o) -> replace(c, YEAR, "  - id: 362303-2024-001", "  - id: " + id),
                (Expected) c -> List.of(at(c, YEAR, 6, 9, "projects[0].id", message)));
    }

    private static Arguments pageLink(String name, String markdown, String message) {
        return Arguments.of(name, (Change) (c, o) -> append(c, PAGE, "\n" + markdown + "\n"),
                (Expected) c -> List.of(at(c, PAGE, 5, 1, "", message)));
    }

    private static Arguments siteCase(String name, String line, String replacement, int row, int column, String field,
                                      String message) {
        return Arguments.of(name, (Change) (c, o) -> replace(c, "site.yaml", line, replacement),
                (Expected) c -> List.of(at(c, "site.yaml", row, column, field, message)));
    }

    // ---- helpers

    private static String at(Path content, String file, int line, int column, String field, String message) {
        return content.resolve(file) + ":" + line + ":" + column + ": " + (field.isEmpty() ? "" : field + ": ") + message;
    }

    private static void setDocument(Path content, String document) throws IOException {
        replace(content, YEAR, "document: tianjin/362303/001_88a8ef7fc06e4953.txt", "document: " + document);
    }

    private static void replace(Path content, String file, String from, String to) throws IOException {
        Path p = content.resolve(file);
        String text = Files.readString(p);
        assertTrue(text.contains(from), file + " has no '" + from + "'");
        Files.writeString(p, text.replace(from, to));
    }

    private static void append(Path content, String file, String text) throws IOException {
        Path p = content.resolve(file);
        Files.writeString(p, Files.readString(p) + text);
    }

    /** Removes the 1-based line {@code n}. */
    private static void removeLine(Path content, String file, int n) throws IOException {
        Path p = content.resolve(file);
        List<String> lines = new ArrayList<>(Files.readAllLines(p));
        lines.remove(n - 1);
        Files.writeString(p, String.join("\n", lines) + "\n");
    }

    private static void renameDepartment(Path content, String code) throws IOException {
        replace(content, HS_DEPT, "code: '467'", "code: '" + code + "'");
        replace(content, HS_YEAR, "department: '467'", "department: '" + code + "'");
        Files.move(content.resolve("hengshui/467"), content.resolve("hengshui").resolve(code));
    }

    private record Output(int exitCode, String out, String err) {
    }

    private static Output run(String... args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Main.execute(args);
            return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }


    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

}
