package gongkai.importer;

import java.util.List;

/**
 * What a re-import changes in a department-year, as a reviewer reads it: projects added, removed and renamed
 * (each with its id), and every changed figure or text, old → new.
 */
public record ImportDiff(List<String> added, List<String> removed, List<String> renamed, List<String> changed) {
    public ImportDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        renamed = List.copyOf(renamed);
        changed = List.copyOf(changed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && renamed.isEmpty() && changed.isEmpty();
    }

    /** The report, one item a line, each indented under its heading; "" when nothing changed. */
    public String render(String indent) {
        StringBuilder out = new StringBuilder();
        section(out, indent, "新增项目", added);
        section(out, indent, "删除项目", removed);
        section(out, indent, "改名项目", renamed);
        section(out, indent, "修改", changed);
        return out.toString();
    }

    private static void section(StringBuilder out, String indent, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        out.append(indent).append(title).append("（").append(items.size()).append("）：\n");
        for (String item : items) {
            out.append(indent).append("  ").append(item).append('\n');
        }
    }
}
