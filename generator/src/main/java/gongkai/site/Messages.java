package gongkai.site;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The interface strings of one edition of the site (the theme's {@code i18n/<code>.properties}, UTF-8): every
 * label, heading and sentence that is not data. Templates read them as the hash {@code t} ({@code ${t.nav_home}},
 * {@code t("key", args…)}); page builders through {@link #get} and {@link #format}. A missing key is an error,
 * never an empty label, and the editions' files have the same keys (a test), so they cannot drift apart.
 *
 * @param code     the file's name: "zh", "en"
 * @param lang     the HTML lang of the edition's pages ("zh-CN", "en")
 * @param prefix   the path of the edition under the site: "" for the default (Chinese) one, "en/" for English
 * @param strings  key → text; {@code {0}}, {@code {1}}… are filled in by {@link #format}
 */
public record Messages(String code, String lang, String prefix, Map<String, String> strings) {
    public Messages {
        strings = Map.copyOf(strings);
    }

    /** Reads {@code file}; {@code lang} and {@code prefix} as above. */
    public static Messages load(Path file, String code, String lang, String prefix) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        Map<String, String> map = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            map.put(key, p.getProperty(key));
        }
        return new Messages(code, lang, prefix, map);
    }

    /** Whether this is the site's default edition (at the root, Chinese). */
    public boolean primary() {
        return prefix.isEmpty();
    }

    /** The text of {@code key}; a key the file lacks is a theme error naming the file. */
    public String get(String key) {
        String s = strings.get(key);
        if (s == null) {
            throw new IllegalArgumentException("i18n/" + code + ".properties: no message \"" + key + "\"");
        }
        return s;
    }

    /** The text of {@code key} with {0}, {1}… replaced by the arguments as given (no number formatting). */
    public String format(String key, Object... args) {
        return fill(get(key), args);
    }

    static String fill(String pattern, Object... args) {
        StringBuilder out = new StringBuilder(pattern.length() + 16);
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int close;
            if (c == '{' && (close = pattern.indexOf('}', i)) > i + 1 && close - i <= 3
                    && pattern.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                int n = Integer.parseInt(pattern.substring(i + 1, close));
                out.append(n < args.length ? String.valueOf(args[n]) : pattern.substring(i, close + 1));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
