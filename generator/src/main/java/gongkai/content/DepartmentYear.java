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
 */
public record DepartmentYear(
        String regionSlug,
        String departmentCode,
        int year,
        String title,
        String document,
        List<Section> sections,
        List<DataTable> tables,
        List<Project> projects) {

    public DepartmentYear {
        sections = List.copyOf(sections);
        tables = List.copyOf(tables);
        projects = List.copyOf(projects);
    }

    public DepartmentKey departmentKey() {
        return new DepartmentKey(regionSlug, departmentCode);
    }
}
