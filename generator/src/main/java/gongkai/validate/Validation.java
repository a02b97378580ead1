package gongkai.validate;

import gongkai.content.Problem;
import gongkai.load.ContentLoader;
import gongkai.load.LoadResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one validation {@code gongkai validate} and the build's load + validate stages share: the loader's checks of
 * each file, then — once every file reads cleanly — the checks across files ({@link ContentChecks}). Checks across
 * files wait for a clean load because a file that failed to read is missing from the model, and every reference
 * to it would be reported again as a second, misleading error.
 */
public final class Validation {
    private Validation() {
    }

    /** The content with every error and warning, sorted by file, line and column. */
    public record Result(LoadResult loaded, List<Problem> errors, List<Problem> warnings) {
        public boolean ok() {
            return errors.isEmpty();
        }

        /** Errors and warnings together, in output order. */
        public List<Problem> all() {
            List<Problem> all = new ArrayList<>(errors);
            all.addAll(warnings);
            return all.stream().sorted(Problem.ORDER).toList();
        }
    }

    /** Loads {@code contentDir} and checks it. An IOException means the directory itself could not be read. */
    public static Result check(Path contentDir) throws IOException {
        return check(ContentLoader.load(contentDir), contentDir);
    }

    /** Checks what was loaded from {@code contentDir} (the build's load stage hands over its result). */
    public static Result check(LoadResult loaded, Path contentDir) {
        List<Problem> errors = new ArrayList<>(loaded.errors());
        if (errors.isEmpty()) {
            errors.addAll(ContentChecks.check(loaded.content(), loaded.positions(), contentDir));
        }
        return new Result(loaded, errors.stream().sorted(Problem.ORDER).toList(), loaded.warnings());
    }
}
