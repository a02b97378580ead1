package gongkai.content;

/** The comparator of a parsed indicator target. */
public enum Comparator {
    GE("≥"), LE("≤"), GT(">"), LT("<"), EQ("="), RANGE("~");

    private final String symbol;

    Comparator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
