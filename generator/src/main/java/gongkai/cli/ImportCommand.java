package gongkai.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a disclosure (plain-text export) into YAML under the content directory.")
public final class ImportCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Source document(s), plain-text export.")
    Path[] files;

    @Option(names = "--year", description = "Budget year (inferred from the document when omitted).")
    Integer year;

    @Option(names = "--region", description = "Region slug, e.g. tianjin (inferred from the unit name when omitted).")
    String region;

    @Option(names = "--content", defaultValue = "content", description = "Content directory (default: ${DEFAULT-VALUE}).")
    Path contentDir;

    @Override
    public Integer call() {
        System.err.println("import: not implemented yet");
        return 1;
    }
}
