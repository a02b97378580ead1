package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.load.ContentLoader;
import gongkai.content.DepartmentYear;
import gongkai.load.LoadResult;
import gongkai.testing.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed content/ is exactly what importing the seed documents produces, and it validates. */
class CommittedContentTest {
    private static final Path CONTENT = Path.of("content");

    @Test
    void importingEverySeedReproducesTheCommittedYamlByteForByte(@TempDir Path tmp) throws IOException {
        List<String> args = new ArrayList<>(List.of("import", "--content", tmp.toString()));
        Seeds.all().forEach(p -> args.add(p.toString()));
        assertEquals(0, Main.execute(args.toArray(String[]::new)), "import exit status");

        Map<String, Path> imported = yamlFiles(tmp);
        Map<String, Path> committed = yamlFiles(CONTENT);
        committed.remove("site.yaml"); // site settings are written by people, not by the importer
        assertEquals(new TreeSet<>(committed.keySet()), new TreeSet<>(imported.keySet()),
                "the importer writes exactly the committed YAML files");
        for (String rel : committed.keySet()) {
            assertArrayEquals(Files.readAllBytes(committed.get(rel)), Files.readAllBytes(imported.get(rel)),
                    "content/" + rel + " differs from a fresh import");
        }
        // the import keeps each document in the folder of every department it names, as committed
        Map<String, Path> importedSources = files(tmp.resolve("sources"));
        Map<String, Path> committedSources = files(CONTENT.resolve("sources"));
        assertEquals(committedSources.keySet(), importedSources.keySet(), "the importer keeps exactly the committed sources");
        assertEquals(8, committedSources.size(), "seed 003 names four departments: one copy in each folder");
        for (String rel : committedSources.keySet()) {
            assertArrayEquals(Files.readAllBytes(committedSources.get(rel)), Files.readAllBytes(importedSources.get(rel)), rel);
        }
    }

    @Test
    void committedContentValidatesWithTheSeedCounts() throws IOException {
        LoadResult result = ContentLoader.load(CONTENT);
        assertEquals(List.of(), result.errors());
        assertEquals(List.of(), result.warnings());
        Map<String, Integer> projectsPerDocument = new TreeMap<>();
        for (DepartmentYear dy : result.content().departmentYears()) {
            assertEquals(dy.departmentKey() + "/", dy.document().substring(0, dy.document().lastIndexOf('/') + 1),
                    "cited from the department's own folder");
            projectsPerDocument.merge(dy.document().substring(dy.document().lastIndexOf('/') + 1), dy.projects().size(),
                    Integer::sum);
        }
        Map<String, Integer> expected = new TreeMap<>();
        List<Integer> counts = List.of(6, 5, 6, 69, 89); // projects per seed, in file-name order
        List<Path> seeds = Seeds.all();
        for (int i = 0; i < seeds.size(); i++) {
            expected.put(seeds.get(i).getFileName().toString(), counts.get(i));
        }
        assertEquals(expected, projectsPerDocument);
        // 362303 publishes in 2023 (seed 003) and 2024 (seed 001): one department, two years.
        assertEquals(1, result.content().departments().stream().filter(d -> d.code().equals("362303")).count());
        assertEquals(List.of(2023, 2024), result.content().departmentYears().stream()
                .filter(dy -> dy.departmentCode().equals("362303")).map(DepartmentYear::year).sorted().toList());
    }

    @Test
    void committedSourceDocumentsEqualTheSharedSeedsWhereTheyExist() throws IOException {
        Path shared = Path.of("..", "shared", "seeds");
        if (!Files.isDirectory(shared)) {
            return; // a clone without the shared folder: content/sources is the only copy
        }
        try (Stream<Path> files = Files.list(shared)) {
            List<Path> originals = files.sorted().toList();
            assertEquals(originals.stream().map(p -> p.getFileName().toString()).toList(),
                    Seeds.all().stream().map(p -> p.getFileName().toString()).toList());
            for (Path original : originals) {
                for (Map.Entry<String, Path> copy : files(CONTENT.resolve("sources")).entrySet()) {
                    if (copy.getKey().endsWith("/" + original.getFileName())) {
                        assertArrayEquals(Files.readAllBytes(original), Files.readAllBytes(copy.getValue()), copy.getKey());
                    }
                }
            }
        }
        assertTrue(Seeds.all().size() == 5);
    }

    /** Every file under {@code root}, by '/'-separated relative path. */
    private static Map<String, Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .collect(Collectors.toMap(p -> root.relativize(p).toString().replace('\\', '/'), p -> p,
                            (a, b) -> a, TreeMap::new));
        }
    }

    private static Map<String, Path> yamlFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".yaml"))
                    .collect(Collectors.toMap(p -> root.relativize(p).toString().replace('\\', '/'), p -> p,
                            (a, b) -> a, TreeMap::new));
        }
    }
}
