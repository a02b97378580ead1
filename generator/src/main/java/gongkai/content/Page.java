package gongkai.content;

/**
 * A Markdown page from {@code content/pages/<slug>.md} (about, data guide).
 *
 * @param slug     file name without .md; the page lives at /{slug}/
 * @param title    from the first level-1 heading
 * @param markdown the page text
 */
public record Page(String slug, String title, String markdown) {
}
