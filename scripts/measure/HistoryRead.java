import com.sun.management.OperatingSystemMXBean;
import gongkai.content.Content;
import gongkai.load.ContentLoader;
import gongkai.site.GitDates;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * Wall and process CPU time of reading a content repository's history (GitDates.read, both of the build's steps:
 * the read it starts beside the load, and the comparison of versions in assemble) after loading the content once,
 * as the build has it; rounds in one JVM, so the later ones are warm. For a repository made by history-commits.py
 * (docs/performance.md#content-history-git):
 *
 * <pre>java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp target/gongkai.jar scripts/measure/HistoryRead.java DIR 5</pre>
 */
public class HistoryRead {
    public static void main(String[] args) throws Exception {
        Path content = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Content loaded = ContentLoader.load(content).content();
        for (int round = 1; round <= rounds; round++) {
            long cpu = os.getProcessCpuTime();
            long gc = gcMillis();
            long start = System.nanoTime();
            GitDates dates = GitDates.read(content, loaded, System.err::println);
            System.out.printf("round %d: %d ms wall, %d ms CPU (%d ms in GC), %d changes%n", round,
                    (System.nanoTime() - start) / 1_000_000, (os.getProcessCpuTime() - cpu) / 1_000_000,
                    gcMillis() - gc, dates.allChanges().size());
        }
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += gc.getCollectionTime();
        }
        return total;
    }
}
