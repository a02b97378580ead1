package gongkai.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gongkai.content.Problem;
import gongkai.testing.TestSites;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A relative Markdown link is accepted exactly when it reaches what the build publishes (content.SiteCatalogue,
 * which SiteCatalogueTest holds to full builds): on a copy of sites/test-site, a page linking one target per line —
 * every kind of page and file the site has, and paths it does not write — is refused at exactly the lines whose
 * target the build does not write, from the Chinese page as from its English twin.
 */
class MarkdownLinksTest {
    /** Target (from /links/) → whether the build writes it. */
    private static final Map<String, Boolean> FROM_THE_PAGE = ordered(
            "../projects/362303-2024-001/", true, // a project page
            "../projects/362303-2024-001.json", true, // its downloads
            "../projects/362303-2024-001-excel.csv", true,
            "../projects/362303-2024-999/", false, // no such project
            "../tianjin/362303/2024.csv", true, // a department-year's downloads
            "../tianjin/362303/2023.csv", false, // a year the department did not publish
            "../tianjin/362303/2024/feed.xml", true, // its feed
            "../tianjin/362303/2024/chart.csv", true, // two projects list a budget: a chart
            "../tianjin/362303/chart.csv", false, // one year: no chart of the department's years
            "../hengshui/467/2020/chart.csv", false, // no project lists a budget
            "../sources/tianjin/362303/001_88a8ef7fc06e4953.txt", true, // a source document
            "../sources/tianjin/362303/001_88a8ef7fc06e4953.txt.html#L3", true, // its page, a line
            "../sources/tianjin/362303/other.txt", false,
            "../en/", true, // the English edition
            "../en/tianjin/362303/2024/", true,
            "../en/links/", true, // this page's English twin
            "../en/sources/tianjin/362303/001_88a8ef7fc06e4953.txt.html", true,
            "../en/data/projects.csv", false, // downloads are not under en/
            "../data/units.csv", true, // a department table's download
            "../data/quality.json", true,
            "../data/gongkai-data.zip", true,
            "../data/nothing.csv", false,
            "../quality/", true,
            "../en/404.html", true,
            "../assets/site.css", false); // the theme's, not the content's

    @Test
    void aLinkIsAcceptedExactlyWhenTheBuildWritesItsTarget(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyWithSources(TestSites.TEST_SITE, tmp);
        StringBuilder zh = new StringBuilder("# 链接\n\n");
        StringBuilder en = new StringBuilder("# Links\n\n");
        List<String> expected = new ArrayList<>();
        int line = 3;
        for (Map.Entry<String, Boolean> e : FROM_THE_PAGE.entrySet()) {
            zh.append("[目标](").append(e.getKey()).append(")\n\n");
            // the twin is one folder deeper (en/links/): the same targets are one ../ further
            String fromTwin = e.getKey().startsWith("../en/") ? "../" + e.getKey().substring("../en/".length())
                    : "../" + e.getKey();
            en.append("[target](").append(fromTwin).append(")\n\n");
            if (!e.getValue()) {
                expected.add("pages/links.md:" + line + ":1");
                expected.add("pages/links.en.md:" + line + ":1");
            }
            line += 2;
        }
        TestSites.write(content.resolve("pages/links.md"), zh.toString());
        TestSites.write(content.resolve("pages/links.en.md"), en.toString());

        List<Problem> errors = Validation.check(content).errors();
        String prefix = content + java.io.File.separator;
        assertEquals(expected.stream().sorted().toList(), errors.stream()
                .map(p -> p.path().replace(prefix, "") + ":" + p.line() + ":" + p.column()).sorted().toList(),
                errors.stream().map(Problem::format).toList().toString());
        assertEquals(8, expected.size() / 2, "the refused targets");
    }

    @Test
    void theMessageSaysWhatIsMissingWhereAndForTheTwinWhereItsLinksStartFrom(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyWithSources(TestSites.TEST_SITE, tmp);
        TestSites.write(content.resolve("pages/links.md"), "# 链接\n\n[全部数据](../data/gongkai-data.zip)\n");
        TestSites.write(content.resolve("pages/links.en.md"), "# Links\n\nAll the [data](../data/gongkai-data.zip).\n");
        List<Problem> errors = Validation.check(content).errors();
        assertEquals(1, errors.size(), errors.toString());
        Problem p = errors.get(0);
        assertEquals(content.resolve("pages/links.en.md").toString(), p.path());
        assertEquals(List.of(3, 9), List.of(p.line(), p.column()));
        assertEquals("链接指向的文件不存在：../data/gongkai-data.zip（站内路径 en/data/gongkai-data.zip）（英文页面在 en/links/，"
                + "相对链接从那里算起；下载文件和来源文件由中英文两版共用，不在 en/ 之下，如 ../../data/gongkai-data.zip）", p.text().zh());
        assertEquals("link points to a file that does not exist: ../data/gongkai-data.zip (site path en/data/gongkai-data.zip) "
                + "(the English page is at en/links/ and relative links start from there; downloads and source files are "
                + "shared by both editions, not under en/, e.g. ../../data/gongkai-data.zip)", p.text().en());
    }

    private static Map<String, Boolean> ordered(Object... pairs) {
        Map<String, Boolean> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Boolean) pairs[i + 1]);
        }
        return map;
    }
}
