package gongkai.site;

import java.util.List;

/**
 * The figures of one page's chart as its CSV publishes them: exactly the chart's bars, in the chart's order (the
 * row summing the rest included). The export stage writes it beside the page ({@link gongkai.content.Urls#chartData}).
 *
 * @param path         site path of the CSV
 * @param labelHeading what a row is: 部门, 年度, 项目
 * @param rows         the bars, top to bottom
 */
public record ChartData(String path, String labelHeading, List<Row> rows) {
    public ChartData {
        rows = List.copyOf(rows);
    }

    /**
     * One bar: its label; its amount in 万元 as the chart prints it (two decimals, not grouped) and exactly in 元
     * (both null: 未列); what the figure is when it is not a plain sum (the department's own 项目支出, a sum of
     * the rest, 未列), else null.
     */
    public record Row(String label, String wan, String yuan, String note) {
    }
}
