package gongkai.pipeline;

import gongkai.content.DepartmentYear;
import gongkai.content.Project;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A smaller job set for the same stages: the department-years an edit replaced (before → after). A context holding
 * it ({@link #SLOT}) is an incremental build — {@code serve}'s: assemble diffs the pages they reach against the
 * previous site, render renders those, export writes those years' downloads and documents. Without it a stage
 * builds everything.
 */
public record ChangedYears(Map<DepartmentYear, DepartmentYear> replaced) {
    public static final BuildContext.Slot<ChangedYears> SLOT = BuildContext.Slot.named("the changed department-years");

    public ChangedYears {
        replaced = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(replaced));
    }

    /** The department-years as they are now. */
    public List<DepartmentYear> after() {
        return List.copyOf(replaced.values());
    }

    /**
     * Ids whose page goes: projects and withdrawn projects (tombstones) of the years before the edit that are
     * neither after it. A project moved to {@code retracted:} keeps its page, now a tombstone.
     */
    public Set<String> removedPages() {
        Set<String> removed = new TreeSet<>();
        replaced.forEach((before, after) -> {
            Set<String> now = new java.util.HashSet<>();
            after.projects().forEach(p -> now.add(p.id()));
            after.retracted().forEach(r -> now.add(r.id()));
            before.projects().forEach(p -> removed.add(p.id()));
            before.retracted().forEach(r -> removed.add(r.id()));
            removed.removeAll(now);
        });
        return removed;
    }

    /** Ids of projects the edit removed from their year (their downloads go; see {@link #removedPages}). */
    public Set<String> removedProjects() {
        Set<String> removed = new TreeSet<>();
        replaced.forEach((before, after) -> {
            Set<String> now = new java.util.HashSet<>();
            after.projects().forEach(p -> now.add(p.id()));
            before.projects().stream().map(Project::id).filter(id -> !now.contains(id)).forEach(removed::add);
        });
        return removed;
    }

    /**
     * Ids of projects whose own downloads cannot have changed: a project's downloads depend on it and on its year's
     * other fields only, so an edit of one project rewrites that project's files, not the year's hundreds.
     */
    public Set<String> unchangedProjects() {
        Set<String> unchanged = new TreeSet<>();
        replaced.forEach((before, after) -> {
            if (sameApartFromProjects(before, after)) {
                Map<String, Project> previous = new HashMap<>();
                before.projects().forEach(p -> previous.put(p.id(), p));
                after.projects().stream().filter(p -> p.equals(previous.get(p.id())))
                        .forEach(p -> unchanged.add(p.id()));
            }
        });
        return unchanged;
    }

    private static boolean sameApartFromProjects(DepartmentYear a, DepartmentYear b) {
        return a.regionSlug().equals(b.regionSlug()) && a.departmentCode().equals(b.departmentCode())
                && a.year() == b.year() && Objects.equals(a.title(), b.title())
                && Objects.equals(a.document(), b.document()) && a.sections().equals(b.sections())
                && a.tables().equals(b.tables());
    }
}
