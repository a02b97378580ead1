package gongkai.content;

import java.util.List;
import java.util.Objects;

/**
 * A message in both languages, built once where the problem is found and rendered in the run's {@link Lang} only
 * where it is shown (the terminal, the preview's overlay). Both texts are required: a message nobody can read in
 * English cannot be built. The same argument values go into both; only the words around them differ.
 *
 * @param zh the Chinese text, what every default run prints
 * @param en the English text, printed with {@code --lang en}
 */
public record Text(String zh, String en) {
    /** No text: an optional part of a message that is absent. */
    public static final Text EMPTY = new Text("", "");

    public Text {
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
        if (zh.isBlank() != en.isBlank()) {
            throw new IllegalArgumentException("a message needs both its Chinese and its English text: zh=" + zh + " en=" + en);
        }
    }

    public static Text of(String zh, String en) {
        return new Text(zh, en);
    }

    /**
     * Text that reads the same in both languages: a value quoted from a file, a path, a number, a message that
     * already names both languages. Never words of a message.
     */
    public static Text same(String text) {
        return new Text(text, text);
    }

    /** The message of a failure: its Text when it carries one, else its message (or class name) as it is. */
    public static Text of(Throwable e) {
        if (e instanceof Carrier c) {
            return c.text();
        }
        return same(e.getMessage() != null ? e.getMessage() : e.getClass().getName());
    }

    public String in(Lang lang) {
        return lang == Lang.EN ? en : zh;
    }

    /** This text followed by {@code more}, in each language. */
    public Text plus(Text more) {
        return new Text(zh + more.zh, en + more.en);
    }

    /** {@code zh} + this Chinese text, {@code en} + this English text. */
    public Text after(String zh, String en) {
        return new Text(zh + this.zh, en + this.en);
    }

    /** This text with {@code target} replaced in each language (a field name both languages print as it is). */
    public Text replace(String target, String replacement) {
        return new Text(zh.replace(target, replacement), en.replace(target, replacement));
    }

    /** The texts joined with a separator for each language. */
    public static Text join(String zhSeparator, String enSeparator, List<Text> parts) {
        StringBuilder z = new StringBuilder();
        StringBuilder e = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                z.append(zhSeparator);
                e.append(enSeparator);
            }
            z.append(parts.get(i).zh);
            e.append(parts.get(i).en);
        }
        return new Text(z.toString(), e.toString());
    }

    /** {@code n} and an English noun with a regular plural: "1 error", "2 errors". */
    public static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The Chinese text: what logs, exception messages and older callers read. */
    @Override
    public String toString() {
        return zh;
    }

    /** An exception whose message is a {@link Text}: {@link #of(Throwable)} renders it in the run's language. */
    public interface Carrier {
        Text text();
    }
}
