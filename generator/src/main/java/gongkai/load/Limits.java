package gongkai.load;

/**
 * Bounds on what one content file may make the build do: every one is a positioned error, never a crash, a hang
 * or an output many times the input. The values are documented in docs/security.md and docs/content-format.md.
 */
public final class Limits {
    /** Largest content file (YAML or Markdown); the largest real year file is 218 KB for 107 projects. */
    public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;
    /** Deepest nesting of lists and mappings; the schema needs 5 (projects → [i] → indicators → [j] → field). */
    public static final int MAX_NESTING = 20;
    /** Most aliases (*name) in one file; the schema needs none. */
    public static final int MAX_ALIASES = 100;
    /** Most characters that aliases may add to one file when expanded (a YAML "billion laughs" needs far more). */
    public static final int MAX_ALIAS_EXPANSION = 1 << 20;
    /** Longest text value (characters); the longest real one is a 1,141-byte goal. */
    public static final int MAX_TEXT_CHARS = 100_000;
    /**
     * Longest word: a run of letters or digits other than Chinese characters, which the search analyzer makes
     * one term (SearchTokens). Lucene refuses terms over 32,766 UTF-8 bytes (IndexWriter.MAX_TERM_LENGTH); such
     * a term's letters take at most 2 bytes, so 1,000 keeps far below it.
     */
    public static final int MAX_WORD_CHARS = 1_000;
    /**
     * Most UTF-8 bytes of a project name or department-year title: a search result's display row (title, URL,
     * snippet, budget) is a fixed 384-byte slot (StaticSearchExporter.SLOT, deflated; stored blocks at worst) and
     * must fit without the snippet.
     * 300 bytes is 100 Chinese characters; the longest real name has 53.
     */
    public static final int MAX_TITLE_BYTES = 300;
    /** Most digits before the decimal point of an amount converted to 元 (below 10^15 元). */
    public static final int MAX_YUAN_DIGITS = 15;
    /** Most decimal places of an amount converted to 元 (分: the search index divides by 10,000 exactly). */
    public static final int MAX_YUAN_SCALE = 2;

    private Limits() {
    }

    /**
     * Why an amount printed in {@code unit} cannot be published, or null: once converted to 元 it has at most 分
     * ({@value #MAX_YUAN_SCALE} decimals) and {@value #MAX_YUAN_DIGITS} integer digits. The loader and the
     * importer both apply it, so what imports also validates.
     */
    public static gongkai.content.Text amountProblem(java.math.BigDecimal value, gongkai.content.MoneyUnit unit) {
        java.math.BigDecimal yuan = value.multiply(unit.yuanFactor()).stripTrailingZeros();
        if (yuan.scale() > MAX_YUAN_SCALE) {
            String sum = value.toPlainString() + " " + unit.label() + " = " + yuan.toPlainString() + " 元";
            return gongkai.content.Text.of("金额换算成元后最多两位小数（到分）：" + sum,
                    "an amount may have at most two decimals (fen) once converted to yuan: " + sum);
        }
        if (yuan.precision() - yuan.scale() > MAX_YUAN_DIGITS) {
            return gongkai.content.Text.of("金额过大：换算成元后整数部分最多 " + MAX_YUAN_DIGITS + " 位",
                    "amount too large: at most " + MAX_YUAN_DIGITS + " digits before the decimal point once converted to yuan");
        }
        return null;
    }
}
