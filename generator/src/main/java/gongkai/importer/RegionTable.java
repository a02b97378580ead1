package gongkai.importer;

import gongkai.content.Region;
import gongkai.content.SafePaths;
import gongkai.content.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which region a budget unit belongs to, read from its name through a small table, the resource
 * {@code gongkai/importer/regions.tsv} (slug, name, parent, name prefixes): the longest prefix wins, so
 * 天津市滨海新区生态环境保护综合行政执法支队 is Binhai and 天津市生态环境局 Tianjin. Department codes are not
 * used: they do not tell regions apart (362301 is in Binhai, 362303 in Tianjin). A unit the table does not know
 * is never guessed: the import asks for {@code --region}, listing the regions it knows.
 */
public final class RegionTable {
    private static final String RESOURCE = "regions.tsv";
    private static final RegionTable BUILT_IN = read();

    private record Entry(Region region, List<String> prefixes) {
    }

    private final List<Entry> entries;

    private RegionTable(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The table shipped with the importer. */
    public static RegionTable builtIn() {
        return BUILT_IN;
    }

    /** The regions a unit of this name belongs to, the outermost first (Tianjin, then Binhai); empty when unknown. */
    public Optional<List<Region>> forUnit(String unitName) {
        Entry best = null;
        int bestLength = 0;
        for (Entry e : entries) {
            for (String prefix : e.prefixes()) {
                if (unitName.startsWith(prefix) && prefix.length() > bestLength) {
                    best = e;
                    bestLength = prefix.length();
                }
            }
        }
        return best == null ? Optional.empty() : Optional.of(chain(best.region().slug()));
    }

    /** The regions {@code slug} needs, the outermost first; empty when the table does not know the slug. */
    public List<Region> chain(String slug) {
        List<Region> chain = new ArrayList<>();
        for (Region r = region(slug); r != null && !chain.contains(r); r = r.parent() == null ? null : region(r.parent())) {
            chain.add(0, r);
        }
        return chain;
    }

    /** The known regions in words, for the message asking for --region: {@code tianjin（天津市）、…}. */
    public String known() {
        return String.join("、", entries.stream().map(e -> e.region().slug() + "（" + e.region().name() + "）").toList());
    }

    /** The problem of a unit the table does not know: one sentence saying what to type. */
    public Text unknownUnit(String unitName) {
        return Text.of("认不出单位“" + PrintedNumbers.abbreviated(unitName) + "”属于哪个地区（地区表里有 " + known()
                + "）：请用 --region 加地区代码（小写英文字母、数字和 -）再导入；新的地区代码会写一个 region.yaml，"
                + "导入后请填上地区的中文名称", "cannot tell which region the unit \"" + PrintedNumbers.abbreviated(unitName)
                + "\" belongs to (the region table has " + String.join(", ", entries.stream().map(e -> e.region().slug()
                + " (\"" + e.region().name() + "\")").toList()) + "): import again with --region and a region code (lower-case "
                + "letters, digits and -); a new region code gets a region.yaml, whose name you then fill in in Chinese");
    }

    private Region region(String slug) {
        return entries.stream().map(Entry::region).filter(r -> r.slug().equals(slug)).findFirst().orElse(null);
    }

    private static RegionTable read() {
        try (InputStream in = Objects.requireNonNull(RegionTable.class.getResourceAsStream(RESOURCE), RESOURCE)) {
            List<Entry> entries = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.strip().split("\t");
                if (cols.length != 4 || SafePaths.segmentProblem(cols[0], SafePaths.SLUG, SafePaths.SLUG_CHARS) != null) {
                    throw new IllegalStateException(RESOURCE + ": not 'slug<TAB>name<TAB>parent<TAB>prefixes': " + line);
                }
                Region region = new Region(cols[0], cols[1], cols[2].equals("-") ? null : cols[2]);
                entries.add(new Entry(region, List.of(cols[3].split("\\|"))));
            }
            return new RegionTable(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
