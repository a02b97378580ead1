package gongkai.site;

import gongkai.content.Department;
import gongkai.content.DepartmentKey;
import gongkai.content.Urls;
import gongkai.quality.QualityCode;
import gongkai.quality.QualityIssue;
import gongkai.site.Views.Download;
import gongkai.site.Views.Link;
import gongkai.site.Views.PageMeta;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** /quality/: what each check means, issues per department, and every issue, acknowledged ones marked 已说明. */
final class QualityPage {
    static final String TEMPLATE = "quality.ftlh";

    private QualityPage() {
    }

    static SiteModel.PageJob of(PageKit kit) {
        List<QualityIssue> issues = kit.quality().issues();
        List<Views.QualityRule> rules = new ArrayList<>();
        for (QualityCode code : QualityCode.values()) {
            int count = (int) issues.stream().filter(i -> i.code() == code).count();
            rules.add(new Views.QualityRule(code.name(), code.title(), code.severity().label(), code.explanation(), count));
        }
        Map<DepartmentKey, int[]> counts = new TreeMap<>(Comparator.comparing(DepartmentKey::regionSlug)
                .thenComparing(DepartmentKey::code));
        List<Views.QualityRow> rows = new ArrayList<>();
        for (QualityIssue i : issues) {
            DepartmentKey key = new DepartmentKey(i.regionSlug(), i.departmentCode());
            counts.computeIfAbsent(key, k -> new int[2])[i.isAcknowledged() ? 1 : 0]++;
            Department d = kit.index().department(key);
            String departmentName = d == null ? i.departmentCode() : d.name();
            Link where = i.projectId() != null
                    ? new Link(kit.href(Urls.project(i.projectId())), i.projectName())
                    : new Link(kit.href(Urls.departmentYear(i.regionSlug(), i.departmentCode(), i.year())), departmentName);
            rows.add(new Views.QualityRow(where, departmentName + " " + i.year() + "年", Views.QualityNote.of(i),
                    i.field()));
        }
        List<Views.QualityDepartment> departments = new ArrayList<>();
        counts.forEach((key, n) -> {
            Department d = kit.index().department(key);
            Link link = d == null ? new Link(kit.href(Urls.department(key)), key.code()) : kit.departmentLink(d);
            departments.add(new Views.QualityDepartment(link, n[0], n[1]));
        });
        List<Download> downloads = List.of(new Download(kit.href(Urls.data("quality.csv")), "全部问题（CSV）", "text/csv"),
                new Download(kit.href(Urls.data("quality.json")), "全部问题（JSON）", "application/json"));
        PageMeta meta = new PageMeta(kit.title("数据质量"), "数据质量", "公开数据中的可疑之处：自动检查的结果与单位的说明",
                kit.baseUrl() + Urls.quality(), kit.underHome("数据质量"), null);
        return kit.job(Urls.quality(), TEMPLATE, meta, new Views.QualityView(rules, departments, rows, downloads), null,
                true);
    }
}
