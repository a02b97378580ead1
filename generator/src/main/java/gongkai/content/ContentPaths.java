package gongkai.content;

/**
 * The content folder's layout, in one place (the content-side twin of {@link Urls}): where each file of a
 * region, department, department-year, page or source document lives. Paths are relative to the content root,
 * '/'-separated, as git reports them and as problems name them.
 */
public final class ContentPaths {
    private ContentPaths() {
    }

    /** The site's settings, at the content root. */
    public static final String SITE_FILE = "site.yaml";
    /** A region folder's description: {@code <region>/region.yaml}. */
    public static final String REGION_FILE = "region.yaml";
    /** A department folder's description: {@code <region>/<code>/department.yaml}. */
    public static final String DEPARTMENT_FILE = "department.yaml";
    /** The folder of Markdown pages: {@code pages/<slug>.md}. */
    public static final String PAGES_DIR = "pages";
    /** The folder of source documents, one sub-folder per department: {@code sources/<region>/<code>/<file>}. */
    public static final String SOURCES_DIR = "sources";

    /** {@code tianjin/}: the region's folder, holding its description and its departments. */
    public static String regionDir(String regionSlug) {
        return regionSlug + "/";
    }

    /** {@code tianjin/region.yaml}. */
    public static String region(String regionSlug) {
        return regionDir(regionSlug) + REGION_FILE;
    }

    /** {@code tianjin/362303/}: the department's folder, holding its description and its years. */
    public static String departmentDir(DepartmentKey department) {
        return department + "/";
    }

    /** {@code tianjin/362303/department.yaml}. */
    public static String department(DepartmentKey department) {
        return departmentDir(department) + DEPARTMENT_FILE;
    }

    /** {@code 2024.yaml}: a year file's name inside its department folder. */
    public static String yearFileName(int year) {
        return year + ".yaml";
    }

    /** {@code tianjin/362303/2024.yaml}. */
    public static String departmentYear(DepartmentKey department, int year) {
        return departmentDir(department) + yearFileName(year);
    }

    /** The file a department-year was read from. */
    public static String departmentYear(DepartmentYear year) {
        return departmentYear(year.departmentKey(), year.year());
    }

    /** {@code pages/about.md}. */
    public static String page(String slug) {
        return PAGES_DIR + "/" + slug + ".md";
    }

    /** What ends the file name of a page's English twin: {@code about.en.md} beside {@code about.md}. */
    public static final String ENGLISH_PAGE_SUFFIX = ".en.md";

    /** {@code pages/about.en.md}: the English twin of {@code pages/about.md}. */
    public static String englishPage(String slug) {
        return PAGES_DIR + "/" + slug + ENGLISH_PAGE_SUFFIX;
    }

    /**
     * {@code tianjin/362303/}: the department's folder of source documents under {@code sources/}; a year file
     * cites only documents in its own department's folder.
     */
    public static String sourceDir(DepartmentKey department) {
        return department + "/";
    }

    /** {@code tianjin/362303/2024.docx}: the {@code document:} value citing a file of the department's folder. */
    public static String citation(DepartmentKey department, String fileName) {
        return sourceDir(department) + fileName;
    }

    /** {@code 2024.docx}: the file name of a cited document (its last part). */
    public static String documentFileName(String document) {
        return document.substring(document.lastIndexOf('/') + 1);
    }

    /** {@code sources/tianjin/362303/2024.txt}: where the cited document lies under the content root. */
    public static String source(String document) {
        return SOURCES_DIR + "/" + document;
    }

    /**
     * The text whose lines a document's citations count: a .txt document itself, else the text rendering the import
     * keeps beside a Word/Excel/PDF original ({@code 2024.docx} → {@code 2024.docx.txt}).
     */
    public static String textRendering(String document) {
        return document.endsWith(".txt") ? document : document + ".txt";
    }
}
