package gongkai.importer;

import gongkai.load.ContentLoader;
import gongkai.content.DepartmentYear;
import gongkai.load.LoadResult;
import gongkai.content.Region;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code gongkai import} writes for an import, checked by the real loader: a fresh content tree with the
 * committed site.yaml, the import written as ImportCommand writes it (ContentWriter, and a stub region.yaml
 * for a region given with --region that the importer does not know), then {@link ContentLoader#load}.
 */
final class ImportedTree {
    private ImportedTree() {
    }

    /** Writes {@code doc} into the new folder {@code dir} and loads that folder. */
    static LoadResult writeAndLoad(Path dir, ImportedDocument doc) throws IOException {
        if (!doc.problems().isEmpty()) {
            throw new IllegalArgumentException("an import with problems is never written: " + doc.problems());
        }
        Files.createDirectories(dir);
        Files.copy(Path.of("content", "site.yaml"), dir.resolve("site.yaml"));
        List<Region> regions = new ArrayList<>(doc.regions());
        for (DepartmentYear dy : doc.departmentYears()) {
            if (regions.stream().noneMatch(r -> r.slug().equals(dy.regionSlug()))) {
                regions.add(new Region(dy.regionSlug(), dy.regionSlug(), null));
            }
        }
        ContentWriter.writeImport(dir, new ImportedDocument(regions, doc.departments(), doc.departmentYears(),
                doc.problems()), false);
        return ContentLoader.load(dir);
    }
}
