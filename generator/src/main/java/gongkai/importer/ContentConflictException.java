package gongkai.importer;

import gongkai.content.Text;
import gongkai.content.TextIOException;
import java.nio.file.Path;
import java.util.List;

/** An import would overwrite content files that differ from what it would write; nothing was written. */
public final class ContentConflictException extends TextIOException {
    private final List<Path> conflicts;

    public ContentConflictException(Text message, List<Path> conflicts) {
        super(message);
        this.conflicts = List.copyOf(conflicts);
    }

    /** The existing files that differ. */
    public List<Path> conflicts() {
        return conflicts;
    }
}
