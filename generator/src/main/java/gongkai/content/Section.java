package gongkai.content;

/**
 * A prose section of a department-year (部门职责, 收入说明, 机关运行经费 …) as Markdown.
 *
 * @param id       stable machine name, e.g. {@code duties}
 * @param title    Chinese heading as printed
 * @param markdown the text, Markdown
 * @param source   where the section starts in the source document
 */
public record Section(String id, String title, String markdown, SourceRef source) {
}
