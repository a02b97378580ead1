package gongkai.load;

import gongkai.content.Problem;
import gongkai.content.Text;
import java.util.ArrayList;
import java.util.List;

/** Where one loader (one thread) puts the problems it finds, in the order found. */
final class ProblemSink {
    final List<Problem> errors = new ArrayList<>();
    final List<Problem> warnings = new ArrayList<>();

    void error(String path, int line, int column, String field, Text message) {
        errors.add(new Problem(path, line, column, field, message, Problem.Severity.ERROR));
    }

    void warning(String path, int line, int column, String field, Text message) {
        warnings.add(new Problem(path, line, column, field, message, Problem.Severity.WARNING));
    }

    void addAll(ProblemSink other) {
        errors.addAll(other.errors);
        warnings.addAll(other.warnings);
    }
}
