package gongkai.content;

import java.io.IOException;

/** An I/O failure whose message is a {@link Text}: the folder given cannot be read or written as asked. */
public class TextIOException extends IOException implements Text.Carrier {
    private final transient Text text;

    public TextIOException(Text text) {
        super(text.zh());
        this.text = text;
    }

    @Override
    public Text text() {
        return text;
    }
}
