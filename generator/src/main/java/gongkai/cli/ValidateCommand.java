package gongkai.cli;

import gongkai.content.DepartmentYear;
import gongkai.content.Problem;
import gongkai.quality.QualityReport;
import gongkai.quality.QualityRules;
import gongkai.validate.Validation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check every content file; print errors as path:line:column: field: message."
                + " Runs exactly the checks of the build's load and validate stages.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:no errors (warnings allowed)", "1:the content has errors", "2:usage or I/O problem"})
public final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "CONTENT_DIR", defaultValue = "content",
            description = "Content directory (default: ${DEFAULT-VALUE}).")
    Path contentDir;

    @Override
    public Integer call() {
        Validation.Result result;
        try {
            result = Validation.check(contentDir);
        } catch (IOException e) {
            System.err.println("validate: " + e.getMessage());
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
            System.err.println(p.format());
        }
        List<DepartmentYear> years = result.loaded().content().departmentYears();
        int projects = years.stream().mapToInt(y -> y.projects().size()).sum();
        System.out.println("validate: " + plural(projects, "project") + " in " + plural(years.size(), "department-year") + ": "
                + plural(result.errors().size(), "error") + ", " + plural(warnings.size(), "warning"));
        return result.ok() ? 0 : 1;
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
