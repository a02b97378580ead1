package gongkai.content;

/**
 * A Markdown page from {@code content/pages/<slug>.md} (about, data guide), with its English twin
 * {@code <slug>.en.md} when there is one.
 *
 * @param slug     file name without .md; the page lives at /{slug}/ (the English edition's at /en/{slug}/)
 * @param title    from the first level-1 heading
 * @param markdown the page text
 * @param english  the English twin, shown at /en/{slug}/; null: the English edition shows the Chinese text under a
 *                 notice that the page is in Chinese only
 */
public record Page(String slug, String title, String markdown, Twin english) {
    /** A page without an English twin. */
    public Page(String slug, String title, String markdown) {
        this(slug, title, markdown, null);
    }

    /** The same page with {@code english} as its English twin. */
    public Page withEnglish(Twin english) {
        return new Page(slug, title, markdown, english);
    }

    /**
     * A page's translation, from {@code <slug>.en.md} beside it: the same page in another language (same slug, same
     * place in the menu), its own title line and text.
     */
    public record Twin(String title, String markdown) {
    }
}
