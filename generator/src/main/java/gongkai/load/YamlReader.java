package gongkai.load;

import gongkai.content.Text;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads one content file: its bytes (bounded by {@link Limits#MAX_FILE_BYTES}), as UTF-8, then as YAML — through
 * {@link FastYaml} for the plain block subset, else SnakeYAML with every {@link Limits} bound applied while the
 * events stream in (aliases, their expanded size, nesting). Problems are reported to the sink with the file's
 * display path and the parser's position; null is returned for a file that cannot be read as content.
 */
final class YamlReader {
    private YamlReader() {
    }

    /** The file's text, or null after reporting that it is too large or not UTF-8. */
    static String readUtf8(Path file, String path, ProblemSink sink) throws IOException {
        long size = Files.size(file);
        if (size > Limits.MAX_FILE_BYTES) {
            sink.error(path, 1, 1, "", Text.of("文件过大：" + size + " 字节，一个内容文件最多 " + Limits.MAX_FILE_BYTES
                    + " 字节（file too large）", "file too large: " + size + " bytes; a content file may have at most "
                    + Limits.MAX_FILE_BYTES + " bytes"));
            return null;
        }
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8); // the JDK's fast path
        if (text.indexOf('\uFFFD') < 0) {
            return text; // no replacement character: the bytes were valid UTF-8
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            sink.error(path, 1, 1, "", Text.of("不是 UTF-8 编码：请用 UTF-8 重新保存这个文件（记事本“另存为”时编码选 UTF-8）",
                    "not UTF-8: save the file again as UTF-8 (in Notepad, \"Save As\" with the encoding UTF-8)"));
            return null;
        }
    }

    /** A regular file, not followed through a symlink. */
    static boolean isPlainFile(Path p) {
        return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
    }

    /** A folder, not followed through a symlink. */
    static boolean isPlainFolder(Path p) {
        return Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
    }

    /** Parses one YAML file; problems are reported with the parser's position and null returned. */
    static YamlDoc parse(Path file, String path, ProblemSink sink, Positions.Builder positions) throws IOException {
        String text = readUtf8(file, path, sink);
        if (text == null) {
            return null;
        }
        return parseText(text, path, sink, positions, true);
    }

    /**
     * Parses YAML text already read (an old version of a file, from git); null after a reported error.
     * {@code silentLosses}: whether to look for the mistakes that parse but lose text (they change no value, only
     * what is reported: the history, which drops the problems, skips the scan — half of a short text's parse).
     */
    static YamlDoc parseText(String text, String path, ProblemSink sink, Positions.Builder positions,
                             boolean silentLosses) {
        try {
            // the common case, block YAML as ContentWriter writes it, without SnakeYAML's per-character scanner;
            // anything else (and so every syntax error, alias and limit) goes through SnakeYAML
            Node root = FastYaml.parse(text, path);
            if (root == null) {
                root = composeWithSnakeYaml(text);
            }
            if (root == null) {
                // An empty file is an empty mapping: the required-field checks then say what is missing.
                Mark start = new Mark(path, 0, 0, 0, new int[0], 0);
                root = new MappingNode(Tag.MAP, true, new ArrayList<>(), start, start, DumperOptions.FlowStyle.BLOCK);
            }
            // mistakes that parse but lose text: a # that starts a comment, a key with a full-width colon
            if (silentLosses) {
                for (YamlMistakes.Mistake m : YamlMistakes.silentLosses(text)) {
                    sink.error(path, m.line(), m.column(), m.field(), m.message());
                }
            }
            return new YamlDoc(path, root, sink, positions);
        } catch (LimitExceeded e) {
            sink.error(path, e.mark.getLine() + 1, e.mark.getColumn() + 1, "", e.text);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            // the clerk's mistake, in plain words where it is (SnakeYAML often marks the line after it)
            var mistake = YamlMistakes.first(text);
            if (mistake.isPresent() && (m == null || mistake.get().line() <= m.getLine() + 1)) {
                YamlMistakes.Mistake k = mistake.get();
                sink.error(path, k.line(), k.column(), k.field(), k.message());
                return null;
            }
            String message = e.getProblem() == null ? e.getMessage() : e.getProblem();
            if (e.getContext() != null) {
                message = message + " (" + e.getContext() + ")";
            }
            Text words = YamlMistakes.inWords(e.getProblem());
            sink.error(path, m == null ? 1 : m.getLine() + 1, m == null ? 1 : m.getColumn() + 1, "",
                    Text.of("YAML 格式错误：" + words.zh() + "（YAML syntax error: " + message + "）",
                            "YAML syntax error: " + words.en() + " (" + message + ")"));
        } catch (ReaderException e) {
            int[] lc = lineColumn(text, e.getPosition());
            String character = "U+" + String.format(Locale.ROOT, "%04X", e.getCodePoint());
            sink.error(path, lc[0], lc[1], "", Text.of("YAML 格式错误：YAML 里不能有字符 " + character
                    + "（多是看不见的控制字符，请删去它）", "YAML syntax error: the character " + character
                    + " cannot be in YAML (usually an invisible control character: delete it)"));
        } catch (YAMLException e) {
            sink.error(path, 1, 1, "", Text.of("YAML 格式错误：" + e.getMessage(), "YAML syntax error: " + e.getMessage()));
        } catch (StackOverflowError e) {
            // a backstop: the nesting bound stops every structure the schema could hold long before this
            sink.error(path, 1, 1, "", Text.of("YAML 嵌套过深（nesting too deep）", "YAML nested too deeply"));
        }
        return null;
    }

    /**
     * SnakeYAML's node tree of {@code text} (null for an empty document), scalars resolved as the loader reads them
     * and the {@link Limits} enforced on the event stream.
     *
     * @throws LimitExceeded at the position where a bound was passed
     */
    static Node composeWithSnakeYaml(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit((int) Limits.MAX_FILE_BYTES);
        // SnakeYAML's own bounds stay as a backstop behind the guard's, which give a position and a clear message
        options.setMaxAliasesForCollections(Limits.MAX_ALIASES + 1);
        options.setNestingDepthLimit(Limits.MAX_NESTING + 2);
        options.setAllowRecursiveKeys(false);
        Parser parser = new BoundedEvents(new ParserImpl(new StreamReader(new StringReader(text)), options));
        return new Composer(parser, new NullOnlyResolver(), options).getSingleNode();
    }

    /** A bound of {@link Limits} passed at {@link #mark}. */
    static final class LimitExceeded extends RuntimeException {
        final transient Mark mark;
        final transient Text text;

        LimitExceeded(Mark mark, Text text) {
            super(text.zh(), null, false, false);
            this.mark = mark;
            this.text = text;
        }
    }

    /**
     * Counts what the composer is about to build, event by event: nesting depth, aliases, and the size (characters
     * of scalars, plus one per node) every alias adds when expanded — SnakeYAML bounds aliases to collections by
     * count only, and aliases to scalars not at all, so one 60 KB anchored scalar referenced 1,500 times passed.
     */
    private static final class BoundedEvents implements Parser {
        private final Parser parser;
        /** Open collections: their anchor (or null) and the size so far. */
        private final Deque<Frame> open = new ArrayDeque<>();
        private final Map<String, Long> anchorSizes = new HashMap<>();
        private int aliases;
        private long expansion;

        private static final class Frame {
            final String anchor;
            long size = 1;

            Frame(String anchor) {
                this.anchor = anchor;
            }
        }

        BoundedEvents(Parser parser) {
            this.parser = parser;
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            return parser.checkEvent(choice);
        }

        @Override
        public Event peekEvent() {
            return parser.peekEvent();
        }

        @Override
        public Event getEvent() {
            Event event = parser.getEvent();
            switch (event.getEventId()) {
                case SequenceStart, MappingStart -> {
                    if (open.size() >= Limits.MAX_NESTING) {
                        throw new LimitExceeded(event.getStartMark(), Text.of("YAML 嵌套过深：列表和映射最多嵌套 "
                                + Limits.MAX_NESTING + " 层（nesting too deep）", "YAML nested too deeply: lists and mappings "
                                + "may be nested at most " + Limits.MAX_NESTING + " levels deep"));
                    }
                    open.push(new Frame(((NodeEvent) event).getAnchor()));
                }
                case SequenceEnd, MappingEnd -> {
                    Frame done = open.pop();
                    if (done.anchor != null) {
                        anchorSizes.put(done.anchor, done.size);
                    }
                    add(done.size);
                }
                case Scalar -> {
                    ScalarEvent scalar = (ScalarEvent) event;
                    long size = scalar.getValue().length() + 1L;
                    if (scalar.getAnchor() != null) {
                        anchorSizes.put(scalar.getAnchor(), size);
                    }
                    add(size);
                }
                case Alias -> alias((AliasEvent) event);
                default -> {
                }
            }
            return event;
        }

        private void alias(AliasEvent event) {
            String name = event.getAnchor();
            for (Frame f : open) {
                if (name.equals(f.anchor)) {
                    throw new LimitExceeded(event.getStartMark(), Text.of("YAML 别名 *" + name
                            + " 引用了包含它自己的结构（recursive alias）", "YAML alias *" + name
                            + " refers to a structure that contains it (recursive alias)"));
                }
            }
            aliases++;
            if (aliases > Limits.MAX_ALIASES) {
                throw new LimitExceeded(event.getStartMark(), Text.of("YAML 别名过多：一个文件最多 " + Limits.MAX_ALIASES
                        + " 个（too many aliases）", "too many YAML aliases: at most " + Limits.MAX_ALIASES + " in one file"));
            }
            Long size = anchorSizes.get(name);
            if (size == null) {
                return; // an undefined alias: the composer reports it
            }
            expansion += size;
            if (expansion > Limits.MAX_ALIAS_EXPANSION) {
                throw new LimitExceeded(event.getStartMark(), Text.of("YAML 别名展开后过大：别名在一个文件里最多展开出 "
                        + Limits.MAX_ALIAS_EXPANSION + " 个字符（*" + name + " 使总量达到 " + expansion
                        + "；alias expansion too large）", "YAML aliases expand too far: they may add at most "
                        + Limits.MAX_ALIAS_EXPANSION + " characters to one file (*" + name + " brings the total to "
                        + expansion + ")"));
            }
            add(size);
        }

        private void add(long size) {
            Frame parent = open.peek();
            if (parent != null) {
                parent.size += size;
            }
        }
    }

    /**
     * Only null is resolved implicitly: the loader reads every other scalar as text and checks it itself, so
     * the int/float/bool/timestamp patterns the default resolver tries on every plain scalar are wasted work.
     */
    private static final class NullOnlyResolver extends Resolver {
        /** No regex resolvers: {@link #resolve} decides every implicit scalar itself. */
        @Override
        protected void addImplicitResolvers() {
        }

        /**
         * YAML 1.1 null (empty, ~, null, Null, NULL) or text, without a regex per scalar (the default EMPTY resolver,
         * registered for every first character, was a fifth of load time).
         */
        @Override
        public Tag resolve(NodeId kind, String value, boolean implicit) {
            if (kind == NodeId.scalar && implicit) {
                return plainScalarTag(value);
            }
            return super.resolve(kind, value, implicit);
        }
    }

    /** The tag of a plain (unquoted) scalar as the loader reads it: null for YAML 1.1 null, else text. Also FastYaml's. */
    static Tag plainScalarTag(String value) {
        if (value.length() > 4) {
            return Tag.STR; // before the switch: it would hash the whole (often long) text
        }
        return switch (value) {
            case "", "~", "null", "Null", "NULL" -> Tag.NULL;
            default -> Tag.STR;
        };
    }

    private static int[] lineColumn(String text, int codePointIndex) {
        int line = 1;
        int column = 1;
        int seen = 0;
        for (int i = 0; i < text.length() && seen < codePointIndex; seen++) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[] {line, column};
    }
}
