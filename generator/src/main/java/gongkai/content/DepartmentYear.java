package gongkai.content;

import java.util.List;

/**
 * Everything one department published for one budget year: one YAML file
 * {@code content/<region>/<department code>/<year>.yaml}.
 *
 * @param regionSlug     the region folder, e.g. {@code tianjin}
 * @param departmentCode 预算单位编码, e.g. 362303
 * @param year           budget year
 * @param title          the document's title, e.g. 衡水市生态环境局2020年部门预算信息公开情况说明
 * @param document       the source document file name
 * @param sections       prose sections in source order (may be empty)
 * @param tables         department-level tables in source order (may be empty)
 * @param projects       the projects in source order
 * @param corrections    corrections of the department-year as a whole, in file order (may be empty)
 * @param retracted      projects withdrawn after they were published, in file order (may be empty)
 * @param documentFacts  the document's official address, publication date and original file, as far as given
 */
public record DepartmentYear(
        String regionSlug,
        String departmentCode,
        int year,
        String title,
        String document,
        List<Section> sections,
        List<DataTable> tables,
        List<Project> projects,
        List<Correction> corrections,
        List<Retraction> retracted,
        DocumentFacts documentFacts) {

    public DepartmentYear {
        documentFacts = documentFacts == null ? DocumentFacts.NONE : documentFacts;
        sections = List.copyOf(sections);
        tables = List.copyOf(tables);
        projects = List.copyOf(projects);
        corrections = List.copyOf(corrections);
        retracted = List.copyOf(retracted);
    }

    /** A department-year without facts about its document beyond its path. */
    public DepartmentYear(String regionSlug, String departmentCode, int year, String title, String document,
                          List<Section> sections, List<DataTable> tables, List<Project> projects,
                          List<Correction> corrections, List<Retraction> retracted) {
        this(regionSlug, departmentCode, year, title, document, sections, tables, projects, corrections, retracted,
                DocumentFacts.NONE);
    }

    /** A department-year without corrections or retractions (what an import reads from a source document). */
    public DepartmentYear(String regionSlug, String departmentCode, int year, String title, String document,
                          List<Section> sections, List<DataTable> tables, List<Project> projects) {
        this(regionSlug, departmentCode, year, title, document, sections, tables, projects, List.of(), List.of());
    }

    public DepartmentKey departmentKey() {
        return new DepartmentKey(regionSlug, departmentCode);
    }
}
