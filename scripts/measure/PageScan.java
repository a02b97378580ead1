import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import gongkai.pipeline.Utf8Bytes;
import org.apache.lucene.util.BytesRefBuilder;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Thread CPU of one pass over every page of a built site, per way of doing the two things the render stage does to
 * each page's text besides rendering it: encode it to UTF-8 (Utf8Bytes, the JDK's CharsetEncoder, Lucene's
 * BytesRefBuilder) and find its links and ids (check.HtmlLinks, a jsoup parse). Rounds interleave the ways; medians.
 *
 * <p>Usage: {@code java -cp target/gongkai.jar scripts/measure/PageScan.java SITE ROUNDS}
 */
public class PageScan {
    public static void main(String[] args) throws Exception {
        Path site = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        List<char[]> pages = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                pages.add(Files.readString(p, StandardCharsets.UTF_8).toCharArray());
            }
        }
        System.out.println(pages.size() + " pages, " + pages.stream().mapToLong(c -> c.length).sum() + " chars");
        Method scan = Class.forName("gongkai.check.HtmlLinks")
                .getDeclaredMethod("scan", char[].class, int.class, BiConsumer.class, Consumer.class);
        scan.setAccessible(true);

        Map<String, LongSupplier> ways = new LinkedHashMap<>();
        Utf8Bytes utf8 = new Utf8Bytes(1 << 17);
        ways.put("encode: Utf8Bytes", () -> {
            long n = 0;
            for (char[] p : pages) {
                utf8.reset();
                utf8.append(p, 0, p.length);
                n += utf8.size();
            }
            return n;
        });
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer[] out = {ByteBuffer.allocate(1 << 17)};
        ways.put("encode: JDK CharsetEncoder", () -> {
            long n = 0;
            for (char[] p : pages) {
                if (out[0].capacity() < p.length * 3) {
                    out[0] = ByteBuffer.allocate(p.length * 3);
                }
                out[0].clear();
                encoder.reset();
                encoder.encode(CharBuffer.wrap(p), out[0], true);
                encoder.flush(out[0]);
                n += out[0].position();
            }
            return n;
        });
        BytesRefBuilder bytes = new BytesRefBuilder();
        ways.put("encode: Lucene BytesRefBuilder", () -> {
            long n = 0;
            for (char[] p : pages) {
                bytes.copyChars(p, 0, p.length);
                n += bytes.length();
            }
            return n;
        });
        ways.put("links: HtmlLinks", () -> {
            long[] n = {0};
            BiConsumer<String, String> link = (attr, value) -> n[0] += value.length();
            Consumer<String> id = value -> n[0] += value.length();
            for (char[] p : pages) {
                try {
                    scan.invoke(null, p, p.length, link, id);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return n[0];
        });
        ways.put("links: jsoup parse", () -> {
            long n = 0;
            for (char[] p : pages) {
                Document doc = Jsoup.parse(new String(p));
                for (Element el : doc.getAllElements()) {
                    if (el.hasAttr("id")) {
                        n += el.id().length();
                    }
                }
                for (Element el : doc.select("[href], [src], form[action]")) {
                    for (String attr : List.of("href", "src", "action")) {
                        if (el.hasAttr(attr)) {
                            n += el.attr(attr).length();
                        }
                    }
                }
            }
            return n;
        });

        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, List<Long>> ms = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            for (Map.Entry<String, LongSupplier> way : ways.entrySet()) {
                long t0 = mx.getCurrentThreadCpuTime();
                long check = way.getValue().getAsLong();
                ms.computeIfAbsent(way.getKey(), k -> new ArrayList<>()).add((mx.getCurrentThreadCpuTime() - t0) / 1_000_000);
                if (r == 0) {
                    System.out.println(way.getKey() + ": " + check + " (bytes or chars seen)");
                }
            }
        }
        ms.forEach((way, times) -> {
            List<Long> sorted = new ArrayList<>(times);
            Collections.sort(sorted);
            System.out.println(way + ": median " + sorted.get(sorted.size() / 2) + " ms CPU, rounds " + times);
        });
    }
}
