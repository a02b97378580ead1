package gongkai.importer;

import gongkai.content.ColumnType;
import gongkai.content.Text;
import gongkai.load.ContentLoader;

/**
 * The numbers the importer takes from a document, held to the loader's rules so that whatever imports also
 * validates: amounts and decimal cells are plain ASCII decimals ({@code -?[0-9]+(\.[0-9]+)?}, as
 * {@link ContentLoader} checks them; {@code new BigDecimal} would also take {@code 1e5}, {@code +5},
 * {@code 5.} or Arabic-Indic digits), integers are ASCII digits; both no longer than
 * {@link #MAX_LENGTH} characters, since the loader, the exporter and the target parser turn them into
 * {@code BigDecimal}s, whose parsing takes quadratic time in the number of digits.
 */
final class PrintedNumbers {
    /** Far more digits than any budget figure has (a trillion yuan has 13). */
    static final int MAX_LENGTH = 32;

    private PrintedNumbers() {
    }

    /** Why {@code printed} cannot be an amount or decimal cell, or null when it can. */
    static Text decimalProblem(String printed) {
        return problem(printed, ColumnType.DECIMAL);
    }

    /** Why {@code printed} cannot be an integer cell, or null when it can. */
    static Text integerProblem(String printed) {
        return problem(printed, ColumnType.INTEGER);
    }

    private static Text problem(String printed, ColumnType type) {
        boolean integer = type == ColumnType.INTEGER;
        if (!ContentLoader.matchesType(printed, type)) {
            return Text.of("'" + abbreviated(printed) + "' 不是" + (integer ? "整数" : "普通的十进制数")
                    + "（只能用半角数字 0-9" + (integer ? "" : "、可带小数点") + "，负数前加 -；"
                    + "不能用科学计数法、全角或其他文字的数字、千位分隔符，例如 "
                    + (integer ? "12" : "6.00") + "）", "'" + abbreviated(printed) + "' is not "
                    + (integer ? "a whole number" : "a plain decimal number") + " (only half-width digits 0-9"
                    + (integer ? "" : ", optionally a decimal point") + ", a - before a negative number; no scientific "
                    + "notation, full-width or other scripts' digits, or thousands separators; e.g. "
                    + (integer ? "12" : "6.00") + ")");
        }
        if (printed.length() > MAX_LENGTH) {
            return Text.of("'" + abbreviated(printed) + "' 有 " + printed.length() + " 个字符，超过数字的上限 " + MAX_LENGTH + " 个",
                    "'" + abbreviated(printed) + "' has " + printed.length() + " characters, more than a number's "
                    + MAX_LENGTH);
        }
        return null;
    }

    /**
     * The value of a run of ASCII digits when it fits an {@code int} without doubt (at most nine digits),
     * else -1; never throws (Integer.parseInt would for 99999999999, and take non-ASCII digits).
     */
    static int smallInt(String digits) {
        if (digits.isEmpty() || digits.length() > 9) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** The start and end of a long text, for messages. */
    static String abbreviated(String s) {
        return s.length() <= 60 ? s : s.substring(0, 28) + "…" + s.substring(s.length() - 28);
    }
}
