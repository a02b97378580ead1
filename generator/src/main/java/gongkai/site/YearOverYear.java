package gongkai.site;

import gongkai.content.Amount;
import gongkai.content.Budget;
import gongkai.content.DepartmentYear;
import gongkai.content.Project;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One department's projects through its years: which project of one year is the same project in another, and how
 * its amounts changed. The pages (项目页 历年对比, the department and department-year pages) and
 * data/project_changes.csv all read this one pairing, so they never disagree.
 *
 * <p>Rule: two projects of the department are the same project when their names are equal after
 * {@link ProjectMatching#normalisedName} (leading years and all punctuation dropped) — the rule behind
 * {@code project_key}. When one year lists that name more than once (a duplicate, flagged by the quality checks),
 * the n-th of them by project id is the same project as the n-th in another year: each project has at most one
 * counterpart per year, and a surplus one is new (or dropped). A name with nothing left after normalising matches
 * nothing. "Previous year" is the department's latest earlier year in the content (2021 before 2023 when 2022 is
 * not published).
 */
public final class YearOverYear {
    /** How a project of a year stands against the department's previous year. */
    public enum Status {
        /** In both years. */
        CONTINUED("延续"),
        /** In this year, not in the previous one. */
        NEW("新增"),
        /** In the previous year, not in this one. */
        DROPPED("本年无");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** The Chinese word the pages and the CSV use. */
        public String label() {
            return label;
        }
    }

    /** One project through the department's years: its project in each year it appears in, oldest first. */
    public record Row(NavigableMap<Integer, Project> byYear) {
        public Row {
            byYear = Collections.unmodifiableNavigableMap(new TreeMap<>(byYear));
        }

        public Project in(int year) {
            return byYear.get(year);
        }

        /** The project in the latest year it appears in. */
        public Project latest() {
            return byYear.lastEntry().getValue();
        }

        public int latestYear() {
            return byYear.lastKey();
        }
    }

    /** A project of a year and the same project in the previous year; one of them is null for a new or dropped one. */
    public record Pair(Project previous, Project current) {
        public Status status() {
            return previous == null ? Status.NEW : current == null ? Status.DROPPED : Status.CONTINUED;
        }
    }

    /**
     * An amount in two years and the change. {@code percent} is the change as a percentage of {@code before}, one
     * decimal rounded half up; null when {@code before} is 0 or negative: no percentage of nothing exists (growth
     * from 0 is not "+∞%"), and one of a negative amount (an error the quality checks flag) would have its sign
     * reversed.
     */
    public record Change(BigDecimal before, BigDecimal after, BigDecimal difference, BigDecimal percent) {
        /** Null when either amount is missing: a change from or to an unlisted amount is unknown, not the amount. */
        public static Change of(BigDecimal before, BigDecimal after) {
            if (before == null || after == null) {
                return null;
            }
            BigDecimal difference = after.subtract(before);
            BigDecimal percent = before.signum() <= 0 ? null
                    : difference.multiply(BigDecimal.valueOf(100)).divide(before, 1, RoundingMode.HALF_UP);
            return new Change(before, after, difference, percent);
        }
    }

    /** The amounts compared: 预算数, 财政资金, 其他资金, each in 元 (null when the project does not list it). */
    public enum Figure {
        TOTAL("预算数", Budget::total),
        FISCAL("财政资金", Budget::fiscal),
        OTHER("其他资金", Budget::other);

        private final String label;
        private final Function<Budget, Amount> amount;

        Figure(String label, Function<Budget, Amount> amount) {
            this.label = label;
            this.amount = amount;
        }

        public String label() {
            return label;
        }

        /** The project's amount in 元, exact; null when it lists none. */
        public BigDecimal yuan(Project p) {
            if (p == null || p.budget() == null) {
                return null;
            }
            Amount a = amount.apply(p.budget());
            return a == null ? null : a.yuan();
        }
    }

    private final List<DepartmentYear> years;
    private final List<Row> rows;
    private final Map<String, Row> rowByProjectId = new HashMap<>();

    private YearOverYear(List<DepartmentYear> years, List<Row> rows) {
        this.years = years;
        this.rows = rows;
        for (Row row : rows) {
            row.byYear().values().forEach(p -> rowByProjectId.put(p.id(), row));
        }
    }

    /** The pairing of one department's years ({@code years}: that department's, any order). */
    public static YearOverYear of(List<DepartmentYear> years) {
        List<DepartmentYear> sorted = years.stream().sorted(Comparator.comparingInt(DepartmentYear::year)).toList();
        // (normalised name, n-th of that name in its year) → the row; insertion order is first appearance
        Map<String, NavigableMap<Integer, Project>> byKey = new LinkedHashMap<>();
        int unnamed = 0;
        for (DepartmentYear dy : sorted) {
            Map<String, Integer> seen = new HashMap<>();
            for (Project p : dy.projects().stream().sorted(Comparator.comparing(Project::id)).toList()) {
                String name = ProjectMatching.normalisedName(p.name());
                String key;
                if (name.isEmpty()) {
                    key = "\u0000" + unnamed++; // matches nothing
                } else {
                    int n = seen.merge(name, 1, Integer::sum);
                    key = name + "\u0000" + n;
                }
                byKey.computeIfAbsent(key, k -> new TreeMap<>()).put(dy.year(), p);
            }
        }
        List<Row> rows = new ArrayList<>();
        byKey.values().forEach(m -> rows.add(new Row(m)));
        // Latest first: this year's projects by id, then those last seen a year earlier, and so on.
        rows.sort(Comparator.comparing(Row::latestYear, Comparator.reverseOrder())
                .thenComparing(r -> r.latest().id()));
        return new YearOverYear(sorted, List.copyOf(rows));
    }

    /** The department's years, oldest first. */
    public List<DepartmentYear> years() {
        return years;
    }

    /** Every project of the department, the same project across years being one row; latest first. */
    public List<Row> rows() {
        return rows;
    }

    /** The row of a project of one of the years (null for a project of no such year). */
    public Row rowOf(Project p) {
        return rowByProjectId.get(p.id());
    }

    /** The department's year before {@code dy}, or null for its first. */
    public DepartmentYear previous(DepartmentYear dy) {
        DepartmentYear before = null;
        for (DepartmentYear y : years) {
            if (y.year() >= dy.year()) {
                break;
            }
            before = y;
        }
        return before;
    }

    /**
     * {@code dy} against the department's previous year: its projects by id (each with its counterpart or none),
     * then the previous year's projects it no longer lists, by id. Empty for the department's first year.
     */
    public List<Pair> pairs(DepartmentYear dy) {
        DepartmentYear previous = previous(dy);
        if (previous == null) {
            return List.of();
        }
        List<Pair> out = new ArrayList<>();
        for (Project p : dy.projects().stream().sorted(Comparator.comparing(Project::id)).toList()) {
            out.add(new Pair(rowOf(p).in(previous.year()), p));
        }
        for (Project p : previous.projects().stream().sorted(Comparator.comparing(Project::id)).toList()) {
            if (rowOf(p).in(dy.year()) == null) {
                out.add(new Pair(p, null));
            }
        }
        return List.copyOf(out);
    }
}
