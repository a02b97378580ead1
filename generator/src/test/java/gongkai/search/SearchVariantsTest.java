package gongkai.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The theme's variant files: the committed ones read, and a broken line names its file, line and column. */
class SearchVariantsTest {
    @TempDir
    Path tmp;

    @Test
    void committedSynonymsAreRead() throws Exception {
        SearchVariants v = SearchVariants.load(Path.of("themes", "default"));
        assertTrue(v.synonyms().stream().anyMatch(g -> g.containsAll(List.of("汽车", "机动车"))), v.synonyms().toString());
        assertTrue(v.synonyms().contains(List.of("环保局", "生态环境局")));
        assertTrue(v.synonyms().contains(List.of("budget", "预算")), "English words map to the documents' Chinese");
        assertTrue(v.toSimplified().size() > 2500);
    }

    @Test
    void aThemeWithoutTheFilesHasNoVariants() throws Exception {
        assertEquals(SearchVariants.NONE, SearchVariants.load(tmp));
    }

    private String error(String synonyms) throws Exception {
        Files.createDirectories(tmp.resolve("search"));
        Files.writeString(tmp.resolve(SearchVariants.SYNONYMS), synonyms);
        return assertThrows(SearchVariants.VariantsException.class, () -> SearchVariants.load(tmp)).getMessage();
    }

    @Test
    void brokenLinesNameFileLineAndColumn() throws Exception {
        String file = tmp.resolve(SearchVariants.SYNONYMS).toString();
        assertEquals(file + ":2:1: 同义词组至少要有两个词（用空格分开）", error("汽车 机动车\n噪音 # 噪声 忘了\n"));
        assertEquals(file + ":1:4: “??”没有可搜索的字或数字", error("汽车 ?? 机动车\n"));
        assertEquals(file + ":3:4: “汽车”已在第 1 行的同义词组里", error("汽车 机动车\n\n大车 汽车\n"));
        assertEquals(file + ":1:4: “-车”不能以 - 开头或含引号", error("汽车 -车\n"));
        Files.writeString(tmp.resolve(SearchVariants.SYNONYMS), "# 只有注释\n\n汽车、机动车 # 行尾注释\nPM2.5/细颗粒物\n");
        assertEquals(List.of(List.of("汽车", "机动车"), List.of("PM2.5", "细颗粒物")), SearchVariants.load(tmp).synonyms());
    }
}
