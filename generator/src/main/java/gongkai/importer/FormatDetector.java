package gongkai.importer;

import java.util.List;
import java.util.Optional;

/** Tells which source format a plain-text export is in, from its text alone. */
public final class FormatDetector {
    /** The source formats the importers read. */
    public enum Format {
        /** 天津: one 项目支出绩效目标表 per project, headed {@code N.…绩效目标表} + unit line + 单位：元|万元. */
        TIANJIN,
        /** 衡水: a 部门预算信息公开 document with Word TOC field codes and 6-column indicator tables. */
        HENGSHUI
    }

    private FormatDetector() {
    }

    /**
     * The format of the text, or empty when it looks like neither (or, ambiguously, like both).
     * Tianjin: some heading {@code N.…绩效目标表} followed by a TAB unit line {@code <6-digit code><name>}
     * and a TAB {@code 单位：元|万元} line. Hengshui: mentions 部门预算信息公开 and has TC field codes or
     * the 指标值确定依据 column. Linear in the length of the text (see {@link WordMarkup}).
     */
    public static Optional<Format> detect(String text) {
        List<String> lines = TianjinImporter.lines(text);
        boolean tianjin = looksTianjin(lines);
        boolean hengshui = text.contains("部门预算信息公开")
                && (text.contains("指标值确定依据") || lines.stream().anyMatch(WordMarkup::hasTcField));
        if (tianjin == hengshui) {
            return Optional.empty();
        }
        return Optional.of(tianjin ? Format.TIANJIN : Format.HENGSHUI);
    }

    private static boolean looksTianjin(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (TianjinImporter.isHeadingAt(lines, i) && hasMoneyUnitAfter(lines, i)) {
                return true;
            }
        }
        return false;
    }

    /** The second TAB line after the heading (the first is the unit line) is 单位：元 or 单位：万元. */
    private static boolean hasMoneyUnitAfter(List<String> lines, int heading) {
        int cells = 0;
        for (int j = heading + 1; j < lines.size() && cells < 2; j++) {
            String line = lines.get(j);
            if (line.startsWith("\t")) {
                cells++;
                if (cells == 2) {
                    return TianjinImporter.MONEY_UNIT.matcher(
                            TianjinImporter.squeezed(TianjinImporter.cellLineText(line))).matches();
                }
            }
        }
        return false;
    }
}
