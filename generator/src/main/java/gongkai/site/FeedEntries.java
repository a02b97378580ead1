package gongkai.site;

import gongkai.content.ContentPaths;
import gongkai.content.Department;
import gongkai.content.DepartmentYear;
import gongkai.content.Project;
import gongkai.content.Retraction;
import gongkai.content.Urls;
import gongkai.site.Views.Totals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
            notices.addAll(notices(index, dy));
        }
        notices.sort(NEWEST_FIRST);
        entries.addAll(notices);
        // newest first; on the same day department-years before notices, each list in its own order (stable sort)
        entries.sort(Comparator.comparing(SiteModel.FeedEntry::updated).reversed());
        return List.copyOf(entries.subList(0, Math.min(FEED_LIMIT, entries.size())));
    }

    private static final Comparator<SiteModel.FeedEntry> NEWEST_FIRST =
            Comparator.comparing(SiteModel.FeedEntry::updated).reversed().thenComparing(SiteModel.FeedEntry::urlPath);

    /**
     * One department-year's notices: its corrections, retractions and the changes git shows to its projects
     * (a project added to the published year, each version that changed a figure; not the year's first
     * publication, which the department-year's own entry announces).
     */
    private static List<SiteModel.FeedEntry> notices(SiteIndex index, DepartmentYear dy) {
        List<SiteModel.FeedEntry> notices = new ArrayList<>();
        Department d = index.department(dy.departmentKey());
        String where = (d == null ? dy.departmentCode() : d.name()) + " " + dy.year() + "年";
        corrections(notices, dy.title(), Urls.departmentYear(dy), CorrectionNotes.of(dy.corrections()));
        Map<String, String> names = new HashMap<>();
        for (Project p : dy.projects()) {
            names.put(p.id(), p.name());
            corrections(notices, p.name() + "（" + where + "）", Urls.project(p.id()),
                    CorrectionNotes.of(p.corrections()));
        }
        for (Retraction r : dy.retracted()) {
            names.putIfAbsent(r.id(), r.name());
            notices.add(new SiteModel.FeedEntry("撤回：" + r.name() + "（" + where + "）", Urls.project(r.id()),
                    r.date().toString(), CorrectionNotes.dateText(r.date()) + "撤回。原因：" + sentence(r.reason())));
        }
        for (GitDates.Change c : index.dates().changesOf(ContentPaths.departmentYear(dy))) {
            if (c.withFile() || !names.containsKey(c.projectId()) || c.kind() == GitDates.Kind.RETRACTED) {
                continue; // published with the year, a project no longer in the file and not withdrawn, or the
                          // withdrawal, whose entry (above) is dated as the agency dates it
            }
            String name = names.get(c.projectId()) + "（" + where + "）";
            String summary = c.date() + "，" + sentence(c.message()) + (c.first() ? "新增项目。" : c.figures().stream()
                    .map(f -> f.field() + "：" + (f.before() == null ? "—" : f.before()) + " → "
                            + (f.after() == null ? "—" : f.after()))
                    .collect(Collectors.joining("；", "", "。")));
            notices.add(new SiteModel.FeedEntry((c.first() ? "新增：" : "修改：") + name,
                    Urls.project(c.projectId()) + "#change-" + c.commit(), c.date(), summary,
                    c.date() + ":" + c.projectId() + "/" + c.commit()));
        }
        return notices;
    }

    /** Each department-year's feed: its notices newest first, all of them (a year has few). */
    static List<SiteModel.YearFeed> yearFeeds(SiteIndex index) {
        List<SiteModel.YearFeed> feeds = new ArrayList<>();
        for (Department d : index.sortedDepartments()) {
            for (DepartmentYear dy : index.yearsOf(d)) {
                List<SiteModel.FeedEntry> entries = new ArrayList<>(notices(index, dy));
                entries.sort(NEWEST_FIRST);
                String lastmod = index.lastmod(dy);
                feeds.add(new SiteModel.YearFeed(DepartmentYearPage.feedPath(dy), dy.title() + "（修改记录）",
                        Urls.departmentYear(dy), lastmod != null ? lastmod : dy.year() + "-01-01", entries));
            }
        }
        return feeds;
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
