package gongkai.load;

import gongkai.content.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The YAML mistakes a clerk makes, found in the text itself and told in plain words (Chinese, or English) at the column where they
 * are, with what to type instead — rather than SnakeYAML's English, which reports a full-width colon on the next
 * line and a leading {@code >} as "expected chomping or indentation indicators". Some mistakes do not even fail
 * to parse ({@code purpose: #1 …} silently deletes the text): {@link #silentLosses} finds those in a file that
 * parsed. Each rule looks at one line; the line is split into indentation, list dash, key and value.
 */
public final class YamlMistakes {
    /** A mistake: 1-based line and column, the key it concerns ("" for none), and the message. */
    public record Mistake(int line, int column, String field, Text message) {
    }

    /** indentation, optional "- ", a key of ASCII letters, then the separator and the rest. */
    private static final Pattern KEY_LINE = Pattern.compile("^([ \\t\\u3000]*)(-[ \\t\\u3000]+)?([A-Za-z_][A-Za-z0-9_]*)([ \\t]*)(:|：)(.*)$");
    private static final Pattern NUMBER_LINE = Pattern.compile("(?:total|fiscal|other|year|line): *\\S*[，,、０-９．]");
    private static final Pattern NUMBER_KEYS = Pattern.compile("total|fiscal|other|year|line");
    private static final Pattern NUMBER_WITH_SEPARATOR = Pattern.compile("^[+-]?[0-9０-９]+([，,、][0-9０-９]+)+(\\.[0-9]+)?$");
    private static final Pattern FULL_WIDTH_NUMBER = Pattern.compile("^[+-]?[0-9０-９.．]*[０-９．][0-9０-９.．]*$");

    private YamlMistakes() {
    }

    /** The first mistake in the text that breaks parsing, for a file SnakeYAML refused; empty when none is known. */
    public static Optional<Mistake> first(String text) {
        List<Mistake> all = scan(text, false);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Mistakes that parse but lose or change text (a {@code #} that starts a comment, a full-width colon key). */
    public static List<Mistake> silentLosses(String text) {
        return scan(text, true);
    }

    private static List<Mistake> scan(String text, boolean silentOnly) {
        List<Mistake> out = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        boolean inBlock = false;
        int blockIndent = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int lineNo = i + 1;
            int indent = indentOf(line);
            if (inBlock) {
                // inside a | or > block scalar: text lines, not keys
                if (line.isBlank() || indent > blockIndent) {
                    continue;
                }
                inBlock = false;
            }
            if (line.strip().isEmpty() || line.stripLeading().startsWith("#")) {
                continue;
            }
            if (silentOnly && line.indexOf('#') < 0 && line.indexOf('：') < 0 && !NUMBER_LINE.matcher(line).find()) {
                continue; // the silent rules need one of these; most lines of a large site have none
            }
            Mistake m = lineMistake(line, lineNo, silentOnly);
            if (m != null) {
                out.add(m);
                if (!silentOnly) {
                    return out;
                }
            }
            Matcher k = KEY_LINE.matcher(line);
            if (k.matches() && k.group(5).equals(":")) {
                String value = k.group(6).strip();
                if (value.matches("[|>][+-]?[0-9]?")) {
                    // the block's lines are indented further than its key
                    inBlock = true;
                    blockIndent = k.group(1).length() + (k.group(2) == null ? 0 : k.group(2).length());
                }
            }
        }
        return out;
    }

    private static int indentOf(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    private static Mistake lineMistake(String line, int lineNo, boolean silentOnly) {
        // tabs and full-width spaces in the indentation
        int lead = 0;
        while (lead < line.length() && (line.charAt(lead) == ' ' || line.charAt(lead) == '\t' || line.charAt(lead) == '\u3000')) {
            if (!silentOnly && line.charAt(lead) == '\t') {
                return new Mistake(lineNo, lead + 1, "", Text.of("缩进里有制表符（Tab）：YAML 只能用空格缩进，请把这个 Tab 换成空格，与上下行对齐",
                        "a tab in the indentation: YAML indents with spaces only; replace this tab with spaces, aligned with the lines around it"));
            }
            if (!silentOnly && line.charAt(lead) == '\u3000') {
                return new Mistake(lineNo, lead + 1, "", Text.of("缩进里有全角空格：请换成半角空格（输入法切换到英文后按空格键）",
                        "a full-width space (U+3000) in the indentation: type half-width spaces instead (switch the input method to English and press the space bar)"));
            }
            lead++;
        }
        String rest = line.substring(lead);
        if (!silentOnly && (rest.startsWith("－") || rest.startsWith("—"))) {
            return new Mistake(lineNo, lead + 1, "", Text.of("列表项前用了全角的“" + rest.charAt(0) + "”：请改为半角减号加空格“- ”",
                    "the list item starts with a full-width \"" + rest.charAt(0) + "\"; type a half-width minus and a space: \"- \""));
        }
        if (!silentOnly && rest.matches("-[A-Za-z_].*")) {
            return new Mistake(lineNo, lead + 1, "", Text.of("列表项的减号后面要有一个空格：请写成“- " + rest.substring(1) + "”",
                    "a list item needs a space after its minus sign; type \"- " + rest.substring(1) + "\""));
        }
        Matcher k = KEY_LINE.matcher(line);
        if (!k.matches()) {
            Matcher noSpace = Pattern.compile("^([ ]*(?:- )?)([A-Za-z_][A-Za-z0-9_]*):(\\S.*)$").matcher(line);
            if (!silentOnly && noSpace.matches() && !noSpace.group(3).startsWith("/")) {
                int col = noSpace.group(1).length() + noSpace.group(2).length() + 2;
                String fixed = noSpace.group(2) + ": " + noSpace.group(3);
                return new Mistake(lineNo, col, noSpace.group(2), Text.of("冒号后面要有一个空格：请写成“" + fixed + "”",
                        "the colon needs a space after it; type \"" + fixed + "\""));
            }
            return null;
        }
        String key = k.group(3);
        int sepColumn = k.group(1).length() + (k.group(2) == null ? 0 : k.group(2).length()) + key.length()
                + k.group(4).length() + 1;
        String afterSep = k.group(6);
        if (k.group(5).equals("：")) {
            return new Mistake(lineNo, sepColumn, key, Text.of("“" + key + "”后面用了全角冒号“：”：请改为半角冒号加空格，写成“"
                    + key + ": " + afterSep.strip() + "”", "a full-width colon \"：\" follows \"" + key
                    + "\"; type a half-width colon and a space: \"" + key + ": " + afterSep.strip() + "\""));
        }
        if (afterSep.isEmpty()) {
            return null;
        }
        if (afterSep.charAt(0) == '\u3000') {
            return silentOnly ? null : new Mistake(lineNo, sepColumn + 1, key, Text.of("冒号后面是全角空格：请换成半角空格，写成“"
                    + key + ": " + afterSep.strip() + "”", "a full-width space (U+3000) follows the colon; type a half-width space: \""
                    + key + ": " + afterSep.strip() + "\""));
        }
        if (afterSep.charAt(0) != ' ' && afterSep.charAt(0) != '\t') {
            return silentOnly ? null : new Mistake(lineNo, sepColumn + 1, key, Text.of("冒号后面要有一个空格：请写成“" + key + ": "
                    + afterSep + "”", "the colon needs a space after it; type \"" + key + ": " + afterSep + "\""));
        }
        int valueColumn = sepColumn + 1 + (afterSep.length() - afterSep.stripLeading().length());
        String value = afterSep.strip();
        if (value.isEmpty()) {
            return null;
        }
        char c = value.charAt(0);
        if (c == '#') {
            return new Mistake(lineNo, valueColumn, key, Text.of("“#”在值的开头，YAML 把它和后面的文字当作注释删掉了，“" + key
                    + "”成了空值：请给整个值加单引号，写成“" + key + ": '" + value + "'”", "\"#\" starts the value, so YAML drops it "
                    + "and the text after it as a comment and \"" + key + "\" is left empty; put the whole value in single quotes: \""
                    + key + ": '" + value + "'\""));
        }
        if (c == '\'' || c == '"') {
            int close = value.indexOf(c, 1);
            if (c == '\'') {
                while (close >= 0 && close + 1 < value.length() && value.charAt(close + 1) == '\'') {
                    close = value.indexOf(c, close + 2);
                }
            }
            if (close < 0) {
                return silentOnly ? null : new Mistake(lineNo, valueColumn, key, Text.of("引号 " + c + " 没有配对：请在值的末尾也加上 "
                        + c + "，写成“" + key + ": " + value + c + "”", "the quote " + c + " is not closed; add " + c
                        + " at the end of the value too: " + example(key + ": " + value + c)));
            }
            String after = value.substring(close + 1).strip();
            if (!after.isEmpty() && !after.startsWith("#")) {
                String quoted = key + ": " + c + value.replace(String.valueOf(c), "") + c;
                return silentOnly ? null : new Mistake(lineNo, valueColumn + close + 1, key, Text.of("引号在值的中间就结束了："
                        + "请把整个值放在引号里，写成“" + quoted + "”", "the quote ends in the middle of the value; put the whole "
                        + "value in quotes: " + example(quoted)));
            }
            return null;
        }
        int hash = value.indexOf(" #");
        if (hash >= 0) {
            String quoted = key + ": '" + value.replace("'", "''") + "'";
            return new Mistake(lineNo, valueColumn + hash + 1, key, Text.of("“ #”之后的文字被 YAML 当作注释删掉了（“"
                    + value.substring(hash + 1) + "”会丢失）：请给整个值加单引号，写成“" + quoted + "”", "YAML drops the text after \" #\" "
                    + "as a comment (\"" + value.substring(hash + 1) + "\" would be lost); put the whole value in single quotes: \""
                    + quoted + "\""));
        }
        if (NUMBER_KEYS.matcher(key).matches()) {
            if (NUMBER_WITH_SEPARATOR.matcher(value).matches()) {
                String fixed = key + ": " + halfWidth(value).replaceAll("[，,、]", "");
                return new Mistake(lineNo, valueColumn, key, Text.of("数字里不能有“，”“,”或“、”：请去掉分隔符，写成“" + fixed + "”",
                        "a number cannot contain \"，\", \",\" or \"、\"; remove the separators: \"" + fixed + "\""));
            }
            if (FULL_WIDTH_NUMBER.matcher(value).matches()) {
                return new Mistake(lineNo, valueColumn, key, Text.of("数字用了全角字符：请改为半角数字，写成“" + key + ": " + halfWidth(value) + "”",
                        "the number is typed in full-width characters; type half-width digits: \"" + key + ": " + halfWidth(value) + "\""));
            }
        }
        if (silentOnly) {
            return null;
        }
        if ("|>@`%&*!?[]{}".indexOf(c) >= 0 || (c == '-' && value.length() > 1 && value.charAt(1) == ' ')
                || (c == ':' && (value.length() == 1 || value.charAt(1) == ' '))) {
            Text hint = c == '>' ? Text.of("（大于等于也可以直接写“≥”）", " (or write \"≥\" for greater than or equal)") : Text.EMPTY;
            String quoted = key + ": '" + value.replace("'", "''") + "'";
            return new Mistake(lineNo, valueColumn, key, Text.of("值以“" + c + "”开头，YAML 会把它当作特殊符号：请给整个值加单引号，写成“"
                    + quoted + "”", "the value starts with \"" + c + "\", which YAML reads as a special sign; put the whole value "
                    + "in single quotes: \"" + quoted + "\"").plus(hint));
        }
        int colon = value.indexOf(": ");
        if (colon >= 0) {
            String quoted = key + ": '" + value.replace("'", "''") + "'";
            return new Mistake(lineNo, valueColumn + colon, key, Text.of("值里有“冒号加空格”，YAML 会把它当作新的键：请给整个值加单引号，写成“"
                    + quoted + "”（或把这个冒号改成全角“：”）", "the value has a colon followed by a space, which YAML reads as a new "
                    + "key; put the whole value in single quotes: \"" + quoted + "\" (or make this colon a full-width \"：\")"));
        }
        return null;
    }

    /** SnakeYAML's problem in plain words, for the mistakes no rule above recognises. */
    static Text inWords(String problem) {
        if (problem == null) {
            return Text.of("文件的结构不对", "the file's structure is wrong");
        }
        if (problem.contains("mapping values are not allowed")) {
            return Text.of("这里不能出现“冒号加空格”：若它是值的一部分，请给整个值加单引号；若是新的键，请检查缩进",
                    "a colon followed by a space cannot be here: if it is part of a value, put the whole value in single "
                    + "quotes; if it starts a new key, check the indentation");
        }
        if (problem.contains("could not find expected ':'")) {
            return Text.of("缺少“键: 值”中的冒号，或上一行的引号没有配对",
                    "the colon of \"key: value\" is missing, or a quote on the line before is not closed");
        }
        if (problem.contains("expected <block end>") || problem.contains("did not find expected key")
                || problem.contains("did not find expected '-'")) {
            return Text.of("缩进不对：同一级的键要对齐，列表项“- ”要比它所属的键多缩进两个空格",
                    "wrong indentation: keys of the same level line up, and a list item \"- \" is indented two spaces more "
                    + "than the key it belongs to");
        }
        if (problem.contains("found duplicate key") || problem.contains("duplicate")) {
            return Text.of("同一个键写了两次：请删除或合并其中一个", "the same key is written twice: delete or merge one of them");
        }
        if (problem.contains("unexpected end of stream") || problem.contains("found unexpected end")) {
            return Text.of("文件在引号或括号还没有结束时就结束了：请检查引号和括号是否成对",
                    "the file ends inside quotes or brackets: check that every quote and bracket is closed");
        }
        return Text.of("文件的结构不对，请对照上下行的写法检查这一行",
                "the file's structure is wrong: check this line against the lines around it");
    }

    /** What to type, quoted in an English message: in "…", unless it holds a '"' itself (then it ends the message bare). */
    private static String example(String typed) {
        return typed.indexOf('"') < 0 ? "\"" + typed + "\"" : typed;
    }

    private static String halfWidth(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            b.append(ch >= '０' && ch <= '９' ? (char) (ch - '０' + '0') : ch == '．' ? '.' : ch);
        }
        return b.toString();
    }
}
