package gongkai.load;

import gongkai.importer.ContentWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The fast subset reader gives SnakeYAML's tree (kinds, tags, values, start line and column of every node) for
 * every file ContentWriter writes, and for anything outside its subset it declines (null) instead of guessing.
 */
class FastYamlTest {
    @TempDir
    Path tmp;

    /** Node by node: class, tag, scalar value, start line and column (what the loader's messages use). */
    static void assertSameTree(Node expected, Node actual, String where) {
        assertEquals(expected.getClass(), actual.getClass(), where + ": kind");
        assertEquals(expected.getTag(), actual.getTag(), where + ": tag");
        assertEquals(expected.getStartMark().getLine(), actual.getStartMark().getLine(), where + ": line");
        assertEquals(expected.getStartMark().getColumn(), actual.getStartMark().getColumn(), where + ": column");
        if (expected instanceof ScalarNode e) {
            assertEquals(e.getValue(), ((ScalarNode) actual).getValue(), where + ": value");
            assertEquals(e.getScalarStyle(), ((ScalarNode) actual).getScalarStyle(), where + ": style");
        } else if (expected instanceof SequenceNode e) {
            List<Node> a = ((SequenceNode) actual).getValue();
            assertEquals(e.getValue().size(), a.size(), where + ": items");
            for (int i = 0; i < a.size(); i++) {
                assertSameTree(e.getValue().get(i), a.get(i), where + "[" + i + "]");
            }
        } else {
            List<NodeTuple> e = ((MappingNode) expected).getValue();
            List<NodeTuple> a = ((MappingNode) actual).getValue();
            assertEquals(e.size(), a.size(), where + ": keys");
            for (int i = 0; i < a.size(); i++) {
                String key = ((ScalarNode) e.get(i).getKeyNode()).getValue();
                assertSameTree(e.get(i).getKeyNode(), a.get(i).getKeyNode(), where + "." + key + "(key)");
                assertSameTree(e.get(i).getValueNode(), a.get(i).getValueNode(), where + "." + key);
            }
        }
    }

    static int checkEveryYamlFile(Path root) throws Exception {
        int files = 0;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                Node fast = FastYaml.parse(text, f.toString());
                assertNotNull(fast, f + " is written by ContentWriter but the fast reader declined it");
                assertSameTree(ContentLoader.composeWithSnakeYaml(text), fast, f.toString());
                files++;
            }
        }
        return files;
    }

    @Test
    void committedContentReadsAsSnakeYamlReadsIt() throws Exception {
        assertTrue(checkEveryYamlFile(Path.of("content")) >= 19); // site, 3 regions, 7 departments, 8 year files
    }

    /** Inside the subset: read, and equal to SnakeYAML's reading. */
    @Test
    void subsetCasesMatchSnakeYaml() {
        List<String> inside = List.of(
                "a: 1\nb: x\n",
                "a: 1", // no final newline
                "# comment\n\na: '362303'\n  # indented comment\nb: 'it''s'\n",
                "list:\n  - x\n  - y z\n  -   spaced\n",
                "list:\n  - a: 1\n    b: 2\n  - a: 3\n",
                "list:\n  -\n    a: 1\n",
                "n: ~\nm: null\nk: NULL\ns: 'null'\n",
                "t: |-\n  line one\n\n  line three\n    indented\nnext: 1\n",
                "t: |\n  clip\n\n\nnext: 1\n",
                "t: |\n  clip at end\n",
                "t: |-\n  # not a comment\n  x\n",
                "deep:\n  a:\n    b:\n      - c: d\n        e: |-\n          f\n          g\n      - h\n",
                "v: 值：中文，标点 (括号) [方] {花} a:b x#y ≤12个月 <20mSv 100% \"q\" 'q'\n",
                "k:  two spaces before\n",
                "trailing: spaces   \n",
                "x: 𠀀𠀁\n");
        for (String text : inside) {
            Node fast = FastYaml.parse(text, "t.yaml");
            assertNotNull(fast, "declined: " + text);
            assertSameTree(ContentLoader.composeWithSnakeYaml(text), fast, text);
        }
    }

    /** Outside the subset (or invalid): declined, so SnakeYAML reads it and reports its errors. */
    @Test
    void everythingElseIsDeclined() {
        List<String> outside = List.of(
                "", "\n", "# only a comment\n", "  a: 1\n", "--- \na: 1\n", "%YAML 1.1\n---\na: 1\n",
                "a:\tb\n", "a: b\r\n", "\uFEFFa: 1\n", "a: b\u2028c\n",
                "a: [1, 2]\n", "a: {b: 1}\n", "a: &x 1\nb: *x\n", "a: !!str 1\n", "a: \"q\"\n",
                "a: multi\n  line\n", "a: 'multi\n  line'\n", "a: x # comment\n", "a:\nb: 1\n",
                "a:\n- x\n", "a: |+\n  keep\n", "a: |2\n  x\n", "a: >-\n  folded\n", "a: | # c\n  x\n",
                "a: |\n\n", "a: b: c\n", "a: -5\n", "a: x:\n", "'q': 1\n", "? a\n: 1\n", "- - a\n",
                "a:\n  b: 1\n c: 2\n", "a:\n    b: 1\n  c: 2\n", "a: |\n    x\n  y\n", "a: |\n  x\n   \n",
                "a: |\n   \n  x\n", "plain scalar\n", "a: 1\n  b: 2\n");
        for (String text : outside) {
            assertNull(FastYaml.parse(text, "t.yaml"), "read, but outside the subset: " + text.replace("\n", "⏎"));
        }
    }
}
