package gongkai.importer;

/** Lets the twin writers find a trailing TC field the way the importer does. */
public final class WordMarkupAccess {
    public record Tc(int start) {
    }

    private WordMarkupAccess() {
    }

    public static Tc trailingTc(String line) {
        WordMarkup.TcField f = WordMarkup.trailingTcField(line);
        return f == null ? null : new Tc(f.start());
    }
}
