package gongkai.render;

import gongkai.site.Markdown;
import gongkai.site.MoneyFormat;
import gongkai.site.TargetText;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.content.TargetComparator;
import gongkai.content.ParsedTarget;
import gongkai.content.TargetKind;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderBasicsTest {
    public record Item(String name, BigDecimal amount) {
    }

    @Test
    void freemarkerExposesRecordComponentsAsPropertiesAndEscapesHtml(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.ftlh"), "<#list items as i>${i.name}=${i.amount()}|</#list>");
        Templates templates = new Templates(dir);
        String out = templates.render("t.ftlh", Map.of("items",
                List.of(new Item("<b>甲</b>", new BigDecimal("1.50")), new Item("乙", new BigDecimal("1234567")))));
        assertEquals("&lt;b&gt;甲&lt;/b&gt;=1.5|乙=1234567|", out, "escaped, and numbers not locale-formatted");
    }

    @Test
    void templateErrorsAreThrownNotPrinted(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.ftlh"), "line one\n${missing.field}");
        Exception e = assertThrows(Exception.class, () -> new Templates(dir).render("bad.ftlh", Map.of()));
        assertTrue(e.getMessage().contains("bad.ftlh") && e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void moneyIsShownInWanYuanWithTwoDecimalsAndThousandsSeparators() {
        // Seed 000: 预算数 2255000.00 元 = 225.50 万元.
        assertEquals("225.50", MoneyFormat.wan(new BigDecimal("2255000.00")));
        assertEquals("2,255,000.00", MoneyFormat.yuan(new BigDecimal("2255000.00")));
        assertEquals("2255000.00", MoneyFormat.plainYuan(new BigDecimal("2255000")));
        assertEquals("1,234.56", MoneyFormat.wan(new BigDecimal("12345600.00")));
        assertEquals("42.47", MoneyFormat.wan(new BigDecimal("424741.00")), "half-up to the cent of 万元");
        assertEquals("0.00", MoneyFormat.wan(BigDecimal.ZERO));
        assertEquals("1,234,567.891", MoneyFormat.yuan(new BigDecimal("1234567.891")), "exact 元 keeps extra digits");
        assertEquals("-1,000.00", MoneyFormat.yuan(new BigDecimal("-1000")));
    }

    @Test
    void parsedTargetsReadLikeThePrintedOnes() {
        assertEquals("≥ 90 %", TargetText.describe(new ParsedTarget(TargetKind.NUMBER, TargetComparator.GE, new BigDecimal("90"),
                null, "%", null, null, null)));
        assertEquals("4 台", TargetText.describe(new ParsedTarget(TargetKind.NUMBER, null, new BigDecimal("4"), null, "台",
                null, null, null)));
        assertEquals("90 ~ 95 %", TargetText.describe(new ParsedTarget(TargetKind.RANGE, TargetComparator.RANGE, new BigDecimal("90"),
                new BigDecimal("95"), "%", null, null, null)));
        assertEquals("截止 2025-12-31", TargetText.describe(new ParsedTarget(TargetKind.DATE, TargetComparator.LE, null, null, null,
                LocalDate.of(2025, 12, 31), null, null)));
        assertEquals("≥ 100（按文件要求执行）", TargetText.describe(new ParsedTarget(TargetKind.NUMBER, TargetComparator.GE,
                new BigDecimal("100"), null, null, null, null, "按文件要求执行")));
        assertEquals("定性", TargetText.describe(ParsedTarget.qualitative()));
    }

    @Test
    void markdownEscapesRawHtmlAndUnsafeLinksAndShiftsHeadings() {
        Markdown md = new Markdown();
        String html = md.render("# 标题\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))\n", 3);
        assertTrue(html.contains("<h3>标题</h3>"), html);
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("href=\"javascript"), html);
        assertEquals("<h3>甲</h3>\n<h4>乙</h4>\n", md.render("### 甲\n\n#### 乙\n", 3), "no skipped level below the section");
        // a page's headings carry ids (prefixed h-, so none can be a layout id such as "main"); repeated text stays unique
        assertEquals("<p>正文</p>\n<h2 id=\"h-小节\">小节</h2>\n<h2 id=\"h-另一节\">另一节</h2>\n<h3 id=\"h-细节\">细节</h3>\n"
                        + "<h2 id=\"h-main\">main</h2>\n<h2 id=\"h-main-1\">main</h2>\n",
                md.renderPageBody("# 页面标题\n\n正文\n\n# 小节\n\n## 另一节\n\n### 细节\n\n## main\n\n## main\n"));
    }
}
