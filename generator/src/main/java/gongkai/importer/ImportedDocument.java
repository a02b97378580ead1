package gongkai.importer;

import gongkai.content.Department;
import gongkai.content.DepartmentYear;
import gongkai.content.Region;
import gongkai.content.Text;
import java.util.List;

/**
 * What an importer read from one source document: the regions and departments it names and one
 * department-year per department found in it, plus the problems it could not resolve by itself and notes for the
 * reviewer on choices it made (which of the years printed in the titles it took).
 */
public record ImportedDocument(
        List<Region> regions,
        List<Department> departments,
        List<DepartmentYear> departmentYears,
        List<ImportProblem> problems,
        List<Text> noteTexts) {

    public ImportedDocument {
        regions = List.copyOf(regions);
        departments = List.copyOf(departments);
        departmentYears = List.copyOf(departmentYears);
        problems = List.copyOf(problems);
        noteTexts = List.copyOf(noteTexts);
    }

    /** The notes for the reviewer, in Chinese. */
    public List<String> notes() {
        return noteTexts.stream().map(Text::zh).toList();
    }

    public ImportedDocument(List<Region> regions, List<Department> departments, List<DepartmentYear> departmentYears,
            List<ImportProblem> problems) {
        this(regions, departments, departmentYears, problems, List.of());
    }
}
