package gongkai.load;

import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.sample.SampleGenerator;
import gongkai.testing.Seeds;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FastYamlTest's check on a sample's thousands of ContentWriter files: each reads as SnakeYAML reads it. */
@Tag("slow")
class SampleYamlTest {
    @Test
    void aSampleReadsAsSnakeYamlReadsIt(@TempDir Path tmp) throws Exception {
        Path sample = tmp.resolve("sample");
        SampleGenerator.generate(Seeds.content(), sample, 1500, 3, line -> { });
        assertTrue(FastYamlTest.checkEveryYamlFile(sample) > 50);
    }
}
