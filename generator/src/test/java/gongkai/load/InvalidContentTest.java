package gongkai.load;

import gongkai.content.Problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * One small broken site per check under sites/invalid/&lt;case&gt;/. Each expected line is
 * path:line:column: field: message, with the path relative to the case folder; positions were counted
 * by hand in the fixture files.
 */
class InvalidContentTest {
    static final Path INVALID = Path.of("generator/src/test/resources/sites/invalid");

    static Stream<Arguments> cases() {
        String year = "tianjin/362303/2024.yaml";
        return Stream.of(
                Arguments.of("syntax-error", List.of(year + ":6:4: YAML 格式错误：缩进不对：同一级的键要对齐，列表项“- ”要比它所属的键"
                        + "多缩进两个空格（YAML syntax error: expected <block end>, but found "
                        + "'<block mapping start>' (while parsing a block collection)）")),
                Arguments.of("missing-required-field", List.of(
                        year + ":5:5: projects[0].name: 缺少必填字段",
                        year + ":11:9: projects[0].indicators[0].target: 缺少必填字段")),
                Arguments.of("site-missing-fields", List.of(
                        "site.yaml:1:1: base_url: 缺少必填字段",
                        "site.yaml:1:1: publisher: 缺少必填字段")),
                Arguments.of("empty-required-field", List.of("tianjin/region.yaml:1:6: name: 必填字段是空的")),
                Arguments.of("wrong-type-year", List.of(year + ":2:7: year: 这里应是整数（半角数字），实际是 '二〇二四'")),
                Arguments.of("wrong-type-line", List.of(
                        year + ":13:13: projects[0].source.line: 这里应是整数（半角数字），实际是 '第一行'")),
                Arguments.of("wrong-kind", List.of(
                        year + ":11:17: projects[0].indicators: 这里应是列表（以“- ”开头的若干行），实际是 '4台'")),
                Arguments.of("unknown-key-suggestion", List.of(
                        year + ":5:5: projects[0].name: 缺少必填字段",
                        year + ":6:5: projects[0].nmae: 不认识的键 'nmae'（是不是想写 'name'？）")),
                Arguments.of("unknown-key-no-suggestion", List.of(
                        "tianjin/region.yaml:2:1: colour: 不认识的键 'colour'（可以写：name、parent）")),
                Arguments.of("duplicate-project-id", List.of(
                        "tianjin/362301/2025.yaml:5:9: projects[0].id: 警告：项目编号 '362303-2024-001' 不是 "
                                + "362301-2025-nnn 的写法（nnn 是三位序号，如 362301-2025-001）",
                        "tianjin/362301/2025.yaml:5:9: projects[0].id: 项目编号 '362303-2024-001' 重复"
                                + "（另见 tianjin/362303/2024.yaml:5:9）：全站每个项目编号只能用一次",
                        year + ":5:9: projects[0].id: 项目编号 '362303-2024-001' 重复"
                                + "（另见 tianjin/362301/2025.yaml:5:9）：全站每个项目编号只能用一次")),
                Arguments.of("duplicate-mapping-key", List.of(
                        "tianjin/362303/department.yaml:3:1: name: 键 'name' 重复（第一次在第 2 行）：同一层里每个键只能写一次")),
                Arguments.of("bad-amount", List.of(
                        year + ":9:14: projects[0].budget.total: '1e5' 不是金额：只能写半角数字，可带小数点，不加单位或逗号，例如 6.00",
                        year + ":10:15: fiscal: 数字里不能有“，”“,”或“、”：请去掉分隔符，写成“fiscal: 600”",
                        year + ":10:15: projects[0].budget.fiscal: '6,00' 不是金额：只能写半角数字，可带小数点，不加单位或逗号，例如 6.00")),
                Arguments.of("unknown-unit", List.of(
                        year + ":8:13: projects[0].budget.unit: 不认识的金额单位 '千元'：只能写 元 或 万元")),
                Arguments.of("missing-unit", List.of(year + ":8:7: projects[0].budget.unit: 缺少必填字段")),
                Arguments.of("department-path-mismatch", List.of(
                        year + ":1:13: department: department '362304' 与所在文件夹 '362303' 不一致：请写 department: '362303'")),
                Arguments.of("year-path-mismatch", List.of(
                        year + ":2:7: year: year 2023 与文件名 2024.yaml 不一致：请写 year: 2024，或把文件改名为 2023.yaml")),
                Arguments.of("department-code-mismatch", List.of(
                        "tianjin/362303/department.yaml:1:7: code: code '362301' 与所在文件夹 '362303' 不一致：请写 code: '362303'")),
                Arguments.of("unknown-parent-region", List.of(
                        "tianjin/region.yaml:2:9: parent: 没有地区 'china'（找不到 china/region.yaml）：parent 要写已有地区的文件夹名")),
                Arguments.of("missing-department-yaml", List.of(
                        year + ":1:1: department: tianjin/362303 里没有 department.yaml："
                                + "每个部门文件夹都要有 department.yaml（写 code: 预算单位编码 和 name: 单位名称）")),
                Arguments.of("missing-region-yaml", List.of(
                        "tianjin/region.yaml:1:1: 缺少文件：每个地区文件夹都要有 region.yaml（至少写一行 name: 地区名称）")),
                Arguments.of("missing-site-yaml", List.of(
                        "site.yaml:1:1: 缺少文件：内容文件夹里要有 site.yaml（网站的标题、发布者等设置）")),
                Arguments.of("not-utf8", List.of(
                        "tianjin/region.yaml:1:1: 不是 UTF-8 编码：请用 UTF-8 重新保存这个文件（记事本“另存为”时编码选 UTF-8）")),
                Arguments.of("page-without-title", List.of(
                        "pages/about.md:1:1: title: 页面没有以“# ”开头的标题行：请在第一行写“# 页面标题”")),
                Arguments.of("unknown-column-type", List.of(
                        year + ":12:15: tables[0].columns[1].type: 不认识的列类型 'float'：只能写 string（文字）、integer（整数）或 decimal（小数）")),
                Arguments.of("cell-type-mismatch", List.of(
                        year + ":18:19: tables[0].rows[0].quantity: '——' 不是整数：列 'quantity' 的类型是 integer",
                        year + ":19:16: tables[0].rows[0].value: '11,536.07' 不是普通的小数（半角数字，可带小数点）："
                                + "列 'value' 的类型是 decimal")),
                Arguments.of("unknown-row-column", List.of(
                        year + ":18:9: tables[0].rows[0].valeu: 不认识的列 'valeu'（是不是想写 'value'？）")),
                // corrections and retractions: every part required, dates 年-月-日, a retracted id not a project
                Arguments.of("bad-corrections", List.of(
                        year + ":19:15: projects[0].corrections[0].date: '2025-02-30' 不是日期：更正的日期应写成 年-月-日，"
                                + "如 2025-03-01（not a date）",
                        year + ":21:14: projects[0].corrections[0].why: why 不能为空：更正的原因（required field is empty）",
                        year + ":24:5: corrections[0].what: 缺少 what：更正了什么，如“预算数由 60.00 万元更正为 6.00 万元”"
                                + "（required field missing）",
                        year + ":24:11: corrections[0].date: '2025/3/1' 不是日期：更正的日期应写成 年-月-日，如 2025-03-01"
                                + "（not a date）",
                        year + ":27:9: retracted[0].id: 项目 '362303-2024-001' 仍在本文件的 projects 中：撤回一个项目时，"
                                + "把它从 projects 中删去，只在 retracted 中保留",
                        year + ":31:5: retracted[1].reason: 缺少 reason：撤回的原因（required field missing）",
                        year + ":34:9: retracted[2].id: 项目 '362303-2024-009' 在 retracted 中出现了两次")),
                // the facts about a year's document: an http(s) address, a real day, an original beside the text
                Arguments.of("bad-document-facts", List.of(
                        "tianjin/362303/2022.yaml:5:15: document_url: 文件的官方网址不是合法的网址（Illegal character in path）："
                                + "https://sthj.tj.gov.cn/公开/2022^1.docx",
                        "tianjin/362303/2023.yaml:5:15: document_url: 文件的官方网址不能含空格、换行或控制字符："
                                + "https://sthj.tj.gov.cn/公开 2023.docx",
                        "tianjin/362303/2023.yaml:6:21: document_published: '2023/02/01' 不是日期：文件在官方网站上的发布日期"
                                + "应写成 年-月-日，如 2025-03-01（not a date）",
                        year + ":5:15: document_url: 文件的官方网址必须以 http:// 或 https:// 开头（写文件在官方网站上的网址）："
                                + "ftp://sthj.tj.gov.cn/2024.docx",
                        year + ":6:21: document_published: '2024-02-30' 不是日期：文件在官方网站上的发布日期应写成 年-月-日，"
                                + "如 2025-03-01（not a date）",
                        year + ":7:1: document_orignal: 不认识的键 'document_orignal'（是不是想写 'document_original'？）",
                        "tianjin/362303/2025.yaml:5:15: document_url: 文件的官方网址必须有主机名（如 https://sthj.tj.gov.cn/…），"
                                + "不能含用户名：https:///公开/2025.docx")),
                Arguments.of("bad-document-original", List.of(
                        "tianjin/362303/2023.yaml:5:20: document_original: 引用的文件在 content/sources/tianjin/362301/ 里，"
                                + "但本文件属于部门 tianjin/362303：每个部门只引用自己的来源文件夹 content/sources/tianjin/362303/ "
                                + "里的文件（把文件复制过去，并把 document_original: 改为 tianjin/362303/2023.docx）",
                        year + ":7:20: document_original: 引用的文件不存在：sources/tianjin/362303/2024.pdf",
                        "tianjin/362303/2025.yaml:5:15: document_url: 与 tianjin/362303/2024.yaml 写的不一致"
                                + "（那里是 https://sthj.tj.gov.cn/2024.docx）：两个年度引用同一个来源文件 tianjin/362303/2024.txt，"
                                + "它只有一个来源页面：请写成一样的，或只在一处写",
                        // a source page is <file>.html beside the file: no document may end so (or be a web page)
                        "tianjin/362303/2026.yaml:4:11: document: '2026.txt.html' 是网页类文件（.html、.htm、.svg、.xml 等）："
                                + "浏览器会把它当作本站的网页打开，而且来源文件的页面就叫 <文件名>.html，会与之重名；"
                                + "请发布原件（.docx、.pdf、.xlsx）或 .txt 文本",
                        "tianjin/362303/2027.yaml:4:11: document: 缺少文本版 tianjin/362303/2027.docx.txt（“第 N 行”数的是它的行，"
                                + "导入时生成）：引用的文件不存在：sources/tianjin/362303/2027.docx.txt",
                        "tianjin/362303/2027.yaml:5:20: document_original: document 已是原始文件（tianjin/362303/2027.docx），"
                                + "不用再写 document_original：它只用于 document 是 .txt 文本、原件另有其文件的时候",
                        "tianjin/362303/2028.yaml:5:20: document_original: document_original 与 document 是同一个文件："
                                + "document_original 写原件（如 .docx、.pdf），不写文本",
                        // a long document's second part is <file>.p2.html: no document may be named <file>.p2
                        "tianjin/362303/2029.yaml:4:11: document: '2029.txt.p2' 以 .p 加数字结尾：长文件的来源页面分成几部分，"
                                + "第 2 部分起叫 <文件名>.p2.html、<文件名>.p3.html……，会与这个文件的页面重名；请给文件改名（例如把 .p2 改成 -p2）")),
                Arguments.of("retracted-id-taken", List.of(
                        "tianjin/362301/2025.yaml:20:9: retracted[0].id: 项目编号 '362303-2024-001' 重复（另见 "
                                + "tianjin/362303/2024.yaml:5:9）：全站每个项目编号只能用一次",
                        year + ":5:9: projects[0].id: 项目编号 '362303-2024-001' 重复（另见 "
                                + "tianjin/362301/2025.yaml:20:9）：全站每个项目编号只能用一次")),
                // the English edition lives in en/: a region or page there would take its home page
                Arguments.of("region-named-en", List.of(
                        "en/region.yaml:1:1: 地区文件夹名 'en' 是网站英文版的文件夹（/en/），地区不能用（region folder）",
                        "pages/en.md:1:1: 页面文件名 'en' 是网站英文版的文件夹（/en/），页面不能用（page slug）")),
                // a page's English twin (<name>.en.md): a title line, a Chinese page beside it, links read from /en/<name>/
                Arguments.of("english-page-problems", List.of(
                        "pages/about.en.md:1:1: title: 英文页面没有以“# ”开头的标题行：请在第一行写“# ”加英文标题，如“# About this site”",
                        "pages/about.fr.md:1:1: 页面文件名 'about.fr' 会成为网址和文件名的一段，只能由小写英文字母、数字和 '-'组成；"
                                + "页面文件只能叫 <名称>.md（中文页面）或 <名称>.en.md（它的英文译文）（page slug）",
                        "pages/guide.en.md:1:1: 英文页面没有对应的中文页面 pages/guide.md：英文页面是中文页面的译文，两者要同名"
                                + "（guide.md 和 guide.en.md）；请加上中文页面，或改正这个文件的名字")),
                Arguments.of("english-page-bad-link", List.of(
                        "pages/about.en.md:3:60: 链接指向的文件不存在：../data/gongkai-data.zip（站内路径 en/data/gongkai-data.zip）"
                                + "（英文页面在 en/about/，相对链接从那里算起；下载文件和来源文件由中英文两版共用，不在 en/ 之下，"
                                + "如 ../../data/gongkai-data.zip）")),
                Arguments.of("several-errors-in-several-files", List.of(
                        "site.yaml:4:11: base_url: 网站地址要以 / 结尾（页面链接以它为起点），例如 https://example.org/",
                        "tianjin/362301/department.yaml:1:1: name: 缺少必填字段",
                        year + ":2:7: year: year 2023 与文件名 2024.yaml 不一致：请写 year: 2024，或把文件改名为 2023.yaml",
                        year + ":8:13: projects[0].budget.unit: 不认识的金额单位 '美元'：只能写 元 或 万元",
                        year + ":9:14: projects[0].budget.total: '六元' 不是金额：只能写半角数字，可带小数点，不加单位或逗号，例如 6.00",
                        "tianjin/region.yaml:2:1: parnet: 不认识的键 'parnet'（是不是想写 'parent'？）")));
    }

    /** Errors and warnings in output order, with the case folder prefix removed from every path. */
    static List<String> problems(String caseName) throws Exception {
        Path dir = INVALID.resolve(caseName);
        List<Problem> all = gongkai.validate.Validation.check(dir).all();
        String prefix = dir + java.io.File.separator;
        return all.stream().map(p -> p.format().replace(prefix, "")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachBrokenSiteReportsExactlyItsProblems(String caseName, List<String> expected) throws Exception {
        assertEquals(expected, problems(caseName));
        assertTrue(!gongkai.validate.Validation.check(INVALID.resolve(caseName)).ok(), "errors fail validation");
    }

    @Test
    void everyInvalidFixtureHasExpectations() throws Exception {
        try (Stream<Path> dirs = Files.list(INVALID)) {
            List<String> onDisk = dirs.map(p -> p.getFileName().toString()).filter(n -> !n.equals("warnings-only"))
                    .sorted().toList();
            List<String> tested = cases().map(a -> (String) a.get()[0]).sorted().toList();
            assertEquals(onDisk, tested);
            assertTrue(tested.size() >= 18);
        }
    }

    @Test
    void warningsAloneDoNotFailValidation() throws Exception {
        LoadResult result = ContentLoader.load(INVALID.resolve("warnings-only"));
        assertTrue(result.ok());
        assertEquals(List.of(
                "tianjin/362303/2024.yaml:5:9: projects[0].id: 警告：项目编号 '362303-2024-1' 不是 362303-2024-nnn 的写法（nnn 是三位序号，如 362303-2024-001）"), problems("warnings-only"));
        // fiscal + other ≠ total is the quality rule Q001 now (QualityRulesTest, ValidateCommandTest)
    }
}
