package gongkai.importer;

import gongkai.content.Lang;
import gongkai.content.Text;
import java.util.List;

/**
 * What a re-import changes in a department-year, as a reviewer reads it: projects added, removed and renamed
 * (each with its id and name, as the content has them), and every changed figure or text, old → new.
 */
public record ImportDiff(List<String> added, List<String> removed, List<String> renamed, List<Text> changed) {
    public ImportDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        renamed = List.copyOf(renamed);
        changed = List.copyOf(changed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && renamed.isEmpty() && changed.isEmpty();
    }

    /** The report in {@code lang}, one item a line, each indented under its heading; "" when nothing changed. */
    public String render(String indent, Lang lang) {
        StringBuilder out = new StringBuilder();
        section(out, indent, Text.of("新增项目", "projects added"), added.stream().map(Text::same).toList(), lang);
        section(out, indent, Text.of("删除项目", "projects removed"), removed.stream().map(Text::same).toList(), lang);
        section(out, indent, Text.of("改名项目", "projects renamed"), renamed.stream().map(Text::same).toList(), lang);
        section(out, indent, Text.of("修改", "changes"), changed, lang);
        return out.toString();
    }

    /** Both languages' reports. */
    public Text render(String indent) {
        return Text.of(render(indent, Lang.ZH), render(indent, Lang.EN));
    }

    private static void section(StringBuilder out, String indent, Text title, List<Text> items, Lang lang) {
        if (items.isEmpty()) {
            return;
        }
        out.append(indent).append(title.in(lang)).append(lang == Lang.EN ? " (" + items.size() + "):\n"
                : "（" + items.size() + "）：\n");
        for (Text item : items) {
            out.append(indent).append("  ").append(item.in(lang)).append('\n');
        }
    }
}
