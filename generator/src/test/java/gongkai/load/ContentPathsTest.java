package gongkai.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.content.Content;
import gongkai.content.ContentPaths;
import gongkai.content.Department;
import gongkai.content.DepartmentKey;
import gongkai.content.DepartmentYear;
import gongkai.content.Page;
import gongkai.content.Region;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ContentPaths names the files the loader reads: checked against the committed content. */
class ContentPathsTest {
    private static final Path CONTENT = Path.of("content");

    @Test
    void everyLoadedThingIsAtItsContentPath() throws Exception {
        LoadResult loaded = ContentLoader.load(CONTENT);
        assertEquals(List.of(), loaded.errors());
        Content content = loaded.content();
        assertFalse(content.departmentYears().isEmpty());
        assertTrue(Files.isRegularFile(CONTENT.resolve(ContentPaths.SITE_FILE)));
        for (Region r : content.regions()) {
            assertTrue(Files.isRegularFile(CONTENT.resolve(ContentPaths.region(r.slug()))), r.slug());
        }
        for (Department d : content.departments()) {
            assertTrue(Files.isRegularFile(CONTENT.resolve(ContentPaths.department(d.key()))), d.key().toString());
        }
        for (DepartmentYear dy : content.departmentYears()) {
            String file = ContentPaths.departmentYear(dy);
            assertTrue(Files.isRegularFile(CONTENT.resolve(file)), file);
            assertTrue(file.startsWith(ContentPaths.departmentDir(dy.departmentKey())), file);
            if (dy.document() != null) {
                assertTrue(Files.isRegularFile(CONTENT.resolve(ContentPaths.source(dy.document()))), dy.document());
            }
        }
        for (Page p : content.pages()) {
            assertTrue(Files.isRegularFile(CONTENT.resolve(ContentPaths.page(p.slug()))), p.slug());
        }
    }

    @Test
    void aDepartmentKeyIsItsRegionAndCodeAndSortsByRegionFirst() {
        DepartmentKey key = new Department("tianjin", "362303", "执法总队", null, null).key();
        assertEquals(key, new DepartmentYear("tianjin", "362303", 2024, "t", null, List.of(), List.of(), List.of())
                .departmentKey());
        assertFalse(key.equals(new DepartmentKey("hengshui", "362303")), "the same code in two regions");
        assertEquals("tianjin/362303", key.toString());
        assertEquals("tianjin/362303/2024.yaml", ContentPaths.departmentYear(key, 2024));
        assertTrue(new DepartmentKey("hengshui", "9").compareTo(key) < 0);
        assertTrue(new DepartmentKey("tianjin", "1").compareTo(key) < 0);
    }
}
