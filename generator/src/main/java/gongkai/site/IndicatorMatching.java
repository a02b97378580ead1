package gongkai.site;

import gongkai.content.Indicator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * Finds the same indicator of a project in two years. Names are compared after NFKC (full- and half-width
 * alike) with every punctuation mark, symbol and space removed. Three passes, each only over the indicators the
 * passes before left unpaired:
 * <ol>
 *   <li>the same 一级, 二级 and 三级 names;</li>
 *   <li>the same 一级 (or one containing the other, as in the next pass) and 三级 names, the 二级 renamed
 *       (社会效益指标 → 可持续影响指标);</li>
 *   <li>the same 一级 and 二级, or one containing the other (社会效益 / 社会效益指标), and 三级 names alike: a Dice
 *       coefficient of their character pairs of at least {@value #SIMILAR} (总投资额 / 项目总投资 0.57,
 *       服务对象满意度 / 服务对象满意率 0.83; 项目完成合格率 / 验收合格率 0.40 stays apart). Most alike first.</li>
 * </ol>
 * Within a pass, an indicator takes the first unpaired one of the other year that qualifies (source order), so two
 * rows of the same name pair first with first. Anything else is not the same indicator: one year's is shown as
 * 新增, the other's as 本年无. No guessing across 一级 (a 产出指标 never pairs with a 效益指标), nor on the target.
 */
final class IndicatorMatching {
    static final double SIMILAR = 0.5;
    private static final Pattern NOISE = Pattern.compile("[\\p{P}\\p{S}\\s]+");

    /** How a pair was found: the names are the same, or (the fallbacks) one of them changed. */
    enum How {
        SAME_NAMES, LEVEL2_RENAMED, LEVEL3_ALIKE
    }

    /** {@code before}'s indicator at {@code before} is {@code after}'s at {@code after}. */
    record Match(int before, int after, How how) {
    }

    private IndicatorMatching() {
    }

    /** The pairs, in {@code after}'s order. */
    static List<Match> match(List<Indicator> before, List<Indicator> after) {
        Names[] b = before.stream().map(Names::of).toArray(Names[]::new);
        Names[] a = after.stream().map(Names::of).toArray(Names[]::new);
        boolean[] takenBefore = new boolean[b.length];
        boolean[] takenAfter = new boolean[a.length];
        List<Match> out = new ArrayList<>();
        inOrder(b, a, takenBefore, takenAfter, out, How.SAME_NAMES,
                (x, y) -> x.l1.equals(y.l1) && x.l2.equals(y.l2) && x.l3.equals(y.l3));
        inOrder(b, a, takenBefore, takenAfter, out, How.LEVEL2_RENAMED,
                (x, y) -> sameLevel(x.l1, y.l1) && !x.l3.isEmpty() && x.l3.equals(y.l3));
        record Candidate(int before, int after, double score) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < b.length; i++) {
            for (int j = 0; j < a.length; j++) {
                if (!takenBefore[i] && !takenAfter[j] && sameLevel(b[i].l1, a[j].l1) && sameLevel(b[i].l2, a[j].l2)) {
                    double score = dice(b[i].l3, a[j].l3);
                    if (score >= SIMILAR) {
                        candidates.add(new Candidate(i, j, score));
                    }
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparingInt(Candidate::after).thenComparingInt(Candidate::before));
        for (Candidate c : candidates) {
            if (!takenBefore[c.before()] && !takenAfter[c.after()]) {
                takenBefore[c.before()] = true;
                takenAfter[c.after()] = true;
                out.add(new Match(c.before(), c.after(), How.LEVEL3_ALIKE));
            }
        }
        out.sort(Comparator.comparingInt(Match::after));
        return List.copyOf(out);
    }

    private static void inOrder(Names[] b, Names[] a, boolean[] takenBefore, boolean[] takenAfter, List<Match> out,
                                How how, BiPredicate<Names, Names> same) {
        for (int j = 0; j < a.length; j++) {
            if (takenAfter[j]) {
                continue;
            }
            for (int i = 0; i < b.length; i++) {
                if (!takenBefore[i] && same.test(b[i], a[j])) {
                    takenBefore[i] = true;
                    takenAfter[j] = true;
                    out.add(new Match(i, j, how));
                    break;
                }
            }
        }
    }

    /** Equal, or one containing the other (社会效益 / 社会效益指标); an empty name is only like an empty one. */
    static boolean sameLevel(String x, String y) {
        if (x.isEmpty() || y.isEmpty()) {
            return x.equals(y);
        }
        return x.contains(y) || y.contains(x);
    }

    /** Dice coefficient of the two names' sets of adjacent character pairs (a one-character name is its own pair). */
    static double dice(String x, String y) {
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        if (x.equals(y)) {
            return 1;
        }
        Set<String> gx = grams(x);
        Set<String> gy = grams(y);
        int common = 0;
        for (String g : gx) {
            if (gy.contains(g)) {
                common++;
            }
        }
        return 2.0 * common / (gx.size() + gy.size());
    }

    private static Set<String> grams(String s) {
        Set<String> grams = new HashSet<>();
        int[] cp = s.codePoints().toArray();
        if (cp.length == 1) {
            grams.add(s);
        }
        for (int i = 0; i + 1 < cp.length; i++) {
            grams.add(new String(cp, i, 2));
        }
        return grams;
    }

    /** A name as compared: NFKC, no punctuation, symbols or spaces; "" for none. */
    static String normalised(String name) {
        if (name == null) {
            return "";
        }
        return NOISE.matcher(Normalizer.normalize(name, Normalizer.Form.NFKC)).replaceAll("");
    }

    /** A target as compared for "has it changed": NFKC without spaces (≥ 90% is ≥90%). */
    static String normalisedTarget(String target) {
        if (target == null) {
            return "";
        }
        return Normalizer.normalize(target, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    private record Names(String l1, String l2, String l3) {
        static Names of(Indicator i) {
            return new Names(normalised(i.level1()), normalised(i.level2()), normalised(i.level3()));
        }
    }
}
