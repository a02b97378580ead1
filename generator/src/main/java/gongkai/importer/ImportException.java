package gongkai.importer;

import gongkai.content.Lang;
import gongkai.content.Text;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An import that cannot produce content at all (no year or region can be inferred, unknown format).
 * The problems name the document and line; the message lists them all.
 */
public final class ImportException extends Exception implements Text.Carrier {
    private final transient List<ImportProblem> problems;

    public ImportException(List<ImportProblem> problems) {
        super(problems.stream().map(ImportProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public ImportException(ImportProblem problem) {
        this(List.of(problem));
    }

    public List<ImportProblem> problems() {
        return problems;
    }

    /** Every problem, one a line, in both languages. */
    @Override
    public Text text() {
        return Text.of(joined(Lang.ZH), joined(Lang.EN));
    }

    private String joined(Lang lang) {
        return problems.stream().map(p -> p.format(lang)).collect(Collectors.joining("\n"));
    }
}
