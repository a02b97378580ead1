package gongkai.load;

import gongkai.content.Text;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The known keys of one mapping, with typed accessors that report what is wrong at the value's position. Every
 * text passes the {@link Limits} on length and word length here, whatever field it is.
 */
final class Fields {
    /** A required key that is not there. */
    static final Text MISSING = Text.of("缺少必填字段", "required field missing");
    /** A required key with no value. */
    static final Text EMPTY = Text.of("必填字段是空的", "required field is empty");

    static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    final YamlDoc doc;
    final MappingNode mapping;
    final String prefix;
    /** Keys in file order (null-terminated when keys were rejected) and their value nodes (null: unknown key). */
    private final String[] keys;
    private final Node[] valueNodes;

    Fields(YamlDoc doc, MappingNode mapping, String prefix, String[] keys, Node[] valueNodes) {
        this.doc = doc;
        this.mapping = mapping;
        this.prefix = prefix;
        this.keys = keys;
        this.valueNodes = valueNodes;
    }

    String path(String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }

    Node node(String key) {
        int i = indexOf(keys, keys.length, key);
        return i < 0 ? null : valueNodes[i];
    }

    /** Records where {@code key}'s value is (when present), for the checks across files. */
    Fields record(String key) {
        doc.record(node(key), path(key));
        return this;
    }

    /** The scalar text; null when absent or null (reported when required) or over a limit (reported). */
    String string(String key, boolean required) {
        Node n = node(key);
        if (n == null || YamlDoc.isNull(n)) {
            if (required) {
                doc.error(n == null ? mapping : n, path(key), n == null ? MISSING : EMPTY);
            }
            return null;
        }
        if (!(n instanceof ScalarNode s)) {
            doc.error(n, path(key), YamlDoc.kind(n).after("这里应是文字，实际是", "expected text here, found "));
            return null;
        }
        String value = s.getValue();
        if (value.length() > Limits.MAX_WORD_CHARS && !withinLimits(value, n, path(key))) {
            return null;
        }
        return value;
    }

    /** Text length and word length; false after reporting. Only long values can fail, so only they are scanned. */
    private boolean withinLimits(String value, Node n, String field) {
        if (value.length() > Limits.MAX_TEXT_CHARS) {
            doc.error(n, field, Text.of("文本过长：" + value.length() + " 个字符，一个值最多 " + Limits.MAX_TEXT_CHARS
                    + " 个（text too long）", "text too long: " + value.length() + " characters; one value may have at most "
                    + Limits.MAX_TEXT_CHARS));
            return false;
        }
        int word = longestWord(value);
        if (word > Limits.MAX_WORD_CHARS) {
            doc.error(n, field, Text.of("有一个 " + word + " 个字符长的词（连续的字母或数字），最多 " + Limits.MAX_WORD_CHARS
                    + " 个：搜索索引无法收录（word too long）", "a word (a run of letters or digits) is " + word
                    + " characters long; at most " + Limits.MAX_WORD_CHARS + ", or the search index cannot hold it"));
            return false;
        }
        return true;
    }

    /** The longest run of letters or digits other than Chinese characters: what the search analyzer makes one term. */
    static int longestWord(String value) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp) && Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN) {
                run++;
                longest = Math.max(longest, run);
            } else {
                run = 0;
            }
        }
        return longest;
    }

    Integer integer(String key, boolean required) {
        String text = string(key, required);
        if (text == null) {
            return null;
        }
        if (!INTEGER.matcher(text).matches() || text.replace("-", "").length() > 9) {
            doc.error(node(key), path(key), Text.of("这里应是整数（半角数字），实际是 '" + YamlDoc.shown(text) + "'",
                    "expected a whole number (half-width digits 0-9) here, found '" + YamlDoc.shown(text) + "'"));
            return null;
        }
        return Integer.parseInt(text);
    }

    BigDecimal decimal(String key) {
        String text = string(key, false);
        if (text == null) {
            return null;
        }
        if (!DECIMAL.matcher(text).matches()) {
            doc.error(node(key), path(key), Text.of("'" + YamlDoc.shown(text)
                    + "' 不是金额：只能写半角数字，可带小数点，不加单位或逗号，例如 6.00", "'" + YamlDoc.shown(text)
                    + "' is not an amount: write half-width digits with an optional decimal point, no unit or commas, e.g. 6.00"));
            return null;
        }
        return new BigDecimal(text);
    }

    static int indexOf(String[] keys, int size, String key) {
        for (int i = 0; i < size; i++) {
            String k = keys[i];
            if (k == null) {
                return -1;
            }
            if (k.equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
