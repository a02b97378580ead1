package gongkai.importer.document;

/** A document that cannot be read: the line (1 when the whole file) and field it concerns, and why, in Chinese. */
public final class DocumentException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final String field;

    public DocumentException(int line, String field, String message) {
        super(message);
        this.line = line;
        this.field = field;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }
}
