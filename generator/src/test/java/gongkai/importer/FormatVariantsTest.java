package gongkai.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gongkai.content.Project;
import gongkai.testing.Seeds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Common variants of the Tianjin layout read like the seed: 1、 and （一） numbering, 万元 inside a longer unit line. */
class FormatVariantsTest {
    @Test
    void numberingAndUnitLineVariantsImportTheSameProjects() throws Exception {
        String seed = Files.readString(Seeds.seed("001"), StandardCharsets.UTF_8);
        ImportedDocument expected = Importer.importText("001.txt", seed, null);
        String variant = seed
                .replaceAll("(?m)^( \\[bookmark: [^]]*])1\\.", "$1（一）")
                .replaceAll("(?m)^( \\[bookmark: [^]]*])([2-9])\\.", "$1$2、")
                .replace("\t单位：万元", "\t金额单位：万元（保留两位小数）");
        ImportedDocument actual = Importer.importText("001.txt", variant, null);
        assertEquals(List.of(), actual.problems());
        List<Project> e = expected.departmentYears().get(0).projects();
        List<Project> a = actual.departmentYears().get(0).projects();
        assertEquals(e.size(), a.size());
        for (int i = 0; i < e.size(); i++) {
            assertEquals(e.get(i).name(), a.get(i).name());
            assertEquals(e.get(i).budget(), a.get(i).budget());
            assertEquals(e.get(i).indicators(), a.get(i).indicators());
        }
        assertEquals("（一）2024年度天津市辐射环境执法安全防护能力提升项目绩效目标表", a.get(0).source().heading());
        assertEquals(2, TianjinImporter.chineseNumber("二"));
        assertEquals(12, TianjinImporter.chineseNumber("十二"));
        assertEquals(30, TianjinImporter.chineseNumber("三十"));
    }

    @Test
    void anUnknownLayoutIsReportedTableByTable() throws Exception {
        String seed = Files.readString(Seeds.seed("001"), StandardCharsets.UTF_8);
        // the unit code cut to five digits: no table is a Tianjin table any more
        String unknown = seed.replace("\t362303天津市", "\t36230天津市");
        ImportException e = org.junit.jupiter.api.Assertions.assertThrows(ImportException.class,
                () -> Importer.importText("x.docx", unknown, null));
        List<String> messages = e.problems().stream().map(ImportProblem::toString).toList();
        assertEquals("x.docx:1: 文件格式: 既不是天津的项目支出绩效目标表（标题“1.…绩效目标表”或“1、…”“（一）…”，其下一行是"
                + "“<6 位预算单位编码><单位名称>”），也不是衡水的部门预算公开文件（含“部门预算信息公开”和指标表）；以下是认出与未认出的部分",
                messages.get(0));
        assertEquals("x.docx:2: 表格: 第 1 个表格（5 行，首个单元格“36230天津市生态环境保护综合行政执法总队”）：标题“[bookmark: _Toc157675417]"
                + "1.2024年度天津市辐射环境执法安全防护能力提升项目绩效目标表”之后的表格第 1 行不是“<6 位预算单位编码><单位名称>”；"
                + "没有预算单位行，没有指标表头", messages.get(1));
        assertEquals("x.docx:24: 表格: 第 2 个表格（7 行，首个单元格“一级指标”）：没有预算单位行，认出了指标表头（一级指标 二级指标 三级指标）",
                messages.get(2));
    }
}
