package gongkai.load;

import gongkai.content.Content;
import gongkai.content.Problem;

import java.util.List;

/**
 * The loaded content, every problem found on the way, and where the values that checks across files report on
 * were found. {@code content} holds whatever could be read (files with errors are read as far as possible); build
 * only from it when {@link #ok()} and the validate stage passed.
 */
public record LoadResult(Content content, List<Problem> errors, List<Problem> warnings, Positions positions) {
    public LoadResult {
        errors = errors.stream().sorted(Problem.ORDER).toList();
        warnings = warnings.stream().sorted(Problem.ORDER).toList();
    }

    /** A model that did not come from files (a test's fixed content): no problems, no positions. */
    public static LoadResult of(Content content) {
        return new LoadResult(content, List.of(), List.of(), Positions.NONE);
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
