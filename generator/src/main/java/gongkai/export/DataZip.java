package gongkai.export;

import gongkai.content.Content;
import gongkai.content.Page;
import gongkai.content.SiteConfig;
import gongkai.content.Urls;
import gongkai.pipeline.DataFiles;
import gongkai.pipeline.SitePaths;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * data/gongkai-data.zip: every whole-dataset file under data/ (the CSVs and their Excel twins, all.json and the
 * other JSON files, datapackage.json) and a README in Chinese, in one folder. The bytes depend on the content only: entries sorted
 * by name, each dated with the content's last change (DOS time, no time zone, no extra timestamp fields), no
 * comments, a fixed compression level.
 */
final class DataZip {
    static final String PATH = Urls.dataZip();
    /** The folder the entries unpack into (a zip that spills files into the current folder is a nuisance). */
    static final String FOLDER = "gongkai-data/";
    static final String README = "README.txt";
    /** The earliest time a zip entry can carry: for content without a date. */
    private static final LocalDateTime NO_DATE = LocalDateTime.of(1980, 1, 1, 0, 0);

    private final Content content;
    private final String contentDate;
    private final List<DataFiles.Table> tables;
    private final List<DataFiles.Document> documents;

    DataZip(Content content, String contentDate, List<DataFiles.Table> tables, List<DataFiles.Document> documents) {
        this.content = content;
        this.contentDate = contentDate;
        this.tables = tables;
        this.documents = documents;
    }

    /** Writes the zip under {@code root}, reading the files already written there; registers and returns it. */
    WrittenFile write(Path root, Consumer<WrittenFile> register) throws IOException {
        TreeMap<String, String> files = new TreeMap<>(); // entry name → site path
        for (DataFiles.Table t : tables) {
            files.put(fileName(t.csv()), t.csv().path());
            files.put(fileName(t.excel()), t.excel().path());
        }
        for (DataFiles.Document d : documents) {
            files.put(fileName(d.file()), d.file().path());
        }
        if (files.containsKey(README)) {
            throw new IllegalStateException("a download is named " + README);
        }
        // a BOM so that Notepad on an older Windows reads the Chinese as UTF-8, not as the ANSI code page
        Map<String, byte[]> inline = Map.of(README, ("\uFEFF" + readme()).getBytes(StandardCharsets.UTF_8));
        TreeMap<String, Object> entries = new TreeMap<>(files);
        entries.putAll(inline);

        LocalDateTime time = contentDate == null ? NO_DATE : LocalDate.parse(contentDate).atStartOfDay();
        Path target = SitePaths.inside(root, PATH);
        Files.createDirectories(target.getParent());
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16);
             ZipOutputStream zip = new ZipOutputStream(file, StandardCharsets.UTF_8)) {
            zip.setLevel(LEVEL);
            for (Map.Entry<String, Object> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(FOLDER + e.getKey());
                entry.setTimeLocal(time);
                zip.putNextEntry(entry);
                if (e.getValue() instanceof byte[] bytes) {
                    zip.write(bytes);
                } else {
                    Files.copy(SitePaths.inside(root, (String) e.getValue()), zip);
                }
                zip.closeEntry();
            }
        }
        WrittenFile written = new WrittenFile(PATH, Files.size(target), null);
        register.accept(written);
        return written;
    }

    /**
     * zlib's fastest family: on the 10k sample's data/ (171 MB) level 3 took 0.94 s CPU for 20.7 MB, the default
     * level 6 1.9 s for 17.7 MB (the zip is rewritten on every build and every serve update).
     */
    static final int LEVEL = 3;

    private static String fileName(DataFiles.File f) {
        return f.path().substring(f.path().lastIndexOf('/') + 1);
    }

    /** What the zip holds and how to read it, in Chinese, with the licence and the site's address. */
    String readme() {
        SiteConfig site = content.site();
        String base = site.baseUrl().endsWith("/") ? site.baseUrl() : site.baseUrl() + "/";
        StringBuilder b = new StringBuilder();
        b.append(site.title()).append(" — 全部数据\r\n\r\n");
        if (site.description() != null) {
            b.append(site.description()).append("\r\n\r\n");
        }
        line(b, "发布", site.publisher());
        line(b, "网址", base);
        line(b, "数据下载页", base + Urls.data(""));
        if (content.pages().stream().map(Page::slug).anyMatch("data-guide"::equals)) {
            line(b, "数据说明（每一列的含义）", base + Urls.page("data-guide"));
        }
        if (site.licence() != null) {
            line(b, "许可", site.licence() + (site.licenceUrl() == null ? "" : "（" + site.licenceUrl() + "）"));
        }
        line(b, "数据更新日期", contentDate);
        b.append("\r\n文件\r\n");
        for (DataFiles.Table t : tables) {
            b.append("- ").append(fileName(t.csv())).append("、").append(fileName(t.excel())).append("：")
                    .append(t.title()).append("，").append(t.rows()).append(" 行。").append(t.description()).append("\r\n");
        }
        for (DataFiles.Document d : documents) {
            b.append("- ").append(fileName(d.file())).append("：").append(d.title()).append("。")
                    .append(d.description()).append("\r\n");
        }
        b.append("\r\n读取说明\r\n");
        b.append("- 用 Excel 打开请选 -excel.csv：带 UTF-8 BOM，表头是中文列名。\r\n");
        b.append("- 用程序读取请选不带 -excel 的 CSV：UTF-8、无 BOM、英文列名（与 JSON 键名相同）。"
                + "请按 datapackage.json 中的类型读取：编码类的列（如 department_code、project_id）是文本，"
                + "保留开头的 0；金额是精确的十进制数（*_yuan 列以元为单位），不要当作浮点数。\r\n");
        b.append("- 文本列中以 = + - @ 开头的单元格前加了一个单引号，防止电子表格把它当作公式；"
                + "还原规则见数据说明。\r\n");
        b.append("- 数字和文字均按原公开文件记录；每个项目都注明了来源文件和行号。\r\n");
        b.append("\r\n引用\r\n");
        b.append(site.publisher() == null ? "" : site.publisher() + ". ").append(site.title()).append("[DS/OL]. ")
                .append(contentDate == null ? "" : "（" + contentDate + "）. ").append(base).append(Urls.data("")).append("\r\n");
        return b.toString();
    }

    private static void line(StringBuilder b, String label, String value) {
        if (value != null) {
            b.append(label).append("：").append(value).append("\r\n");
        }
    }
}
