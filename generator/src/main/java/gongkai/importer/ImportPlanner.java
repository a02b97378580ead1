package gongkai.importer;

import gongkai.content.DepartmentYear;
import gongkai.content.SafePaths;
import gongkai.load.ContentLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides what an import does to each year file before anything is written: a new file; the same text (nothing
 * to do); or a change, with the existing projects' ids kept ({@link IdReconciler}) and the change listed. A
 * changed file is <em>edited</em> when it is not what re-importing the document it cites gives — someone changed
 * it by hand, and only {@code --force} may replace it.
 */
public final class ImportPlanner {
    private ImportPlanner() {
    }

    public enum State { NEW, UNCHANGED, CHANGED }

    /** One year file: where, its new text, what it does, the change list, and whether hand edits would be lost. */
    public record YearPlan(Path file, DepartmentYear year, String text, State state, ImportDiff diff, boolean edited) {
    }

    public static List<YearPlan> plan(Path contentDir, ImportedDocument doc, ImportOptions options) throws IOException {
        List<YearPlan> plans = new ArrayList<>();
        for (DepartmentYear dy : doc.departmentYears()) {
            Path file = contentDir.resolve(dy.regionSlug()).resolve(dy.departmentCode()).resolve(dy.year() + ".yaml");
            if (!Files.exists(file)) {
                plans.add(new YearPlan(file, dy, ContentWriter.yearYaml(dy), State.NEW,
                        new ImportDiff(dy.projects().stream().map(p -> p.id() + " " + p.name()).toList(),
                                List.of(), List.of(), List.of()), false));
                continue;
            }
            String current = Files.readString(file, StandardCharsets.UTF_8);
            ContentLoader.YearFile loaded = ContentLoader.loadYearFile(contentDir, file);
            if (loaded.year() == null || !loaded.errors().isEmpty()) {
                // ids cannot be matched against a file that does not load: keep the importer's, and call it edited
                String text = ContentWriter.yearYaml(dy);
                plans.add(new YearPlan(file, dy, text, text.equals(current) ? State.UNCHANGED : State.CHANGED,
                        new ImportDiff(List.of(), List.of(), List.of(), List.of(gongkai.content.Text.of("现有文件无法读取（"
                                + loaded.errors().size() + " 个错误），项目编号无法沿用", "the existing file does not load ("
                                + gongkai.content.Text.count(loaded.errors().size(), "error") + "): its project ids cannot be kept"))),
                        true));
                continue;
            }
            IdReconciler.Result r = IdReconciler.reconcile(loaded.year(), dy);
            String text = ContentWriter.yearYaml(r.year());
            if (text.equals(current)) {
                plans.add(new YearPlan(file, r.year(), text, State.UNCHANGED, r.diff(), false));
                continue;
            }
            plans.add(new YearPlan(file, r.year(), text, State.CHANGED, r.diff(), edited(contentDir, loaded.year(), current)));
        }
        return plans;
    }

    /** Whether the file differs from what re-importing the document it cites gives (ids matched the same way). */
    private static boolean edited(Path contentDir, DepartmentYear existing, String current) {
        if (existing.document() == null) {
            return true;
        }
        Path source;
        try {
            // through the confinement rule: the year file, not the import, names this path
            source = SafePaths.sourceDocument(contentDir, existing.departmentKey(), existing.document());
        } catch (SafePaths.Unsafe e) {
            return true;
        }
        try {
            ImportedDocument again = Importer.importFile(source,
                    new ImportOptions(existing.year(), existing.regionSlug()));
            for (DepartmentYear dy : again.departmentYears()) {
                if (dy.departmentCode().equals(existing.departmentCode()) && dy.year() == existing.year()) {
                    DepartmentYear same = IdReconciler.reconcile(existing, withDocument(dy, existing.document())).year();
                    return !ContentWriter.yearYaml(same).equals(current);
                }
            }
            return true;
        } catch (IOException | ImportException e) {
            return true; // the cited document no longer imports: the file cannot be told apart from an edited one
        }
    }

    private static DepartmentYear withDocument(DepartmentYear dy, String document) {
        return new DepartmentYear(dy.regionSlug(), dy.departmentCode(), dy.year(), dy.title(), document,
                dy.sections(), dy.tables(), dy.projects());
    }
}
