package gongkai.importer;

import gongkai.content.Department;
import gongkai.content.DepartmentYear;
import gongkai.content.Region;
import java.util.List;

/**
 * What an importer read from one source document: the regions and departments it names and one
 * department-year per department found in it, plus the problems it could not resolve by itself.
 */
public record ImportedDocument(
        List<Region> regions,
        List<Department> departments,
        List<DepartmentYear> departmentYears,
        List<ImportProblem> problems) {

    public ImportedDocument {
        regions = List.copyOf(regions);
        departments = List.copyOf(departments);
        departmentYears = List.copyOf(departmentYears);
        problems = List.copyOf(problems);
    }
}
