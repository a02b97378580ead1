package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.load.ContentLoader;
import gongkai.load.LoadResult;
import gongkai.testing.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
    @Test
    void anExplicitNewRegionGetsAStubRegionFileSoTheImportValidates(@TempDir Path tmp) throws Exception {
        Files.copy(Path.of("content", "site.yaml"), tmp.resolve("site.yaml"));
        assertEquals(0, Main.execute("import", "--region", "foo", "--year", "2024", "--content", tmp.toString(),
                Seeds.seed("001").toString()));
        assertEquals("name: foo\n", Files.readString(tmp.resolve("foo/region.yaml")));
        LoadResult result = ContentLoader.load(tmp);
        assertEquals(List.of(), result.errors());
        assertEquals(5, result.content().departmentYears().get(0).projects().size());
        assertEquals("foo", result.content().departmentYears().get(0).regionSlug());
    }

    @Test
    void aChangedYearFileIsNotOverwrittenWithoutForce(@TempDir Path tmp) throws Exception {
        String seed = Seeds.seed("001").toString();
        assertEquals(0, Main.execute("import", "--content", tmp.toString(), seed));
        Path year = tmp.resolve("tianjin/362303/2024.yaml");
        String edited = Files.readString(year).replace("total: 6.00", "total: 7.00");
        Files.writeString(year, edited);
        assertEquals(1, Main.execute("import", "--content", tmp.toString(), seed));
        assertEquals(edited, Files.readString(year), "the editor's change survives");
        assertEquals(0, Main.execute("import", "--force", "--content", tmp.toString(), seed));
        assertTrue(Files.readString(year).contains("total: 6.00"));
    }
}
