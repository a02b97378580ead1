package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.testing.Seeds;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code gongkai import} tells an agency when a document cannot be imported: one line per problem,
 * {@code 导入失败：<file>:<line>: <field>: <message>}, exit status 1, and nothing written.
 */
class ImportCommandErrorsTest {
    private static List<Path> written(Path content) throws Exception {
        try (Stream<Path> files = Files.walk(content)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void aGbkFileImportsLikeItsUtf8Text(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("衡水.txt");
        Files.write(file, Files.readString(Seeds.seed("004"), StandardCharsets.UTF_8).getBytes(Charset.forName("GBK")));
        Path content = Files.createDirectories(tmp.resolve("content"));
        CliRun r = CliRun.run("import", "--content", content.toString(), file.toString());
        assertEquals(0, r.status(), r.err());
        assertFalse(r.err().contains("Input length"), r.err());
        assertTrue(Files.readString(content.resolve("hengshui/467/2020.yaml")).contains("title: 衡水市生态环境局2020年部门预算信息公开情况说明"));
    }

    @Test
    void anAmountTheLoaderWouldRejectIsAProblemWithItsLineAndField(@TempDir Path tmp) throws Exception {
        List<String> lines = new ArrayList<>(List.of(Files.readString(Seeds.seed("004"), StandardCharsets.UTF_8).split("\n", -1)));
        int line = lines.indexOf("\t118.50") + 1;
        lines.set(line - 1, "\t1e5");
        Path file = tmp.resolve("004.txt");
        Files.writeString(file, String.join("\n", lines));
        Path content = Files.createDirectories(tmp.resolve("content"));
        CliRun r = CliRun.run("import", "--content", content.toString(), file.toString());
        assertEquals(1, r.status());
        List<String> err = r.err().lines().toList();
        assertEquals(2, err.size(), r.err());
        assertTrue(err.get(0).matches("导入失败：004\\.txt:" + line + ": [^:]+: '1e5' 不是普通的十进制数.*"), err.get(0));
        assertEquals("导入失败：004.txt: 1 个问题，未写入任何文件", err.get(1));
        assertEquals(List.of(), written(content));
    }

    @Test
    void anUnknownFormatAndABadYearAreReportedInChinese(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("note.txt");
        Files.writeString(file, "随便一段文字\n");
        CliRun r = CliRun.run("import", "--content", tmp.resolve("content").toString(), file.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("导入失败：note.txt:1: 文件格式: 既不是天津的项目支出绩效目标表"), r.err());

        CliRun year = CliRun.run("import", "--year", "24", "--content", tmp.resolve("content").toString(), Seeds.seed("001").toString());
        assertEquals(1, year.status());
        assertTrue(year.err().startsWith("导入失败：" + Seeds.seed("001").getFileName() + ":1: --year: 24 不是四位数的年度"),
                year.err());
        assertFalse(Files.exists(tmp.resolve("content")));
    }

    @Test
    void anUnknownUnitAsksForRegionAndWritesNothing(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("bj.txt");
        String seed = Files.readString(Seeds.seed("001"), StandardCharsets.UTF_8);
        Files.writeString(file, seed.replace("362303天津市", "362303北京市"));
        Path content = Files.createDirectories(tmp.resolve("content"));
        CliRun r = CliRun.run("import", "--content", content.toString(), file.toString());
        assertEquals(1, r.status());
        assertEquals("导入失败：bj.txt:2: 地区: 认不出单位“北京市生态环境保护综合行政执法总队”属于哪个地区（地区表里有 tianjin（天津市）、"
                + "binhai（天津市滨海新区）、hengshui（衡水市））：请用 --region 加地区代码（小写英文字母、数字和 -）再导入；"
                + "新的地区代码会写一个 region.yaml，导入后请填上地区的中文名称\n", r.err());
        assertEquals(List.of(), written(content));
    }

    @Test
    void theYearChosenAmongTheHeadingsIsShownToTheReviewer(@TempDir Path tmp) throws Exception {
        CliRun r = CliRun.run("import", "--dry-run", "--content", tmp.resolve("content").toString(), Seeds.seed("000").toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("年度取 2025：项目标题中最晚的年度", r.out().lines().toList().get(1).strip().substring(0, 19));
    }
}
