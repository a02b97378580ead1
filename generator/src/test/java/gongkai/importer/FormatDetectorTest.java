package gongkai.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FormatDetectorTest {
    @ParameterizedTest
    @CsvSource({"000,TIANJIN", "001,TIANJIN", "002,TIANJIN", "003,TIANJIN", "004,HENGSHUI"})
    void tellsTheSeedFormats(String prefix, FormatDetector.Format expected) throws Exception {
        String text = Files.readString(gongkai.testing.Seeds.seed(prefix), StandardCharsets.UTF_8);
        assertEquals(Optional.of(expected), FormatDetector.detect(text));
    }

    @Test
    void otherTextIsNeither() {
        assertEquals(Optional.empty(), FormatDetector.detect("一、部门职责\n正文\n"));
        // A heading without the unit line and 单位 line under it is not enough.
        assertEquals(Optional.empty(), FormatDetector.detect("1.某项目绩效目标表\n正文\n"));
        // The unit line must be followed by 单位：元|万元.
        assertEquals(Optional.empty(), FormatDetector.detect("1.某项目绩效目标表\n\t123456天津市某局\n\t项目名称\n"));
        assertEquals(Optional.of(FormatDetector.Format.TIANJIN),
                FormatDetector.detect("1.某项目绩效目标表\n\t123456天津市某局\n\t单位：元\n"));
    }
}
