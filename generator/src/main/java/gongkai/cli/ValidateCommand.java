package gongkai.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check every content file; print errors as path:line:column: field: message.")
public final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "CONTENT_DIR", defaultValue = "content",
            description = "Content directory (default: ${DEFAULT-VALUE}).")
    Path contentDir;

    @Override
    public Integer call() {
        System.err.println("validate: not implemented yet");
        return 1;
    }
}
