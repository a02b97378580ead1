package gongkai.content;

import java.util.List;

/** The whole loaded content tree: what every later build stage reads. Immutable. */
public record Content(
        SiteConfig site,
        List<Region> regions,
        List<Department> departments,
        List<DepartmentYear> departmentYears,
        List<Page> pages) {

    public Content {
        regions = List.copyOf(regions);
        departments = List.copyOf(departments);
        departmentYears = List.copyOf(departmentYears);
        pages = List.copyOf(pages);
    }
}
