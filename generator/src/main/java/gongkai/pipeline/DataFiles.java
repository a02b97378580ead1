package gongkai.pipeline;

import java.util.List;

/**
 * The downloads a build wrote, as the downloads page (/data/) lists them: every whole-dataset file with its
 * Chinese title, row count and size, the one zip of everything, and each department-year's files. Left in
 * {@link #SLOT} by the export stage of a full build (which runs before render), read when the page is rendered.
 *
 * @param tables    the whole-dataset CSVs, in datapackage.json's order
 * @param documents the whole-dataset JSON files (all.json, …, datapackage.json last)
 * @param zip       the zip of everything under data/
 * @param years     each department-year's files, by region, department code and year
 * @param charts    the CSV beside each page's chart, by path
 * @param version   the data version datapackage.json states (content day + fingerprint of every CSV)
 */
public record DataFiles(List<Table> tables, List<Document> documents, File zip, List<Year> years, List<File> charts,
                        String version) {
    public static final BuildContext.Slot<DataFiles> SLOT = BuildContext.Slot.named("the written downloads");
    /**
     * The data version datapackage.json states, left by the export stage before render: every page's citation (引用本页)
     * quotes it. Made once per build; an incremental update keeps the full build's.
     */
    public static final BuildContext.Slot<String> VERSION = BuildContext.Slot.named("the data version");

    public DataFiles {
        tables = List.copyOf(tables);
        documents = List.copyOf(documents);
        years = List.copyOf(years);
        charts = List.copyOf(charts);
    }

    /** The whole dataset's and the department-years' files, before the charts' are added. */
    public DataFiles(List<Table> tables, List<Document> documents, File zip, List<Year> years, String version) {
        this(tables, documents, zip, years, List.of(), version);
    }

    /** The same files with {@code charts} as the charts' CSVs. */
    public DataFiles withCharts(List<File> charts) {
        return new DataFiles(tables, documents, zip, years, charts, version);
    }

    /** A whole-dataset JSON file with its Chinese title and what it holds. */
    public record Document(String title, String description, File file) {
    }

    /** A written file: site path and size in bytes. */
    public record File(String path, long bytes) {
    }

    /**
     * A whole-dataset CSV (a datapackage.json resource) and its Excel twin; {@code rows} excludes the header;
     * {@code departmentTable} for a document table merged across department-years (data/&lt;id&gt;.csv).
     */
    public record Table(String name, String title, String description, long rows, File csv, File excel,
                        boolean departmentTable) {
    }

    /** A department-year's CSV (one row per project), its Excel twin and its JSON. */
    public record Year(String regionSlug, String departmentCode, int year, int projects, File csv, File excel,
                       File json) {
    }
}
