package gongkai.load;

import gongkai.content.Content;
import gongkai.content.Problem;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Where the load stage gets the content from: the YAML loader for real builds, a fixed model in tests. */
@FunctionalInterface
public interface ContentSource {
    Content load(Path contentDir) throws Exception;

    /** The YAML content tree via {@link ContentLoader}; fails listing every error as path:line:column: field: message. */
    static ContentSource yaml() {
        return contentDir -> {
            LoadResult result = ContentLoader.load(contentDir);
            if (!result.ok()) {
                throw new IllegalStateException(result.errors().size() + " content error(s):\n  "
                        + result.errors().stream().map(Problem::format).collect(Collectors.joining("\n  ")));
            }
            return result.content();
        };
    }
}
