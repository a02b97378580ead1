package gongkai.validate;

import gongkai.content.Content;
import gongkai.content.ContentPaths;
import gongkai.content.DataTable;
import gongkai.content.Department;
import gongkai.content.DepartmentKey;
import gongkai.content.DepartmentYear;
import gongkai.content.Project;
import gongkai.content.Region;
import gongkai.content.Section;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The validate stage's checks that the site's URLs and links depend on: every reference resolves and every
 * id that becomes a URL or an HTML id is unique. Field-level checks belong to the YAML loader. Problems name
 * the content file (by the content layout) and the field.
 */
public final class ContentChecks {
    // Compiled once: String.matches would compile the pattern again for every project.
    private static final java.util.regex.Pattern BASE_URL = java.util.regex.Pattern.compile("https?://[^\\s]+");
    private static final java.util.regex.Pattern SLUG = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final java.util.regex.Pattern PROJECT_ID = java.util.regex.Pattern.compile("[0-9A-Za-z][0-9A-Za-z_-]*");
    private ContentChecks() {
    }

    public static List<String> problems(Content content) {
        List<String> problems = new ArrayList<>();
        if (content.site() == null) {
            problems.add("site.yaml: missing");
            return problems;
        }
        if (content.site().baseUrl() == null || !BASE_URL.matcher(content.site().baseUrl()).matches()) {
            problems.add("site.yaml: base_url: must be an absolute http(s) URL, got '" + content.site().baseUrl() + "'");
        }
        Set<String> regions = new HashSet<>();
        for (Region r : content.regions()) {
            if (r.slug() == null || !SLUG.matcher(r.slug()).matches()) {
                problems.add(ContentPaths.region(r.slug()) + ": slug must be lower-case ASCII");
            }
            if (!regions.add(r.slug())) {
                problems.add(ContentPaths.region(r.slug()) + ": duplicate region slug");
            }
        }
        for (Region r : content.regions()) {
            if (r.parent() != null && !regions.contains(r.parent())) {
                problems.add(ContentPaths.region(r.slug()) + ": parent: no region '" + r.parent() + "'");
            }
        }
        Set<DepartmentKey> departments = new HashSet<>();
        for (Department d : content.departments()) {
            String file = ContentPaths.department(d.key());
            if (!regions.contains(d.regionSlug())) {
                problems.add(file + ": no region '" + d.regionSlug() + "' (missing region.yaml)");
            }
            if (!departments.add(d.key())) {
                problems.add(file + ": code: duplicate department");
            }
        }
        Map<String, String> projectIds = new HashMap<>();
        Set<String> years = new HashSet<>();
        for (DepartmentYear dy : content.departmentYears()) {
            String file = ContentPaths.departmentYear(dy);
            if (!departments.contains(dy.departmentKey())) {
                problems.add(file + ": department: no department.yaml for '" + dy.departmentCode() + "'");
            }
            if (!years.add(file)) {
                problems.add(file + ": duplicate department-year");
            }
            Set<String> htmlIds = new HashSet<>();
            for (Section s : dy.sections()) {
                if (!htmlIds.add("section-" + s.id())) {
                    problems.add(file + ": sections: duplicate id '" + s.id() + "'");
                }
            }
            for (DataTable t : dy.tables()) {
                if (!htmlIds.add("table-" + t.id())) {
                    problems.add(file + ": tables: duplicate id '" + t.id() + "'");
                }
            }
            for (int i = 0; i < dy.projects().size(); i++) {
                Project p = dy.projects().get(i);
                if (p.id() == null || !PROJECT_ID.matcher(p.id()).matches()) {
                    problems.add(file + ": projects[" + i + "].id: '" + p.id() + "' is not a valid URL segment");
                    continue;
                }
                String previous = projectIds.putIfAbsent(p.id(), file);
                if (previous != null) {
                    problems.add(file + ": projects[" + i + "].id: '" + p.id() + "' already used in " + previous);
                }
            }
        }
        return problems;
    }
}
