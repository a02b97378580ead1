package gongkai.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.load.ContentLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several writer threads give the same index as one: same documents in the same order (stored ids), and the
 * browser's search files exported from either are byte-identical.
 */
class ParallelIndexBuildTest {
    @TempDir
    Path tmp;

    @Tag("slow")
    @Test
    void slicedParallelBuildEqualsSingleWriterBuild() throws Exception {
        List<SearchDoc> docs = SearchDocuments.of(ContentLoader.load(Path.of("content")).content());
        assertTrue(docs.size() > 150, "committed content has " + docs.size() + " documents");
        Path one = tmp.resolve("one.index");
        Path three = tmp.resolve("three.index");
        new SearchIndexBuilder().build(docs, one, 1, SearchVariants.load(Path.of("themes", "default")));
        new SearchIndexBuilder().build(docs, three, 3, SearchVariants.load(Path.of("themes", "default")));
        assertFalse(Files.exists(tmp.resolve("three.index.parts")), "slice directories are removed");

        try (LuceneSearchIndex a = new LuceneSearchIndex(one); LuceneSearchIndex b = new LuceneSearchIndex(three)) {
            assertEquals(docs.size(), a.maxDoc());
            assertEquals(a.maxDoc(), b.maxDoc());
            for (int d = 0; d < docs.size(); d++) {
                assertEquals(docs.get(d).id(), b.stored(d).get(SearchIndexBuilder.StoredFields.ID), "doc " + d);
                assertEquals(a.stored(d).get(SearchIndexBuilder.StoredFields.ID), b.stored(d).get(SearchIndexBuilder.StoredFields.ID));
            }
            assertArrayEquals(a.norms(SearchIndexBuilder.FIELD_ALL), b.norms(SearchIndexBuilder.FIELD_ALL));
        }

        Path siteOne = tmp.resolve("site-one");
        Path siteThree = tmp.resolve("site-three");
        new StaticSearchExporter().export(one, siteOne);
        new StaticSearchExporter().export(three, siteThree);
        List<Path> files = list(siteOne);
        assertEquals(files, list(siteThree));
        assertTrue(files.size() >= 4, "exported files: " + files);
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(siteOne.resolve(f)), Files.readAllBytes(siteThree.resolve(f)), f.toString());
        }
    }

    @Test
    void oneWriterPerCoreOnlyForLargeCorpora() {
        assertEquals(1, SearchIndexBuilder.partsFor(175, 8));
        assertEquals(1, SearchIndexBuilder.partsFor(3_999, 2));
        assertEquals(2, SearchIndexBuilder.partsFor(10_000, 2));
        assertEquals(1, SearchIndexBuilder.partsFor(100_000, 1));
    }

    private static List<Path> list(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
