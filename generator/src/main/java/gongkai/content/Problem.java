package gongkai.content;

import java.util.Comparator;

/**
 * One thing wrong (or suspicious) in the content, located so an editor can jump to it.
 *
 * @param path     the file, as the content directory was given plus the relative path
 * @param line     1-based line
 * @param column   1-based column
 * @param field    dotted path of the field, e.g. {@code projects[3].budget.total} (0-based indexes); empty
 *                 when the problem concerns the whole file
 * @param text     what is wrong and what to type instead, in both languages
 * @param severity errors fail validation, warnings do not
 */
public record Problem(String path, int line, int column, String field, Text text, Severity severity) {

    public enum Severity { ERROR, WARNING }

    /** By path, line, column, then message, so output is stable. */
    public static final Comparator<Problem> ORDER = Comparator.comparing(Problem::path)
            .thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column)
            .thenComparing(Problem::field)
            .thenComparing(Problem::message);

    /** What is wrong, in Chinese. */
    public String message() {
        return text.zh();
    }

    /** {@code path:line:column: field: message}, or {@code path:line:column: field: 警告：message}. */
    public String format() {
        return format(Lang.ZH);
    }

    /** As {@link #format()}, in {@code lang}: {@code path:line:column: field: warning: message} in English. */
    public String format(Lang lang) {
        StringBuilder b = new StringBuilder();
        b.append(path).append(':').append(line).append(':').append(column).append(": ");
        if (!field.isEmpty()) {
            b.append(field).append(": ");
        }
        if (severity == Severity.WARNING) {
            b.append(lang == Lang.EN ? "warning: " : "警告：");
        }
        return b.append(text.in(lang)).toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
