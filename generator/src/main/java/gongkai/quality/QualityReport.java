package gongkai.quality;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Every quality issue of one content tree, in file, line, column, code order. Immutable. */
public record QualityReport(List<QualityIssue> issues) {
    static final Comparator<QualityIssue> ORDER = Comparator.comparing(QualityIssue::contentPath)
            .thenComparingInt(QualityIssue::line)
            .thenComparingInt(QualityIssue::column)
            .thenComparing(QualityIssue::code)
            .thenComparing(QualityIssue::message);
    /** After ORDER: the constructor sorts with it. */
    public static final QualityReport EMPTY = new QualityReport(List.of());

    public QualityReport {
        issues = issues.stream().sorted(ORDER).toList();
    }

    /** This report with the issues of the content files {@code contentPaths} replaced by {@code reread}'s. */
    public QualityReport replacing(java.util.Set<String> contentPaths, QualityReport reread) {
        List<QualityIssue> kept = new java.util.ArrayList<>(issues.stream()
                .filter(i -> !contentPaths.contains(i.contentPath())).toList());
        kept.addAll(reread.issues());
        return new QualityReport(kept);
    }

    /** The issues no agency has acknowledged: validate prints these. */
    public List<QualityIssue> open() {
        return issues.stream().filter(i -> !i.isAcknowledged()).toList();
    }

    /** Issues by project id (issues of a whole department-year are not included). */
    public Map<String, List<QualityIssue>> byProject() {
        return issues.stream().filter(i -> i.projectId() != null)
                .collect(Collectors.groupingBy(QualityIssue::projectId, java.util.TreeMap::new, Collectors.toList()));
    }
}
