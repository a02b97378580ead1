package gongkai.content;

/**
 * A project's budget block (预算规模): 预算数 total, 其中财政资金 and 其他资金, each absent when the
 * source cell is blank. All three share the table's unit (单位：元 / 万元).
 */
public record Budget(MoneyUnit unit, Amount total, Amount fiscal, Amount other) {
}
