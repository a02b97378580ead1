package gongkai.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code search.js} under Node (tests and the benchmark): tokenization, query parsing and whole searches
 * over exported files on disk, through the driver script {@code node-driver.js}.
 */
public final class NodeSearchRunner {
    private final Path searchJs;
    private final Path work;
    private final ObjectMapper json = new ObjectMapper();

    /** {@code searchJs}: the theme's search.js; {@code work}: a scratch directory for inputs and outputs. */
    public NodeSearchRunner(Path searchJs, Path work) throws IOException {
        this.searchJs = searchJs.toAbsolutePath();
        this.work = work;
        Files.createDirectories(work);
        try (InputStream in = NodeSearchRunner.class.getResourceAsStream("node-driver.js")) {
            if (in == null) {
                throw new IOException("node-driver.js missing from the classpath");
            }
            Files.write(work.resolve("node-driver.js"), in.readAllBytes());
        }
    }

    /** The theme's search.js, found from the working directory (the repository root when run by Maven). */
    public static Path defaultSearchJs() {
        return Path.of("themes", "default", "static", "search.js");
    }

    public JsonNode run(String mode, Object input, String... extra) throws IOException, InterruptedException {
        return run(java.util.Map.of(), mode, input, extra);
    }

    /** As {@link #run(String, Object, String...)} with extra environment variables (node-driver.js reads them). */
    public JsonNode run(java.util.Map<String, String> env, String mode, Object input, String... extra)
            throws IOException, InterruptedException {
        Path in = work.resolve(mode + "-in.json");
        Path out = work.resolve(mode + "-out.json");
        json.writeValue(in.toFile(), input);
        List<String> cmd = new ArrayList<>(List.of("node", work.resolve("node-driver.js").toString(),
                searchJs.toString(), mode));
        if (mode.equals("search") || mode.equals("bounds")) {
            cmd.add(extra[0]);
            cmd.add(in.toString());
            cmd.add(out.toString());
            for (int i = 1; i < extra.length; i++) {
                cmd.add(extra[i]);
            }
        } else {
            cmd.add(in.toString());
            cmd.add(out.toString());
            cmd.addAll(List.of(extra));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] log = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("node " + mode + " failed: " + new String(log, java.nio.charset.StandardCharsets.UTF_8));
        }
        return json.readTree(out.toFile());
    }
}
