package gongkai.importer;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random mutations of a source document, for the import fuzz test: lines deleted, duplicated, swapped,
 * moved or split; random text inserted (full-width punctuation and digits, other scripts' digits, tabs, Word
 * field codes and bookmarks, control and line-separator characters); numbers replaced by huge or odd ones;
 * the text truncated; now and then the bytes themselves broken (an invalid UTF-8 byte, a GBK re-encoding, a
 * .docx or .pdf signature). The same seed gives the same mutants.
 */
final class SeedMutator {
    /** Snippets inserted into lines: what a Word export, an editor or a bad copy and paste can leave. */
    private static final String[] SNIPPETS = {
        "\t", " ", "\u3000", "  ", "\t\t", "（", "）", "：", ":", "，", "、", "。", "；", "1", "0", "9", "-", "+", ".",
        "１２３", "٣", "٣0.00", "۵", "१२", "１", "e5", "1e5", "E+3", "万元", "元", "%", "％", "≥", "≤", "至", "~",
        "TC ", "TC 1、测试项目绩效目标表 \\f C \\l 1", "\\f C \\l 2", " \\f C \\l 99999999999", "[bookmark: _Toc12345]",
        "[bookmark: ", "[bookmark: _GoBack]", "]", "*", "**", "单位：元", "单位：万元", "绩效目标表", "绩效目标",
        "一级指标", "项目名称", "预算数", "小计", "合计", "一、", "二、", "十、", "1、", "99999999999、", "1.", "99999999999.",
        "第二部分", "（1）", "（一）", "2024", "2025年", "0999", "99999999999", "-0", "00000001", "\u0000", "\u0007", "\r",
        "\u2028", "\u0085", "\uFEFF", "\uD83D\uDE00", "\"", "'", "#", "- ", "|", "\\", "{", "}", "&", "!", "@", "=",
        "部门预算信息公开", "衡水市", "天津市", "467", "123456", "指标值确定依据", "\n", "\n\t", "\n\n",
    };

    /** Replacements for a number in a line: huge, negative, exponent, other scripts' digits, empty. */
    private static final String[] NUMBERS = {
        "99999999999", "999999999999999999999999999999.99", "1e5", "1E+05", "٣0.00", "３０.００", "-5", "-0", "+5",
        ".5", "5.", "0x10", "00000001", "0", "", "1,000.00", "2147483648", "-2147483649", "0999", "9999", "1.2.3",
        "NaN", "Infinity", "12345678901234567890",
    };

    private final Random random;

    SeedMutator(long seed) {
        this.random = new Random(seed);
    }

    /** A mutant of {@code text} as the bytes of a file: usually UTF-8, now and then broken or re-encoded. */
    byte[] mutantBytes(String text) {
        String mutant = mutant(text);
        int roll = random.nextInt(100);
        if (roll < 3) {
            return brokenUtf8(mutant.getBytes(StandardCharsets.UTF_8));
        }
        if (roll < 5) {
            return mutant.getBytes(Charset.forName("GBK"));
        }
        if (roll < 6) {
            byte[] zip = {'P', 'K', 3, 4, 20, 0, 6, 0, (byte) 0x8B, 0};
            return random.nextBoolean() ? zip : "%PDF-1.7\n%\u00E2\u00E3\u00CF\u00D3\n".getBytes(StandardCharsets.ISO_8859_1);
        }
        return mutant.getBytes(StandardCharsets.UTF_8);
    }

    /** Options for one import: mostly none; now and then a year or region, some of them unusable. */
    ImportOptions options() {
        int roll = random.nextInt(100);
        if (roll < 6) {
            int[] years = {2024, 2019, 99, 12345, 0, -1};
            return new ImportOptions(years[roll], null);
        }
        if (roll < 12) {
            String[] regions = {"tianjin", "binhai", "hengshui", "foo", "Bad Slug", "pages"};
            return new ImportOptions(null, regions[roll - 6]);
        }
        return ImportOptions.inferAll();
    }

    /** Mostly one mutation (most mutations alone already make the import fail), else two to five. */
    String mutant(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int mutations = random.nextInt(3) == 0 ? 2 + random.nextInt(4) : 1;
        for (int m = 0; m < mutations && !lines.isEmpty(); m++) {
            mutate(lines);
        }
        return String.join("\n", lines);
    }

    private void mutate(List<String> lines) {
        int i = random.nextInt(lines.size());
        switch (random.nextInt(12)) {
            case 0 -> lines.remove(i);
            case 1 -> lines.add(i, lines.get(i));
            case 2 -> {
                int j = random.nextInt(lines.size());
                String t = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, t);
            }
            case 3 -> {
                // a run of lines duplicated (a table row or a heading with its cells)
                int n = Math.min(1 + random.nextInt(12), lines.size() - i);
                lines.addAll(i + n, new ArrayList<>(lines.subList(i, i + n)));
            }
            case 4, 5, 6 -> lines.set(i, insert(lines.get(i), snippet()));
            case 7 -> lines.set(i, changeNumber(lines.get(i)));
            case 8 -> {
                // truncated: at a line, or inside one
                lines.subList(i + 1, lines.size()).clear();
                String last = lines.get(i);
                lines.set(i, last.substring(0, random.nextInt(last.length() + 1)));
            }
            case 9 -> {
                // a tab added or removed at the start: a cell becomes text and text a cell
                String l = lines.get(i);
                lines.set(i, l.startsWith("\t") ? l.substring(1) : "\t" + l);
            }
            case 10 -> {
                // a character deleted
                String l = lines.get(i);
                if (!l.isEmpty()) {
                    int at = random.nextInt(l.length());
                    lines.set(i, l.substring(0, at) + l.substring(Math.min(l.length(), at + 1)));
                }
            }
            default -> {
                // a number changed in some line that has one (amounts, codes, years, heading numbers)
                for (int tries = 0; tries < 50; tries++) {
                    int k = random.nextInt(lines.size());
                    if (lines.get(k).chars().anyMatch(c -> c >= '0' && c <= '9')) {
                        lines.set(k, changeNumber(lines.get(k)));
                        break;
                    }
                }
            }
        }
    }

    private String snippet() {
        if (random.nextInt(8) == 0) {
            // a few random characters from the whole BMP (no lone surrogates: the file is UTF-8)
            StringBuilder b = new StringBuilder();
            for (int k = 1 + random.nextInt(4); k > 0; k--) {
                char c = (char) random.nextInt(0xD800);
                b.append(c);
            }
            return b.toString();
        }
        return SNIPPETS[random.nextInt(SNIPPETS.length)];
    }

    private String insert(String line, String snippet) {
        int at = random.nextInt(line.length() + 1);
        // never inside a surrogate pair
        if (at > 0 && at < line.length() && Character.isHighSurrogate(line.charAt(at - 1))) {
            at--;
        }
        return line.substring(0, at) + snippet + line.substring(at);
    }

    /** One run of ASCII digits (with its decimal part) replaced by an odd number. */
    private String changeNumber(String line) {
        List<int[]> runs = new ArrayList<>();
        for (int i = 0; i < line.length(); ) {
            if (Character.isDigit(line.charAt(i)) && line.charAt(i) < 128) {
                int start = i;
                while (i < line.length() && ((line.charAt(i) >= '0' && line.charAt(i) <= '9') || line.charAt(i) == '.')) {
                    i++;
                }
                runs.add(new int[] {start, i});
            } else {
                i++;
            }
        }
        if (runs.isEmpty()) {
            return insert(line, NUMBERS[random.nextInt(NUMBERS.length)]);
        }
        int[] run = runs.get(random.nextInt(runs.size()));
        return line.substring(0, run[0]) + NUMBERS[random.nextInt(NUMBERS.length)] + line.substring(run[1]);
    }

    private byte[] brokenUtf8(byte[] bytes) {
        if (bytes.length == 0) {
            return new byte[] {(byte) 0xFF};
        }
        byte[] out = bytes.clone();
        int at = random.nextInt(out.length);
        out[at] = (byte) (random.nextBoolean() ? 0xFF : 0xC3);
        if (random.nextBoolean() && at + 1 < out.length) {
            out[at + 1] = (byte) 0x28; // a lead byte followed by ASCII: malformed
        }
        return out;
    }
}
