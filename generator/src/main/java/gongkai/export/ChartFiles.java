package gongkai.export;

import gongkai.pipeline.BuildContext;
import gongkai.pipeline.DataFiles;
import gongkai.pipeline.Utf8Bytes;
import gongkai.site.ChartData;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The CSV behind each page's chart, beside the page: exactly the chart's rows, in its order. One file, made for
 * the people who click 下载图表数据 and open it in Excel or WPS: a UTF-8 BOM and Chinese column titles, like the
 * Excel twins (there is no English twin: the whole-dataset files are the data for programs).
 */
public final class ChartFiles {
    private ChartFiles() {
    }

    static List<Field> fields(String labelHeading) {
        return List.of(Field.string("label", labelHeading, "图中的一条"),
                Field.number("amount_wan", "金额（万元）", "图中所注的金额，万元，两位小数"),
                Field.number("amount_yuan", "金额（元）", "精确金额，元"),
                Field.string("note", "说明", "金额不是项目预算数之和时的说明：部门预算表所列项目支出、其余合计、未列"));
    }

    /** The chart's CSV bytes. */
    public static byte[] csv(ChartData chart) {
        List<Field> fields = fields(chart.labelHeading());
        Utf8Bytes out = new Utf8Bytes(256 + chart.rows().size() * 96);
        out.write(Csv.BOM, 0, Csv.BOM.length);
        Csv.excelHeader(out, fields);
        for (ChartData.Row row : chart.rows()) {
            Csv.record(out, fields, java.util.Arrays.asList(row.label(), row.wan(), row.yuan(), row.note()));
        }
        return out.toByteArray();
    }

    /** The charts' CSVs as the downloads page lists them (path and size; made, not written). */
    public static List<DataFiles.File> catalog(List<ChartData> charts) {
        return charts.stream().map(c -> new DataFiles.File(c.path(), csv(c).length)).toList();
    }

    /**
     * Writes the charts' CSVs; with {@code previous} (an incremental build's last site) only those that changed,
     * the others are already in the served folder.
     *
     * @return how many were written
     */
    static int write(BuildContext context, List<ChartData> charts, List<ChartData> previous) throws IOException {
        Set<ChartData> unchanged = previous == null ? Set.of() : new HashSet<>(previous);
        int written = 0;
        for (ChartData chart : charts) {
            if (!unchanged.contains(chart)) {
                context.write(chart.path(), csv(chart));
                written++;
            }
        }
        return written;
    }
}
