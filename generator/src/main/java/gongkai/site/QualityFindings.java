package gongkai.site;

import gongkai.content.SourceRef;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data-quality flags as the site shows them: notices on the affected project rows and pages, and the /quality/
 * page. The checks themselves live in {@code gongkai.quality}, a package after this one: its stage hands the site
 * this plain description ({@link AssembleStage#QUALITY}), so the site depends on no rule.
 *
 * @param rules    every check, in code order, as /quality/ explains them
 * @param findings every flag, in the report's order (file, line, column, code)
 */
public record QualityFindings(List<Rule> rules, List<Finding> findings) {
    public static final QualityFindings NONE = new QualityFindings(List.of(), List.of());

    public QualityFindings {
        rules = List.copyOf(rules);
        findings = List.copyOf(findings);
    }

    /** One check: its stable code (Q001…), Chinese title, severity label and what it means. */
    public record Rule(String code, String title, String severity, String explanation) {
    }

    /**
     * One flag.
     *
     * @param projectId   the project's id; null when the flag concerns a whole department-year
     * @param projectName likewise
     * @param field       dotted path of the field in the content file, e.g. {@code projects[0].budget.total}
     * @param cited       the source line the message refers to, or null; the site links it ({@link Views.QualityNote#source})
     */
    public record Finding(String regionSlug, String departmentCode, int year, String projectId, String projectName,
                          String field, Views.QualityNote note, SourceRef cited) {
    }

    /** The notices by project id, each as {@code note} makes it from its finding. */
    Map<String, List<Views.QualityNote>> byProject(java.util.function.Function<Finding, Views.QualityNote> note) {
        Map<String, List<Views.QualityNote>> out = new TreeMap<>();
        for (Finding f : findings) {
            if (f.projectId() != null) {
                out.computeIfAbsent(f.projectId(), k -> new java.util.ArrayList<>()).add(note.apply(f));
            }
        }
        return out;
    }
}
