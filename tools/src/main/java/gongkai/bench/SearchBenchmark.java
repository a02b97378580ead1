package gongkai.bench;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.content.Content;
import gongkai.load.ContentLoader;
import gongkai.load.LoadResult;
import gongkai.sample.SampleGenerator;
import gongkai.search.SearchDoc;
import gongkai.search.SearchDocuments;
import gongkai.search.SearchIndexBuilder;
import gongkai.search.SearchVariants;
import gongkai.search.StaticSearchExporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Search benchmark (not a unit test): sample content of each size ({@link SampleGenerator}, as {@code gongkai
 * sample} writes it), indexed and exported, then a fixed query set run by search.js under Node. Prints
 * index/export time, peak heap, search file size and count, cold-first-query and warm-query bytes (gzip, as a
 * static host serves them) and requests, and latency.
 *
 * <pre>java -cp target/gongkai.jar:target/tools/gongkai-tools.jar gongkai.bench.SearchBenchmark [--from DIR] [--work DIR]
 *     [--reuse] [--query Q …] [SIZE …]</pre>
 * Run from the repository root (it reads themes/default/static/search.js). {@code --reuse} with {@code --work}: keep
 * the sample and index a previous run left in {@code DIR/n<SIZE>} and only export and query again (changes to the
 * exporter or search.js: minutes less at 100,000 projects). {@code --query Q} (repeatable): run these queries
 * instead of the fixed set.
 */
public final class SearchBenchmark {
    /** Bytes of a fetch as a static host serves it: JSON gzip-compressed, binary ranges as they are. */
    static final String BYTES_NOTE = "cold/warm KB: JSON and JS gzip -9, binary (.bin, Range) uncompressed, multipart"
            + " headers counted; host serves multi-range (Range: bytes=a-b,c-d → 206 multipart/byteranges)";

    static final List<String> QUERIES = List.of("车", "辐射", "执法", "环境监测", "大气污染防治", "一企一策", "锅炉",
            "物业", "满意度", "验收合格率", "PM2.5", "VOCs", "2023", "\"执法能力\"", "辐射 设备", "服务 质量",
            "项目完成时间", "恶臭", "生态环境", "监测设备运行维护");

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path from = Path.of("content"); // the committed content the samples learn from
        Path work = Files.createTempDirectory("gongkai-bench");
        List<Integer> sizes = new ArrayList<>();
        List<String> queries = new ArrayList<>();
        boolean reuse = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--from" -> from = Path.of(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--reuse" -> reuse = true;
                case "--query" -> queries.add(args[++i]);
                default -> sizes.add(Integer.parseInt(args[i]));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(10_000, 100_000);
        }
        LoadResult source = ContentLoader.load(from);
        if (!source.ok()) {
            throw new IllegalArgumentException(from + " has " + source.errors().size() + " error(s); run 'gongkai validate "
                    + from + "'");
        }
        // search.js as a site built with the default theme serves it: minified (queries still run the source)
        byte[] js = gongkai.render.MinifiedScripts.served("search.js",
                Files.readAllBytes(NodeSearchRunner.defaultSearchJs()));
        int jsGz = gzip(js);
        System.out.printf("samples learn from %s; search.js as served %d B (%d B gzip)%n", from, js.length, jsGz);
        for (int size : sizes) {
            run(source.content(), size, work.resolve("n" + size), jsGz, queries.isEmpty() ? QUERIES : queries, reuse);
        }
    }

    private static void run(Content source, int size, Path dir, int jsGz, List<String> queries, boolean reuse)
            throws Exception {
        Path indexDir = dir.resolve("index");
        Path site = dir.resolve("site");
        boolean reused = reuse && Files.isDirectory(indexDir);
        if (!reused) {
            SampleGenerator.generate(source, dir.resolve("content"), size, 42, line -> { });
        }
        System.gc();
        resetPeaks();
        long t0 = System.nanoTime();
        if (!reused) {
            Content content = ContentLoader.load(dir.resolve("content")).content();
            List<SearchDoc> docs = SearchDocuments.of(content);
            t0 = System.nanoTime();
            new SearchIndexBuilder().build(docs, indexDir, SearchVariants.load(Path.of("themes", "default")));
        }
        long t1 = System.nanoTime();
        long indexPeak = heapPeak();
        resetPeaks();
        StaticSearchExporter.Stats stats = new StaticSearchExporter().export(indexDir, site);
        long t2 = System.nanoTime();
        long exportPeak = heapPeak();

        long raw = 0;
        long gz = 0;
        long largest = 0;
        List<Path> files;
        try (Stream<Path> s = Files.walk(site.resolve("search/data"))) {
            files = s.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            byte[] b = Files.readAllBytes(f);
            raw += b.length;
            // .bin files are served as they are (no compression: Range requests need identity encoding)
            int g = f.toString().endsWith(".json") ? gzip(b) : b.length;
            gz += g;
            largest = Math.max(largest, b.length);
        }
        System.out.printf("%n== %,d projects (%,d docs incl. department-years) ==%n", size, stats.docs());
        System.out.printf((reused ? "index reused; " : "") + "index %.1f s (peak heap %d MB), export %.1f s (peak heap %d MB)%n", (t1 - t0) / 1e9,
                indexPeak >> 20, (t2 - t1) / 1e9, exportPeak >> 20);
        System.out.printf("search files: %d (limit %d), %.1f MB raw, %.1f MB as served (JSON gzip), largest file %d KB; "
                        + "%d dictionary shards in %d files, %d postings files, %d display files%n", files.size(), size / 50 + 50, raw / 1e6,
                gz / 1e6, largest >> 10, stats.dictShards(), stats.dictFiles(), stats.postFiles(), stats.showFiles());
        byte[] meta = Files.readAllBytes(site.resolve("search/data/meta.json"));
        System.out.printf("meta.json (every search): %d B raw, %d B gzip%n", meta.length, gzip(meta));

        List<Map<String, String>> params = queries.stream().map(q -> Map.of("q", q)).toList();
        JsonNode res = new NodeSearchRunner(NodeSearchRunner.defaultSearchJs(), dir.resolve("node"))
                .run("search", params, site.resolve("search/data").toString(), "10");
        double[] warm = new double[queries.size()];
        double[] cold = new double[queries.size()];
        long[] coldBytes = new long[queries.size()];
        int[] coldReq = new int[queries.size()];
        long[] warmBytes = new long[queries.size()];
        System.out.println(BYTES_NOTE);
        System.out.printf("%-18s %8s %8s %5s %9s %5s %8s %8s%n", "query", "hits", "coldKB", "req", "warmKB",
                "req", "cold ms", "warm ms");
        for (int i = 0; i < queries.size(); i++) {
            JsonNode r = res.get(i);
            long cb = jsGz;
            for (JsonNode f : r.get("files")) {
                cb += f.get("gz").asLong();
            }
            long wb = 0;
            for (JsonNode f : r.get("warmFiles")) {
                wb += f.get("gz").asLong();
            }
            coldBytes[i] = cb;
            coldReq[i] = r.get("files").size() + 1;
            warmBytes[i] = wb;
            warm[i] = r.get("warmMs").asDouble();
            cold[i] = r.get("coldMs").asDouble();
            // "~": an estimated total (the query was read window by window; its top results are exact)
            String total = (r.get("exact").asBoolean() ? "" : "~") + r.get("total").asInt();
            System.out.printf("%-18s %8s %8.1f %5d %9.1f %5d %8.1f %8.1f%n", queries.get(i), total,
                    cb / 1024.0, coldReq[i], wb / 1024.0, r.get("warmFiles").size(), cold[i], warm[i]);
        }
        System.out.printf("cold first query: median %.1f KB / %d requests (max %.1f KB / %d requests), JS included%n",
                median(coldBytes) / 1024.0, (int) median(Arrays.stream(coldReq).asLongStream().toArray()),
                Arrays.stream(coldBytes).max().orElse(0) / 1024.0, Arrays.stream(coldReq).max().orElse(0));
        System.out.printf("warm query: median %.1f KB; latency median %.1f ms, p95 %.1f ms (cold engine incl. parsing:"
                        + " median %.1f ms, p95 %.1f ms)%n", median(warmBytes) / 1024.0, pct(warm, 50), pct(warm, 95),
                pct(cold, 50), pct(cold, 95));

        // the same queries on a host that serves single ranges only (S3, some CDNs): one request per range
        JsonNode single = new NodeSearchRunner(NodeSearchRunner.defaultSearchJs(), dir.resolve("node-single"))
                .run(Map.of("GONGKAI_RANGES", "single"), "search", params, site.resolve("search/data").toString(), "10");
        long[] singleBytes = new long[queries.size()];
        long[] singleReq = new long[queries.size()];
        StringBuilder perQuery = new StringBuilder();
        for (int i = 0; i < queries.size(); i++) {
            JsonNode r = single.get(i);
            singleBytes[i] = jsGz;
            for (JsonNode f : r.get("files")) {
                singleBytes[i] += f.get("gz").asLong();
            }
            singleReq[i] = r.get("files").size() + 1;
            perQuery.append(perQuery.length() == 0 ? "" : ", ").append(queries.get(i)).append(' ').append(singleReq[i]);
        }
        System.out.printf("single-range host: cold first query median %.1f KB / %d requests (max %.1f KB / %d requests)"
                        + "%n  requests per query: %s%n", median(singleBytes) / 1024.0, (int) median(singleReq),
                Arrays.stream(singleBytes).max().orElse(0) / 1024.0, Arrays.stream(singleReq).max().orElse(0), perQuery);
    }

    static int gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(data);
        }
        return out.size();
    }

    private static double median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
    }

    private static double pct(double[] v, int p) {
        double[] s = v.clone();
        Arrays.sort(s);
        int idx = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, idx))];
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long heapPeak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
