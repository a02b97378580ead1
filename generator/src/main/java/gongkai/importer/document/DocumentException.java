package gongkai.importer.document;

import gongkai.content.Text;

/** A document that cannot be read: the line (1 when the whole file) and field it concerns, and why, in both languages. */
public final class DocumentException extends Exception implements Text.Carrier {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final String field;
    private final transient Text text;

    public DocumentException(int line, String field, Text message) {
        super(message.zh());
        this.line = line;
        this.field = field;
        this.text = message;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }

    @Override
    public Text text() {
        return text;
    }
}
