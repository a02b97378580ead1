package gongkai.pipeline;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine-readable twin of {@link BuildReport#summary()}: one JSON object with the stage times and the
 * JVM's peak heap, written by {@code gongkai build --timings FILE} for {@code gongkai bench} to read.
 */
public final class BuildTimings {
    private BuildTimings() {
    }

    /** Sum over the heap pools of each pool's peak usage since JVM start (an upper bound of the true peak). */
    public static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** CPU time of this JVM (all threads, user + system) so far, in ms; -1 when the platform does not say. */
    public static long processCpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
    }

    /** {"projects":…,"pages":…,"totalMs":…,"cpuMs":…,"peakHeapBytes":…,"stages":{"load":…,…}} — times in ms. */
    public static String json(BuildReport report, long peakHeapBytes) {
        StringBuilder out = new StringBuilder("{");
        out.append("\"projects\":").append(report.projects())
                .append(",\"pages\":").append(report.pages())
                .append(",\"totalMs\":").append(report.totalNanos() / 1_000_000)
                .append(",\"cpuMs\":").append(processCpuMillis())
                .append(",\"peakHeapBytes\":").append(peakHeapBytes)
                .append(",\"stages\":{");
        for (int i = 0; i < report.stages().size(); i++) {
            BuildReport.StageTime t = report.stages().get(i);
            out.append(i == 0 ? "" : ",").append('"').append(t.stage()).append("\":").append(t.nanos() / 1_000_000);
        }
        return out.append("}}\n").toString();
    }

    public static void write(Path file, BuildReport report) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, json(report, peakHeapBytes()), StandardCharsets.UTF_8);
    }
}
