package gongkai.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.content.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The mistakes clerks make in a year file, each given in plain Chinese at its line and column with what to type:
 * one line of the committed tianjin/362303/2024.yaml replaced, the file loaded, the first problem compared whole.
 */
class YamlMistakesTest {
    private static final String FILE = "tianjin/362303/2024.yaml";

    static Stream<Arguments> mistakes() {
        return Stream.of(
                // line, replacement, expected first problem (after "<path>:")
                Arguments.of(7, "    name：2024年度天津市辐射环境执法安全防护能力提升项目",
                        "7:9: name: “name”后面用了全角冒号“：”：请改为半角冒号加空格，写成“name: 2024年度天津市辐射环境执法安全防护能力提升项目”"),
                Arguments.of(6, "  - id：362303-2024-001",
                        "6:7: id: “id”后面用了全角冒号“：”：请改为半角冒号加空格，写成“id: 362303-2024-001”"),
                Arguments.of(3, "title：天津市生态环境保护综合行政执法总队2024年项目支出绩效目标表",
                        "3:6: title: “title”后面用了全角冒号“：”：请改为半角冒号加空格，写成“title: 天津市生态环境保护综合行政执法总队2024年项目支出绩效目标表”"),
                Arguments.of(22, "        target：4台",
                        "22:15: target: “target”后面用了全角冒号“：”：请改为半角冒号加空格，写成“target: 4台”"),
                Arguments.of(7, "    name:\u30002024年度项目",
                        "7:10: name: 冒号后面是全角空格：请换成半角空格，写成“name: 2024年度项目”"),
                Arguments.of(7, "\u3000\u3000\u3000\u3000name: 2024年度项目",
                        "7:1: 缩进里有全角空格：请换成半角空格（输入法切换到英文后按空格键）"),
                Arguments.of(7, "  \u3000 name: 2024年度项目",
                        "7:3: 缩进里有全角空格：请换成半角空格（输入法切换到英文后按空格键）"),
                Arguments.of(7, "\tname: 2024年度项目",
                        "7:1: 缩进里有制表符（Tab）：YAML 只能用空格缩进，请把这个 Tab 换成空格，与上下行对齐"),
                Arguments.of(22, "      \t  target: 4台",
                        "22:7: 缩进里有制表符（Tab）：YAML 只能用空格缩进，请把这个 Tab 换成空格，与上下行对齐"),
                Arguments.of(15, "    purpose: #1 为辐射安全检查配备设备",
                        "15:14: purpose: “#”在值的开头，YAML 把它和后面的文字当作注释删掉了，“purpose”成了空值：请给整个值加单引号，写成“purpose: '#1 为辐射安全检查配备设备'”"),
                Arguments.of(16, "    goals: 提高能力 #2 提升效能",
                        "16:17: goals: “ #”之后的文字被 YAML 当作注释删掉了（“#2 提升效能”会丢失）：请给整个值加单引号，写成“goals: '提高能力 #2 提升效能'”"),
                Arguments.of(27, "        target: >=90%",
                        "27:17: target: 值以“>”开头，YAML 会把它当作特殊符号：请给整个值加单引号，写成“target: '>=90%'”（大于等于也可以直接写“≥”）"),
                Arguments.of(27, "        target: >90%",
                        "27:17: target: 值以“>”开头，YAML 会把它当作特殊符号：请给整个值加单引号，写成“target: '>90%'”（大于等于也可以直接写“≥”）"),
                Arguments.of(27, "        target: |100%|",
                        "27:17: target: 值以“|”开头，YAML 会把它当作特殊符号：请给整个值加单引号，写成“target: '|100%|'”"),
                Arguments.of(27, "        target: : 100%",
                        "27:17: target: 值以“:”开头，YAML 会把它当作特殊符号：请给整个值加单引号，写成“target: ': 100%'”"),
                Arguments.of(27, "        target: *100%",
                        "27:17: target: 值以“*”开头，YAML 会把它当作特殊符号：请给整个值加单引号，写成“target: '*100%'”"),
                Arguments.of(27, "        target: @100%",
                        "27:17: target: 值以“@”开头，YAML 会把它当作特殊符号：请给整个值加单引号，写成“target: '@100%'”"),
                Arguments.of(7, "    name: [草案]2024年度项目",
                        "7:11: name: 值以“[”开头，YAML 会把它当作特殊符号：请给整个值加单引号，写成“name: '[草案]2024年度项目'”"),
                Arguments.of(7, "    name: 一期: 2024年度项目",
                        "7:13: name: 值里有“冒号加空格”，YAML 会把它当作新的键：请给整个值加单引号，写成“name: '一期: 2024年度项目'”（或把这个冒号改成全角“：”）"),
                Arguments.of(13, "      total: 1，000.00",
                        "13:14: total: 数字里不能有“，”“,”或“、”：请去掉分隔符，写成“total: 1000.00”"),
                Arguments.of(13, "      total: 6、00",
                        "13:14: total: 数字里不能有“，”“,”或“、”：请去掉分隔符，写成“total: 600”"),
                Arguments.of(14, "      fiscal: 1,006.00",
                        "14:15: fiscal: 数字里不能有“，”“,”或“、”：请去掉分隔符，写成“fiscal: 1006.00”"),
                Arguments.of(13, "      total: ６.００",
                        "13:14: total: 数字用了全角字符：请改为半角数字，写成“total: 6.00”"),
                Arguments.of(7, "    name:2024年度项目",
                        "7:10: name: 冒号后面要有一个空格：请写成“name: 2024年度项目”"),
                Arguments.of(7, "    name: '2024年度项目",
                        "7:11: name: 引号 ' 没有配对：请在值的末尾也加上 '，写成“name: '2024年度项目'”"),
                Arguments.of(7, "    name: \"2024年度项目",
                        "7:11: name: 引号 \" 没有配对：请在值的末尾也加上 \"，写成“name: \"2024年度项目\"”"),
                Arguments.of(7, "    name: '2024年度'项目",
                        "7:19: name: 引号在值的中间就结束了：请把整个值放在引号里，写成“name: '2024年度项目'”"),
                Arguments.of(18, "      -level1: 产出指标",
                        "18:7: 列表项的减号后面要有一个空格：请写成“- level1: 产出指标”"),
                Arguments.of(18, "      － level1: 产出指标",
                        "18:7: 列表项前用了全角的“－”：请改为半角减号加空格“- ”"));
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void aClerksMistakeIsToldInChineseWhereItIs(int line, String replacement, String expected, @TempDir Path tmp) throws Exception {
        Path content = copyContent(tmp);
        Path file = content.resolve(FILE);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.set(line - 1, replacement);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        List<Problem> errors = ContentLoader.loadYearFile(content, file).errors();
        assertTrue(!errors.isEmpty(), "no error for " + replacement);
        assertEquals(file + ":" + expected, errors.get(0).format());
    }

    @Test
    void theCommittedContentHasNone() throws Exception {
        try (Stream<Path> files = Files.walk(Path.of("content"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                assertEquals(List.of(), YamlMistakes.silentLosses(Files.readString(f)), f.toString());
            }
        }
    }

    @Test
    void aMistakeNoRuleKnowsIsStillInChinese(@TempDir Path tmp) throws Exception {
        Path content = copyContent(tmp);
        Path file = content.resolve(FILE);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.set(19, "       level3: 购置设备数量"); // one space too many
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        String message = ContentLoader.loadYearFile(content, file).errors().get(0).format();
        assertTrue(message.startsWith(file + ":20:"), message);
        assertTrue(message.contains("YAML 格式错误：缩进不对") || message.contains("YAML 格式错误："), message);
    }

    private static Path copyContent(Path tmp) throws Exception {
        Path content = tmp.resolve("content");
        for (String f : List.of("tianjin/region.yaml", "tianjin/362303/department.yaml", FILE, "sources/tianjin/362303/001_88a8ef7fc06e4953.txt")) {
            Files.createDirectories(content.resolve(f).getParent());
            Files.copy(Path.of("content").resolve(f), content.resolve(f));
        }
        return content;
    }
}
