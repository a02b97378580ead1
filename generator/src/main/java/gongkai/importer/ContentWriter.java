package gongkai.importer;

import gongkai.content.Amount;
import gongkai.content.Budget;
import gongkai.content.Correction;
import gongkai.content.Column;
import gongkai.content.ColumnType;
import gongkai.content.ContentPaths;
import gongkai.content.DataTable;
import gongkai.content.Department;
import gongkai.content.DepartmentYear;
import gongkai.content.Indicator;
import gongkai.content.Project;
import gongkai.content.Retraction;
import gongkai.content.Region;
import gongkai.content.Section;
import gongkai.content.SiteConfig;
import gongkai.content.SourceRef;
import gongkai.load.ContentLoader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes the model as content YAML exactly as docs/content-format.md prescribes. The same model always
 * gives the same bytes, so re-importing an unchanged document produces no diff.
 */
public final class ContentWriter {
    private static final Pattern SAFE_PATH_SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private ContentWriter() {
    }

    /** What {@link #writeImport} did: files written (new or changed) and existing files left as they were. */
    public record ImportWrite(List<Path> written, List<Path> unchanged) {
        public ImportWrite {
            written = List.copyOf(written);
            unchanged = List.copyOf(unchanged);
        }
    }

    public static String siteYaml(SiteConfig site) {
        YamlText y = new YamlText();
        y.string(0, "title", site.title());
        y.string(0, "description", site.description());
        y.string(0, "publisher", site.publisher());
        y.string(0, "licence", site.licence());
        y.string(0, "licence_url", site.licenceUrl());
        y.string(0, "base_url", site.baseUrl());
        y.string(0, "report_url", site.reportUrl());
        return y.text();
    }

    public static String regionYaml(Region region) {
        YamlText y = new YamlText();
        y.string(0, "name", region.name());
        y.string(0, "parent", region.parent());
        return y.text();
    }

    public static String departmentYaml(Department department) {
        YamlText y = new YamlText();
        y.string(0, "code", department.code());
        y.string(0, "name", department.name());
        y.string(0, "short_name", department.shortName());
        y.string(0, "description", department.description());
        return y.text();
    }

    /** The {@code <year>.yaml} text. Parsed targets and per-item source documents are not written. */
    public static String yearYaml(DepartmentYear dy) {
        YamlText y = new YamlText();
        y.string(0, "department", dy.departmentCode());
        y.verbatim(0, "year", Integer.toString(dy.year()));
        y.string(0, "title", dy.title());
        y.string(0, "document", dy.document());
        // hand-written facts about the document survive a rewrite (an import never finds any)
        y.string(0, "document_url", dy.documentFacts().url());
        if (dy.documentFacts().published() != null) {
            y.verbatim(0, "document_published", dy.documentFacts().published().toString());
        }
        y.string(0, "document_original", dy.documentFacts().original());
        if (!dy.sections().isEmpty()) {
            y.open(0, "sections");
            for (Section s : dy.sections()) {
                item(y, 2, (inner, i) -> {
                    inner.string(i, "id", s.id());
                    inner.string(i, "title", s.title());
                    source(inner, i, s.source());
                    inner.string(i, "markdown", s.markdown());
                });
            }
        }
        if (!dy.tables().isEmpty()) {
            y.open(0, "tables");
            for (DataTable t : dy.tables()) {
                item(y, 2, (inner, i) -> table(inner, i, t));
            }
        }
        if (dy.projects().isEmpty()) {
            y.verbatim(0, "projects", "[]");
        } else {
            y.open(0, "projects");
            for (Project p : dy.projects()) {
                item(y, 2, (inner, i) -> project(inner, i, p));
            }
        }
        corrections(y, 0, dy.corrections());
        if (!dy.retracted().isEmpty()) {
            y.open(0, "retracted");
            for (Retraction r : dy.retracted()) {
                item(y, 2, (inner, i) -> {
                    inner.string(i, "id", r.id());
                    inner.string(i, "name", r.name());
                    inner.verbatim(i, "date", r.date().toString()); // 2025-04-01: plain, as people write it
                    inner.string(i, "reason", r.reason());
                    budget(inner, i, r.budget());
                });
            }
        }
        return y.text();
    }

    private interface MappingBody {
        void write(YamlText y, int indent);
    }

    /** A sequence item: the mapping is written at indent + 2 and its first line starts with "- ". */
    private static void item(YamlText y, int indent, MappingBody body) {
        YamlText inner = new YamlText();
        body.write(inner, indent + 2);
        String text = inner.text();
        if (text.isEmpty()) {
            y.indent(indent);
            y.raw("- {}\n");
            return;
        }
        y.indent(indent);
        y.raw("- ");
        y.raw(text.substring(indent + 2));
    }

    private static void source(YamlText y, int indent, SourceRef source) {
        if (source == null) {
            return;
        }
        y.open(indent, "source");
        y.string(indent + 2, "heading", source.heading());
        y.verbatim(indent + 2, "line", Integer.toString(source.line()));
    }

    private static void table(YamlText y, int i, DataTable t) {
        y.string(i, "id", t.id());
        y.string(i, "title", t.title());
        source(y, i, t.source());
        y.string(i, "note", t.note());
        if (t.columns().isEmpty()) {
            y.verbatim(i, "columns", "[]");
        } else {
            y.open(i, "columns");
            for (Column c : t.columns()) {
                item(y, i + 2, (inner, j) -> {
                    inner.string(j, "key", c.key());
                    inner.string(j, "title", c.title());
                    inner.verbatim(j, "type", c.type() == null ? null : c.type().yamlName());
                    inner.string(j, "unit", c.unit());
                });
            }
        }
        if (!t.rows().isEmpty()) {
            y.open(i, "rows");
            for (Map<String, String> row : t.rows()) {
                for (String key : row.keySet()) {
                    if (t.columns().stream().noneMatch(c -> c.key().equals(key))) {
                        throw new IllegalArgumentException(
                                "table '" + t.id() + "': row has a value for '" + key + "', which is not a column");
                    }
                }
                item(y, i + 2, (inner, j) -> {
                    for (Column c : t.columns()) {
                        String cell = row.get(c.key());
                        if (cell != null && c.type() != ColumnType.STRING && ContentLoader.matchesType(cell, c.type())) {
                            inner.verbatim(j, c.key(), cell);
                        } else {
                            inner.string(j, c.key(), cell);
                        }
                    }
                });
            }
        }
    }

    private static void project(YamlText y, int i, Project p) {
        y.string(i, "id", p.id());
        y.string(i, "name", p.name());
        source(y, i, p.source());
        budget(y, i, p.budget());
        y.string(i, "purpose", p.purpose());
        y.string(i, "goals", p.goals());
        if (p.indicators().isEmpty()) {
            y.verbatim(i, "indicators", "[]");
        } else {
            y.open(i, "indicators");
            for (Indicator ind : p.indicators()) {
                item(y, i + 2, (inner, j) -> {
                    inner.string(j, "level1", ind.level1());
                    inner.string(j, "level2", ind.level2());
                    inner.string(j, "level3", ind.level3());
                    inner.string(j, "description", ind.description());
                    inner.string(j, "target", ind.target());
                    inner.string(j, "basis", ind.basis());
                });
            }
        }
        corrections(y, i, p.corrections());
    }

    private static void budget(YamlText y, int i, Budget b) {
        if (b != null) {
            y.open(i, "budget");
            y.string(i + 2, "unit", b.unit() == null ? null : b.unit().label());
            amount(y, i + 2, "total", b.total());
            amount(y, i + 2, "fiscal", b.fiscal());
            amount(y, i + 2, "other", b.other());
        }
    }

    /** Hand-written corrections survive a rewrite of the file (an import never makes any). */
    private static void corrections(YamlText y, int i, List<Correction> corrections) {
        if (!corrections.isEmpty()) {
            y.open(i, "corrections");
            for (Correction c : corrections) {
                item(y, i + 2, (inner, j) -> {
                    inner.verbatim(j, "date", c.date().toString());
                    inner.string(j, "what", c.what());
                    inner.string(j, "why", c.why());
                });
            }
        }
    }

    private static void amount(YamlText y, int indent, String key, Amount amount) {
        if (amount != null) {
            y.verbatim(indent, key, amount.value().toPlainString());
        }
    }

    /**
     * Writes what an importer read into {@code contentDir}: region.yaml and department.yaml only where
     * missing (editors own them once they exist), and every {@code <year>.yaml} as {@link ImportPlanner} plans it
     * (existing project ids kept). A year file edited by hand is replaced only with {@code force}; otherwise
     * nothing at all is written and a {@link ContentConflictException} names every such file with what the
     * import would change in it.
     */
    public static ImportWrite writeImport(Path contentDir, ImportedDocument doc, boolean force) throws IOException {
        return writePlanned(contentDir, doc, ImportPlanner.plan(contentDir, doc, null), force);
    }

    /** What is written before a department-year's own files: its cited source document ({@link SourceStore}). */
    @FunctionalInterface
    public interface BeforeYear {
        void write(DepartmentYear year) throws IOException;
    }

    /** Writes the planned year files (and missing region and department files); see {@link #writeImport}. */
    public static ImportWrite writePlanned(Path contentDir, ImportedDocument doc, List<ImportPlanner.YearPlan> plans,
            boolean force) throws IOException {
        return writePlanned(contentDir, doc, plans, force, year -> { });
    }

    /**
     * Writes the planned year files; see {@link #writeImport}. Everything is decided before anything is written;
     * then each department-year is written in the order a reader of the tree can follow at any moment: first
     * what {@code before} writes (the source document it cites), then its missing region and department files,
     * then its year file — every file through a temporary file and a move, so an interrupted import leaves
     * complete department-years and at most an uncited document, never a file citing what is not there.
     */
    public static ImportWrite writePlanned(Path contentDir, ImportedDocument doc, List<ImportPlanner.YearPlan> plans,
            boolean force, BeforeYear before) throws IOException {
        // Decide everything before writing anything, so a conflict leaves the tree untouched.
        List<Path> conflicts = new ArrayList<>();
        StringBuilder msg = new StringBuilder();
        StringBuilder english = new StringBuilder();
        for (ImportPlanner.YearPlan plan : plans) {
            segment(plan.year().regionSlug());
            segment(plan.year().departmentCode());
            if (plan.state() == ImportPlanner.State.CHANGED && plan.edited() && !force) {
                conflicts.add(plan.file());
                msg.append(plan.file()).append(": 文件已被手工修改过（与重新导入它所引用的文件得到的内容不同），未覆盖；"
                        + "导入将做如下改动，确认后加 --force 重新导入（手工修改会丢失）：\n")
                        .append(plan.diff().render("  ").zh());
                english.append(plan.file()).append(": the file was edited by hand (it differs from what re-importing the "
                        + "document it cites gives) and is not overwritten; the import would make these changes; once you have "
                        + "checked them, import again with --force (the hand edits are lost):\n")
                        .append(plan.diff().render("  ").en());
            }
        }
        if (!conflicts.isEmpty()) {
            throw new ContentConflictException(gongkai.content.Text.of(msg.toString().strip(), english.toString().strip()),
                    conflicts);
        }
        Map<String, Region> regions = new java.util.LinkedHashMap<>();
        doc.regions().forEach(r -> regions.putIfAbsent(r.slug(), r));
        Map<String, Department> departments = new java.util.LinkedHashMap<>();
        doc.departments().forEach(d -> departments.putIfAbsent(d.regionSlug() + "/" + d.code(), d));
        java.util.Set<Path> done = new java.util.HashSet<>();
        List<Path> written = new ArrayList<>();
        List<Path> unchanged = new ArrayList<>();
        for (ImportPlanner.YearPlan plan : plans) {
            DepartmentYear dy = plan.year();
            before.write(dy);
            // parents first, so a region file never names a parent that is not there
            List<Region> chain = new ArrayList<>();
            for (Region r = regions.get(dy.regionSlug()); r != null && !chain.contains(r); r = r.parent() == null ? null
                    : regions.get(r.parent())) {
                chain.add(0, r);
            }
            for (Region r : chain) {
                missing(contentDir.resolve(segment(r.slug())).resolve(ContentPaths.REGION_FILE), regionYaml(r), done,
                        written, unchanged);
            }
            Department d = departments.get(dy.regionSlug() + "/" + dy.departmentCode());
            if (d != null) {
                missing(contentDir.resolve(segment(d.regionSlug())).resolve(segment(d.code())).resolve(ContentPaths.DEPARTMENT_FILE),
                        departmentYaml(d), done, written, unchanged);
            }
            if (plan.state() == ImportPlanner.State.UNCHANGED) {
                unchanged.add(plan.file());
            } else {
                writeAtomically(plan.file(), plan.text());
                written.add(plan.file());
            }
        }
        return new ImportWrite(written, unchanged);
    }

    private static void missing(Path target, String text, java.util.Set<Path> done, List<Path> written,
            List<Path> unchanged) throws IOException {
        if (!done.add(target)) {
            return;
        }
        if (Files.exists(target)) {
            unchanged.add(target);
        } else {
            writeAtomically(target, text);
            written.add(target);
        }
    }

    /** Writes via a temporary file in the same folder and a move, so readers never see half a file. */
    public static void writeAtomically(Path target, String text) throws IOException {
        writeAtomically(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes via a temporary file in the same folder and a move, so readers never see half a file. */
    public static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String segment(String s) {
        if (s == null || !SAFE_PATH_SEGMENT.matcher(s).matches()) {
            throw new IllegalArgumentException("not usable as a content folder name: '" + s + "'");
        }
        return s;
    }
}
