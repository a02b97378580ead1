package gongkai.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.load.LoadResult;
import gongkai.testing.Seeds;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An import that succeeds writes YAML the real loader accepts; anything the loader would reject (amounts such as
 * {@code 1e5} or {@code ٣0.00}, years that cannot name a file, repeated sections) is an import problem with its
 * document, line and field; and nothing fails with a bare NumberFormatException, IllegalStateException or
 * MalformedInputException.
 */
class ImportValidationTest {
    private static final String TIANJIN = "t.txt";

    private static String seedText(String prefix) throws IOException {
        return Files.readString(Seeds.seed(prefix), StandardCharsets.UTF_8);
    }

    private static String seedName(String prefix) {
        return Seeds.seed(prefix).getFileName().toString();
    }

    // ---- successful imports validate ---------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"000", "001", "002", "003", "004"})
    void everySeedImportValidatesWithTheRealLoader(String prefix, @TempDir Path tmp) throws Exception {
        ImportedDocument doc = Importer.importFile(Seeds.seed(prefix), ImportOptions.inferAll());
        assertEquals(List.of(), doc.problems());
        LoadResult loaded = ImportedTree.writeAndLoad(tmp.resolve("inferred"), doc);
        assertEquals(List.of(), loaded.errors());
        assertEquals(List.of(), loaded.warnings());
        assertEquals(doc.departmentYears().size(), loaded.content().departmentYears().size());

        // with the year and region given instead of inferred (a new region gets a stub region.yaml)
        ImportedDocument given = Importer.importFile(Seeds.seed(prefix), new ImportOptions(2019, "somewhere"));
        assertEquals(List.of(), given.problems());
        LoadResult loadedGiven = ImportedTree.writeAndLoad(tmp.resolve("given"), given);
        assertEquals(List.of(), loadedGiven.errors());
        assertTrue(loadedGiven.content().departmentYears().stream().allMatch(dy -> dy.year() == 2019));
    }

    // ---- amounts and decimal cells: what the loader accepts, nothing else ---------------------------

    /** A one-project Tianjin table whose 预算数 (line 10) is {@code total}. */
    private static String tianjinTable(String heading, String unitLine, String total) {
        return heading + "\n"
                + "\t" + unitLine + "\n"
                + "\t单位：万元\n"
                + "\n"
                + "\t项目名称\n"
                + "\t2021年测试项目\n"
                + "\n"
                + "\t预算规模及资金用途\n"
                + "\t预算数\n"
                + "\t" + total + "\n"
                + "\t其中：财政资金\n"
                + "\t10.00\n"
                + "\t其他资金\n"
                + "\t2.50\n"
                + "\n"
                + "\t\n"
                + "\t用于测试。\n"
                + "\n"
                + "\t绩效目标\n"
                + "\t2021年完成测试。\n"
                + "\n"
                + "\t一级指标\n\t二级指标\n\t三级指标\n\t绩效指标描述\n\t指标值\n"
                + "\n"
                + "\t产出指标\n\t数量指标\n\t报告数量\n\t报告数量\n\t≥2份\n\n";
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e5", "1E+05", "٣0.00", "３０.００", "1,000.00", "+5", ".5", "5.", "0x10", "NaN", "12 50",
            "123456789012345678901234567890123"})
    void anAmountTheLoaderRejectsIsAPositionedProblem(String total) throws Exception {
        String text = tianjinTable("1.2021年测试项目绩效目标表", "123456天津市测试局", total);
        ImportedDocument doc = Importer.importText(TIANJIN, text, ImportOptions.inferAll());
        ImportProblem p = only(doc.problems(), "预算数");
        assertEquals(10, p.line());
        assertTrue(p.toString().startsWith("t.txt:10: 预算数: '"), p.toString());
    }

    @Test
    void anAmountOverTheLoadersLimitIsAProblemAtItsProject() throws Exception {
        // 32 digits of 万元: a number, but more than 15 digits of 元 (load.Limits)
        String text = tianjinTable("1.2021年测试项目绩效目标表", "123456天津市测试局", "12345678901234567890123456789012");
        ImportProblem p = only(Importer.importText(TIANJIN, text, ImportOptions.inferAll()).problems(), "预算数");
        assertEquals("t.txt:1: 预算数: 金额过大：换算成元后整数部分最多 15 位", p.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.50", "-3", "0", "0.000001", "99999999999"})
    void anAmountTheLoaderAcceptsImportsAndValidates(String total, @TempDir Path tmp) throws Exception {
        ImportedDocument doc = Importer.importText(TIANJIN,
                tianjinTable("1.2021年测试项目绩效目标表", "123456天津市测试局", total), ImportOptions.inferAll());
        assertEquals(List.of(), doc.problems());
        assertEquals(List.of(), ImportedTree.writeAndLoad(tmp, doc).errors());
    }

    /** The loader's limits on amounts in 元 (at most 分, 15 integer digits) hold for the importer too. */
    @ParameterizedTest
    @ValueSource(strings = {"12345678901234567890123456789012", "123456789012", "0.0000001"})
    void anAmountOverTheLoadersLimitsIsAProblemNotInvalidYaml(String total) throws Exception {
        ImportedDocument doc = Importer.importText(TIANJIN,
                tianjinTable("1.2021年测试项目绩效目标表", "123456天津市测试局", total), ImportOptions.inferAll());
        ImportProblem p = only(doc.problems(), "预算数");
        assertTrue(p.toString().contains("金额"), p.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e5", "٣0.00", "5.", ".5", "+1", "1,000"})
    void aProcurementOrAssetsFigureTheLoaderRejectsIsAPositionedProblem(String odd) throws Exception {
        List<String> lines = lines(seedText("004"));
        int procurement = lines.indexOf("\t118.50") + 1; // 1-based line of a procurement item's amount
        int assets = lines.indexOf("\t11536.07") + 1;
        for (int line : List.of(procurement, assets)) {
            List<String> edited = new ArrayList<>(lines);
            edited.set(line - 1, "\t" + odd);
            ImportedDocument doc = Importer.importText(seedName("004"), String.join("\n", edited), null);
            assertEquals(1, doc.problems().size(), doc.problems().toString());
            ImportProblem p = doc.problems().get(0);
            assertEquals(line, p.line(), p.toString());
            assertNotNull(p.field());
            assertTrue(p.message().startsWith("'" + odd + "' 不是普通的十进制数"), p.toString());
        }
    }

    // ---- numbers that do not fit, structure that is not there ---------------------------------------

    @Test
    void aHugeHeadingNumberIsAProblemNotANumberFormatException() throws Exception {
        String tianjin = tianjinTable("99999999999.2021年测试项目绩效目标表", "123456天津市测试局", "12.50");
        ImportProblem p = only(Importer.importText(TIANJIN, tianjin, null).problems(), "标题编号");
        assertEquals(1, p.line());

        List<String> hengshui = lines(seedText("004"));
        int heading = indexStartingWith(hengshui, "1、2019年大气重污染成因");
        hengshui.set(heading, "99999999999" + hengshui.get(heading).substring(1));
        ImportProblem q = only(Importer.importText(seedName("004"), String.join("\n", hengshui), null).problems(), "项目序号");
        assertEquals(heading + 1, q.line());
    }

    @Test
    void aUnitLineCellWithASecondParagraphIsAProblemNotAnIllegalStateException() throws Exception {
        String table = tianjinTable("1.2021年测试项目绩效目标表", "123456天津市测试局", "12.50");
        String text = table.replace("\t123456天津市测试局\n", "\t123456天津市测试局\n续行\n")
                + "\n" + table.replace("1.2021年", "2.2021年");
        ImportProblem p = only(Importer.importText(TIANJIN, text, null).problems(), "预算单位");
        assertEquals(2, p.line());
        assertTrue(p.message().contains("123456天津市测试局\n续行"), p.message());
    }

    @Test
    void hengshuiDocumentsThatCannotBeReadFailWithTheirLine() throws Exception {
        String name = seedName("004");
        List<String> lines = lines(seedText("004"));
        assertRefused(name, edit(lines, l -> {
            l.set(0, "衡水市生态环境局部门预算信息公开情况说明");
            return l;
        }), 1, "标题");
        assertRefused(name, edit(lines, l -> {
            l.set(0, "衡水市生态环境局0999年部门预算信息公开情况说明");
            return l;
        }), 1, "年度");
        assertRefused(name, edit(lines, l -> {
            l.set(0, l.get(0).replace("衡水市", "某某市"));
            return l;
        }), 1, "地区");
        int procurement = lines.indexOf("六、政府采购预算情况");
        assertRefused(name, edit(lines, l -> {
            l.set(procurement + 3, "\t衡水市生态环境局");
            return l;
        }), procurement + 1, "预算单位");
        assertRefused(name, new ArrayList<>(lines.subList(0, procurement)), 1, "预算单位");
        ImportException empty = assertThrows(ImportException.class, () -> HengshuiImporter.importText(name, "", null));
        assertEquals(name + ":1: 空文件：文件里没有任何文字", empty.getMessage());
    }

    @Test
    void aRepeatedTopLevelHeadingIsAProblem() throws Exception {
        List<String> lines = lines(seedText("004"));
        int other = lines.indexOf("九、其他需要说明的事项");
        List<String> edited = new ArrayList<>(lines);
        edited.add("九、其他需要说明的事项");
        edited.add("重复的一节。");
        ImportProblem p = only(Importer.importText(seedName("004"), String.join("\n", edited), null).problems(), "一级标题");
        assertEquals(lines.size() + 1, p.line());
        assertTrue(p.message().contains("第 " + (other + 1) + " 行已有"), p.toString());
    }

    @Test
    void unusableYearOrRegionOptionsAreRefused() {
        for (int year : new int[] {99, 12345, 0, -2024}) {
            ImportException e = assertThrows(ImportException.class,
                    () -> Importer.importText(TIANJIN, "x", new ImportOptions(year, null)));
            assertEquals("--year", e.problems().get(0).field());
        }
        for (String region : List.of("Tianjin", "../x", "", "pages", "a b", "-x")) {
            ImportException e = assertThrows(ImportException.class,
                    () -> Importer.importText(TIANJIN, "x", new ImportOptions(null, region)));
            assertEquals("--region", e.problems().get(0).field(), region);
        }
    }

    // ---- files that are not UTF-8 text --------------------------------------------------------------

    @Test
    void aGbkFileImportsAndAFileInNoKnownEncodingNamesTheFileLineAndByteOffset(@TempDir Path tmp) throws Exception {
        // the whole seed in GBK imports like the seed
        Path seed = tmp.resolve(seedName("004"));
        Files.write(seed, seedText("004").getBytes(Charset.forName("GBK")));
        ImportedDocument gbk = Importer.importFile(seed, null);
        assertEquals(List.of(), gbk.problems());
        assertEquals(Importer.importText(seedName("004"), seedText("004"), null), gbk);

        // Latin-1 bytes in a UTF-8 file: neither UTF-8 nor a Chinese encoding
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("line one\nline two\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("caf\u00e9 na\u00efve".getBytes(StandardCharsets.ISO_8859_1));
        Path latin = tmp.resolve("latin.txt");
        Files.write(latin, bytes.toByteArray());
        ImportException e = assertThrows(ImportException.class, () -> Importer.importFile(latin, null));
        ImportProblem p = e.problems().get(0);
        assertEquals("latin.txt", p.document());
        assertEquals(3, p.line());
        assertEquals("文件编码", p.field());
        assertTrue(p.message().startsWith("文件不是 UTF-8 文本：第 3 行（字节偏移 21）处的字节 E9"), p.message());

        // cut in the middle of a character
        byte[] utf8 = "第一行\n第二行".getBytes(StandardCharsets.UTF_8);
        ImportException cut = assertThrows(ImportException.class,
                () -> Importer.importBytes("cut.txt", java.util.Arrays.copyOf(utf8, utf8.length - 1), null));
        assertTrue(cut.getMessage().startsWith("cut.txt:2: 文件编码: 文件不是 UTF-8 文本：第 2 行（字节偏移 16）"),
                cut.getMessage());
    }

    @Test
    void damagedWordAndPdfFilesAreNamedAsSuch() {
        byte[] docx = {'P', 'K', 3, 4, 20, 0, 6, 0};
        byte[] pdf = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        for (var c : List.of(List.of(docx, "Word 文档"), List.of(pdf, "PDF 文件"))) {
            ImportException e = assertThrows(ImportException.class, () -> Importer.importBytes("a.docx", (byte[]) c.get(0), null));
            assertTrue(e.getMessage().startsWith("a.docx:1: 文件格式: 无法作为" + c.get(1) + "读取"), e.getMessage());
        }
        // UTF-16 text reads; this one is too short to be a disclosure
        byte[] utf16 = "\uFEFF衡水".getBytes(StandardCharsets.UTF_16LE);
        ImportException e = assertThrows(ImportException.class, () -> Importer.importBytes("a.txt", utf16, null));
        assertTrue(e.getMessage().startsWith("a.txt:1: 文件格式: "), e.getMessage());
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /** The one problem, which must be about {@code field}. */
    private static ImportProblem only(List<ImportProblem> problems, String field) {
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(field, problems.get(0).field(), problems.toString());
        return problems.get(0);
    }

    private static void assertRefused(String name, List<String> lines, int line, String field) {
        ImportException e = assertThrows(ImportException.class, () -> Importer.importText(name, String.join("\n", lines), null));
        ImportProblem last = e.problems().get(e.problems().size() - 1);
        assertEquals(line, last.line(), e.getMessage());
        assertEquals(field, last.field(), e.getMessage());
        assertNull(ImportOutcomes.unpositioned(name, lines.size(), e.problems()));
    }

    private static List<String> lines(String text) {
        return new ArrayList<>(List.of(text.split("\n", -1)));
    }

    private static List<String> edit(List<String> lines, UnaryOperator<List<String>> edit) {
        return edit.apply(new ArrayList<>(lines));
    }

    private static int indexStartingWith(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new IllegalStateException("no line starting with " + prefix);
    }
}
