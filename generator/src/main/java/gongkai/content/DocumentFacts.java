package gongkai.content;

import java.time.LocalDate;

/**
 * What a year file says about its source document besides where the text lies ({@code document:}): the keys
 * {@code document_url}, {@code document_published} and {@code document_original}, each optional (the source page
 * says 未提供 for what is missing).
 *
 * @param url       the document's address on the agency's website (http or https), or null
 * @param published the day the agency published it, or null
 * @param original  the original file (.docx, .pdf …) in the department's source folder, written like
 *                  {@code document:} ({@code tianjin/362303/2024.docx}), when {@code document:} is its text; or null
 */
public record DocumentFacts(String url, LocalDate published, String original) {
    /** Nothing is known beyond the text. */
    public static final DocumentFacts NONE = new DocumentFacts(null, null, null);

    public boolean isEmpty() {
        return url == null && published == null && original == null;
    }
}
