package gongkai.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The theme's query variants, data files an agency can edit (docs/search.md):
 * {@code search/synonyms.txt} — one group of equivalent words per line — and
 * {@code search/traditional-simplified.txt} — ICU's traditional → simplified character pairs. A theme without
 * them has none. A malformed line fails the build with its file, line and column.
 */
public record SearchVariants(List<List<String>> synonyms, Map<Integer, Integer> toSimplified) {
    public static final SearchVariants NONE = new SearchVariants(List.of(), Map.of());
    public static final String SYNONYMS = "search/synonyms.txt";
    public static final String TRADITIONAL_SIMPLIFIED = "search/traditional-simplified.txt";

    public SearchVariants {
        synonyms = synonyms.stream().map(List::copyOf).toList();
        toSimplified = Map.copyOf(toSimplified);
    }

    /** Reads the theme's files (each optional). */
    public static SearchVariants load(Path themeDir) throws IOException {
        Path syn = themeDir.resolve(SYNONYMS);
        Path ts = themeDir.resolve(TRADITIONAL_SIMPLIFIED);
        return new SearchVariants(Files.isRegularFile(syn) ? synonyms(syn, Files.readString(syn, StandardCharsets.UTF_8))
                : List.of(), Files.isRegularFile(ts) ? traditionalSimplified(ts, Files.readString(ts, StandardCharsets.UTF_8))
                : Map.of());
    }

    /** A line of a theme file that cannot be read: {@code path:line:column: message}. */
    public static final class VariantsException extends IOException {
        public VariantsException(Path file, int line, int column, String message) {
            super(file + ":" + line + ":" + column + ": " + message);
        }
    }

    private static boolean isSeparator(int cp) {
        return cp == ' ' || cp == '\t' || cp == '\u3000' || cp == ',' || cp == '，' || cp == '、' || cp == '/';
    }

    /** The file's lines (line numbers = index + 1), each without its line break and without a "#" comment. */
    private static List<String> uncommentedLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            line = line.replace("\r", "");
            int hash = line.indexOf('#');
            lines.add(hash >= 0 ? line.substring(0, hash) : line);
        }
        return lines;
    }

    /**
     * Groups: words separated by spaces (or ， 、 /), {@code #} starts a comment. Every word must have something
     * searchable, may not start with - or hold quotes, and may be in one group only; a group needs two words.
     */
    static List<List<String>> synonyms(Path file, String text) throws VariantsException {
        List<List<String>> groups = new ArrayList<>();
        Map<String, Integer> lineOf = new HashMap<>();
        List<String> lines = uncommentedLines(text);
        for (int ln = 0; ln < lines.size(); ln++) {
            String line = lines.get(ln);
            LinkedHashSet<String> group = new LinkedHashSet<>();
            int i = 0;
            while (i < line.length()) {
                int cp = line.codePointAt(i);
                if (isSeparator(cp)) {
                    i += Character.charCount(cp);
                    continue;
                }
                int start = i;
                while (i < line.length() && !isSeparator(line.codePointAt(i))) {
                    i += Character.charCount(line.codePointAt(i));
                }
                String word = line.substring(start, i);
                int col = line.codePointCount(0, start) + 1;
                if (SearchTokens.tokenize(word).isEmpty()) {
                    throw new VariantsException(file, ln + 1, col, "“" + word + "”没有可搜索的字或数字");
                }
                if (word.startsWith("-") || word.chars().anyMatch(c -> SearchQuery.isQuote((char) c))) {
                    throw new VariantsException(file, ln + 1, col, "“" + word + "”不能以 - 开头或含引号");
                }
                String key = SearchLexicon.norm(word);
                Integer other = lineOf.get(key);
                if (other != null && other != ln + 1) {
                    throw new VariantsException(file, ln + 1, col, "“" + word + "”已在第 " + other + " 行的同义词组里");
                }
                lineOf.put(key, ln + 1);
                group.add(word);
            }
            if (group.size() == 1) {
                throw new VariantsException(file, ln + 1, 1, "同义词组至少要有两个词（用空格分开）");
            }
            if (!group.isEmpty()) {
                groups.add(List.copyOf(group));
            }
        }
        return groups;
    }

    /** Pairs "繁 简", one per line; {@code #} starts a comment. */
    static Map<Integer, Integer> traditionalSimplified(Path file, String text) throws VariantsException {
        Map<Integer, Integer> out = new TreeMap<>();
        List<String> lines = uncommentedLines(text);
        for (int ln = 0; ln < lines.size(); ln++) {
            String line = lines.get(ln);
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            int[] cps = line.codePoints().toArray();
            if (cps.length != 3 || cps[1] != ' ') {
                throw new VariantsException(file, ln + 1, 1, "每行应是“繁 简”两个字，中间一个空格");
            }
            if (out.put(cps[0], cps[2]) != null) {
                throw new VariantsException(file, ln + 1, 1, "“" + new String(cps, 0, 1) + "”重复出现");
            }
        }
        return out;
    }
}
