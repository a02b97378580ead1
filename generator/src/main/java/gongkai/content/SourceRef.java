package gongkai.content;

/**
 * Where a figure comes from: the source document's file name, the heading (or table title) as
 * printed, and the 1-based line in that document. Every page cites this.
 */
public record SourceRef(String document, String heading, int line) {
}
