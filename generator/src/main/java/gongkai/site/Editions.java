package gongkai.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The editions of the site a theme has strings for: Chinese at the root (always; {@code i18n/zh.properties}) and,
 * when the theme has {@code i18n/en.properties}, English under {@code en/}. Every page is rendered once per
 * edition from the same templates; the data shown (names, indicators, targets, Markdown) is the same in both.
 */
public record Editions(List<Messages> all) {
    public Editions {
        all = List.copyOf(all);
        if (all.isEmpty() || !all.get(0).primary()) {
            throw new IllegalArgumentException("the first edition must be the default one (at the site's root)");
        }
    }

    /** The theme's editions (its i18n folder). */
    public static Editions load(Path themeDir) throws IOException {
        Path dir = themeDir.resolve("i18n");
        Path zh = dir.resolve("zh.properties");
        if (!Files.isRegularFile(zh)) {
            throw new IOException("theme strings not found: " + zh + " (every theme needs i18n/zh.properties)");
        }
        List<Messages> editions = new ArrayList<>();
        editions.add(Messages.load(zh, "zh", "zh-CN", ""));
        Path en = dir.resolve("en.properties");
        if (Files.isRegularFile(en)) {
            editions.add(Messages.load(en, "en", "en", gongkai.content.Urls.ENGLISH_EDITION));
        }
        return new Editions(editions);
    }

    /** The default (Chinese) edition. */
    public Messages primary() {
        return all.get(0);
    }
}
