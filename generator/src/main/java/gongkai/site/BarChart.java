package gongkai.site;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A horizontal bar chart as inline SVG, generated at build time (no JS, no CDN). Labels sit above their bar so
 * long Chinese department names fit on a phone. Accessible: role="img" with a title; the page shows the same
 * figures in a table beside it.
 */
public final class BarChart {
    private static final int WIDTH = 400;
    private static final int ROW = 46;
    private static final int BAR = 18;
    private static final int VALUE_SPACE = 120;

    /** One bar: label, value in 元 (bar length) and the printed value (shown at the bar's end). */
    public record Bar(String label, BigDecimal value, String valueText) {
    }

    private BarChart() {
    }

    /** @param id unique on the page: the title element's id for aria-labelledby */
    public static String svg(String id, String title, List<Bar> bars) {
        BigDecimal max = BigDecimal.ZERO;
        for (Bar bar : bars) {
            if (bar.value() != null && bar.value().compareTo(max) > 0) {
                max = bar.value();
            }
        }
        int height = Math.max(ROW, bars.size() * ROW) + 8;
        int usable = WIDTH - VALUE_SPACE;
        StringBuilder svg = new StringBuilder(512 + bars.size() * 300);
        svg.append("<svg class=\"chart\" role=\"img\" aria-labelledby=\"").append(id).append("-title\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" xmlns=\"http://www.w3.org/2000/svg\">")
                .append("<title id=\"").append(id).append("-title\">").append(Html.escape(title)).append("</title>");
        int y = 0;
        for (Bar bar : bars) {
            int length = 0;
            if (bar.value() != null && max.signum() > 0 && bar.value().signum() > 0) {
                length = Math.max(1, bar.value().multiply(BigDecimal.valueOf(usable))
                        .divide(max, 0, RoundingMode.HALF_UP).intValue());
            }
            svg.append("<g><text x=\"0\" y=\"").append(y + 16).append("\" class=\"chart-label\">")
                    .append(Html.escape(bar.label())).append("</text>")
                    .append("<rect x=\"0\" y=\"").append(y + 22).append("\" width=\"").append(length)
                    .append("\" height=\"").append(BAR).append("\" class=\"chart-bar\"></rect>")
                    .append("<text x=\"").append(length + 6).append("\" y=\"").append(y + 36)
                    .append("\" class=\"chart-value\">").append(Html.escape(bar.valueText())).append("</text></g>");
            y += ROW;
        }
        svg.append("</svg>");
        return svg.toString();
    }
}
