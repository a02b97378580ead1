package gongkai.quality;

import gongkai.content.Problem;
import gongkai.content.SourceRef;
import gongkai.content.Text;

/**
 * One flag raised by a quality rule.
 *
 * @param code           which rule
 * @param file           the content file as the content directory was given plus the relative path
 * @param contentPath    the file relative to the content directory, e.g. {@code tianjin/362303/2024.yaml}
 * @param line           1-based line of the value concerned
 * @param column         1-based column
 * @param field          dotted path of the field, e.g. {@code projects[0].budget.total}
 * @param text           what is wrong, with the figures, in both languages (the site and downloads show the Chinese)
 * @param regionSlug     the region
 * @param departmentCode the department
 * @param year           the budget year
 * @param projectId      the project's id; null when the issue concerns the whole department-year
 * @param projectName    the project's name; null likewise
 * @param acknowledged   the agency's reason when it acknowledged the issue in the YAML; else null
 * @param cited          the source line the message refers to ("第 a–b 行"), linked from the notice; else null
 */
public record QualityIssue(
        QualityCode code,
        String file,
        String contentPath,
        int line,
        int column,
        String field,
        Text text,
        String regionSlug,
        String departmentCode,
        int year,
        String projectId,
        String projectName,
        String acknowledged,
        SourceRef cited) {

    /** What is wrong, in Chinese. */
    public String message() {
        return text.zh();
    }

    public boolean isAcknowledged() {
        return acknowledged != null;
    }

    QualityIssue withAcknowledged(String reason) {
        return new QualityIssue(code, file, contentPath, line, column, field, text, regionSlug, departmentCode,
                year, projectId, projectName, reason, cited);
    }

    /** As validate prints it: a warning whose message starts with the code, e.g. {@code Q001 预算数…：…}. */
    public Problem toProblem() {
        Text title = code.titleText();
        return new Problem(file, line, column, field, Text.of(code.name() + " " + title.zh() + "：" + text.zh(),
                code.name() + " " + title.en() + ": " + text.en()), Problem.Severity.WARNING);
    }
}
