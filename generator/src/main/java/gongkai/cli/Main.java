package gongkai.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gongkai} command: one entry point, one subcommand per task. */
@Command(
        name = "gongkai",
        mixinStandardHelpOptions = true,
        version = "gongkai 0.1.0",
        description = "公开 Gongkai: turns budget disclosures (YAML content) into a searchable static open-data site.",
        subcommands = {
            ImportCommand.class,
            ValidateCommand.class,
            BuildCommand.class,
            ServeCommand.class,
            SearchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The environment the commands read (the language rule, {@link LanguageOption}): the process's, or a test's. */
    private final Map<String, String> environment;

    public Main() {
        this(System.getenv());
    }

    Main(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    Map<String, String> environment() {
        return environment;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI and returns the exit code (used by tests, which must not call System.exit). */
    public static int execute(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    /** Runs the CLI as if the process had {@code environment} (tests: the language rule without changing the JVM's). */
    static int execute(Map<String, String> environment, String... args) {
        return new CommandLine(new Main(environment)).execute(args);
    }
}
