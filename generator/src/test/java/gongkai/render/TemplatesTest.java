package gongkai.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatesTest {
    /** parseAll reads every template up front: rendering then needs neither the files nor the parser. */
    @Test
    void parseAllReadsEveryTemplateOfTheFolderBeforeTheFirstRender(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("layout.ftlh"), "<#macro page>[<#nested>]</#macro>");
        Files.writeString(dir.resolve("page.ftlh"), "<#import \"layout.ftlh\" as l><@l.page>${title}</@l.page>");
        Templates templates = new Templates(dir);
        templates.parseAll();
        Files.delete(dir.resolve("layout.ftlh"));
        Files.delete(dir.resolve("page.ftlh"));
        assertEquals("[&lt;b&gt;]", templates.render("page.ftlh", Map.of("title", "<b>")));

        // without parseAll the same deletion leaves nothing to render from
        Files.writeString(dir.resolve("page.ftlh"), "${title}");
        Templates lazy = new Templates(dir);
        Files.delete(dir.resolve("page.ftlh"));
        assertThrows(java.io.IOException.class, () -> lazy.render("page.ftlh", Map.of("title", "x")));
    }
}
