package gongkai.load;

import gongkai.content.ColumnType;
import gongkai.content.Content;
import gongkai.content.DataTable;
import gongkai.content.Department;
import gongkai.content.DepartmentYear;
import gongkai.content.Indicator;
import gongkai.content.MoneyUnit;
import gongkai.content.Page;
import gongkai.content.Project;
import gongkai.content.Region;
import gongkai.content.Section;
import gongkai.content.SourceRef;
import gongkai.content.TargetParser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentLoaderTest {
    static final Path TEST_SITE = Path.of("generator/src/test/resources/sites/test-site");

    @Test
    void testSiteLoadsWithoutProblems() throws Exception {
        LoadResult result = ContentLoader.load(TEST_SITE);
        assertEquals(List.of(), result.errors());
        assertEquals(List.of(), result.warnings());
        Content c = result.content();

        assertEquals("公开 · 预算绩效目标公开数据", c.site().title());
        assertEquals("https://example.org/", c.site().baseUrl());
        assertEquals(List.of(new Page("about", "关于本站",
                "# 关于本站\n\n本站把政府部门公开的项目支出绩效目标表整理成开放数据。\n")), c.pages());
        // Sorted by slug, whatever the file system's order.
        assertEquals(List.of(new Region("hengshui", "衡水市", null), new Region("tianjin", "天津市", null)), c.regions());
        assertEquals(List.of("467", "362303"), c.departments().stream().map(Department::code).toList());
        assertEquals("执法总队", c.departments().get(1).shortName());
        assertEquals("衡水市生态环境局负责全市生态环境保护工作。\n\n数据来自其2020年部门预算信息公开情况说明。",
                c.departments().get(0).description());
    }

    @Test
    void amountsAreExactDecimalsAsPrintedAndAbsentPartsStayAbsent() throws Exception {
        Content c = ContentLoader.load(TEST_SITE).content();
        DepartmentYear tianjin = c.departmentYears().get(1);
        assertEquals("362303", tianjin.departmentCode());
        assertEquals(2024, tianjin.year());
        Project p = tianjin.projects().get(0);
        assertEquals("362303-2024-001", p.id());
        assertEquals(MoneyUnit.WAN_YUAN, p.budget().unit());
        // 6.00 keeps its scale (a double would print 6.0) and is 60000.00 元.
        assertEquals("6.00", p.budget().total().value().toPlainString());
        assertEquals(new BigDecimal("60000.00"), p.budget().fiscal().yuan());
        assertNull(p.budget().other(), "其他资金 is blank in the source");
        assertEquals(new SourceRef("tianjin/362303/001_88a8ef7fc06e4953.txt",
                "1.2024年度天津市辐射环境执法安全防护能力提升项目绩效目标表", 1), p.source());
        Indicator first = p.indicators().get(0);
        assertEquals("4台", first.target());
        assertEquals(TargetParser.parse("4台"), first.parsed());
        assertNull(first.basis());
    }

    @Test
    void projectWithoutBudgetSectionsAndTypedTableLoad() throws Exception {
        DepartmentYear hs = ContentLoader.load(TEST_SITE).content().departmentYears().get(0);
        assertEquals("hengshui", hs.regionSlug());
        assertEquals(2020, hs.year());
        Project p = hs.projects().get(0);
        assertNull(p.budget());
        assertEquals("1、为京津冀及周边地区大气重污染总体解决方案和实现京津冀空气质量的根本好转提供有效、可靠的基础保障\n"
                + "2、支撑完成大气重污染成因与治理攻关的既定目标", p.goals());
        assertEquals("依据合同要求", p.indicators().get(0).basis());

        Section duties = hs.sections().get(0);
        assertEquals(new SourceRef("hengshui/467/004_78c252e0298264e9.txt", "一、部门职责及机构设置情况", 4), duties.source());

        DataTable assets = hs.tables().get(1);
        assertEquals("assets", assets.id());
        assertEquals(ColumnType.DECIMAL, assets.columns().get(2).type());
        assertEquals("万元", assets.columns().get(2).unit());
        assertEquals("hengshui/467/004_78c252e0298264e9.txt", assets.source().document());
        // Every row has every column, in column order; blank cells are null.
        assertEquals(Arrays.asList("   其中：办公用房（平方米）", null, null),
                new java.util.ArrayList<>(assets.rows().get(2).values()));
        assertEquals(List.of("item", "quantity", "value"), List.copyOf(assets.rows().get(2).keySet()));
        assertEquals("448", assets.rows().get(1).get("quantity"));
        assertEquals("39.4", assets.rows().get(1).get("value"));
        assertTrue(assets.rows().get(0).get("quantity").equals("——"));
    }
}
