package gongkai.sample;

import gongkai.content.Amount;
import gongkai.content.Budget;
import gongkai.content.Column;
import gongkai.content.Content;
import gongkai.content.ContentPaths;
import gongkai.importer.ContentWriter;
import gongkai.content.DataTable;
import gongkai.content.Department;
import gongkai.content.DepartmentKey;
import gongkai.content.DepartmentYear;
import gongkai.content.Indicator;
import gongkai.content.MoneyUnit;
import gongkai.content.Page;
import gongkai.content.ProcurementLinks;
import gongkai.content.Project;
import gongkai.content.Region;
import gongkai.content.Section;
import gongkai.content.SourceRef;
import gongkai.sample.Vocabulary.Format;
import gongkai.sample.Vocabulary.IndicatorRow;
import gongkai.sample.Vocabulary.NameParts;
import gongkai.sample.Vocabulary.Origin;
import gongkai.sample.Vocabulary.ProjectSample;
import gongkai.sample.Vocabulary.Text;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a synthetic content tree of exactly N projects, recombined from the vocabulary and shapes of
 * real content: for load tests of the build, search and export stages. One {@link SplittableRandom}
 * drawn in a fixed order makes the tree a pure function of (source content, N, seed). Department-years
 * are written one by one as they are made, so memory does not grow with N.
 */
public final class SampleGenerator {
    public static final int FIRST_YEAR = 2019;
    public static final int LAST_YEAR = 2026;
    /** Projects per region on average once there are enough projects for many regions. */
    private static final int PROJECTS_PER_REGION = 1500;
    private static final int MIN_PROJECTS_PER_YEAR = 5;
    private static final int MAX_PROJECTS_PER_YEAR = 90;
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final Pattern YEAR = Pattern.compile("(?<![0-9.])20[0-3][0-9](?![0-9])");
    private static final Pattern NUMBER = Pattern.compile("(?<![0-9A-Za-z.])[0-9]+(?:\\.[0-9]+)?(?![0-9.])");
    private static final Pattern COST_TARGET = Pattern.compile("([≤<=≥]?)([0-9]+(?:\\.[0-9]+)?)(万元|元)");
    private static final String[] PHASES = {"二", "三", "四", "五", "六", "七", "八", "九", "十"};

    /** What was written. */
    public record Summary(int projects, int regions, int departments, int departmentYears, int files, long bytes) {
    }

    private final Vocabulary vocab;
    private final Content source;
    private final SplittableRandom random;
    private final Path out;
    private final int target;
    private final Consumer<String> progress;
    private final long codeOffset;

    private final Set<String> usedRegionNames = new TreeSet<>();
    private int written;
    private int regions;
    private int departments;
    private int departmentYears;
    private final java.util.concurrent.atomic.AtomicLong files = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
    /**
     * Turning a department-year into YAML costs as much as making it, so one thread writes while this one
     * makes the next. Files do not depend on each other, so the order of writing does not change any byte.
     * The permits bound how many finished department-years wait in memory.
     */
    private final java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sample-writer");
        t.setDaemon(true);
        return t;
    });
    private final java.util.concurrent.Semaphore pending = new java.util.concurrent.Semaphore(8);
    private final java.util.concurrent.atomic.AtomicReference<IOException> writeFailure = new java.util.concurrent.atomic.AtomicReference<>();
    private int nextProgress;

    private SampleGenerator(Content source, Path out, int target, long seed, Consumer<String> progress) {
        this.vocab = Vocabulary.of(source);
        this.source = source;
        this.random = new SplittableRandom(seed);
        this.out = out;
        this.target = target;
        this.progress = progress;
        this.codeOffset = random.nextInt(900_000);
    }

    /**
     * Writes {@code projects} projects (and site.yaml, the source's pages, regions and departments) into
     * {@code out}, which must not exist or be empty. {@code progress} receives a line now and then.
     */
    public static Summary generate(Content source, Path out, int projects, long seed, Consumer<String> progress)
            throws IOException {
        if (projects < 0) {
            throw new IllegalArgumentException("the number of projects must not be negative: " + projects);
        }
        if (Files.exists(out)) {
            try (var entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(out + ": exists and is not empty (a sample is written into a new or empty directory)");
                }
            }
        }
        SampleGenerator g = new SampleGenerator(source, out, projects, seed, progress);
        try {
            g.run();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            g.finishWriting();
        }
        return new Summary(g.written, g.regions, g.departments, g.departmentYears, (int) g.files.get(), g.bytes.get());
    }

    // ---- structure ---------------------------------------------------------------------------------

    private record RegionPlan(String slug, String name, String shortName, Format format) {
    }

    private void run() throws IOException {
        Files.createDirectories(out);
        write(out.resolve(ContentPaths.SITE_FILE), ContentWriter.siteYaml(source.site()));
        for (Page page : source.pages()) {
            write(out.resolve(ContentPaths.page(page.slug())), page.markdown());
            if (page.english() != null) {
                write(out.resolve(ContentPaths.englishPage(page.slug())), page.english().markdown());
            }
        }
        int regionCount = Math.max(Math.min(3, (target + 99) / 100), (int) Math.round(target / (double) PROJECTS_PER_REGION));
        int[] quotas = split(target, regionCount);
        nextProgress = progressStep();
        RegionPlan city = null;
        int childrenLeft = 0;
        for (int i = 0; i < regionCount; i++) {
            String slug = String.format("region-%04d", i + 1);
            RegionPlan plan;
            if (city == null || childrenLeft == 0) {
                String base = uniqueName("市", "");
                plan = new RegionPlan(slug, base + "市", base + "市", pickFormat());
                write(out.resolve(ContentPaths.region(slug)), ContentWriter.regionYaml(new Region(slug, plan.name(), null)));
                city = plan;
                childrenLeft = random.nextInt(5);
            } else {
                String suffix = random.nextInt(3) == 0 ? "县" : "区";
                String own = uniqueName(suffix, city.name()) + suffix;
                // Mostly the city's format: a province publishes in one template.
                Format format = random.nextInt(5) == 0 ? pickFormat() : city.format();
                plan = new RegionPlan(slug, city.name() + own, own, format);
                write(out.resolve(ContentPaths.region(slug)),
                        ContentWriter.regionYaml(new Region(slug, plan.name(), city.slug())));
                childrenLeft--;
            }
            regions++;
            fillRegion(plan, quotas[i]);
        }
        progress.accept(String.format("sample: %d/%d projects", written, target));
    }

    /** Splits n into parts of random size (each roughly n/parts) that add up to n exactly. */
    private int[] split(int n, int parts) {
        double[] weights = new double[parts];
        double sum = 0;
        for (int i = 0; i < parts; i++) {
            weights[i] = 0.5 + random.nextDouble();
            sum += weights[i];
        }
        int[] quotas = new int[parts];
        int assigned = 0;
        for (int i = 0; i < parts; i++) {
            quotas[i] = (int) Math.floor(n * weights[i] / sum);
            assigned += quotas[i];
        }
        for (int i = 0; assigned < n; i = (i + 1) % parts) {
            quotas[i]++;
            assigned++;
        }
        return quotas;
    }

    private Format pickFormat() {
        double u = random.nextDouble();
        Format last = null;
        for (Map.Entry<Format, Double> e : vocab.formatShare.entrySet()) {
            last = e.getKey();
            u -= e.getValue();
            if (u < 0) {
                return last;
            }
        }
        return last;
    }

    /** A two-character name from two real places (first character of one, second of another), unused so far. */
    private String uniqueName(String suffix, String scope) {
        List<String> places = vocab.places;
        for (int attempt = 0; ; attempt++) {
            String a = places.get(random.nextInt(places.size()));
            String b = places.get(random.nextInt(places.size()));
            String name = attempt < 40 ? "" + a.charAt(0) + b.charAt(1)
                    : "" + a.charAt(0) + places.get(random.nextInt(places.size())).charAt(0) + b.charAt(1);
            if (a.equals(b) && attempt < 40) {
                continue;
            }
            if (attempt > 200) {
                // Few real places to combine: number the name rather than loop for ever.
                name = name + chineseNumber(attempt);
            }
            if (usedRegionNames.add(scope + name + suffix)) {
                return name;
            }
        }
    }

    private static final String DIGITS = "〇一二三四五六七八九";

    /** 201 → 二〇一: keeps generated names Chinese. */
    static String chineseNumber(int n) {
        StringBuilder b = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            b.append(DIGITS.charAt(c - '0'));
        }
        return b.toString();
    }

    private void fillRegion(RegionPlan region, int quota) throws IOException {
        Set<String> departmentNames = new TreeSet<>();
        int left = quota;
        while (left > 0) {
            String code = String.format("%06d", 100_000 + (departments * 7919L + codeOffset) % 900_000);
            String name = departmentName(region, departmentNames);
            Department dept = new Department(region.slug(), code, name, null, null);
            write(out.resolve(ContentPaths.department(dept.key())), ContentWriter.departmentYaml(dept));
            departments++;
            double u = random.nextDouble();
            int years = 1 + (int) (u * u * (LAST_YEAR - FIRST_YEAR + 1));
            int first = FIRST_YEAR + random.nextInt(LAST_YEAR - FIRST_YEAR + 2 - years);
            // Mostly the region's template; some departments publish in the other one.
            Format format = random.nextInt(10) < 7 ? region.format() : pickFormat();
            MoneyUnit unit = random.nextDouble() < vocab.wanYuanShare ? MoneyUnit.WAN_YUAN : MoneyUnit.YUAN;
            List<ProjectSample> previous = List.of();
            for (int year = first; year < first + years && left > 0; year++) {
                double v = random.nextDouble();
                int size = MIN_PROJECTS_PER_YEAR + (int) (v * v * v * (MAX_PROJECTS_PER_YEAR - MIN_PROJECTS_PER_YEAR + 1));
                size = Math.min(size, left);
                previous = writeYear(region, dept, format, year, size, unit, previous);
                left -= size;
            }
        }
    }

    private String departmentName(RegionPlan region, Set<String> used) {
        List<String> stems = vocab.departmentStems;
        for (int attempt = 0; ; attempt++) {
            String name;
            if (attempt < 3 && random.nextInt(3) > 0) {
                name = region.name() + stems.get(random.nextInt(stems.size()));
            } else {
                // A branch (分局) named after a place, as the real unit tables list them.
                String a = vocab.places.get(random.nextInt(vocab.places.size()));
                String b = vocab.places.get(random.nextInt(vocab.places.size()));
                List<String> bureaus = stems.stream().filter(st -> st.endsWith("局")).toList();
                String stem = bureaus.isEmpty() ? stems.get(random.nextInt(stems.size())) : bureaus.get(random.nextInt(bureaus.size()));
                String place = attempt < 20 ? a : "" + a.charAt(0) + b.charAt(1);
                name = region.name() + stem + place + (random.nextBoolean() ? "区" : "县") + "分局";
            }
            if (attempt > 200) {
                name = name + "第" + chineseNumber(attempt) + "分部";
            }
            if (used.add(name)) {
                return name;
            }
        }
    }

    // ---- a department-year -------------------------------------------------------------------------

    private List<ProjectSample> writeYear(RegionPlan region, Department dept, Format format, int year, int size,
                                          MoneyUnit unit, List<ProjectSample> previous) throws IOException {
        Target to = new Target(year, dept.name(), region.name(), region.shortName());
        List<ProjectSample> samplesUsed = new ArrayList<>();
        List<ProjectSample> samples = vocab.samples.get(format);
        List<NameParts> names = vocab.names.get(format);
        Set<String> usedNames = new TreeSet<>();
        List<Project> projects = new ArrayList<>(size);
        List<BigDecimal> hiddenBudgets = new ArrayList<>(size);
        int line = format == Format.HENGSHUI ? 270 : 1;
        for (int i = 0; i < size; i++) {
            // Most projects continue from the year before, as real budgets do.
            ProjectSample sample = i < previous.size() && random.nextInt(10) < 6 ? previous.get(i) : pick(samples);
            // The core of the name stays with its texts and indicators; year prefix and ending come from other names.
            String name = projectName(sample.name(), pick(names), pick(names), to);
            for (int attempt = 0; usedNames.contains(name) && attempt < 10; attempt++) {
                sample = pick(samples);
                name = projectName(sample.name(), pick(names), pick(names), to);
            }
            String base = name;
            for (int phase = 0; usedNames.contains(name); phase++) {
                name = base + (phase < PHASES.length ? "（" + PHASES[phase] + "期）" : "（第" + (phase + 2) + "批）");
            }
            usedNames.add(name);
            samplesUsed.add(sample);
            String id = dept.code() + "-" + year + "-" + String.format("%03d", i + 1);
            String heading = (i + 1) + (format == Format.HENGSHUI ? "、" + name + "绩效目标" : "." + name + "绩效目标表");
            BigDecimal totalYuan = budgetYuan();
            Budget budget = format == Format.TIANJIN ? budget(totalYuan, unit) : null;
            hiddenBudgets.add(totalYuan.divide(TEN_THOUSAND, 2, RoundingMode.HALF_UP).max(new BigDecimal("0.01")));
            String purpose = sample.purpose() == null ? null : rewrite(sample.purpose(), to);
            String goals = sample.goals() == null ? null : rewrite(sample.goals(), to);
            List<Indicator> indicators = indicators(format, sample.rows(), to, budget, hiddenBudgets.get(i));
            projects.add(new Project(id, name, budget, purpose, goals, indicators,
                    new SourceRef(null, heading, line)));
            line += 8 + indicators.size() * (format == Format.HENGSHUI ? 6 : 5);
        }

        DepartmentYear model = vocab.models.get(format);
        Origin modelOrigin = vocab.modelOrigins.get(format);
        String title = model.title() == null ? null : rewrite(model.title(), modelOrigin, to);
        List<Section> sections = new ArrayList<>();
        List<DataTable> tables = new ArrayList<>();
        if (format == Format.HENGSHUI) {
            tables = new DepartmentTables(model, modelOrigin, to, dept, projects, hiddenBudgets).build();
            for (Section s : model.sections()) {
                String markdown = s.markdown() == null ? null
                        : rewrite(matchFigures(s.id(), s.markdown(), model.tables(), tables), modelOrigin, to);
                sections.add(new Section(s.id(), rewrite(s.title(), modelOrigin, to), markdown,
                        source(s.source(), modelOrigin, to)));
            }
        }
        String document = ContentPaths.citation(new DepartmentKey(region.slug(), dept.code()),
                "sample-" + dept.code() + "-" + year + ".txt");
        DepartmentYear dy = new DepartmentYear(region.slug(), dept.code(), year, title, document, sections, tables, projects);
        // The build publishes every cited document from sources/, so the sample writes a stand-in for each.
        write(out.resolve(ContentPaths.source(document)), sourceStandIn(title, dept.name(), year, projects));
        writeInBackground(out.resolve(ContentPaths.departmentYear(dy)), dy);
        departmentYears++;
        written += size;
        if (written >= nextProgress && written < target) {
            progress.accept(String.format("sample: %d/%d projects", written, target));
            nextProgress += progressStep();
        }
        return samplesUsed;
    }

    private static final Pattern WAN_YUAN_FIGURE = Pattern.compile("(?<![0-9.])([0-9]+(?:\\.[0-9]+)?)(\\s*万元)");
    /** Sections whose figures come from a table of another id. */
    private static final Map<String, String> SECTION_TABLE = Map.of("budget_overview", "budget_totals");
    private static final List<String> FIGURE_COLUMNS = List.of("amount", "total", "value");

    /**
     * The section's 万元 figures replaced by the synthetic table's: each figure is matched to the next real
     * row (in table order) with that value, so 合计 and its parts stay where the prose names them; a figure
     * not in the section's own table is looked up in the first rows of all tables (拟购置 = procurement total).
     */
    private static String matchFigures(String sectionId, String text, List<DataTable> realTables, List<DataTable> synthetic) {
        String tableId = SECTION_TABLE.getOrDefault(sectionId, sectionId);
        List<BigDecimal[]> own = new ArrayList<>();
        List<BigDecimal[]> anywhere = new ArrayList<>();
        for (DataTable real : realTables) {
            DataTable made = synthetic.stream().filter(t -> t.id().equals(real.id())).findFirst().orElse(null);
            if (made == null) {
                continue;
            }
            int rows = Math.min(real.rows().size(), made.rows().size());
            for (int r = 0; r < rows; r++) {
                BigDecimal from = figure(real.rows().get(r));
                BigDecimal to = figure(made.rows().get(r));
                if (from == null || to == null) {
                    continue;
                }
                if (real.id().equals(tableId)) {
                    own.add(new BigDecimal[] {from, to});
                } else if (r == 0) {
                    anywhere.add(new BigDecimal[] {from, to});
                }
            }
        }
        if (own.isEmpty() && anywhere.isEmpty()) {
            return text;
        }
        Matcher m = WAN_YUAN_FIGURE.matcher(text);
        StringBuilder b = new StringBuilder(text.length());
        int next = 0;
        while (m.find()) {
            BigDecimal value = new BigDecimal(m.group(1));
            BigDecimal replacement = null;
            for (int k = next; k < own.size() && replacement == null; k++) {
                if (own.get(k)[0].compareTo(value) == 0) {
                    replacement = own.get(k)[1];
                    next = k + 1;
                }
            }
            for (int k = 0; k < anywhere.size() && replacement == null; k++) {
                if (anywhere.get(k)[0].compareTo(value) == 0) {
                    replacement = anywhere.get(k)[1];
                }
            }
            String figure = replacement == null ? m.group(1) : replacement.signum() == 0 ? "0" : replacement.toPlainString();
            m.appendReplacement(b, Matcher.quoteReplacement(figure + m.group(2)));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static BigDecimal figure(Map<String, String> row) {
        for (String key : FIGURE_COLUMNS) {
            String v = row.get(key);
            if (v != null && v.matches("-?[0-9]+(\\.[0-9]+)?")) {
                return new BigDecimal(v);
            }
        }
        return null;
    }

    private int progressStep() {
        return Math.max(1000, target / 10);
    }

    /** Who a piece of synthetic text is about. */
    private record Target(int year, String departmentName, String regionName, String regionShortName) {
    }

    private String projectName(NameParts core, NameParts prefix, NameParts ending, Target to) {
        StringBuilder b = new StringBuilder();
        // No year prefix on a core that names its year itself (生态环境法治能力建设（2023年）).
        if (prefix.yearPrefix() != null && !YEAR.matcher(core.core()).find()) {
            b.append(shiftYears(prefix.yearPrefix(), to.year() - prefix.origin().year()));
        }
        if (core.place()) {
            b.append(to.regionShortName());
        }
        b.append(rewrite(core.core(), core.origin(), to));
        // Keep the core's own ending half the time, so 经费 and 项目 keep their real proportions.
        String suffix = random.nextBoolean() ? core.suffix() : ending.suffix();
        // 编制服务 + 服务 would say 服务 twice.
        b.append(core.core().isEmpty() || core.core().endsWith(suffix) || suffix.startsWith(core.core().substring(core.core().length() - 1))
                ? core.suffix() : suffix);
        return b.toString();
    }

    private String rewrite(Text text, Target to) {
        return rewrite(text.text(), text.origin(), to);
    }

    /** Real text made to speak of the synthetic department, region and year. */
    private String rewrite(String text, Origin from, Target to) {
        String s = text;
        if (!from.departmentName().isEmpty()) {
            s = s.replace(from.departmentName(), to.departmentName());
        }
        for (String regionName : vocab.regionNames) {
            s = s.replace(regionName, to.regionName());
        }
        return shiftYears(s, to.year() - from.year());
    }

    private SourceRef source(SourceRef ref, Origin from, Target to) {
        return ref == null ? null : new SourceRef(null, ref.heading() == null ? null : rewrite(ref.heading(), from, to), ref.line());
    }

    static String shiftYears(String text, int delta) {
        if (delta == 0 || text.indexOf('2') < 0) {
            return text;
        }
        Matcher m = YEAR.matcher(text);
        StringBuilder b = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(b, Integer.toString(Integer.parseInt(m.group()) + delta));
        }
        m.appendTail(b);
        return b.toString();
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    // ---- money -------------------------------------------------------------------------------------

    /** A real total scaled by a factor between about 0.37 and 2.7, in 元 with fen. */
    private BigDecimal budgetYuan() {
        BigDecimal base = pick(vocab.budgetTotalsYuan);
        double factor = Math.exp((random.nextDouble() - 0.5) * 2);
        return base.multiply(BigDecimal.valueOf(Math.round(factor * 1000)))
                .divide(BigDecimal.valueOf(1000), 2, RoundingMode.HALF_UP).max(new BigDecimal("100.00"));
    }

    private Budget budget(BigDecimal totalYuan, MoneyUnit unit) {
        BigDecimal total;
        if (unit == MoneyUnit.WAN_YUAN) {
            total = totalYuan.divide(TEN_THOUSAND, 2, RoundingMode.HALF_UP);
        } else {
            // Most 元 budgets are whole yuan; some carry fen.
            total = random.nextInt(3) == 0 ? totalYuan : totalYuan.setScale(0, RoundingMode.HALF_UP).setScale(2);
        }
        int shape = random.nextInt(20);
        if (shape == 0) {
            return new Budget(unit, new Amount(total, unit), null, new Amount(total, unit));
        }
        if (shape < 3) {
            BigDecimal fiscal = total.multiply(BigDecimal.valueOf(random.nextInt(10, 91))).divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
            return new Budget(unit, new Amount(total, unit), new Amount(fiscal, unit), new Amount(total.subtract(fiscal), unit));
        }
        return new Budget(unit, new Amount(total, unit), new Amount(total, unit), null);
    }

    // ---- indicators --------------------------------------------------------------------------------

    private List<Indicator> indicators(Format format, List<IndicatorRow> template, Target to, Budget budget,
                                       BigDecimal budgetWan) {
        Map<String, List<IndicatorRow>> slots = vocab.rowsBySlot.get(format);
        List<Indicator> result = new ArrayList<>(template.size());
        for (IndicatorRow row : template) {
            // Half the rows come from another project with the same 一级/二级, so sets are new but plausible.
            IndicatorRow chosen = random.nextBoolean() ? pick(slots.get(Vocabulary.slot(row.indicator()))) : row;
            Indicator i = chosen.indicator();
            Origin from = chosen.origin();
            String targetText = rewrite(i.target(), from, to);
            Matcher cost = COST_TARGET.matcher(targetText);
            if (i.level2().contains("成本") && cost.matches()) {
                targetText = cost.group(1) + costFigure(cost.group(3), budget, budgetWan) + cost.group(3);
            } else {
                targetText = varyNumbers(targetText);
            }
            result.add(new Indicator(i.level1(), i.level2(), rewrite(i.level3(), from, to),
                    i.description() == null ? null : rewrite(i.description(), from, to), targetText,
                    i.basis() == null ? null : rewrite(i.basis(), from, to), null));
        }
        return result;
    }

    /** A cost ceiling equal to the project's budget, as real cost indicators state it. */
    private static String costFigure(String unit, Budget budget, BigDecimal budgetWan) {
        BigDecimal yuan = budget != null && budget.total() != null ? budget.total().yuan() : budgetWan.multiply(TEN_THOUSAND);
        BigDecimal value = unit.equals("万元") ? yuan.divide(TEN_THOUSAND, 2, RoundingMode.HALF_UP) : yuan;
        value = value.stripTrailingZeros();
        return (value.scale() < 0 ? value.setScale(0) : value).toPlainString();
    }

    /** Other numbers than the real ones, in the same form: percentages stay ≤ 100, dates and years stay. */
    private String varyNumbers(String text) {
        Matcher m = NUMBER.matcher(text);
        StringBuilder b = null;
        while (m.find()) {
            String number = m.group();
            int end = m.end();
            char next = end < text.length() ? text.charAt(end) : ' ';
            if (next == '年' || next == '月' || next == '日' || next == '-' || next == '—'
                    || (m.start() > 0 && text.charAt(m.start() - 1) == '-')) {
                continue;
            }
            BigDecimal value = new BigDecimal(number);
            boolean percent = next == '%' || text.startsWith("百分比", end);
            BigDecimal varied;
            if (percent || value.compareTo(BigDecimal.valueOf(100)) == 0) {
                if (value.compareTo(BigDecimal.valueOf(100)) >= 0 || value.scale() > 0) {
                    continue;
                }
                varied = BigDecimal.valueOf(Math.max(1, Math.min(100, value.intValue() + random.nextInt(-5, 6))));
            } else {
                double factor = 0.5 + random.nextDouble() * 1.5;
                varied = value.multiply(BigDecimal.valueOf(factor)).setScale(value.scale(), RoundingMode.HALF_UP);
                if (varied.signum() == 0) {
                    varied = value;
                }
            }
            if (b == null) {
                b = new StringBuilder(text.length() + 8);
            }
            m.appendReplacement(b, varied.toPlainString());
        }
        if (b == null) {
            return text;
        }
        m.appendTail(b);
        return b.toString();
    }

    // ---- department-level tables (Hengshui shape) -----------------------------------------------------

    /** Tables of a synthetic department-year: the model's columns and labels, new figures that add up. */
    private final class DepartmentTables {
        private final DepartmentYear model;
        private final Origin from;
        private final Target to;
        private final Department dept;
        private final List<Project> projects;
        private final List<BigDecimal> budgets;

        DepartmentTables(DepartmentYear model, Origin from, Target to, Department dept, List<Project> projects,
                         List<BigDecimal> budgets) {
            this.model = model;
            this.from = from;
            this.to = to;
            this.dept = dept;
            this.projects = projects;
            this.budgets = budgets;
        }

        List<DataTable> build() {
            BigDecimal projectSpending = budgets.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal personnel = scaled(projectSpending, 0.2, 0.6);
            BigDecimal publicCosts = scaled(personnel, 0.05, 0.15);
            List<DataTable> tables = new ArrayList<>();
            for (DataTable t : model.tables()) {
                List<Map<String, String>> rows = switch (t.id()) {
                    case "units" -> units(t);
                    case "budget_totals" -> budgetTotals(t, projectSpending, personnel, publicCosts);
                    case "operating_costs" -> amounts(t, Map.of("机关运行经费", publicCosts));
                    case "three_public" -> threePublic(t);
                    case ProcurementLinks.TABLE_ID -> procurement(t);
                    case "assets" -> assets(t);
                    default -> rewriteRows(t);
                };
                if (rows == null) {
                    continue;
                }
                String note = t.note();
                if (note != null && model.departmentCode() != null) {
                    note = note.replace(model.departmentCode() + from.departmentName(), dept.code() + from.departmentName());
                    note = rewrite(note, from, to);
                }
                tables.add(new DataTable(t.id(), rewrite(t.title(), from, to), t.columns(), rows, note,
                        source(t.source(), from, to)));
            }
            return tables;
        }

        private BigDecimal scaled(BigDecimal base, double low, double high) {
            double factor = low + random.nextDouble() * (high - low);
            return base.multiply(BigDecimal.valueOf(Math.round(factor * 10_000))).divide(TEN_THOUSAND, 2, RoundingMode.HALF_UP);
        }

        private BigDecimal money(double low, double high) {
            return BigDecimal.valueOf(Math.round((low + random.nextDouble() * (high - low)) * 100)).movePointLeft(2);
        }

        /** The department itself and some of the model's sub-units under the new name. */
        private List<Map<String, String>> units(DataTable t) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (int r = 0; r < t.rows().size(); r++) {
                if (r > 0 && random.nextInt(3) > 0) {
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>(t.rows().get(r));
                row.replaceAll((k, v) -> v == null ? null : rewrite(v, from, to));
                rows.add(row);
            }
            return rows;
        }

        private List<Map<String, String>> rewriteRows(DataTable t) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (Map<String, String> real : t.rows()) {
                Map<String, String> row = new LinkedHashMap<>(real);
                row.replaceAll((k, v) -> v == null ? null : rewrite(v, from, to));
                rows.add(row);
            }
            return rows;
        }

        private List<Map<String, String>> budgetTotals(DataTable t, BigDecimal projectSpending, BigDecimal personnel,
                                                       BigDecimal publicCosts) {
            BigDecimal basic = personnel.add(publicCosts);
            BigDecimal total = basic.add(projectSpending);
            BigDecimal basicIncrease = scaled(basic, 0.0, 0.2);
            BigDecimal projectIncrease = scaled(projectSpending, 0.0, 0.4);
            Map<String, BigDecimal> byItem = new LinkedHashMap<>();
            byItem.put("预算收入", total);
            byItem.put("一般公共预算收入", total);
            byItem.put("基金预算收入", BigDecimal.ZERO);
            byItem.put("财政专户核拨收入", BigDecimal.ZERO);
            byItem.put("其他来源收入", BigDecimal.ZERO);
            byItem.put("支出预算", total);
            byItem.put("基本支出", basic);
            byItem.put("人员经费", personnel);
            byItem.put("日常公用经费", publicCosts);
            byItem.put("项目支出", projectSpending);
            byItem.put("其他支出", BigDecimal.ZERO);
            byItem.put("预算收支安排", total);
            byItem.put("较预算增加", basicIncrease.add(projectIncrease));
            byItem.put("基本支出增加", basicIncrease);
            byItem.put("项目支出增加", projectIncrease);
            return amounts(t, byItem);
        }

        private List<Map<String, String>> threePublic(DataTable t) {
            BigDecimal abroad = random.nextInt(3) == 0 ? BigDecimal.ZERO : money(0, 20);
            BigDecimal carPurchase = random.nextInt(4) == 0 ? money(10, 40) : BigDecimal.ZERO;
            BigDecimal carRunning = money(5, 150);
            BigDecimal reception = money(1, 30);
            BigDecimal cars = carPurchase.add(carRunning);
            Map<String, BigDecimal> byItem = new LinkedHashMap<>();
            byItem.put("财政拨款“三公”经费", abroad.add(cars).add(reception));
            byItem.put("因公出国（境）费", abroad);
            byItem.put("公务用车购置及运维费", cars);
            byItem.put("公务用车购置费", carPurchase);
            byItem.put("公务用车运维费", carRunning);
            byItem.put("公务接待费", reception);
            byItem.put("与相比减少", money(0, 40));
            return amounts(t, byItem);
        }

        /** The model's rows with the amount of each item (matched without its years) replaced. */
        private List<Map<String, String>> amounts(DataTable t, Map<String, BigDecimal> byItem) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (Map<String, String> real : t.rows()) {
                Map<String, String> row = new LinkedHashMap<>(real);
                row.replaceAll((k, v) -> v == null ? null : rewrite(v, from, to));
                String item = real.get("item");
                BigDecimal amount = item == null ? null : byItem.get(item.replaceAll("[0-9]+年", ""));
                if (amount != null && row.containsKey("amount")) {
                    row.put("amount", amount.signum() == 0 ? "0" : amount.toPlainString());
                }
                rows.add(row);
            }
            return rows;
        }

        /** Items for some projects (quantity × unit price), the unit's subtotal and the total, all adding up. */
        private List<Map<String, String>> procurement(DataTable t) {
            List<Map<String, String>> items = new ArrayList<>();
            String totalLabel = "合计";
            for (Map<String, String> real : t.rows()) {
                if (ProcurementLinks.ITEM.equals(real.get(ProcurementLinks.ROW_TYPE))) {
                    items.add(real);
                } else if ("total".equals(real.get(ProcurementLinks.ROW_TYPE)) && real.get("project_name") != null) {
                    totalLabel = real.get("project_name");
                }
            }
            if (items.isEmpty()) {
                return null;
            }
            List<Map<String, String>> itemRows = new ArrayList<>();
            BigDecimal sum = BigDecimal.ZERO;
            for (int p = 0; p < projects.size(); p++) {
                if (random.nextInt(10) >= 3) {
                    continue;
                }
                int count = 1 + random.nextInt(3);
                List<Map<String, String>> rows = new ArrayList<>();
                BigDecimal projectSum = BigDecimal.ZERO;
                for (int k = 0; k < count; k++) {
                    Map<String, String> real = pick(items);
                    int quantity = random.nextInt(3) == 0 ? 1 + random.nextInt(30) : 1;
                    BigDecimal price = quantity == 1 ? scaled(budgets.get(p), 0.3, 1.0).max(new BigDecimal("0.01"))
                            : money(0.01, 2.0).max(new BigDecimal("0.01"));
                    BigDecimal total = price.multiply(BigDecimal.valueOf(quantity));
                    Map<String, String> row = new LinkedHashMap<>();
                    row.put(ProcurementLinks.ROW_TYPE, ProcurementLinks.ITEM);
                    row.put("unit_name", dept.name());
                    row.put(ProcurementLinks.PROJECT_NAME, projects.get(p).name());
                    row.put("item_name", real.get("item_name"));
                    row.put("catalog_code", real.get("catalog_code"));
                    row.put("measure_unit", real.get("measure_unit"));
                    row.put("quantity", BigDecimal.valueOf(quantity).setScale(2).toPlainString());
                    row.put("unit_price", price.toPlainString());
                    row.put("total", total.toPlainString());
                    row.put("general_budget", total.toPlainString());
                    rows.add(row);
                    projectSum = projectSum.add(total);
                }
                // 预算资金 is the project's budget: at least what it buys.
                String projectBudget = projectSum.max(budgets.get(p)).toPlainString();
                for (Map<String, String> row : rows) {
                    row.put("budget", projectBudget);
                }
                itemRows.addAll(rows);
                sum = sum.add(projectSum);
            }
            List<Map<String, String>> rows = new ArrayList<>();
            rows.add(sumRow("total", null, totalLabel, sum));
            rows.add(sumRow("subtotal", dept.name(), dept.name() + "小计", sum));
            rows.addAll(itemRows);
            return rows.stream().map(r -> keepColumns(t.columns(), r)).toList();
        }

        private Map<String, String> sumRow(String type, String unitName, String label, BigDecimal sum) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put(ProcurementLinks.ROW_TYPE, type);
            row.put("unit_name", unitName);
            row.put(ProcurementLinks.PROJECT_NAME, label);
            row.put("total", sum.toPlainString());
            row.put("general_budget", sum.toPlainString());
            return row;
        }

        /** Only the model's columns, in its order (a model without some column simply lacks it). */
        private Map<String, String> keepColumns(List<Column> columns, Map<String, String> row) {
            Map<String, String> kept = new LinkedHashMap<>();
            for (Column c : columns) {
                if (row.get(c.key()) != null) {
                    kept.put(c.key(), row.get(c.key()));
                }
            }
            return kept;
        }

        /** Numbered asset classes get new quantities and values; the first row (资产总额) is their sum. */
        private List<Map<String, String>> assets(DataTable t) {
            List<Map<String, String>> rows = new ArrayList<>();
            BigDecimal sum = BigDecimal.ZERO;
            Map<String, String> totalRow = null;
            for (Map<String, String> real : t.rows()) {
                Map<String, String> row = new LinkedHashMap<>(real);
                String item = real.get("item");
                boolean numbered = item != null && item.matches("[0-9]+、.*");
                if (numbered && real.get("value") != null) {
                    BigDecimal value = money(10, 8000);
                    row.put("value", value.toPlainString());
                    String quantity = real.get("quantity");
                    if (quantity != null && quantity.matches("[0-9]+")) {
                        row.put("quantity", Integer.toString(1 + random.nextInt(Math.max(2, Integer.parseInt(quantity) * 2))));
                    }
                    sum = sum.add(value);
                } else if (totalRow == null && real.get("value") != null) {
                    totalRow = row;
                }
                rows.add(row);
            }
            if (totalRow != null) {
                totalRow.put("value", sum.toPlainString());
            }
            return rows;
        }
    }

    // ---- files -------------------------------------------------------------------------------------

    private static String sourceStandIn(String title, String department, int year, List<Project> projects) {
        StringBuilder text = new StringBuilder();
        text.append(title == null ? department + year + "年部门预算" : title).append('\n');
        text.append("（合成样例：由 gongkai sample 生成，不是真实公开文件）\n");
        for (Project p : projects) {
            text.append(p.name()).append('\n');
        }
        return text.toString();
    }

    private void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            byte[] data = text.getBytes(StandardCharsets.UTF_8);
            Files.write(file, data);
            files.incrementAndGet();
            bytes.addAndGet(data.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeInBackground(Path file, DepartmentYear dy) {
        IOException failure = writeFailure.get();
        if (failure != null) {
            throw new UncheckedIOException(failure);
        }
        pending.acquireUninterruptibly();
        writer.execute(() -> {
            try {
                write(file, ContentWriter.yearYaml(dy));
            } catch (UncheckedIOException e) {
                writeFailure.compareAndSet(null, e.getCause());
            } catch (RuntimeException e) {
                writeFailure.compareAndSet(null, new IOException(file + ": " + e.getMessage(), e));
            } finally {
                pending.release();
            }
        });
    }

    /** Waits for the writer thread; the first failure it met is thrown. */
    private void finishWriting() throws IOException {
        writer.shutdown();
        try {
            while (!writer.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
                progress.accept("sample: still writing …");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing " + out, e);
        }
        IOException failure = writeFailure.get();
        if (failure != null) {
            throw failure;
        }
    }
}
