package gongkai.content;

import java.util.List;

/**
 * One project (项目) with its performance target table.
 *
 * @param id         stable id, assigned at import and kept by editors (used in permalinks):
 *                   {@code <department code>-<year>-<nnn>}, e.g. 362303-2024-001
 * @param name       项目名称 as printed
 * @param budget     the budget block; null when the source has none (the Hengshui tables)
 * @param purpose    资金用途 (plain text, may span lines); null when absent
 * @param goals      绩效目标 text (may span lines); null when absent
 * @param indicators the indicator rows, in source order
 * @param source     where the project's table is in the source document
 * @param corrections corrections the agency made after publishing, in file order (may be empty)
 */
public record Project(
        String id,
        String name,
        Budget budget,
        String purpose,
        String goals,
        List<Indicator> indicators,
        SourceRef source,
        List<Correction> corrections) {

    public Project {
        indicators = List.copyOf(indicators);
        corrections = List.copyOf(corrections);
    }

    /** A project without corrections (what an import reads from a source document). */
    public Project(String id, String name, Budget budget, String purpose, String goals, List<Indicator> indicators,
                   SourceRef source) {
        this(id, name, budget, purpose, goals, indicators, source, List.of());
    }
}
