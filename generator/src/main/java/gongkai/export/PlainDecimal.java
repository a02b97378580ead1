package gongkai.export;

/** An exact decimal cell already in its plain form ({@code BigDecimal.toPlainString()}): written as that text. */
record PlainDecimal(String text) {
}
