package gongkai.content;

/** The comparator of a parsed indicator target. */
public enum TargetComparator {
    GE("≥"), LE("≤"), GT(">"), LT("<"), EQ("="), RANGE("~");

    private final String symbol;

    TargetComparator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
