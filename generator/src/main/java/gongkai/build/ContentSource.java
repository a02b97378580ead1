package gongkai.build;

import gongkai.content.Content;
import java.nio.file.Path;

/** Where the load stage gets the content from: the YAML loader for real builds, a fixed model in tests. */
@FunctionalInterface
public interface ContentSource {
    Content load(Path contentDir) throws Exception;
}
