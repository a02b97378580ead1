package gongkai.site;

import gongkai.content.Department;
import gongkai.content.DepartmentYear;
import gongkai.content.Page;
import gongkai.content.Region;
import gongkai.content.Urls;
import gongkai.pipeline.DataFiles;
import gongkai.site.Views.DataDepartment;
import gongkai.site.Views.DataFileRow;
import gongkai.site.Views.DataRegion;
import gongkai.site.Views.DataYearRow;
import gongkai.site.Views.Download;
import gongkai.site.Views.FileLink;
import gongkai.site.Views.Link;
import gongkai.site.Views.PageMeta;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * 数据下载 (/data/): every file the export wrote with its Chinese title, rows, size and date, the zip of everything
 * first, then each department-year's files grouped by region and department (collapsed, so the page stays short
 * on a phone). Sizes and row counts are the export's ({@link DataFiles}); dates are the content's git dates.
 */
final class DataPage {
    static final String TEMPLATE = "data.ftlh";
    static final String TITLE = "数据下载";

    private DataPage() {
    }

    /** The page's job; its model is made when rendered, after the export stage has left {@code files}. */
    static SiteModel.PageJob job(PageKit kit, Supplier<DataFiles> files) {
        String lastmod = kit.index().lastmodOfSite();
        return kit.deferred(Urls.dataPage(), TEMPLATE, lastmod, true, () -> of(kit, files.get()));
    }

    static SiteModel.PageJob of(PageKit kit, DataFiles files) {
        SiteIndex index = kit.index();
        String updated = index.lastmodOfSite();
        Page guidePage = index.content().pages().stream().filter(p -> p.slug().equals("data-guide")).findFirst()
                .orElse(null);
        Link guide = guidePage == null ? null : kit.pageLink(guidePage);
        Views.DataPageView view;
        if (files == null) {
            view = new Views.DataPageView(false, null, updated, kit.site().licence(), kit.site().licenceUrl(), guide,
                    List.of(), List.of(), List.of(), 0, List.of());
        } else {
            List<DataFileRow> main = new ArrayList<>();
            List<DataFileRow> documentTables = new ArrayList<>();
            for (DataFiles.Table t : files.tables()) {
                (t.departmentTable() ? documentTables : main).add(new DataFileRow(t.title(), name(t.csv()), t.description(), count(t.rows()) + " 行", updated,
                        List.of(link(kit, t.csv(), "CSV", "text/csv", null),
                                link(kit, t.excel(), "Excel 版 CSV", "text/csv", null))));
            }
            for (DataFiles.Document d : files.documents()) {
                main.add(new DataFileRow(d.title(), name(d.file()), d.description(), null, updated,
                        List.of(link(kit, d.file(), "JSON", "application/json", null))));
            }
            Map<String, DataFiles.File> charts = chartFiles(files);
            view = new Views.DataPageView(true, link(kit, files.zip(), "全部数据（ZIP）", "application/zip", null),
                    updated, kit.site().licence(), kit.site().licenceUrl(), guide, main, documentTables,
                    regions(kit, files, charts), files.years().size(), siteCharts(kit, charts));
        }
        String description = "下载" + kit.site().title() + "的全部数据：CSV（含 Excel 版）、JSON 和一个 ZIP 文件，附各文件的行数、大小和更新日期。";
        PageMeta meta = new PageMeta(kit.title(TITLE), TITLE, description, kit.baseUrl() + Urls.dataPage(),
                kit.underHome(TITLE), null);
        return kit.job(Urls.dataPage(), TEMPLATE, meta, view, updated, true);
    }

    /** Department-years by region (slug order), department (code order) and year, with their three files. */
    private static List<DataRegion> regions(PageKit kit, DataFiles files, Map<String, DataFiles.File> charts) {
        SiteIndex index = kit.index();
        Map<String, DataFiles.Year> byPage = new HashMap<>();
        for (DataFiles.Year y : files.years()) {
            byPage.put(Urls.departmentYear(y.regionSlug(), y.departmentCode(), y.year()), y);
        }
        List<DataRegion> regions = new ArrayList<>();
        for (Region region : index.regions()) {
            List<DataDepartment> departments = new ArrayList<>();
            for (Department d : index.departmentsIn(region)) {
                List<DataYearRow> years = new ArrayList<>();
                for (DepartmentYear dy : index.yearsOf(d)) {
                    DataFiles.Year y = byPage.get(Urls.departmentYear(dy));
                    if (y == null) {
                        continue;
                    }
                    Map<String, DataFiles.File> byHref = Map.of(kit.href(y.json().path()), y.json(),
                            kit.href(y.csv().path()), y.csv(), kit.href(y.excel().path()), y.excel());
                    List<FileLink> links = new ArrayList<>();
                    // the department-year page's own links (descriptive save-as names), with the sizes written
                    for (Download download : kit.downloadsOf(dy)) {
                        DataFiles.File f = byHref.get(download.href());
                        if (f == null) {
                            throw new IllegalStateException("the export wrote no " + download.href());
                        }
                        links.add(new FileLink(download.href(), download.label(), download.format(),
                                download.fileName(), size(f.bytes()), f.bytes()));
                    }
                    FileLink chart = chartLink(charts, Charts.departmentYear(kit, d, dy), "资金投向图 CSV");
                    if (chart != null) {
                        links.add(chart);
                    }
                    years.add(new DataYearRow(kit.departmentYearLink(dy, dy.year() + "年"), dy.year(), y.projects(),
                            index.lastmod(dy), links));
                }
                if (!years.isEmpty()) {
                    departments.add(new DataDepartment(kit.departmentLink(d), d.code(), years,
                            chartLink(charts, Charts.department(kit, d), "历年预算变化图 CSV")));
                }
            }
            if (!departments.isEmpty()) {
                regions.add(new DataRegion(kit.regionLink(region.slug()), departments));
            }
        }
        return regions;
    }

    /** The charts' CSVs the export wrote, by path. */
    private static Map<String, DataFiles.File> chartFiles(DataFiles files) {
        Map<String, DataFiles.File> byPath = new HashMap<>();
        files.charts().forEach(f -> byPath.put(f.path(), f));
        return byPath;
    }

    /** Home's and each region's chart CSV, labelled with its page and the chart's title. */
    private static List<FileLink> siteCharts(PageKit kit, Map<String, DataFiles.File> charts) {
        List<FileLink> links = new ArrayList<>();
        Charts.Built home = Charts.home(kit);
        FileLink homeLink = chartLink(charts, home, home == null ? null : "首页：" + home.view().title());
        if (homeLink != null) {
            links.add(homeLink);
        }
        for (Region region : kit.index().regions()) {
            Charts.Built chart = Charts.region(kit, region);
            FileLink link = chartLink(charts, chart, chart == null ? null : chart.view().title());
            if (link != null) {
                links.add(link);
            }
        }
        return links;
    }

    /** The chart's CSV as its page links it, with the size written; null when the page has no chart. */
    private static FileLink chartLink(Map<String, DataFiles.File> charts, Charts.Built chart, String label) {
        if (chart == null || chart.data() == null) {
            return null;
        }
        DataFiles.File f = charts.get(chart.data().path());
        if (f == null) {
            throw new IllegalStateException("the export wrote no " + chart.data().path());
        }
        Views.Download csv = chart.view().csv();
        return new FileLink(csv.href(), label, csv.format(), csv.fileName(), size(f.bytes()), f.bytes());
    }

    private static FileLink link(PageKit kit, DataFiles.File f, String label, String format, String fileName) {
        return new FileLink(kit.href(f.path()), label, format, fileName, size(f.bytes()), f.bytes());
    }

    private static String name(DataFiles.File f) {
        return f.path().substring(f.path().lastIndexOf('/') + 1);
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A size people read: 字节 below 1 KB, then KB, MB, GB (powers of 1024) with one decimal. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " 字节";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes / 1024.0;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
