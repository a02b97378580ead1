package gongkai.importer;

import gongkai.content.Amount;
import gongkai.content.Budget;
import gongkai.content.DepartmentYear;
import gongkai.content.Indicator;
import gongkai.content.Project;
import gongkai.content.Text;
import gongkai.site.ProjectMatching;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps project ids stable across re-imports: a project's id is in its published URL, so an imported project
 * takes the id of the project of the existing YAML that it matches — by normalised name, the rule the site uses
 * to link a project across years ({@link ProjectMatching}), and failing that by identical budget and indicator
 * table (a renamed project). Unmatched imported projects get new ids after the highest existing one; existing
 * projects nobody matched are reported as removed. The {@link ImportDiff} is what changed, for a reviewer.
 */
public final class IdReconciler {
    private static final Pattern SEQUENCE = Pattern.compile("^(.*-)(\\d+)$");

    private IdReconciler() {
    }

    public record Result(DepartmentYear year, ImportDiff diff) {
    }

    public static Result reconcile(DepartmentYear existing, DepartmentYear imported) {
        List<Project> old = existing.projects();
        List<Project> fresh = imported.projects();
        Project[] matchOf = new Project[fresh.size()];
        boolean[] taken = new boolean[old.size()];
        // 1. same normalised name, in document order (two projects of one name match in turn)
        Map<String, List<Integer>> byName = new LinkedHashMap<>();
        for (int i = 0; i < old.size(); i++) {
            byName.computeIfAbsent(ProjectMatching.normalisedName(old.get(i).name()), k -> new ArrayList<>()).add(i);
        }
        for (int j = 0; j < fresh.size(); j++) {
            List<Integer> candidates = byName.getOrDefault(ProjectMatching.normalisedName(fresh.get(j).name()), List.of());
            for (int i : candidates) {
                if (!taken[i]) {
                    taken[i] = true;
                    matchOf[j] = old.get(i);
                    break;
                }
            }
        }
        // 2. a renamed project: the same figures and indicator table under another name
        for (int j = 0; j < fresh.size(); j++) {
            if (matchOf[j] != null) {
                continue;
            }
            for (int i = 0; i < old.size(); i++) {
                if (!taken[i] && Objects.equals(old.get(i).budget(), fresh.get(j).budget())
                        && old.get(i).indicators().equals(fresh.get(j).indicators()) && !fresh.get(j).indicators().isEmpty()) {
                    taken[i] = true;
                    matchOf[j] = old.get(i);
                    break;
                }
            }
        }
        int next = 0;
        String prefix = existing.departmentCode() + "-" + imported.year() + "-";
        for (Project p : old) {
            Matcher m = SEQUENCE.matcher(p.id());
            if (m.matches() && m.group(1).equals(prefix) && m.group(2).length() <= 6) {
                next = Math.max(next, Integer.parseInt(m.group(2)));
            }
        }
        List<Project> projects = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> renamed = new ArrayList<>();
        List<Text> changed = new ArrayList<>();
        for (int j = 0; j < fresh.size(); j++) {
            Project f = fresh.get(j);
            Project o = matchOf[j];
            String id;
            if (o == null) {
                id = String.format("%s%03d", prefix, ++next);
                added.add(id + " " + f.name());
            } else {
                id = o.id();
                if (!Objects.equals(o.name(), f.name())) {
                    renamed.add(id + " " + o.name() + " → " + f.name());
                }
                changes(id, o, f, changed);
            }
            projects.add(new Project(id, f.name(), f.budget(), f.purpose(), f.goals(), f.indicators(), f.source()));
        }
        List<String> removed = new ArrayList<>();
        for (int i = 0; i < old.size(); i++) {
            if (!taken[i]) {
                removed.add(old.get(i).id() + " " + old.get(i).name());
            }
        }
        // the document's address, date and original are the agency's, not the document's: kept while it cites the same file
        DepartmentYear year = new DepartmentYear(imported.regionSlug(), imported.departmentCode(), imported.year(),
                imported.title(), imported.document(), imported.sections(), imported.tables(), projects, List.of(),
                List.of(), Objects.equals(existing.document(), imported.document()) ? existing.documentFacts() : null);
        return new Result(year, new ImportDiff(added, removed, renamed, changed));
    }

    /** Each figure and text of a matched project that differs, old → new. */
    private static void changes(String id, Project o, Project f, List<Text> out) {
        Budget ob = o.budget();
        Budget fb = f.budget();
        amount(out, id, "预算数", ob == null ? null : ob.total(), fb == null ? null : fb.total());
        amount(out, id, "其中：财政资金", ob == null ? null : ob.fiscal(), fb == null ? null : fb.fiscal());
        amount(out, id, "其他资金", ob == null ? null : ob.other(), fb == null ? null : fb.other());
        if (!Objects.equals(o.purpose(), f.purpose())) {
            out.add(change(id + " 资金用途", o.purpose(), f.purpose()));
        }
        if (!Objects.equals(o.goals(), f.goals())) {
            out.add(change(id + " 绩效目标", o.goals(), f.goals()));
        }
        // indicators by their name (三级指标 + 描述); rows only on one side are added or removed
        Map<String, Indicator> before = new LinkedHashMap<>();
        for (Indicator i : o.indicators()) {
            before.putIfAbsent(key(i), i);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (Indicator i : f.indicators()) {
            String k = key(i);
            seen.merge(k, 1, Integer::sum);
            Indicator b = before.remove(k);
            if (b == null) {
                out.add(Text.of(id + " 新增指标 " + i.level3() + "：" + shown(i.target()).zh(),
                        id + " indicator added \"" + i.level3() + "\": " + shown(i.target()).en()));
            } else if (!Objects.equals(b.target(), i.target())) {
                out.add(Text.of(id + " 指标 " + i.level3() + "：" + shown(b.target()).zh() + " → " + shown(i.target()).zh(),
                        id + " indicator \"" + i.level3() + "\": " + shown(b.target()).en() + " → " + shown(i.target()).en()));
            }
        }
        for (Indicator b : before.values()) {
            out.add(Text.of(id + " 删除指标 " + b.level3() + "：" + shown(b.target()).zh(),
                    id + " indicator removed \"" + b.level3() + "\": " + shown(b.target()).en()));
        }
    }

    private static String key(Indicator i) {
        return i.level1() + "/" + i.level2() + "/" + i.level3() + "/" + i.description();
    }

    private static void amount(List<Text> out, String id, String field, Amount o, Amount f) {
        if (!Objects.equals(o, f)) {
            out.add(Text.of(id + " " + field + "：" + money(o).zh() + " → " + money(f).zh(),
                    id + " " + field + ": " + money(o).en() + " → " + money(f).en()));
        }
    }

    /** {@code <what>：old → new}; {@code what} names the project and a label of the document (资金用途). */
    private static Text change(String what, String before, String after) {
        return Text.of(what + "：" + shown(before).zh() + " → " + shown(after).zh(),
                what + ": " + shown(before).en() + " → " + shown(after).en());
    }

    private static Text money(Amount a) {
        return a == null ? EMPTY : Text.same(a.value().toPlainString() + " " + a.unit().label());
    }

    private static final Text EMPTY = Text.of("（空）", "(empty)");

    private static Text shown(String s) {
        if (s == null) {
            return EMPTY;
        }
        String one = s.replace('\n', ' ');
        String cut = one.length() > 40 ? one.substring(0, 40) + "…" : one;
        return Text.of("“" + cut + "”", "\"" + cut + "\"");
    }
}
