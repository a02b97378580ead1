package gongkai.serve;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The served folder as requests see it: paths are looked up by their real path (symbolic links resolved) and
 * must stay inside the folder's real path, and a lookup never sees a folder in the middle of being replaced.
 * <ul>
 * <li>Folders replaced by the dev server itself (the search index and whole-dataset downloads after an edit)
 * are swapped with {@link #exclusive}, which waits until no request is between looking a path up and opening
 * its file, and holds new lookups during the two renames.</li>
 * <li>A full build replaces the whole folder with two renames of its own ({@code SiteSwap}), in between which
 * the folder does not exist. A lookup that misses a file looks again when the folder is missing or is no longer
 * the one it started in (its file key or modification time changed), after waiting up to
 * {@link #SWAP_WAIT_MILLIS} ms for the folder to be back.</li>
 * </ul>
 * A file, once open, is read whole from that open file even if it is replaced or deleted meanwhile.
 */
final class ServedSite {
    static final long SWAP_WAIT_MILLIS = 2_000;

    /** What a request path leads to. */
    sealed interface Lookup permits Found, Redirect, Outside, Missing {
    }

    /** An open regular file inside the site (the caller closes it). */
    record Found(String name, FileChannel channel, long size) implements Lookup, AutoCloseable {
        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** A folder requested without its trailing slash. */
    record Redirect() implements Lookup {
    }

    /** A path that exists but whose real path leaves the site (through a symbolic link). */
    record Outside() implements Lookup {
    }

    record Missing() implements Lookup {
    }

    private final Path root;
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();

    ServedSite(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** An action on the served folder that may throw (e.g. renames). */
    @FunctionalInterface
    interface FolderAction {
        void run() throws IOException;
    }

    /** Runs {@code renames} while no lookup is in progress (lookups wait for it). Keep it to a few renames. */
    void exclusive(FolderAction renames) throws IOException {
        gate.writeLock().lock();
        try {
            renames.run();
        } finally {
            gate.writeLock().unlock();
        }
    }

    /**
     * Looks up {@code relative} (a decoded, validated path below the site: no dot segments, no NUL; "" for the
     * site's root). A folder gives its index.html when requested with a trailing slash, else a redirect.
     */
    Lookup lookup(String relative, boolean trailingSlash) throws IOException {
        for (int attempt = 0; attempt < 3; attempt++) {
            Object started = folderKey();
            if (started == null) {
                started = awaitFolder();
                if (started == null) {
                    return new Missing();
                }
            }
            Lookup found;
            gate.readLock().lock();
            try {
                found = find(relative, trailingSlash);
            } finally {
                gate.readLock().unlock();
            }
            if (!(found instanceof Missing) || Objects.equals(folderKey(), started)) {
                return found;
            }
            // the folder was replaced while looking: look again in the new one
        }
        return new Missing();
    }

    private Lookup find(String relative, boolean trailingSlash) throws IOException {
        Path realRoot;
        Path real;
        try {
            realRoot = root.toRealPath();
            int start = 0;
            while (start < relative.length() && relative.charAt(start) == '/') {
                start++; // "//etc/passwd" must not resolve to an absolute path
            }
            real = realRoot.resolve(relative.substring(start)).toRealPath();
        } catch (NoSuchFileException e) {
            return new Missing();
        } catch (FileSystemException e) {
            // not a folder on the way, a link loop, a name too long …: nothing to serve under that path
            return new Missing();
        }
        if (!real.startsWith(realRoot)) {
            return new Outside();
        }
        if (Files.isDirectory(real)) {
            if (!trailingSlash && !relative.isEmpty()) {
                return new Redirect();
            }
            Path index = real.resolve("index.html");
            try {
                real = index.toRealPath();
            } catch (NoSuchFileException e) {
                return new Missing();
            }
            if (!real.startsWith(realRoot)) {
                return new Outside();
            }
        } else if (trailingSlash) {
            return new Missing(); // a file is not a folder: feed.xml/ is not feed.xml
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            return new Missing();
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return new Missing();
        }
        return new Found(real.getFileName().toString(), channel, channel.size());
    }

    /**
     * The served folder's identity, or null while it does not exist: its file key (device and inode), with its
     * modification time, since a folder created after another was deleted may get the same inode number.
     */
    private Object folderKey() throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(root, BasicFileAttributes.class);
            return attributes.isDirectory()
                    ? java.util.Arrays.asList(attributes.fileKey(), attributes.lastModifiedTime()) : null;
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Waits up to {@link #SWAP_WAIT_MILLIS} for the folder to exist again; its key, or null. */
    private Object awaitFolder() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SWAP_WAIT_MILLIS);
        while (System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while waiting for " + root);
            }
            Object key = folderKey();
            if (key != null) {
                return key;
            }
        }
        return null;
    }
}
