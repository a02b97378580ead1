package gongkai.importer;

import gongkai.content.DocumentText;
import gongkai.importer.document.DocumentException;
import gongkai.importer.document.SourceDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A source document read into its text rendering ({@link SourceDocument}): Word, Excel, PDF or text in any of the
 * encodings Chinese disclosures are saved in; what cannot be read is an {@link ImportException} naming the file,
 * line and why, instead of a bare {@code MalformedInputException} or replacement characters.
 */
public final class SourceText {
    private SourceText() {
    }

    /** The document read from its bytes; an {@link ImportException} when it cannot be. */
    public static SourceDocument read(String document, byte[] bytes) throws ImportException {
        try {
            return SourceDocument.read(document, bytes);
        } catch (DocumentException e) {
            throw new ImportException(new ImportProblem(document, e.line(), e.field(), e.text()));
        }
    }

    /** The text rendering of {@code file}. */
    public static String read(Path file) throws IOException, ImportException {
        return read(file.getFileName().toString(), Files.readAllBytes(file)).text();
    }

    /**
     * Lines as the seeds' line numbers count them: split at LF, CRLF or CR; a leading byte-order mark dropped.
     * A line break at the very end does not start another line ({@code Files.readAllLines}' rule).
     */
    static List<String> lines(String text) {
        return DocumentText.lines(text);
    }
}
