package gongkai.load;

import gongkai.content.Content;
import java.nio.file.Path;

/** Where the load stage gets the content from: the YAML loader for real builds, a fixed model in tests. */
@FunctionalInterface
public interface ContentSource {
    /** The model (a fixed one in tests); problems, if any, are the validate stage's to report. */
    Content load(Path contentDir) throws Exception;

    /** The model with what loading found: problems and positions. A fixed model has neither. */
    default LoadResult read(Path contentDir) throws Exception {
        return LoadResult.of(load(contentDir));
    }

    /** The YAML content tree via {@link ContentLoader}: its problems go to the validate stage, which fails on them. */
    static ContentSource yaml() {
        return new ContentSource() {
            @Override
            public Content load(Path contentDir) throws Exception {
                return read(contentDir).content();
            }

            @Override
            public LoadResult read(Path contentDir) throws Exception {
                return ContentLoader.load(contentDir);
            }
        };
    }
}
