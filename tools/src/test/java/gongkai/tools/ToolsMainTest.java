package gongkai.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** sample and bench are the tools' commands, not the product's: each CLI's help lists its own. */
class ToolsMainTest {
    private static String help(Object command, String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute(args));
        return out.toString();
    }

    @Test
    void theToolsListSampleAndBench() {
        assertEquals(Set.of("sample", "bench", "help"), new CommandLine(new ToolsMain()).getSubcommands().keySet());
        String help = help(new ToolsMain(), "--help");
        assertTrue(help.contains("sample") && help.contains("bench"), help);
        assertTrue(help(new ToolsMain(), "sample", "--help").contains("--projects"));
    }

    @Test
    void theProductNoLongerListsThem() {
        Set<String> product = new CommandLine(new Main()).getSubcommands().keySet();
        assertTrue(product.contains("build") && product.contains("serve"), product.toString());
        assertFalse(product.contains("sample") || product.contains("bench"), product.toString());
        String help = help(new Main(), "--help");
        assertFalse(help.contains("  sample") || help.contains("  bench"), help);
    }
}
