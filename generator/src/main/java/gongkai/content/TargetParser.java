package gongkai.content;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a printed 指标值 into a {@link ParsedTarget}. The printed text is never changed; the parse sits beside it.
 * Never throws: anything it cannot read with confidence is {@link TargetKind#QUALITATIVE}.
 *
 * <p>Rules, in order:
 * <ol>
 * <li>Word-export artefacts ({@code [bookmark: _GoBack]}) are dropped; full-width digits, letters and punctuation are
 * folded to ASCII for matching only. Unit and remark are cut from the printed text at the same positions.</li>
 * <li>Text without an Arabic digit is qualitative (Chinese numerals are not read).</li>
 * <li>Dates: {@code Y年M月D日}, {@code Y.M.D}, {@code Y/M/D}, {@code Y-M-D}, {@code Y年M月}, {@code Y年M月底|末|上旬|中旬|下旬},
 * {@code Y年底|年末}, {@code Y年全年}. A deadline ({@code 前 之前 以前 止 为止}, or a leading {@code 截至 截止}) is DATE/LE on
 * the last day of the named period ({@code 2025年8月底前} → 2025-08-31, {@code 2023年12月前} → 2023-12-31: in these tables
 * "by December" includes December). A plain day or month-end is DATE/EQ; a plain month, 旬 or {@code 全年} is a
 * DATE_RANGE over that period. Two dates joined by - ~ 至 到 are a DATE_RANGE; the second may omit the year.
 * A date without a year ({@code 12月底完成}, {@code 4月-6月}, {@code 次月5号前}) is qualitative.</li>
 * <li>Numbers: one number (thousands separators allowed) or a range {@code a-b}, optionally preceded by a comparator
 * (symbol or word) and followed by a unit, a suffix comparator ({@code 以上 以下 以内}) and a remark. No comparator
 * means EQ; {@code 余} ({@code 500余次}) means GT; {@code 达到} means GE. A number repeated by the export
 * ({@code ≥180≥180万条}, {@code 365各365期}) is read once.</li>
 * <li>Units: a known unit, composites joined by / or · ({@code 万/人/年}, {@code 元/个·小时}, {@code 台（套）}), or, failing
 * that, a short word of at most four letters ({@code 行业类别}, {@code 个村庄}). 百分比 and ％ become %.</li>
 * <li>Qualitative although digits are present: a second number anywhere (PM2.5…, standards with years), a number that
 * is a share of something named before it ({@code …限值的70%}), a year or month used as a noun, or a formula
 * ({@code 3+N}).</li>
 * </ol>
 * The remark is the printed text left once comparator, number, unit and date are taken out: the text before and the
 * text after, joined by one space.
 */
public final class TargetParser {
    private TargetParser() {
    }

    private static final Pattern NUMBER = Pattern.compile("(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private record Word(String text, TargetComparator comparator) {
    }

    /** TargetComparator words written before the number, longest first so 大于等于 wins over 大于. */
    private static final List<Word> PREFIX_COMPARATORS = List.of(
            new Word("大于或等于", TargetComparator.GE), new Word("小于或等于", TargetComparator.LE),
            new Word("高于或等于", TargetComparator.GE), new Word("低于或等于", TargetComparator.LE),
            new Word("大于等于", TargetComparator.GE), new Word("小于等于", TargetComparator.LE),
            new Word("不低于", TargetComparator.GE), new Word("不少于", TargetComparator.GE), new Word("不小于", TargetComparator.GE),
            new Word("不高于", TargetComparator.LE), new Word("不超过", TargetComparator.LE), new Word("不大于", TargetComparator.LE),
            new Word("不多于", TargetComparator.LE),
            new Word("至少", TargetComparator.GE), new Word("达到", TargetComparator.GE), new Word("最多", TargetComparator.LE),
            new Word("大于", TargetComparator.GT), new Word("高于", TargetComparator.GT), new Word("超过", TargetComparator.GT),
            new Word("多于", TargetComparator.GT), new Word("小于", TargetComparator.LT), new Word("低于", TargetComparator.LT),
            new Word("少于", TargetComparator.LT), new Word("等于", TargetComparator.EQ),
            new Word(">=", TargetComparator.GE), new Word("=>", TargetComparator.GE), new Word("<=", TargetComparator.LE),
            new Word("=<", TargetComparator.LE), new Word("≥", TargetComparator.GE), new Word("≤", TargetComparator.LE),
            new Word(">", TargetComparator.GT), new Word("<", TargetComparator.LT), new Word("=", TargetComparator.EQ));

    /** TargetComparator words written after the number and unit. 内 alone only counts at the very end. */
    private static final List<Word> SUFFIX_COMPARATORS = List.of(
            new Word("及以上", TargetComparator.GE), new Word("或以上", TargetComparator.GE), new Word("以上", TargetComparator.GE),
            new Word("及以下", TargetComparator.LE), new Word("或以下", TargetComparator.LE), new Word("以下", TargetComparator.LE),
            new Word("以内", TargetComparator.LE), new Word("之内", TargetComparator.LE), new Word("内", TargetComparator.LE));

    /** Known unit words, longest first. 年 月 日 only ever follow a slash: a number before them is a date. */
    private static final List<String> UNIT_WORDS = List.of(
            "平方公里", "百分比", "摄氏度", "立方公里", "平方米", "立方米", "工作日", "个工作日",
            "万元", "亿元", "千元", "人次", "家次", "户次", "站次", "个月", "小时", "分钟", "季度", "公顷", "公里", "千米",
            "千克", "公斤", "微克", "毫克", "毫升", "分贝", "mSv", "μSv", "Sv", "℃", "°C",
            "元", "人", "家", "户", "个", "份", "台", "套", "件", "辆", "次", "项", "条", "本", "部", "期", "篇", "册",
            "张", "天", "日", "秒", "周", "月", "年", "米", "吨", "克", "升", "亩", "度", "站", "处", "笔", "幅", "类", "种",
            "批", "场", "所", "座", "名", "位", "分", "道", "区", "村", "%", "‰");
    private static final List<String> MAGNITUDES = List.of("千万", "百万", "万", "亿", "千");

    /** Words that start a remark, never a unit. */
    private static final List<String> REMARK_STARTS = List.of(
            "按", "依", "据", "根据", "符合", "满足", "完成", "执行", "达", "以", "为", "约", "及", "和", "或", "并",
            "等", "的", "且", "未", "不", "已", "左右", "用于", "保障", "确保", "实现", "提高", "提升", "合格", "通过");

    private static final List<String> DEADLINE_SUFFIXES = List.of("之前", "以前", "为止", "前", "止");
    private static final List<String> DEADLINE_PREFIXES = List.of("截止到", "截至到", "截止", "截至");
    private static final String RANGE_SEPARATORS = "-~至到";
    private static final String PUNCTUATION = " ,，、。.；;：:";

    public static ParsedTarget parse(String printed) {
        if (printed == null) {
            return ParsedTarget.qualitative();
        }
        String text = withoutBookmarks(printed).strip();
        String norm = normalise(text);
        int firstDigit = firstDigit(norm, 0);
        if (firstDigit < 0 || hasOverlongNumber(norm)) {
            return ParsedTarget.qualitative();
        }
        ParsedTarget date = parseDate(text, norm, firstDigit);
        if (date != null) {
            return date;
        }
        ParsedTarget number = parseNumber(text, norm, firstDigit);
        return number != null ? number : ParsedTarget.qualitative();
    }

    /** Longer runs of digits, commas and points are no target value (and BigDecimal parsing is quadratic in them). */
    private static final int MAX_NUMBER_LENGTH = 32;

    private static boolean hasOverlongNumber(String norm) {
        int run = 0;
        for (int i = 0; i < norm.length(); i++) {
            char c = norm.charAt(i);
            run = isDigit(c) || c == ',' || c == '.' ? run + 1 : 0;
            if (run > MAX_NUMBER_LENGTH) {
                return true;
            }
        }
        return false;
    }

    /**
     * Without Word bookmark markers ({@code [bookmark:…]}, up to the next ']'), by hand: the regex
     * {@code \[bookmark:[^\]]*]} rescanned the rest of the text from every unclosed marker (quadratic).
     */
    private static String withoutBookmarks(String s) {
        int at = s.indexOf("[bookmark:");
        if (at < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int from = 0;
        while (at >= 0) {
            int close = s.indexOf(']', at + "[bookmark:".length());
            if (close < 0) {
                break; // no ']' after this marker, so none after a later one either
            }
            out.append(s, from, at);
            from = close + 1;
            at = s.indexOf("[bookmark:", from);
        }
        return out.append(s, from, s.length()).toString();
    }

    // ---------------------------------------------------------------- normalisation

    /** Folds full-width forms to ASCII one char for one char, so positions in both strings agree. */
    private static String normalise(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            } else if (c == '\u3000') {
                c = ' ';
            } else if (c == '\u2013' || c == '\u2014' || c == '\u2212') {
                c = '-';
            } else if (c == '\u301C') {
                c = '~';
            } else if (c == '≧' || c == '⩾') {
                c = '≥';
            } else if (c == '≦' || c == '⩽') {
                c = '≤';
            }
            b.append(c);
        }
        return b.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int firstDigit(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (isDigit(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String startingWith(String s, int i, List<String> words) {
        for (String w : words) {
            if (s.startsWith(w, i)) {
                return w;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- dates

    /** A day, or a period (month, 旬, year) with its first and last day. */
    private record DatePart(LocalDate start, LocalDate end, boolean period, boolean needsContext, int next) {
    }

    private static ParsedTarget parseDate(String text, String norm, int at) {
        DatePart first = datePart(norm, at, null);
        if (first == null) {
            return null;
        }
        int i = skipSpaces(norm, first.next());
        if (i < norm.length() && RANGE_SEPARATORS.indexOf(norm.charAt(i)) >= 0) {
            DatePart second = datePart(norm, skipSpaces(norm, i + 1), first.start().getYear());
            if (second != null && !second.end().isBefore(first.start())) {
                return dateResult(text, norm, at, second.next(), TargetKind.DATE_RANGE, TargetComparator.RANGE,
                        first.start(), second.end());
            }
            if (first.needsContext()) {
                return null;
            }
        }
        String prefix = norm.substring(0, at).strip();
        boolean deadline = false;
        String deadlinePrefix = endingWith(prefix, DEADLINE_PREFIXES);
        if (deadlinePrefix != null) {
            deadline = true;
            at = norm.lastIndexOf(deadlinePrefix, at);
        }
        String suffix = startingWith(norm, i, DEADLINE_SUFFIXES);
        if (suffix != null) {
            deadline = true;
            i += suffix.length();
        }
        if (first.needsContext() && !deadline) {
            return null;
        }
        if (deadline) {
            return dateResult(text, norm, at, i, TargetKind.DATE, TargetComparator.LE, first.end(), null);
        }
        if (first.period()) {
            return dateResult(text, norm, at, i, TargetKind.DATE_RANGE, TargetComparator.RANGE, first.start(), first.end());
        }
        return dateResult(text, norm, at, i, TargetKind.DATE, TargetComparator.EQ, first.end(), null);
    }

    private static ParsedTarget dateResult(String text, String norm, int start, int end, TargetKind kind,
            TargetComparator comparator, LocalDate date, LocalDate endDate) {
        String before = text.substring(0, start);
        String after = text.substring(end);
        if (firstDigit(norm.substring(end), 0) >= 0) {
            return ParsedTarget.qualitative();
        }
        return new ParsedTarget(kind, comparator, null, null, null, date, endDate, remark(before, after));
    }

    /**
     * Reads one date at {@code i}. With {@code inheritedYear} (the second half of a range) the year may be left out.
     */
    private static DatePart datePart(String s, int i, Integer inheritedYear) {
        Matcher m = DIGITS.matcher(s);
        if (!m.find(i) || m.start() != i) {
            return null;
        }
        int n1 = parseSmall(m.group());
        int j = m.end();
        char sep = j < s.length() ? s.charAt(j) : 0;
        if (m.group().length() == 4 && n1 >= 1900 && n1 <= 2099) {
            if (sep == '年') {
                return afterYear(s, n1, j + 1);
            }
            if (sep == '.' || sep == '/' || sep == '-') {
                return dotted(s, n1, j, sep);
            }
            return null;
        }
        if (inheritedYear == null) {
            return null;
        }
        // Year left out in the second half of a range: 12月, 12月31日, 12.31
        if (sep == '月') {
            return afterMonth(s, inheritedYear, n1, j + 1);
        }
        if (sep == '.' || sep == '/') {
            Matcher d = DIGITS.matcher(s);
            if (d.find(j + 1) && d.start() == j + 1) {
                return day(inheritedYear, n1, parseSmall(d.group()), skipDayMark(s, d.end()));
            }
        }
        return null;
    }

    private static DatePart afterYear(String s, int year, int i) {
        for (String w : List.of("年底", "年末", "底", "末")) {
            if (s.startsWith(w, i)) {
                LocalDate last = LocalDate.of(year, 12, 31);
                return new DatePart(last, last, false, false, i + w.length());
            }
        }
        if (s.startsWith("全年", i)) {
            return new DatePart(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), true, false, i + 2);
        }
        Matcher m = DIGITS.matcher(s);
        if (m.find(i) && m.start() == i && m.end() < s.length() && s.charAt(m.end()) == '月') {
            return afterMonth(s, year, parseSmall(m.group()), m.end() + 1);
        }
        return null;
    }

    private static DatePart afterMonth(String s, int year, int month, int i) {
        if (month < 1 || month > 12) {
            return null;
        }
        YearMonth ym = YearMonth.of(year, month);
        Matcher m = DIGITS.matcher(s);
        if (m.find(i) && m.start() == i && m.end() < s.length() && "日号".indexOf(s.charAt(m.end())) >= 0) {
            return day(year, month, parseSmall(m.group()), m.end() + 1);
        }
        if (startingWith(s, i, List.of("底", "末")) != null) {
            return new DatePart(ym.atEndOfMonth(), ym.atEndOfMonth(), false, false, i + 1);
        }
        if (s.startsWith("上旬", i)) {
            return new DatePart(ym.atDay(1), ym.atDay(10), true, false, i + 2);
        }
        if (s.startsWith("中旬", i)) {
            return new DatePart(ym.atDay(11), ym.atDay(20), true, false, i + 2);
        }
        if (s.startsWith("下旬", i)) {
            return new DatePart(ym.atDay(21), ym.atEndOfMonth(), true, false, i + 2);
        }
        if (i < s.length() && s.charAt(i) == '初') {
            return null;
        }
        return new DatePart(ym.atDay(1), ym.atEndOfMonth(), true, false, i);
    }

    /** Y.M.D, Y/M/D, Y-M-D; a bare Y.M is a month only when a range or a deadline follows. */
    private static DatePart dotted(String s, int year, int j, char sep) {
        Matcher m = DIGITS.matcher(s);
        if (!m.find(j + 1) || m.start() != j + 1 || m.group().length() > 2) {
            return null;
        }
        int month = parseSmall(m.group());
        int k = m.end();
        if (k + 1 < s.length() && s.charAt(k) == sep && isDigit(s.charAt(k + 1))) {
            Matcher d = DIGITS.matcher(s);
            if (d.find(k + 1) && d.start() == k + 1 && d.group().length() <= 2) {
                return day(year, month, parseSmall(d.group()), skipDayMark(s, d.end()));
            }
            return null;
        }
        if (sep == '-' || month < 1 || month > 12 || (k < s.length() && isDigit(s.charAt(k)))) {
            return null;
        }
        YearMonth ym = YearMonth.of(year, month);
        if (k < s.length() && (s.charAt(k) == '底' || s.charAt(k) == '末')) {
            return new DatePart(ym.atEndOfMonth(), ym.atEndOfMonth(), false, false, k + 1);
        }
        return new DatePart(ym.atDay(1), ym.atEndOfMonth(), true, true, k);
    }

    private static DatePart day(int year, int month, int day, int next) {
        if (month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        LocalDate d = LocalDate.of(year, month, day);
        return new DatePart(d, d, false, false, next);
    }

    private static int skipDayMark(String s, int i) {
        return i < s.length() && "日号".indexOf(s.charAt(i)) >= 0 ? i + 1 : i;
    }

    /** Parses at most a few digits; longer runs are not a month or day and come back as an impossible value. */
    private static int parseSmall(String digits) {
        return digits.length() > 4 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }

    // ---------------------------------------------------------------- numbers

    private static ParsedTarget parseNumber(String text, String norm, int at) {
        Matcher first = NUMBER.matcher(norm);
        if (!first.find(at) || first.start() != at) {
            return null;
        }
        int numberStart = at;
        if (at > 0 && norm.charAt(at - 1) == '-' && norm.substring(0, at - 1).isBlank()) {
            numberStart = at - 1; // a leading minus sign
        }
        String before = norm.substring(0, numberStart).stripTrailing();
        TargetComparator comparator = null;
        Word prefixWord = endingWithWord(before, PREFIX_COMPARATORS);
        int prefixEnd = before.length();
        if (prefixWord != null) {
            comparator = prefixWord.comparator();
            prefixEnd -= prefixWord.text().length();
        }
        String prefix = text.substring(0, prefixEnd);
        if (prefix.strip().endsWith("的")) {
            return null; // 限值的70%: a share of something else, not a target of its own
        }
        BigDecimal value = number(norm.substring(numberStart, first.end()));
        int i = skipSpaces(norm, first.end());
        if (i < norm.length() && "年月日号".indexOf(norm.charAt(i)) >= 0) {
            return null; // a year or month used as a noun, or a date we could not read
        }
        i = skipRepeat(norm, i, prefixWord, norm.substring(at, first.end()));

        BigDecimal upper = null;
        String lowerUnit = null;
        int rangeAt = i;
        int lowerUnitEnd = unitExpressionEnd(norm, rangeAt);
        int sep = skipSpaces(norm, lowerUnitEnd > 0 ? lowerUnitEnd : rangeAt);
        if (sep < norm.length() && RANGE_SEPARATORS.indexOf(norm.charAt(sep)) >= 0) {
            Matcher second = NUMBER.matcher(norm);
            int secondAt = skipSpaces(norm, sep + 1);
            if (second.find(secondAt) && second.start() == secondAt) {
                if (comparator != null) {
                    return null;
                }
                if (lowerUnitEnd > 0) {
                    lowerUnit = normaliseUnit(text.substring(rangeAt, lowerUnitEnd));
                }
                upper = number(second.group());
                i = skipSpaces(norm, second.end());
                if (i < norm.length() && "年月日号".indexOf(norm.charAt(i)) >= 0) {
                    return null;
                }
            }
        }

        // 500余次, 1亿余元: "and some more"
        boolean more = false;
        String tailNorm = norm.substring(i);
        String tailText = text.substring(i);
        int yu = tailNorm.indexOf('余');
        if (yu == 0 || (yu == 1 && MAGNITUDES.contains(tailNorm.substring(0, 1)))) {
            more = true;
            tailNorm = tailNorm.substring(0, yu) + tailNorm.substring(yu + 1);
            tailText = tailText.substring(0, yu) + tailText.substring(yu + 1);
        }
        Tail tail = tail(tailText, tailNorm);
        if (tail == null) {
            return null;
        }
        if (tail.comparator() != null) {
            if (comparator != null && direction(comparator) != direction(tail.comparator())) {
                return null;
            }
            if (comparator == null) {
                comparator = tail.comparator();
            }
        }
        if (more) {
            if (comparator != null && direction(comparator) < 0) {
                return null;
            }
            if (comparator == null) {
                comparator = TargetComparator.GT;
            }
        }
        String remark = remark(prefix, tail.remark());
        if (upper != null) {
            if (comparator != null) {
                return null;
            }
            if (lowerUnit != null && tail.unit() != null && !lowerUnit.equals(tail.unit())) {
                return null;
            }
            String unit = tail.unit() != null ? tail.unit() : lowerUnit;
            return new ParsedTarget(TargetKind.RANGE, TargetComparator.RANGE, value, upper, unit, null, null, remark);
        }
        return new ParsedTarget(TargetKind.NUMBER, comparator == null ? TargetComparator.EQ : comparator, value, null,
                tail.unit(), null, null, remark);
    }

    private static BigDecimal number(String literal) {
        return new BigDecimal(literal.replace(",", ""));
    }

    private static int direction(TargetComparator c) {
        return switch (c) {
            case GE, GT -> 1;
            case LE, LT -> -1;
            default -> 0;
        };
    }

    /** Skips a number the Word export printed twice: ≥180≥180万条, 365各365期. */
    private static int skipRepeat(String norm, int i, Word prefixWord, String literal) {
        int j = i;
        if (norm.startsWith("各", j)) {
            j++;
        }
        if (prefixWord != null && norm.startsWith(prefixWord.text(), j)) {
            j += prefixWord.text().length();
        }
        if (j > i && norm.startsWith(literal, j)) {
            int end = j + literal.length();
            if (end >= norm.length() || !(isDigit(norm.charAt(end)) || norm.charAt(end) == '.')) {
                return skipSpaces(norm, end);
            }
        }
        return i;
    }

    private record Tail(String unit, TargetComparator comparator, String remark) {
    }

    /** Splits the text after the number into unit, suffix comparator and remark; null when it is not a target. */
    private static Tail tail(String text, String norm) {
        if (firstDigit(norm, 0) >= 0) {
            return null; // a second number: we cannot tell which one is the target
        }
        if (!norm.isEmpty() && "+*×÷^=/".indexOf(norm.charAt(0)) >= 0) {
            return null; // a formula such as 3+N
        }
        for (int p = 0; p < norm.length(); p++) {
            for (Word w : SUFFIX_COMPARATORS) {
                if (!norm.startsWith(w.text(), p)) {
                    continue;
                }
                boolean atEnd = norm.substring(p + w.text().length()).isBlank();
                if (w.text().equals("内") && !atEnd) {
                    continue;
                }
                String unitNorm = norm.substring(0, p).strip();
                if (unitNorm.isEmpty() || isUnit(unitNorm) || isShortWordUnit(unitNorm)) {
                    String unit = unitNorm.isEmpty() ? null : normaliseUnit(text.substring(0, p).strip());
                    return new Tail(unit, w.comparator(), text.substring(p + w.text().length()));
                }
            }
        }
        String stripped = norm.strip();
        if (stripped.isEmpty()) {
            return new Tail(null, null, "");
        }
        int lead = norm.length() - norm.stripLeading().length();
        if (isUnit(stripped) || isShortWordUnit(stripped)) {
            return new Tail(normaliseUnit(text.strip()), null, "");
        }
        int end = unitExpressionEnd(norm, lead);
        if (end > 0) {
            return new Tail(normaliseUnit(text.substring(lead, end)), null, text.substring(end));
        }
        return new Tail(null, null, text);
    }

    private static boolean isUnit(String s) {
        return unitExpressionEnd(s, 0) == s.length();
    }

    /** An unknown counting word printed as the unit: ≥7行业类别, ≥2涉农区, 12块版. */
    private static boolean isShortWordUnit(String s) {
        if (s.isEmpty() || s.length() > 4 || startingWith(s, 0, REMARK_STARTS) != null || s.contains("左右")) {
            return false;
        }
        return s.chars().allMatch(Character::isLetter);
    }

    /** End of the unit expression starting at {@code i} (part ( [/·] part )* ( '(' part ')' )?), or -1. */
    private static int unitExpressionEnd(String s, int i) {
        int end = unitPartEnd(s, i);
        if (end < 0) {
            return -1;
        }
        while (end < s.length() && "/·•".indexOf(s.charAt(end)) >= 0) {
            int next = unitPartEnd(s, end + 1);
            if (next < 0) {
                break;
            }
            end = next;
        }
        if (end < s.length() && s.charAt(end) == '(') {
            int inner = unitPartEnd(s, end + 1);
            if (inner > 0 && inner < s.length() && s.charAt(inner) == ')') {
                end = inner + 1;
            }
        }
        return end;
    }

    private static int unitPartEnd(String s, int i) {
        String word = startingWith(s, i, UNIT_WORDS);
        if (word != null) {
            return i + word.length();
        }
        String magnitude = startingWith(s, i, MAGNITUDES);
        if (magnitude == null) {
            return -1;
        }
        int j = i + magnitude.length();
        String after = startingWith(s, j, UNIT_WORDS);
        return after != null ? j + after.length() : j;
    }

    private static String normaliseUnit(String unit) {
        return unit.replace("百分比", "%").replace('％', '%');
    }

    // ---------------------------------------------------------------- remark

    private static String remark(String before, String after) {
        String b = trimPunctuation(before);
        String a = trimPunctuation(after);
        String joined = b.isEmpty() ? a : a.isEmpty() ? b : b + " " + a;
        return joined.isEmpty() ? null : joined;
    }

    private static String trimPunctuation(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && (PUNCTUATION.indexOf(s.charAt(from)) >= 0 || Character.isWhitespace(s.charAt(from)))) {
            from++;
        }
        while (to > from && (PUNCTUATION.indexOf(s.charAt(to - 1)) >= 0 || Character.isWhitespace(s.charAt(to - 1)))) {
            to--;
        }
        return s.substring(from, to);
    }

    private static String endingWith(String s, List<String> words) {
        for (String w : words) {
            if (s.endsWith(w)) {
                return w;
            }
        }
        return null;
    }

    private static Word endingWithWord(String s, List<Word> words) {
        for (Word w : words) {
            if (s.endsWith(w.text())) {
                return w;
            }
        }
        return null;
    }
}
