package gongkai.sample;

import gongkai.content.DepartmentKey;
import gongkai.content.Content;
import gongkai.content.DataTable;
import gongkai.content.Department;
import gongkai.content.DepartmentYear;
import gongkai.content.Indicator;
import gongkai.content.MoneyUnit;
import gongkai.content.Project;
import gongkai.content.Region;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words, sentences, indicator rows and table shapes of real content, taken apart so the sample
 * generator can recombine them. Every list is built in the loader's stable order (regions, departments
 * and years sorted), so the same content always gives the same vocabulary.
 */
final class Vocabulary {
    /** The two published shapes: Tianjin (budget, purpose, no basis) and Hengshui (no budget, basis, tables). */
    enum Format { TIANJIN, HENGSHUI }

    /** Where a piece of real text came from, so its department name and years can be replaced. */
    record Origin(int year, String departmentName) {
    }

    record Text(String text, Origin origin) {
    }

    /** A project name taken apart: optional year prefix, whether a place name followed it, core, suffix. */
    record NameParts(String yearPrefix, boolean place, String core, String suffix, Origin origin) {
    }

    record IndicatorRow(Indicator indicator, Origin origin) {
    }

    /** One real project: its name, texts and indicator rows belong together and are reused together. */
    record ProjectSample(NameParts name, Text purpose, Text goals, List<IndicatorRow> rows) {
    }

    /** Name endings recombined with other cores; longest first so 专项经费 wins over 经费. */
    static final List<String> SUFFIXES = List.of("专项经费", "工作经费", "运行经费", "服务费用", "经费", "项目", "费用", "服务", "费");
    private static final Pattern YEAR_PREFIX = Pattern.compile("^(20[0-9]{2}(?:-20[0-9]{2})?年度?)");
    private static final Pattern SUB_PLACE = Pattern.compile("([\\u4e00-\\u9fff]{2})(?:[县区市])?分局");
    private static final Pattern REGION_PLACE = Pattern.compile("([\\u4e00-\\u9fff]{2})(?:新区|市|区|县)");

    /** Real region names, longest first (so 天津市滨海新区 is replaced before 天津市). */
    final List<String> regionNames = new ArrayList<>();
    /** Two-character place names (天津, 衡水, 桃城 …) from region names, unit tables and project names. */
    final List<String> places = new ArrayList<>();
    /** Department names minus their region's name (生态环境监测中心, 人民政府政务服务办公室 …). */
    final List<String> departmentStems = new ArrayList<>();
    final Map<Format, List<NameParts>> names = new TreeMap<>();
    final Map<Format, List<ProjectSample>> samples = new TreeMap<>();
    /** level1 + level2 → real rows of that format, for swapping rows between projects. */
    final Map<Format, Map<String, List<IndicatorRow>>> rowsBySlot = new TreeMap<>();
    /** Real Tianjin budget totals, in 元. */
    final List<BigDecimal> budgetTotalsYuan = new ArrayList<>();
    /** Share of real Tianjin department-years printed in 万元. */
    double wanYuanShare;
    /** A real department-year of each format: its title, sections and tables are the model for synthetic ones. */
    final Map<Format, DepartmentYear> models = new TreeMap<>();
    final Map<Format, Origin> modelOrigins = new TreeMap<>();
    final Map<Format, Double> formatShare = new TreeMap<>();

    static Vocabulary of(Content content) {
        Vocabulary v = new Vocabulary();
        v.collect(content);
        return v;
    }

    static Format formatOf(DepartmentYear dy) {
        boolean anyBudget = dy.projects().stream().anyMatch(p -> p.budget() != null);
        return anyBudget || dy.projects().isEmpty() && dy.tables().isEmpty() ? Format.TIANJIN : Format.HENGSHUI;
    }

    static String slot(Indicator i) {
        return i.level1() + "\u0000" + i.level2();
    }

    private void collect(Content content) {
        Map<String, String> regionNameBySlug = new TreeMap<>();
        for (Region r : content.regions()) {
            regionNameBySlug.put(r.slug(), r.name());
            regionNames.add(r.name());
        }
        regionNames.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        TreeSet<String> placeSet = new TreeSet<>();
        for (String name : regionNames) {
            Matcher m = REGION_PLACE.matcher(name);
            while (m.find()) {
                placeSet.add(m.group(1));
            }
        }
        Map<DepartmentKey, String> departmentNames = new HashMap<>();
        TreeSet<String> stems = new TreeSet<>();
        for (Department d : content.departments()) {
            departmentNames.put(d.key(), d.name());
            String regionName = regionNameBySlug.get(d.regionSlug());
            if (d.name() != null && regionName != null && d.name().startsWith(regionName) && d.name().length() > regionName.length()) {
                stems.add(d.name().substring(regionName.length()));
            }
        }
        departmentStems.addAll(stems);

        int tianjinYears = 0;
        int wanYuanYears = 0;
        Map<Format, Integer> projectsByFormat = new TreeMap<>();
        for (DepartmentYear dy : content.departmentYears()) {
            Format format = formatOf(dy);
            String deptName = departmentNames.getOrDefault(dy.departmentKey(), "");
            Origin origin = new Origin(dy.year(), deptName);
            projectsByFormat.merge(format, dy.projects().size(), Integer::sum);
            if (!models.containsKey(format) || richness(dy) > richness(models.get(format))) {
                models.put(format, dy);
                modelOrigins.put(format, origin);
            }
            for (DataTable t : dy.tables()) {
                if (t.id().equals("units")) {
                    for (Map<String, String> row : t.rows()) {
                        addSubPlaces(row.get("name"), placeSet);
                    }
                }
            }
            boolean wan = false;
            for (Project p : dy.projects()) {
                addSubPlaces(p.name(), placeSet);
                NameParts name = split(p.name(), origin);
                names.computeIfAbsent(format, f -> new ArrayList<>()).add(name);
                if (!p.indicators().isEmpty()) {
                    List<IndicatorRow> rows = new ArrayList<>();
                    for (Indicator i : p.indicators()) {
                        IndicatorRow row = new IndicatorRow(i, origin);
                        rows.add(row);
                        rowsBySlot.computeIfAbsent(format, f -> new TreeMap<>())
                                .computeIfAbsent(slot(i), s -> new ArrayList<>()).add(row);
                    }
                    samples.computeIfAbsent(format, f -> new ArrayList<>()).add(new ProjectSample(name,
                            p.purpose() == null ? null : new Text(p.purpose(), origin),
                            p.goals() == null ? null : new Text(p.goals(), origin), List.copyOf(rows)));
                }
                if (p.budget() != null && p.budget().total() != null && p.budget().total().value().signum() > 0) {
                    budgetTotalsYuan.add(p.budget().total().yuan());
                    wan |= p.budget().unit() == MoneyUnit.WAN_YUAN;
                }
            }
            if (format == Format.TIANJIN) {
                tianjinYears++;
                wanYuanYears += wan ? 1 : 0;
            }
        }
        wanYuanShare = tianjinYears == 0 ? 0.5 : (double) wanYuanYears / tianjinYears;
        places.addAll(placeSet);
        int totalProjects = projectsByFormat.values().stream().mapToInt(Integer::intValue).sum();
        for (Format f : Format.values()) {
            if (samples.containsKey(f)) {
                formatShare.put(f, projectsByFormat.getOrDefault(f, 0) / (double) Math.max(1, totalProjects));
            }
        }
        if (formatShare.isEmpty()) {
            throw new IllegalArgumentException("the source content has no project with indicators to learn from");
        }
        if (places.size() < 2) {
            throw new IllegalArgumentException("the source content names fewer than two places (regions, 分局) to build region names from");
        }
        if (departmentStems.isEmpty()) {
            departmentStems.add("人民政府办公室");
        }
        if (budgetTotalsYuan.isEmpty()) {
            budgetTotalsYuan.add(new BigDecimal("500000.00"));
        }
    }

    /** More tables and sections make a better model department-year. */
    private static int richness(DepartmentYear dy) {
        return dy.tables().size() * 1000 + dy.sections().size() * 100 + Math.min(dy.projects().size(), 99);
    }

    private static void addSubPlaces(String text, TreeSet<String> placeSet) {
        if (text == null) {
            return;
        }
        Matcher m = SUB_PLACE.matcher(text);
        while (m.find()) {
            String place = m.group(1);
            char last = place.charAt(1);
            if (last != '县' && last != '区' && last != '市') {
                placeSet.add(place);
            }
        }
    }

    private NameParts split(String name, Origin origin) {
        String rest = name;
        String prefix = null;
        Matcher m = YEAR_PREFIX.matcher(rest);
        if (m.find()) {
            prefix = m.group(1);
            rest = rest.substring(prefix.length());
        }
        boolean place = false;
        for (String regionName : regionNames) {
            if (rest.startsWith(regionName) && rest.length() > regionName.length()) {
                place = true;
                rest = rest.substring(regionName.length());
                break;
            }
        }
        String suffix = "";
        for (String s : SUFFIXES) {
            if (rest.endsWith(s) && rest.length() > s.length() + 1) {
                suffix = s;
                rest = rest.substring(0, rest.length() - s.length());
                break;
            }
        }
        return new NameParts(prefix, place, rest, suffix, origin);
    }
}
