package gongkai.importer;

/**
 * Something in the source the importer could not place or accept: reported with its document and line
 * (1-based), and the field it concerns where there is one; never dropped silently.
 *
 * @param field what the problem is about (a label such as 预算数, a column title), or null
 */
public record ImportProblem(String document, int line, String field, String message) {
    public ImportProblem(String document, int line, String message) {
        this(document, line, null, message);
    }

    /** {@code document:line: field: message}, or {@code document:line: message} without a field. */
    @Override
    public String toString() {
        return document + ":" + line + ": " + (field == null ? "" : field + ": ") + message;
    }
}
