package gongkai.search;

import gongkai.content.Content;
import gongkai.content.Department;
import gongkai.content.DepartmentKey;
import gongkai.content.DepartmentYear;
import gongkai.content.Indicator;
import gongkai.content.Project;
import gongkai.content.Region;
import gongkai.content.Section;
import gongkai.content.Urls;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Flattens {@link Content} into {@link SearchDoc}s: each department-year, then its projects, in content order. */
public final class SearchDocuments {
    /**
     * Snippet text is cut to this many characters (a department-year's sections can run to pages): the result
     * list fetches display rows in batches, so every character here is paid for by ten results per query.
     */
    static final int MAX_SNIPPET_CHARS = 320;
    /** Purpose and goals give at most this much each, so indicator lines still reach the snippet. */
    static final int MAX_PROSE_CHARS = 100;

    private SearchDocuments() {
    }

    /**
     * The documents as a list computed on access: {@code get(i)} builds document i from the content, so an
     * indexing thread walking a slice holds one document at a time, not 100,000 snippets and value lists.
     */
    public static List<SearchDoc> of(Content content) {
        Map<String, String> regionNames = new HashMap<>();
        for (Region r : content.regions()) {
            regionNames.put(r.slug(), r.name());
        }
        Map<DepartmentKey, Department> departments = new HashMap<>();
        for (Department d : content.departments()) {
            departments.put(d.key(), d);
        }
        List<DepartmentYear> years = content.departmentYears();
        // starts[k] = number of the department-year k's own document; its projects follow it
        int[] starts = new int[years.size() + 1];
        for (int k = 0; k < years.size(); k++) {
            starts[k + 1] = starts[k] + 1 + years.get(k).projects().size();
        }
        return new java.util.AbstractList<>() {
            @Override
            public SearchDoc get(int index) {
                java.util.Objects.checkIndex(index, starts[years.size()]);
                int k = java.util.Arrays.binarySearch(starts, 0, years.size(), index);
                if (k < 0) {
                    k = -k - 2; // inside department-year k's run (starts are strictly increasing)
                }
                DepartmentYear dy = years.get(k);
                int offset = index - starts[k];
                return offset == 0 ? departmentYearDoc(dy, departments, regionNames)
                        : projectDoc(dy, dy.projects().get(offset - 1), departments, regionNames);
            }

            @Override
            public int size() {
                return starts[years.size()];
            }
        };
    }

    private record Names(String deptKey, String deptFull, String deptShown, String regionName, String year) {
        static Names of(DepartmentYear dy, Map<DepartmentKey, Department> departments, Map<String, String> regionNames) {
            DepartmentKey key = dy.departmentKey();
            String deptKey = key.toString();
            Department dept = departments.get(key);
            String deptFull = dept != null ? dept.name() : dy.departmentCode();
            String deptShown = dept != null && dept.shortName() != null ? dept.shortName() : deptFull;
            return new Names(deptKey, deptFull, deptShown, regionNames.getOrDefault(dy.regionSlug(), dy.regionSlug()),
                    Integer.toString(dy.year()));
        }
    }

    private static SearchDoc departmentYearDoc(DepartmentYear dy, Map<DepartmentKey, Department> departments,
            Map<String, String> regionNames) {
        Names n = Names.of(dy, departments, regionNames);
        List<String> dyValues = new ArrayList<>();
        add(dyValues, dy.title());
        add(dyValues, n.deptFull());
        add(dyValues, n.regionName());
        add(dyValues, n.year());
        StringBuilder dySnippet = new StringBuilder();
        for (Section s : dy.sections()) {
            add(dyValues, s.title());
            add(dyValues, s.markdown());
            appendLine(dySnippet, s.title());
            appendLine(dySnippet, s.markdown());
        }
        String dyText = cut(dySnippet.toString(), MAX_SNIPPET_CHARS);
        return new SearchDoc(SearchDoc.DEPARTMENT_YEAR, n.deptKey() + "/" + n.year(), dy.title(),
                Urls.departmentYear(dy.regionSlug(), dy.departmentCode(), dy.year()), dy.year(), n.deptKey(),
                n.deptShown(), dyValues, dyText, List.of(), null);
    }

    private static SearchDoc projectDoc(DepartmentYear dy, Project p, Map<DepartmentKey, Department> departments,
            Map<String, String> regionNames) {
        Names n = Names.of(dy, departments, regionNames);
        // Each distinct value once: most 三级指标 repeat as their 指标值说明, and every indicator repeats its
        // 一级/二级指标. Indexing the repeats matched nothing more; it only inflated term frequencies (ranking
        // projects by how often a label recurs) and was a third of the index's tokens.
        java.util.Set<String> values = new java.util.LinkedHashSet<>();
        add(values, p.name());
        add(values, n.deptFull());
        add(values, n.regionName());
        add(values, n.year());
        add(values, p.purpose());
        add(values, p.goals());
        StringBuilder snippet = new StringBuilder();
        appendLine(snippet, cut(p.purpose(), MAX_PROSE_CHARS));
        appendLine(snippet, cut(p.goals(), MAX_PROSE_CHARS));
        LinkedHashSet<String> categories = new LinkedHashSet<>();
        LinkedHashSet<String> seenLines = new LinkedHashSet<>();
        for (Indicator ind : p.indicators()) {
            add(values, ind.level1());
            add(values, ind.level2());
            add(values, ind.level3());
            add(values, ind.description());
            add(values, ind.target());
            if (ind.level1() != null && !ind.level1().isBlank()) {
                categories.add(ind.level1().strip());
            }
            // The snippet keeps what tells projects apart: 三级指标, a differing description, the target.
            StringBuilder line = new StringBuilder();
            if (ind.level3() != null) {
                line.append(ind.level3().strip());
            }
            if (ind.description() != null && !Objects.equals(ind.description().strip(), line.toString())) {
                line.append(line.length() > 0 ? " " : "").append(ind.description().strip());
            }
            if (ind.target() != null) {
                line.append(line.length() > 0 ? "：" : "").append(ind.target().strip());
            }
            if (seenLines.add(line.toString())) {
                appendLine(snippet, line.toString());
            }
        }
        BigDecimal wan = p.budget() != null && p.budget().total() != null
                ? p.budget().total().yuan().divide(BigDecimal.valueOf(10_000), 6, RoundingMode.UNNECESSARY)
                        .stripTrailingZeros()
                : null;
        if (wan != null && wan.scale() < 0) {
            wan = wan.setScale(0); // 2E+2 → 200: plain JSON numbers
        }
        return new SearchDoc(SearchDoc.PROJECT, p.id(), p.name(), Urls.project(p.id()), dy.year(),
                n.deptKey(), n.deptShown(), List.copyOf(values), cut(snippet.toString(), MAX_SNIPPET_CHARS), new ArrayList<>(categories), wan);
    }

    /** The first {@code max} characters (never splitting a surrogate pair), with … when cut. */
    static String cut(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end) + "…";
    }

    private static void add(java.util.Collection<String> values, String v) {
        if (v != null && !v.isBlank()) {
            values.add(v);
        }
    }

    private static void appendLine(StringBuilder sb, String v) {
        if (v == null || v.isBlank()) {
            return;
        }
        if (sb.length() > 0) {
            sb.append('\n');
        }
        sb.append(v.strip());
    }
}
