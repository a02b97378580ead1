package gongkai.site;

import gongkai.content.Department;
import gongkai.content.DepartmentKey;
import gongkai.content.Urls;
import gongkai.site.Views.Download;
import gongkai.site.Views.Link;
import gongkai.site.Views.PageMeta;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** /quality/: what each check means, flags per department, and every flag, acknowledged ones marked 已说明. */
final class QualityPage {
    static final String TEMPLATE = "quality.ftlh";

    private QualityPage() {
    }

    static SiteModel.PageJob of(PageKit kit) {
        List<QualityFindings.Finding> findings = kit.quality().findings();
        List<Views.QualityRule> rules = new ArrayList<>();
        for (QualityFindings.Rule rule : kit.quality().rules()) {
            int count = (int) findings.stream().filter(f -> f.note().code().equals(rule.code())).count();
            rules.add(new Views.QualityRule(rule.code(), rule.title(), rule.severity(), rule.explanation(), count));
        }
        Map<DepartmentKey, int[]> counts = new TreeMap<>(Comparator.comparing(DepartmentKey::regionSlug)
                .thenComparing(DepartmentKey::code));
        List<Views.QualityRow> rows = new ArrayList<>();
        for (QualityFindings.Finding f : findings) {
            DepartmentKey key = new DepartmentKey(f.regionSlug(), f.departmentCode());
            counts.computeIfAbsent(key, k -> new int[2])[f.note().acknowledged() != null ? 1 : 0]++;
            Department d = kit.index().department(key);
            String departmentName = d == null ? f.departmentCode() : d.name();
            Link where = f.projectId() != null
                    ? new Link(kit.href(Urls.project(f.projectId())), f.projectName())
                    : new Link(kit.href(Urls.departmentYear(f.regionSlug(), f.departmentCode(), f.year())), departmentName);
            rows.add(new Views.QualityRow(where, departmentName + " " + kit.yearText(f.year()), kit.qualityNote(f), f.field()));
        }
        List<Views.QualityDepartment> departments = new ArrayList<>();
        counts.forEach((key, n) -> {
            Department d = kit.index().department(key);
            Link link = d == null ? new Link(kit.href(Urls.department(key)), key.code()) : kit.departmentLink(d);
            departments.add(new Views.QualityDepartment(link, n[0], n[1]));
        });
        List<Download> downloads = new ArrayList<>();
        if (kit.writes(Urls.data("quality.csv"))) {
            downloads.add(new Download(kit.fileHref(Urls.data("quality.csv")), kit.msg().get("quality_download_csv"), "text/csv"));
        }
        if (kit.writes(Urls.data("quality.json"))) {
            downloads.add(new Download(kit.fileHref(Urls.data("quality.json")), kit.msg().get("quality_download_json"), "application/json"));
        }
        String title = kit.msg().get("quality_title");
        PageMeta meta = new PageMeta(kit.title(title), title, kit.msg().get("quality_description"),
                kit.pageUrl(Urls.quality()), kit.underHome(title), null);
        return kit.job(Urls.quality(), TEMPLATE, meta, new Views.QualityView(rules, departments, rows, downloads), null,
                true);
    }
}
