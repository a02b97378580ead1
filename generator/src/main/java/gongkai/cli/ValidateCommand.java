package gongkai.cli;

import gongkai.content.DepartmentYear;
import gongkai.content.Lang;
import gongkai.content.Problem;
import gongkai.content.Text;
import gongkai.quality.QualityReport;
import gongkai.quality.QualityRules;
import gongkai.validate.Validation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "检查所有内容文件，每个问题一行：文件:行:列: 字段: 说明（与 build 的 load、validate 两步完全相同）。"
                + " Check every content file; print problems as path:line:column: field: message.",
        exitCodeListHeading = "退出码 (exit codes)：%n",
        exitCodeList = {"0:没有错误（可以有警告）", "1:内容有错误", "2:用法错误或无法读取"})
public final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "CONTENT_DIR", defaultValue = "content",
            description = "内容文件夹（默认 ${DEFAULT-VALUE}）。Content directory.")
    Path contentDir;

    @Mixin
    LanguageOption language;

    @Override
    public Integer call() {
        Lang lang = language.lang();
        Validation.Result result;
        try {
            result = Validation.check(contentDir);
        } catch (IOException e) {
            System.err.println(Text.of(e).after("validate：", "validate: ").in(lang));
            return 2;
        }
        List<Problem> warnings = new java.util.ArrayList<>(result.warnings());
        if (result.ok()) {
            // the quality rules need content that reads cleanly, as the build's quality stage does
            QualityReport quality = QualityRules.check(result.loaded().content(), result.loaded().positions(), contentDir);
            quality.open().forEach(issue -> warnings.add(issue.toProblem()));
        }
        List<Problem> all = new java.util.ArrayList<>(result.errors());
        all.addAll(warnings);
        all.sort(Problem.ORDER);
        for (Problem p : all) {
            System.err.println(p.format(lang));
        }
        List<DepartmentYear> years = result.loaded().content().departmentYears();
        int projects = years.stream().mapToInt(y -> y.projects().size()).sum();
        int errors = result.errors().size();
        System.out.println(Text.of("validate：" + years.size() + " 个部门年度，" + projects + " 个项目：" + errors + " 个错误，"
                + warnings.size() + " 个警告", "validate: " + Text.count(years.size(), "department-year") + ", "
                + Text.count(projects, "project") + ": " + Text.count(errors, "error") + ", "
                + Text.count(warnings.size(), "warning")).in(lang));
        return result.ok() ? 0 : 1;
    }
}
