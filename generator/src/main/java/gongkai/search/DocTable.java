package gongkai.search;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Per-document facet and filter data (kind, year, department, indicator categories, budget), indexed by doc id,
 * with the dictionaries the browser receives in meta.json.
 */
public final class DocTable {
    final int[] kind;
    final int[] year;
    final int[] dept;
    final int[] catMask;
    final BigDecimal[] budgetWan;
    /** Titles, for the static export's window order (read in the same pass as the rest). */
    final String[] title;
    final List<String> deptKeys = new ArrayList<>();
    final List<String> deptNames = new ArrayList<>();
    final List<String> categories = new ArrayList<>();
    final List<Integer> years;
    private final Map<String, Integer> deptIndex = new LinkedHashMap<>();
    private final Map<String, Integer> catIndex = new LinkedHashMap<>();

    DocTable(int n, List<Integer> allYears) {
        kind = new int[n];
        year = new int[n];
        dept = new int[n];
        catMask = new int[n];
        budgetWan = new BigDecimal[n];
        title = new String[n];
        years = new ArrayList<>(new TreeSet<>(allYears));
    }

    public int size() {
        return kind.length;
    }

    int deptIndex(String key, String name) {
        return deptIndex.computeIfAbsent(key, k -> {
            deptKeys.add(k);
            deptNames.add(name);
            return deptKeys.size() - 1;
        });
    }

    int categoryBit(String category) {
        int idx = catIndex.computeIfAbsent(category, c -> {
            categories.add(c);
            return categories.size() - 1;
        });
        if (idx >= 30) {
            throw new IllegalStateException("more than 30 distinct indicator categories (一级指标): " + categories);
        }
        return 1 << idx;
    }

    /** Whether doc passes all filters except the one named by {@code skip} (for facet counts). */
    /** A project that prints no budget amount (a budget range passes it only with {@code withUnbudgeted}). */
    boolean unbudgeted(int doc) {
        return kind[doc] == SearchDoc.PROJECT && budgetWan[doc] == null;
    }

    boolean passes(int doc, SearchFilters f, String skip) {
        if (!"year".equals(skip) && f.year() != null && year[doc] != f.year()) {
            return false;
        }
        if (!"dept".equals(skip) && f.dept() != null && !deptKeys.get(dept[doc]).equals(f.dept())) {
            return false;
        }
        if (!"cat".equals(skip) && f.category() != null) {
            int idx = categories.indexOf(f.category());
            if (idx < 0 || (catMask[doc] & (1 << idx)) == 0) {
                return false;
            }
        }
        if (!"budget".equals(skip) && (f.minWan() != null || f.maxWan() != null)) {
            BigDecimal b = budgetWan[doc];
            if (b == null) {
                return f.withUnbudgeted() && unbudgeted(doc);
            }
            if (f.minWan() != null && b.compareTo(f.minWan()) < 0) {
                return false;
            }
            if (f.maxWan() != null && b.compareTo(f.maxWan()) > 0) {
                return false;
            }
        }
        return true;
    }
}
