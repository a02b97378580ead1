package gongkai.pipeline;

import gongkai.content.Lang;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Inputs of one build.
 *
 * @param contentDir   the content folder (site.yaml, regions, pages/)
 * @param themeDir     the theme folder (templates/, static/)
 * @param outDir       the output folder, replaced only when the whole build succeeded
 * @param sitemapLimit URLs per sitemap file (50,000 by the sitemap protocol; smaller in tests)
 * @param log          progress and timing lines (stderr in the CLI)
 * @param lang         the language of the problems logged and of a failure's message
 */
public record BuildOptions(Path contentDir, Path themeDir, Path outDir, int sitemapLimit, Consumer<String> log, Lang lang) {
    public static final int SITEMAP_MAX_URLS = 50_000;

    public BuildOptions {
        Objects.requireNonNull(contentDir, "contentDir");
        Objects.requireNonNull(themeDir, "themeDir");
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(lang, "lang");
        contentDir = contentDir.toAbsolutePath().normalize();
        themeDir = themeDir.toAbsolutePath().normalize();
        outDir = outDir.toAbsolutePath().normalize();
        if (sitemapLimit < 1 || sitemapLimit > SITEMAP_MAX_URLS) {
            throw new IllegalArgumentException("sitemapLimit must be 1.." + SITEMAP_MAX_URLS);
        }
    }

    /** Options of a build that speaks Chinese. */
    public BuildOptions(Path contentDir, Path themeDir, Path outDir, int sitemapLimit, Consumer<String> log) {
        this(contentDir, themeDir, outDir, sitemapLimit, log, Lang.ZH);
    }

    public static BuildOptions of(Path contentDir, Path themeDir, Path outDir, Consumer<String> log) {
        return new BuildOptions(contentDir, themeDir, outDir, SITEMAP_MAX_URLS, log);
    }

    /** These options in another language. */
    public BuildOptions withLang(Lang other) {
        return new BuildOptions(contentDir, themeDir, outDir, sitemapLimit, log, other);
    }
}
