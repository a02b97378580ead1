package gongkai.search;

import gongkai.content.Amount;
import gongkai.content.Content;
import gongkai.content.Department;
import gongkai.content.DepartmentKey;
import gongkai.content.DepartmentYear;
import gongkai.content.Indicator;
import gongkai.content.Project;
import gongkai.content.Region;
import gongkai.content.Section;
import gongkai.content.Urls;
import gongkai.site.MoneyFormat;
import gongkai.site.ProcurementSource;
import gongkai.site.TargetText;
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
    public static final int MAX_SNIPPET_CHARS = 320;
    /** Purpose and goals give at most this much each, so indicator lines still reach the snippet. */
    public static final int MAX_PROSE_CHARS = 100;

    private SearchDocuments() {
    }

    /**
     * The documents as a list computed on access: {@code get(i)} builds document i from the content, so an
     * indexing thread walking a slice holds one document at a time, not 100,000 snippets and value lists.
     */
    public static List<SearchDoc> of(Content content) {
        return of(content, ProcurementSource.fromProcurementTables());
    }

    /**
     * As {@link #of(Content)}, with the procurement lines the site's pages show ({@code ProcurementSource.NONE}
     * when the pipeline links none).
     */
    public static List<SearchDoc> of(Content content, ProcurementSource procurement) {
        Map<String, String> regionNames = new HashMap<>();
        Map<String, String> regionParents = new HashMap<>();
        for (Region r : content.regions()) {
            regionNames.put(r.slug(), r.name());
            if (r.parent() != null) {
                regionParents.put(r.slug(), r.parent());
            }
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
                        : projectDoc(dy, dy.projects().get(offset - 1), departments, regionNames, regionParents,
                                procurement);
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
        add(dyValues, n.year() + "年");
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
            Map<String, String> regionNames, Map<String, String> regionParents, ProcurementSource procurement) {
        Names n = Names.of(dy, departments, regionNames);
        // Everything the project page shows, as printed there (its visible text is what people copy into the
        // box), each distinct value once: most 三级指标 repeat as their 指标值说明, and every indicator repeats
        // its 一级/二级指标. Indexing the repeats matched nothing more; it only inflated term frequencies.
        java.util.Set<String> values = new java.util.LinkedHashSet<>();
        add(values, p.name());
        add(values, n.deptFull());
        add(values, n.deptShown());
        // the breadcrumb's regions, innermost first
        String region = dy.regionSlug();
        for (int guard = 0; region != null && guard < 16; guard++) {
            add(values, regionNames.getOrDefault(region, region));
            region = regionParents.get(region);
        }
        add(values, n.year() + "年"); // the lead's "2023年" (tokens 2023, 年: both forms match)
        add(values, p.id());
        if (p.budget() != null) {
            addAmount(values, "预算数", p.budget().total());
            addAmount(values, "其中：财政资金", p.budget().fiscal());
            addAmount(values, "其他资金", p.budget().other());
        }
        for (ProcurementSource.Match m : procurement.linksFor(dy, p)) {
            // the page's line: "item：0.63 万元（6,300.00 元）", and the project's 预算资金 in its sentence
            add(values, m.item() + "：" + (m.yuan() == null ? "未列金额"
                    : MoneyFormat.wan(m.yuan()) + " 万元（" + MoneyFormat.yuan(m.yuan()) + " 元）"));
            addMoney(values, m.projectBudgetYuan());
        }
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
            add(values, TargetText.describe(ind.parsed())); // the page's 解读 column
            add(values, ind.basis());
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
                n.deptKey(), n.deptShown(), sourceHeading(values, p), cut(snippet.toString(), MAX_SNIPPET_CHARS),
                new ArrayList<>(categories), wan);
    }

    /** The values with the 出处 line's heading last (it mostly repeats the name; a value of its own all the same). */
    private static List<String> sourceHeading(java.util.Set<String> values, Project p) {
        if (p.source() != null) {
            add(values, p.source().heading());
        }
        return List.copyOf(values);
    }

    /**
     * A budget line as its table row prints it: label, 万元 (two decimals), exact 元 (grouped) and the source's
     * own figure with its unit ("460.20 万元"), so any of the printed forms is found.
     */
    private static void addAmount(java.util.Collection<String> values, String label, Amount amount) {
        if (amount == null) {
            return;
        }
        add(values, label);
        addMoney(values, amount.yuan());
        add(values, amount.value().toPlainString() + " " + amount.unit().label());
    }

    /** An amount as the pages print it: 万元 with two decimals and the exact grouped 元. */
    private static void addMoney(java.util.Collection<String> values, BigDecimal yuan) {
        if (yuan != null) {
            add(values, MoneyFormat.wan(yuan));
            add(values, MoneyFormat.yuan(yuan));
        }
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
