package gongkai.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The Nu HTML Checker (vnu.jar from npm, installed by scripts/test-prereqs.sh), run on files. */
public final class HtmlChecker {
    private static final Path VNU = Path.of("target", "test-tools", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    private HtmlChecker() {
    }

    /** Returns every error the checker reports for the given HTML files, as "file:line: message". */
    public static List<String> errors(List<Path> htmlFiles) throws IOException, InterruptedException {
        if (!Files.isRegularFile(VNU)) {
            throw new IllegalStateException("vnu.jar missing at " + VNU + " (run scripts/test-prereqs.sh)");
        }
        List<String> command = new ArrayList<>(List.of("java", "-jar", VNU.toString(), "--errors-only", "--format", "json"));
        htmlFiles.forEach(f -> command.add(f.toAbsolutePath().toString()));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String json = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        JsonNode messages = new ObjectMapper().readTree(json).path("messages");
        List<String> errors = new ArrayList<>();
        for (JsonNode m : messages) {
            if (!"info".equals(m.path("type").asText())) {
                errors.add(m.path("url").asText() + ":" + m.path("lastLine").asText() + ": " + m.path("message").asText());
            }
        }
        return errors;
    }
}
