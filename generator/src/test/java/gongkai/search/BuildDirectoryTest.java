package gongkai.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's index directory: part files are linked, not copied; anything else is copied as Lucene does. */
class BuildDirectoryTest {
    @TempDir
    Path tmp;

    private static void write(Directory dir, String name, String text) throws Exception {
        try (IndexOutput out = dir.createOutput(name, IOContext.DEFAULT)) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(bytes, bytes.length);
        }
    }

    @Test
    void filesFromAnotherBuildDirectoryAreHardLinkedAndOutliveTheSource() throws Exception {
        Path partPath = Files.createDirectories(tmp.resolve("part"));
        Path finalPath = Files.createDirectories(tmp.resolve("final"));
        try (BuildDirectory part = BuildDirectory.open(partPath); BuildDirectory target = BuildDirectory.open(finalPath)) {
            write(part, "_0.doc", "postings");
            target.copyFrom(part, "_0.doc", "_3.doc", IOContext.DEFAULT);
            assertTrue(Files.isSameFile(partPath.resolve("_0.doc"), finalPath.resolve("_3.doc")), "linked, not copied");
            target.sync(List.of("_3.doc")); // no fsync, and no failure
        }
        Files.delete(partPath.resolve("_0.doc"));
        assertEquals("postings", Files.readString(finalPath.resolve("_3.doc")));
    }

    @Test
    void filesFromOtherDirectoriesAreCopied() throws Exception {
        Path finalPath = Files.createDirectories(tmp.resolve("final"));
        try (Directory memory = new ByteBuffersDirectory(); BuildDirectory target = BuildDirectory.open(finalPath)) {
            write(memory, "_0.pos", "positions");
            target.copyFrom(memory, "_0.pos", "_1.pos", IOContext.DEFAULT);
        }
        assertArrayEquals("positions".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(finalPath.resolve("_1.pos")));
        assertFalse(Files.exists(tmp.resolve("part")));
    }
}
