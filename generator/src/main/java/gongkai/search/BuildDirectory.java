package gongkai.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;

/**
 * The directory the build writes its Lucene index through. The index is a build product that every build
 * recreates from the content, so it needs no durability: commits do not fsync (at 100,000 projects that was
 * 2 × 320 MB forced to disk on the index stage's critical path; the published site's files are not fsynced
 * either). Segment files added from the writer threads' part directories are hard-linked, not copied: the parts
 * are deleted right after. Where a link cannot be made (another file system), the file is copied as before.
 */
final class BuildDirectory extends FilterDirectory {
    private final Path path;

    private BuildDirectory(FSDirectory in) {
        super(in);
        this.path = in.getDirectory();
    }

    static BuildDirectory open(Path dir) throws IOException {
        return new BuildDirectory(FSDirectory.open(dir));
    }

    @Override
    public void sync(Collection<String> names) {
        // not durable on purpose (see the class comment)
    }

    @Override
    public void syncMetaData() {
        // not durable on purpose (see the class comment)
    }

    @Override
    public void copyFrom(Directory from, String src, String dest, IOContext context) throws IOException {
        if (from instanceof BuildDirectory source) {
            Path target = path.resolve(dest);
            try {
                Files.createLink(target, source.path.resolve(src));
                return;
            } catch (UnsupportedOperationException | java.nio.file.FileSystemException noLinkHere) {
                Files.deleteIfExists(target); // then copy, as Lucene would
            }
        }
        super.copyFrom(from, src, dest, context);
    }
}
