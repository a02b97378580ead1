package gongkai.site;

import gongkai.site.Views.Chart;
import gongkai.site.Views.ChartRow;
import gongkai.site.Views.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Bar charts of budget totals: an SVG with the table of the same figures beside it. */
final class Charts {
    /** Bars in a chart of departments; beyond it the largest are shown and the rest summed in one row. */
    static final int CHART_LIMIT = 40;

    private Charts() {
    }

    static Chart chart(String id, String title, String labelHeading, List<ChartRow> rows) {
        List<BarChart.Bar> bars = rows.stream()
                .map(r -> new BarChart.Bar(r.label(), r.money() == null ? null : new BigDecimal(r.money().plainYuan()),
                        r.money() == null ? "—" : r.money().wan() + " 万元"))
                .toList();
        return new Chart(id, title, BarChart.svg(id, title, bars), labelHeading, rows);
    }

    /**
     * Rows as they are when there are at most {@code limit}; else the {@code limit} largest (budget descending,
     * then in their given order) and one row summing the rest, so a chart stays readable with 1,000 departments.
     */
    static List<ChartRow> largestWithRest(List<ChartRow> rows, int limit) {
        if (rows.size() <= limit) {
            return rows;
        }
        List<ChartRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing((ChartRow r) -> r.money() == null)
                .thenComparing(r -> r.money() == null ? BigDecimal.ZERO : new BigDecimal(r.money().plainYuan()),
                        Comparator.reverseOrder()));
        List<ChartRow> shown = new ArrayList<>(sorted.subList(0, limit));
        List<ChartRow> rest = sorted.subList(limit, sorted.size());
        BigDecimal sum = BigDecimal.ZERO;
        boolean any = false;
        for (ChartRow r : rest) {
            if (r.money() != null) {
                sum = sum.add(new BigDecimal(r.money().plainYuan()));
                any = true;
            }
        }
        shown.add(new ChartRow("其余 " + rest.size() + " 个部门合计", null, any ? Money.ofYuan(sum) : null));
        return List.copyOf(shown);
    }
}
