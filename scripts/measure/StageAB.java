import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.*;
import java.util.*;
import java.util.stream.*;

/**
 * A/B of one stage's work between builds of gongkai: each jar in its own class loader in this one JVM, runs
 * alternating (order rotated every round), so a busy stretch of a shared machine hits all alike. Per jar: the first
 * (cold) run and the median of the warm runs (from the third), wall and user CPU (Linux: /proc/self/stat); then
 * each jar's CPU relative to the first jar's in the same round, median over the warm rounds.
 *
 * <p>{@code export}: DatasetExporter.export of the loaded content; {@code static}: StaticSearchExporter.export of a
 * Lucene index built once per jar. OUTDIR takes the output (a tmpfs such as /dev/shm keeps disk waits out).
 *
 * <p>Usage: {@code java scripts/measure/StageAB.java CONTENT export|static RUNS OUTDIR A.jar B.jar…}
 */
public class StageAB {
    public static void main(String[] a) throws Exception {
        Path contentDir = Path.of(a[0]);
        String what = a[1];
        int runs = Integer.parseInt(a[2]);
        Path work = Files.createTempDirectory(Path.of(a[3]), "stage-ab");
        List<String> jars = Arrays.asList(a).subList(4, a.length);
        List<Object[]> ctx = new ArrayList<>();
        for (String jar : jars) {
            ClassLoader cl = new URLClassLoader(new URL[] {Path.of(jar).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Object loaded = cl.loadClass("gongkai.load.ContentLoader").getMethod("load", Path.class).invoke(null, contentDir);
            Object content = loaded.getClass().getMethod("content").invoke(loaded);
            Path index = work.resolve("index-" + ctx.size());
            if (what.equals("static")) {
                Class<?> b = cl.loadClass("gongkai.search.SearchIndexBuilder");
                b.getMethod("build", cl.loadClass("gongkai.content.Content"), Path.class).invoke(b.getConstructor().newInstance(), content, index);
            }
            ctx.add(new Object[] {cl, content, index});
        }
        Map<String, List<long[]>> results = new LinkedHashMap<>();
        for (int r = 0; r < runs; r++) {
            for (int jj = 0; jj < jars.size(); jj++) {
                int j = (jj + r) % jars.size(); // rotated each round: no jar always runs first
                ClassLoader cl = (ClassLoader) ctx.get(j)[0];
                Path out = work.resolve("site");
                System.gc();
                long c0 = userMs();
                long t0 = System.nanoTime();
                if (what.equals("export")) {
                    Class<?> e = cl.loadClass("gongkai.export.DatasetExporter");
                    e.getMethod("export", cl.loadClass("gongkai.content.Content"), Path.class).invoke(e.getConstructor().newInstance(), ctx.get(j)[1], out);
                } else {
                    Class<?> e = cl.loadClass("gongkai.search.StaticSearchExporter");
                    e.getMethod("export", Path.class, Path.class).invoke(e.getConstructor().newInstance(), ctx.get(j)[2], out);
                }
                long w = (System.nanoTime() - t0) / 1_000_000;
                long c = userMs() - c0;
                results.computeIfAbsent(jars.get(j), k -> new ArrayList<>()).add(new long[] {w, c});
                System.out.println(what + " " + jars.get(j) + " run " + r + ": wall " + w + " ms, user cpu " + c + " ms");
                delete(out);
            }
        }
        for (var e : results.entrySet()) {
            List<long[]> l = e.getValue();
            List<Long> ww = l.stream().skip(2).map(x -> x[0]).sorted().toList();
            List<Long> cc = l.stream().skip(2).map(x -> x[1]).sorted().toList();
            System.out.println("RESULT " + e.getKey() + ": cold wall " + l.get(0)[0] + " cpu " + l.get(0)[1]
                    + " | warm median (runs 3-" + l.size() + ") wall " + ww.get(ww.size() / 2) + " cpu " + cc.get(cc.size() / 2)
                    + " | cpu all " + l.stream().map(x -> x[1]).toList());
        }
        // per round, each jar's CPU relative to the first jar's in the same round; median over the warm rounds
        List<long[]> first = results.get(jars.get(0));
        for (var e : results.entrySet()) {
            List<Double> ratios = new ArrayList<>();
            for (int r = 2; r < first.size(); r++) {
                ratios.add((double) e.getValue().get(r)[1] / first.get(r)[1]);
            }
            Collections.sort(ratios);
            System.out.printf("RATIO %s / %s: median %.3f  (sorted %s)%n", e.getKey(), jars.get(0),
                    ratios.get(ratios.size() / 2), ratios.stream().map(x -> String.format("%.2f", x)).toList());
        }
        delete(work);
    }

    static long userMs() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) * 10;
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }

    static void delete(Path p) throws Exception {
        if (!Files.exists(p)) return;
        try (Stream<Path> w = Files.walk(p)) {
            for (Path f : w.sorted(Comparator.reverseOrder()).toList()) Files.delete(f);
        }
    }
}
