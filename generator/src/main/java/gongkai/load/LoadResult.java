package gongkai.load;

import gongkai.content.Content;
import gongkai.content.Problem;

import java.util.List;

/**
 * The loaded content and every problem found on the way. {@code content} holds whatever could be read
 * (files with errors are read as far as possible); build only from it when {@link #ok()}.
 */
public record LoadResult(Content content, List<Problem> errors, List<Problem> warnings) {
    public LoadResult {
        errors = errors.stream().sorted(Problem.ORDER).toList();
        warnings = warnings.stream().sorted(Problem.ORDER).toList();
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
