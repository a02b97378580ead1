package gongkai.site;

import gongkai.content.Department;
import gongkai.content.DepartmentYear;
import gongkai.content.Project;
import gongkai.content.Retraction;
import gongkai.content.Urls;
import gongkai.site.Views.Totals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Atom feed's entries: the most recently changed department-years, and each correction and retraction an
 * agency published, dated by the day it gives. A correction's entry links its notice on the page
 * ({@code …#correction-2025-03-01}), which is also its id: stable while other corrections come and go.
 */
final class FeedEntries {
    static final int FEED_LIMIT = 50;

    private FeedEntries() {
    }

    static List<SiteModel.FeedEntry> of(SiteIndex index) {
        record Dated(DepartmentYear dy, String updated) {
        }
        List<SiteModel.FeedEntry> entries = new ArrayList<>(index.content().departmentYears().stream()
                .map(dy -> new Dated(dy, index.lastmod(dy) != null ? index.lastmod(dy) : dy.year() + "-01-01"))
                .sorted(Comparator.comparing(Dated::updated).reversed()
                        .thenComparing(x -> x.dy().year(), Comparator.reverseOrder())
                        .thenComparing(x -> x.dy().regionSlug())
                        .thenComparing(x -> x.dy().departmentCode(), SiteIndex.CODE_ORDER))
                .limit(FEED_LIMIT)
                .map(x -> {
                    Totals t = index.totals(x.dy());
                    String summary = t.projects() + " 个项目，" + (t.total() == null ? "原表未列预算金额"
                            : "预算合计 " + t.total().wan() + " 万元"
                            + (t.withoutBudget() > 0 ? "（" + t.withoutBudget() + " 个项目未列预算）" : ""));
                    return new SiteModel.FeedEntry(x.dy().title(), Urls.departmentYear(x.dy()), x.updated(), summary);
                })
                .toList());
        List<SiteModel.FeedEntry> notices = new ArrayList<>();
        for (DepartmentYear dy : index.content().departmentYears()) {
            Department d = index.department(dy.departmentKey());
            String where = (d == null ? dy.departmentCode() : d.name()) + " " + dy.year() + "年";
            corrections(notices, dy.title(), Urls.departmentYear(dy), CorrectionNotes.of(dy.corrections()));
            for (Project p : dy.projects()) {
                corrections(notices, p.name() + "（" + where + "）", Urls.project(p.id()),
                        CorrectionNotes.of(p.corrections()));
            }
            for (Retraction r : dy.retracted()) {
                notices.add(new SiteModel.FeedEntry("撤回：" + r.name() + "（" + where + "）", Urls.project(r.id()),
                        r.date().toString(), CorrectionNotes.dateText(r.date()) + "撤回。原因：" + sentence(r.reason())));
            }
        }
        notices.sort(Comparator.comparing(SiteModel.FeedEntry::updated).reversed()
                .thenComparing(SiteModel.FeedEntry::urlPath));
        entries.addAll(notices);
        // newest first; on the same day department-years before notices, each list in its own order (stable sort)
        entries.sort(Comparator.comparing(SiteModel.FeedEntry::updated).reversed());
        return List.copyOf(entries.subList(0, Math.min(FEED_LIMIT, entries.size())));
    }

    /** The text ending in one 。 (an agency may or may not have written it). */
    private static String sentence(String text) {
        String t = text.strip();
        return t.endsWith("。") || t.endsWith(".") ? t : t + "。";
    }

    private static void corrections(List<SiteModel.FeedEntry> out, String subject, String urlPath,
                                     List<Views.CorrectionView> corrections) {
        for (Views.CorrectionView c : corrections) {
            out.add(new SiteModel.FeedEntry("更正：" + subject, urlPath + "#" + c.anchor(), c.date(),
                    c.dateText() + "更正：" + sentence(c.what()) + "原因：" + sentence(c.why())));
        }
    }
}
