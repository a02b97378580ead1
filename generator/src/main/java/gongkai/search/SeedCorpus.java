package gongkai.search;

import gongkai.content.Amount;
import gongkai.content.Budget;
import gongkai.content.Content;
import gongkai.content.Department;
import gongkai.content.DepartmentYear;
import gongkai.content.Indicator;
import gongkai.content.MoneyUnit;
import gongkai.content.ParsedTarget;
import gongkai.content.Project;
import gongkai.content.Region;
import gongkai.content.SiteConfig;
import gongkai.content.SourceRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A plain line reader of the Tianjin-format seed documents (项目名称 / 预算数 / 绩效目标 / five-line indicator
 * rows), for search tests and the search benchmark — not the importer. Also generates synthetic corpora of any
 * size from the seeds' vocabulary.
 */
public final class SeedCorpus {
    private SeedCorpus() {
    }

    /** One project as read from a seed document. */
    public record SeedProject(String document, int line, String deptCode, String deptName, MoneyUnit unit, int year,
            String name, String budget, String purpose, String goals, List<Indicator> indicators) {
    }

    private static final Pattern DEPT_LINE = Pattern.compile("^\\t(\\d{3,})(\\S.*)$");
    private static final Pattern YEAR = Pattern.compile("(20\\d\\d)");

    /** The seed documents in name order. */
    public static List<Path> seedFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
    }

    /** Every non-blank line of the seeds, stripped: a corpus of real strings. */
    public static List<String> lines(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        for (Path f : seedFiles(dir)) {
            for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (!l.isBlank()) {
                    out.add(l.strip());
                }
            }
        }
        return out;
    }

    public static List<SeedProject> projects(Path dir) throws IOException {
        List<SeedProject> out = new ArrayList<>();
        for (Path f : seedFiles(dir)) {
            out.addAll(read(f));
        }
        return out;
    }

    static List<SeedProject> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<SeedProject> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("项目名称")) {
                continue;
            }
            String code = null;
            String deptName = null;
            MoneyUnit unit = MoneyUnit.WAN_YUAN;
            for (int j = i - 1; j >= Math.max(0, i - 8); j--) {
                Matcher m = DEPT_LINE.matcher(lines.get(j));
                if (code == null && m.matches()) {
                    code = m.group(1);
                    deptName = m.group(2).strip();
                }
                if (lines.get(j).contains("单位：元")) {
                    unit = MoneyUnit.YUAN;
                }
            }
            int k = nextNonBlank(lines, i + 1);
            if (code == null || k < 0) {
                continue;
            }
            String name = lines.get(k).strip().replace("**", "");
            Matcher ym = YEAR.matcher(name);
            int year = ym.find() ? Integer.parseInt(ym.group(1)) : 2024;
            int budgetAt = find(lines, "预算数", k, k + 6);
            String budget = null;
            if (budgetAt >= 0) {
                int v = nextNonBlank(lines, budgetAt + 1);
                if (v >= 0 && lines.get(v).strip().matches("[0-9.]+")) {
                    budget = lines.get(v).strip();
                }
            }
            int other = find(lines, "其他资金", k, k + 14);
            int goalsAt = find(lines, "绩效目标", k, k + 60);
            int header = find(lines, "一级指标", k, k + 120);
            if (other < 0 || goalsAt < 0 || header < 0) {
                continue;
            }
            String purpose = join(lines, other + 2, goalsAt);
            String goals = join(lines, goalsAt + 1, header);
            int valueHeader = find(lines, "指标值", header, header + 6);
            List<Indicator> indicators = new ArrayList<>();
            String l1 = null;
            String l2 = null;
            int r = valueHeader + 1;
            while (r < lines.size()) {
                while (r < lines.size() && lines.get(r).isEmpty()) {
                    r++;
                }
                int end = r;
                while (end < lines.size() && !lines.get(end).isEmpty()) {
                    end++;
                }
                if (end - r != 5 || !lines.get(r).startsWith("\t")) {
                    break;
                }
                String c1 = lines.get(r).strip();
                String c2 = lines.get(r + 1).strip();
                l1 = c1.isEmpty() ? l1 : c1;
                l2 = c2.isEmpty() ? l2 : c2;
                indicators.add(new Indicator(l1, l2, emptyToNull(lines.get(r + 2)), emptyToNull(lines.get(r + 3)),
                        emptyToNull(lines.get(r + 4)), null, ParsedTarget.qualitative()));
                r = end;
            }
            out.add(new SeedProject(file.getFileName().toString(), i + 1, code, deptName, unit, year, name, budget,
                    purpose, goals, indicators));
        }
        return out;
    }

    private static String emptyToNull(String s) {
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static int nextNonBlank(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static int find(List<String> lines, String cell, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(lines.size(), to); i++) {
            if (lines.get(i).strip().equals(cell)) {
                return i;
            }
        }
        return -1;
    }

    private static String join(List<String> lines, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            String s = lines.get(i).strip();
            if (!s.isEmpty()) {
                sb.append(sb.length() > 0 ? "\n" : "").append(s);
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /** The seed projects as content: one region, one department-year per (code, year), in reading order. */
    public static Content toContent(List<SeedProject> projects) {
        Map<String, Department> depts = new LinkedHashMap<>();
        Map<String, List<SeedProject>> byDy = new LinkedHashMap<>();
        for (SeedProject p : projects) {
            depts.putIfAbsent(p.deptCode(), new Department("tianjin", p.deptCode(), p.deptName(), null, null));
            byDy.computeIfAbsent(p.deptCode() + "-" + p.year(), x -> new ArrayList<>()).add(p);
        }
        List<DepartmentYear> dys = new ArrayList<>();
        for (List<SeedProject> group : byDy.values()) {
            SeedProject first = group.get(0);
            List<Project> ps = new ArrayList<>();
            for (SeedProject p : group) {
                String id = String.format("%s-%d-%03d", p.deptCode(), p.year(), ps.size() + 1);
                Budget budget = p.budget() == null ? null
                        : new Budget(p.unit(), Amount.of(p.budget(), p.unit()), null, null);
                ps.add(new Project(id, p.name(), budget, p.purpose(), p.goals(), p.indicators(),
                        new SourceRef(p.document(), p.name(), p.line())));
            }
            dys.add(new DepartmentYear("tianjin", first.deptCode(), first.year(),
                    first.deptName() + first.year() + "年项目支出绩效目标表", first.document(), List.of(), List.of(),
                    ps));
        }
        return new Content(new SiteConfig("测试", "测试", "测试", "CC BY 4.0", "https://example.org/", "/"),
                List.of(new Region("tianjin", "天津市", null)), new ArrayList<>(depts.values()), dys, List.of());
    }

    private static final String[] DISTRICTS = {"和平区", "河东区", "河西区", "南开区", "河北区", "红桥区", "东丽区",
        "西青区", "津南区", "北辰区", "武清区", "宝坻区", "滨海新区", "宁河区", "静海区", "蓟州区"};

    /**
     * A synthetic corpus of {@code count} projects recombined from the seeds: project names with a district and
     * year, purposes, goals and indicator rows mixed from two seed projects, 30 projects per department-year,
     * three years per department. Deterministic for a given seed.
     */
    public static Content synthetic(List<SeedProject> seeds, int count, long seed) {
        Random rnd = new Random(seed);
        List<Department> depts = new ArrayList<>();
        List<DepartmentYear> dys = new ArrayList<>();
        int perDy = 30;
        int made = 0;
        int deptNo = 0;
        while (made < count) {
            SeedProject proto = seeds.get(rnd.nextInt(seeds.size()));
            String district = DISTRICTS[deptNo % DISTRICTS.length];
            String code = Integer.toString(500000 + deptNo);
            String deptName = "天津市" + district + proto.deptName().replaceFirst("^天津市(滨海新区)?", "")
                    + (deptNo >= DISTRICTS.length ? "第" + (deptNo / DISTRICTS.length + 1) + "分支机构" : "");
            depts.add(new Department("tianjin", code, deptName, null, null));
            deptNo++;
            for (int year = 2023; year <= 2025 && made < count; year++) {
                List<Project> ps = new ArrayList<>();
                for (int i = 0; i < perDy && made < count; i++) {
                    SeedProject a = seeds.get(rnd.nextInt(seeds.size()));
                    SeedProject b = seeds.get(rnd.nextInt(seeds.size()));
                    String name = district + a.name().replaceAll("20\\d\\d", Integer.toString(year));
                    List<Indicator> inds = new ArrayList<>();
                    int half = a.indicators().size() / 2;
                    inds.addAll(a.indicators().subList(0, half));
                    inds.addAll(b.indicators().subList(b.indicators().size() / 2, b.indicators().size()));
                    String budget = String.format("%d.%02d", 1 + rnd.nextInt(5000), rnd.nextInt(100));
                    String id = String.format("%s-%d-%03d", code, year, i + 1);
                    ps.add(new Project(id, name, new Budget(MoneyUnit.WAN_YUAN,
                            Amount.of(budget, MoneyUnit.WAN_YUAN), null, null), rnd.nextBoolean() ? a.purpose()
                            : b.purpose(), a.goals(), inds, new SourceRef(a.document(), a.name(), a.line())));
                    made++;
                }
                dys.add(new DepartmentYear("tianjin", code, year, deptName + year + "年项目支出绩效目标表",
                        proto.document(), List.of(), List.of(), ps));
            }
        }
        return new Content(new SiteConfig("测试", "测试", "测试", "CC BY 4.0", "https://example.org/", "/"),
                List.of(new Region("tianjin", "天津市", null)), depts, dys, List.of());
    }
}
