package gongkai.importer;

import java.util.List;

/** The checks every import outcome must pass, whatever the input. */
final class ImportOutcomes {
    private ImportOutcomes() {
    }

    /** Lines in the file as the importers count them (LF, CRLF or CR end a line); at least 1. */
    static int lineCount(byte[] bytes) {
        int lines = 1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n'))) {
                lines++;
            }
        }
        return lines;
    }

    /**
     * Null when every problem names the document and a line of it and says something; else what is wrong.
     * No problems at all is wrong too: a failed import must say why.
     */
    static String unpositioned(String document, int lineCount, List<ImportProblem> problems) {
        if (problems.isEmpty()) {
            return "failed without a problem";
        }
        for (ImportProblem p : problems) {
            if (!document.equals(p.document()) || p.line() < 1 || p.line() > lineCount
                    || p.message() == null || p.message().isBlank()
                    || !p.toString().startsWith(document + ":" + p.line() + ": ")) {
                return "problem without document and line (of " + lineCount + "): " + p;
            }
        }
        return null;
    }
}
