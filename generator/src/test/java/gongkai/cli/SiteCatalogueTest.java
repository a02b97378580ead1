package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.content.Content;
import gongkai.content.SiteCatalogue;
import gongkai.export.ExportStage;
import gongkai.load.ContentLoader;
import gongkai.load.ContentSource;
import gongkai.pipeline.BuildOptions;
import gongkai.search.SearchIndexStage;
import gongkai.site.Editions;
import gongkai.site.Messages;
import gongkai.testing.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SiteCatalogue} — what validate lets Markdown link — lists exactly the files a full build writes (every
 * stage: export and the search index included): no file written that it lacks, none listed that is not written.
 * Only what the theme and the search index decide (assets/, search/data/), the numbered sitemaps and the later parts
 * of long source pages ({@code <file>.p2.html} …: where a page is cut follows its citations, site.SourceParts; a
 * Markdown link to one is refused, its document's page and line are the address) are not its.
 * The fixtures between them have every kind of page and file: charts drawn and not, corrections, a withdrawn
 * project, department tables, source documents with originals, English twins of Markdown pages.
 */
class SiteCatalogueTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"test-site", "charts", "corrections", "quality", "sources", "yoy"})
    void theCatalogueListsWhatAFullBuildWrites(String fixture, @TempDir Path tmp) throws Exception {
        Path content = TestSites.copyWithSources(Path.of("generator/src/test/resources/sites").resolve(fixture), tmp);
        if (fixture.equals("sources")) {
            // the Word original its year file names, as SourcePagesTest writes it
            Files.write(content.resolve("sources").resolve(SourcePagesTest.ORIGINAL), gongkai.importer.document.Twins.docx(
                    gongkai.importer.document.TabRendering.parse(Files.readString(gongkai.testing.Seeds.seed("001"),
                            java.nio.charset.StandardCharsets.UTF_8))));
        }
        if (fixture.equals("test-site")) {
            Path pages = Path.of("generator/src/test/resources/sites/english-pages/pages");
            for (String name : List.of("guide.md", "guide.en.md")) {
                Files.copy(pages.resolve(name), content.resolve("pages").resolve(name));
            }
        }
        assertCatalogueIsTheBuild(content, tmp.resolve("site"));
    }

    @org.junit.jupiter.api.Test
    @Tag("slow")
    void theCatalogueOfTheCommittedContentIsItsBuild(@TempDir Path tmp) throws Exception {
        assertCatalogueIsTheBuild(Path.of("content"), tmp.resolve("site"));
    }

    private static void assertCatalogueIsTheBuild(Path content, Path site) throws Exception {
        SitePipelines.builder(BuildOptions.of(content, TestSites.defaultTheme(), site, line -> { }), ContentSource.yaml())
                .procurement(gongkai.site.ProcurementSource.fromProcurementTables())
                .export(new ExportStage()).index(new SearchIndexStage()).build().run();
        Set<String> written = new TreeSet<>();
        try (Stream<Path> files = Files.walk(site)) {
            files.filter(Files::isRegularFile).map(f -> site.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> !f.startsWith("assets/") && !f.startsWith("search/data/") && !f.matches("sitemap-\\d+\\.xml")
                            && !f.matches("(en/)?sources/.+\\.p\\d+\\.html"))
                    .forEach(written::add);
        }
        Content loaded = ContentLoader.load(content).content();
        List<String> editions = Editions.load(TestSites.defaultTheme()).all().stream().map(Messages::prefix).toList();
        assertEquals(SiteCatalogue.editions(), editions, "validate's editions are the default theme's");
        Set<String> listed = new TreeSet<>(SiteCatalogue.of(loaded, editions).files());
        Set<String> missing = new TreeSet<>(written);
        missing.removeAll(listed);
        Set<String> extra = new TreeSet<>(listed);
        extra.removeAll(written);
        assertEquals(Set.of(), missing, "written by the build, not in the catalogue");
        assertEquals(Set.of(), extra, "in the catalogue, not written by the build");
        assertTrue(written.size() > 20, "files: " + written.size());
    }
}
