package gongkai.load;

import gongkai.content.Text;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** A parsed file: its display path and root node; reports problems at a node's position. */
final class YamlDoc {
    final String path;
    final Node root;
    private final ProblemSink sink;
    private final Positions.Builder positions;

    YamlDoc(String path, Node root, ProblemSink sink, Positions.Builder positions) {
        this.path = path;
        this.root = root;
        this.sink = sink;
        this.positions = positions;
    }

    void error(Node node, String field, Text message) {
        Mark m = node.getStartMark();
        sink.error(path, m.getLine() + 1, m.getColumn() + 1, field, message);
    }

    void warning(Node node, String field, Text message) {
        Mark m = node.getStartMark();
        sink.warning(path, m.getLine() + 1, m.getColumn() + 1, field, message);
    }

    /** Keeps where {@code field} is, for the checks across files ({@link Positions}). */
    void acknowledge(String owner, java.util.List<Positions.Acknowledgement> list) {
        positions.acknowledge(path, owner, list);
    }

    void record(Node node, String field) {
        if (node != null) {
            Mark m = node.getStartMark();
            positions.put(path, field, m.getLine() + 1, m.getColumn() + 1);
        }
    }

    /** What an unknown key of a mapping is called: a key, or a column of a table row. */
    static final Text KEY = Text.of("键", "key");
    static final Text COLUMN = Text.of("列", "column");

    Fields fields(Node node, String prefix, Set<String> allowed) {
        return fields(node, prefix, allowed, KEY);
    }

    /** Reads a mapping, reporting duplicate and unknown keys; null (after reporting) if it is not a mapping. */
    Fields fields(Node node, String prefix, Set<String> allowed, Text keyWord) {
        if (!(node instanceof MappingNode mapping)) {
            error(node, prefix, kind(node).after("这里应是“键: 值”形式的若干行，实际是", "expected lines of \"key: value\" here, found "));
            return null;
        }
        // Mappings are small (≤ 20 keys): parallel arrays and linear scans beat two hash maps per mapping.
        List<NodeTuple> tuples = mapping.getValue();
        String[] keys = new String[tuples.size()];
        Node[] keyNodes = new Node[tuples.size()];
        Node[] valueNodes = new Node[tuples.size()];
        int seen = 0;
        Fields fields = new Fields(this, mapping, prefix, keys, valueNodes);
        for (NodeTuple t : tuples) {
            Node k = t.getKeyNode();
            if (!(k instanceof ScalarNode ks)) {
                error(k, prefix, kind(k).after("键必须是一个普通的词，实际是", "a key must be a plain word, found "));
                continue;
            }
            String key = ks.getValue();
            int earlier = Fields.indexOf(keys, seen, key);
            if (earlier >= 0) {
                int first = keyNodes[earlier].getStartMark().getLine() + 1;
                error(k, fields.path(key), Text.of("键 '" + key + "' 重复（第一次在第 " + first + " 行）：同一层里每个键只能写一次",
                        "key '" + key + "' is written twice (first on line " + first + "): write each key once at the same level"));
                continue;
            }
            keys[seen] = key;
            keyNodes[seen] = k;
            seen++;
            if (!allowed.contains(key)) {
                error(k, fields.path(shown(key)), Text.of("不认识的" + keyWord.zh() + " '" + shown(key) + "'",
                        "unknown " + keyWord.en() + " '" + shown(key) + "'").plus(Suggestions.hint(key, allowed)));
                // known keys only: an unknown key is reported, never read
                valueNodes[seen - 1] = null;
                continue;
            }
            valueNodes[seen - 1] = t.getValueNode();
        }
        return fields;
    }

    static boolean isNull(Node n) {
        return n instanceof ScalarNode && Tag.NULL.equals(n.getTag());
    }

    /** What a node is, as "…, found <kind>" says it. */
    static Text kind(Node n) {
        if (n instanceof MappingNode) {
            return Text.of("“键: 值”形式的若干行", "lines of \"key: value\"");
        }
        if (n instanceof SequenceNode) {
            return Text.of("列表", "a list");
        }
        if (isNull(n)) {
            return Text.of("空的", "nothing");
        }
        String value = "'" + shown(((ScalarNode) n).getValue()) + "'";
        return Text.of(" " + value, value);
    }

    /** A value as quoted in a message: at most 80 characters, so a pasted megabyte never fills the terminal. */
    static String shown(String value) {
        return value.length() <= 80 ? value : value.substring(0, Character.isHighSurrogate(value.charAt(79)) ? 79 : 80) + "…";
    }
}
