package gongkai.content;

/**
 * The site's URL scheme, in one place: every page and download has a stable address built from business
 * keys (region, department code, year, project id). Paths are relative to the site root, without a
 * leading slash; pages are directories (served as {@code …/index.html}).
 */
public final class Urls {
    private Urls() {
    }

    /** The folder of the English edition: every page again under it ({@code en/tianjin/}); files are shared. */
    public static final String ENGLISH_EDITION = "en/";

    public static String home() {
        return "";
    }

    public static String region(String regionSlug) {
        return regionSlug + "/";
    }

    public static String department(String regionSlug, String code) {
        return regionSlug + "/" + code + "/";
    }

    public static String department(DepartmentKey department) {
        return department(department.regionSlug(), department.code());
    }

    public static String departmentYear(String regionSlug, String code, int year) {
        return regionSlug + "/" + code + "/" + year + "/";
    }

    public static String departmentYear(DepartmentYear year) {
        return departmentYear(year.regionSlug(), year.departmentCode(), year.year());
    }

    /** Twin downloads of a department-year page: {@code tianjin/362303/2024.json}, {@code .csv}, {@code -excel.csv}. */
    public static String departmentYearData(String regionSlug, String code, int year, String suffix) {
        return regionSlug + "/" + code + "/" + year + suffix;
    }

    public static String departmentYearData(DepartmentYear year, String suffix) {
        return departmentYearData(year.regionSlug(), year.departmentCode(), year.year(), suffix);
    }

    /**
     * The data of a page's chart, beside the page: {@code chart.csv} (home), {@code tianjin/chart.csv},
     * {@code tianjin/362303/2024/chart.csv}. A page has at most one chart.
     */
    public static String chartData(String pageUrlPath) {
        return pageUrlPath + "chart.csv";
    }

    /** A department-year's Atom feed of its changes, beside its page: {@code tianjin/362303/2024/feed.xml}. */
    public static String departmentYearFeed(DepartmentYear year) {
        return departmentYear(year) + "feed.xml";
    }

    public static String project(String projectId) {
        return "projects/" + projectId + "/";
    }

    /** Twin downloads of a project page: {@code projects/362303-2024-001.json}, {@code .csv}, {@code -excel.csv}. */
    public static String projectData(String projectId, String suffix) {
        return "projects/" + projectId + suffix;
    }

    public static String page(String slug) {
        return slug + "/";
    }

    /** The data-quality page. */
    public static String quality() {
        return "quality/";
    }

    public static String search() {
        return "search/";
    }

    /** The downloads page (数据下载), in the same folder as the files it lists. */
    public static String dataPage() {
        return "data/";
    }

    /** The zip of every whole-dataset download, beside them. */
    public static String dataZip() {
        return data("gongkai-data.zip");
    }

    /** Whole-dataset downloads live under data/: data/projects.csv, data/datapackage.json … */
    public static String data(String fileName) {
        return "data/" + fileName;
    }

    /** A source document as published (copied from content/sources/): sources/hengshui/467/004_….txt. */
    public static String source(String document) {
        return "sources/" + document;
    }

    /**
     * A source document's page, beside the file it shows: {@code sources/hengshui/467/004_….txt.html} (its text with
     * numbered, anchored lines and the document's facts). Appending {@code .html} to the published name keeps every
     * page apart from every published file: no source file may itself end in {@code .html} (SafePaths refuses it).
     */
    public static String sourcePage(String document) {
        return source(document) + ".html";
    }

    /**
     * Part {@code part} of a long source document's page: part 1 is {@link #sourcePage} (the page's address stays
     * what it was before documents were cut), part 2 on beside it as {@code 004_….txt.p2.html}. SafePaths refuses
     * document names ending in {@code .p<digits>}, so no document's page is another's part.
     */
    public static String sourcePage(String document, int part) {
        return part <= 1 ? sourcePage(document) : source(document) + ".p" + part + ".html";
    }

    /** The fragment of one line on a source page ({@code L123}, as "第 123 行" counts): {@code #L123} links it. */
    public static String lineAnchor(int line) {
        return "L" + line;
    }

    /** The site's Atom feed of recent updates. */
    public static String feed() {
        return "feed.xml";
    }

    /** The page a host serves for a path the site does not have (one per edition: en/404.html). */
    public static String notFound() {
        return "404.html";
    }

    public static String asset(String path) {
        return "assets/" + path;
    }
}
