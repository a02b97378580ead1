package gongkai.content;

/** Reads a printed 指标值 into a {@link ParsedTarget}. The printed text is never changed. */
public final class TargetParser {
    private TargetParser() {
    }

    public static ParsedTarget parse(String printed) {
        // Placeholder until the real parser lands: everything is qualitative.
        return ParsedTarget.qualitative();
    }
}
