package gongkai.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The confinement rule, in one place: everything content names that becomes a file name or URL segment of the
 * site (region and department folders, page slugs, project, section and table ids, column keys, cited
 * documents) is checked here, by {@code validate} and again where the build uses it (the export stage and
 * serve's incremental rebuild copy source documents through {@link #sourceDocument}), and cited documents stay in
 * their department's own folder {@code content/sources/<region>/<code>/}. Content authors are not
 * trusted with the build machine: nothing outside {@code content/} may be read into the site, and no name may
 * leave, collide with, or break the site's own URL scheme.
 *
 * <p>Messages are in both languages ({@link Text}), Chinese first, naming the value as written.
 */
public final class SafePaths {
    /** Longest id, slug, code or key: URL segments stay readable and a display row has room for them. */
    public static final int MAX_SEGMENT_CHARS = 64;

    /** Region folders and page slugs: lower-case ASCII letters, digits and '-'. */
    public static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");
    /** Department codes (folders) and project ids: ASCII letters, digits, '_' and '-'. */
    public static final Pattern CODE = Pattern.compile("[0-9A-Za-z][0-9A-Za-z_-]*");
    /** Section ids (HTML ids), table ids (download names) and column keys (CSV headers): a–z, 0–9, '_'. */
    public static final Pattern MACHINE_NAME = Pattern.compile("[a-z0-9_]+");
    /** Section ids may also use '-' (they are only HTML ids, never file names). */
    public static final Pattern SECTION_ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    /** Source document file names: letters (any script), digits, '.', '_' and '-', not starting with '.' or '-'. */
    public static final Pattern DOCUMENT_NAME = Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N}._-]*");

    /** Top-level folders of the site: a region or page with one of these names would overwrite or shadow them. */
    public static final Set<String> SITE_FOLDERS = Set.of("projects", "data", "sources", "assets", "search", "pages", "quality");
    /** The folders of the site's other editions (the English one is en/): a region or page there would take its home. */
    public static final Set<String> EDITION_FOLDERS = Set.of("en");

    /** Download names under data/ that the exporter writes itself ({@link SiteCatalogue}); a table id may not take them. */
    public static final List<String> DOWNLOAD_NAMES = java.util.stream.Stream.concat(
            SiteCatalogue.DATASET_TABLES.stream(), SiteCatalogue.DATASET_JSON.stream()).distinct().toList();

    /** What {@link #SLUG} allows, in words. */
    public static final Text SLUG_CHARS = Text.of("小写英文字母、数字和 '-'", "lower-case letters a-z, digits and '-'");
    /** What {@link #CODE} allows, in words. */
    public static final Text CODE_CHARS = Text.of("英文字母、数字、'_' 和 '-'", "letters A-Z and a-z, digits, '_' and '-'");
    /** What {@link #MACHINE_NAME} allows, in words. */
    public static final Text MACHINE_NAME_CHARS = Text.of("小写英文字母、数字和 '_'", "lower-case letters a-z, digits and '_'");
    /** What {@link #SECTION_ID} allows, in words. */
    public static final Text SECTION_ID_CHARS = Text.of("小写英文字母、数字、'_' 和 '-'", "lower-case letters a-z, digits, '_' and '-'");

    /**
     * File names a browser opens as a page of the site (scripts included) rather than as a download; a source
     * document's page is {@code <file>.html} beside it, so a document ending in {@code .html} could also take the
     * page of another (x.txt's page is x.txt.html).
     */
    private static final Pattern WEB_PAGE = Pattern.compile(".*\\.(html?|xhtml?|xht|shtml|svgz?|xml|xsl)",
            Pattern.CASE_INSENSITIVE);

    /**
     * Names a long document's later parts take: x.txt's page is x.txt.html, its second part x.txt.p2.html
     * ({@link Urls#sourcePage(String, int)}), which is also the page a document named x.txt.p2 would have. Case
     * does not matter: some file systems (macOS, Windows) do not tell x.txt.P2.html from x.txt.p2.html.
     */
    private static final Pattern PART_PAGE = Pattern.compile(".*\\.p[0-9]+", Pattern.CASE_INSENSITIVE);

    private static final Pattern WINDOWS_DEVICE = Pattern.compile("(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?",
            Pattern.CASE_INSENSITIVE);

    private SafePaths() {
    }

    /**
     * Null when {@code value} is a safe segment matching {@code pattern}, else the problem in words.
     *
     * @param allowed what the pattern allows, in words, for the message
     */
    public static Text segmentProblem(String value, Pattern pattern, Text allowed) {
        if (value.length() > MAX_SEGMENT_CHARS) {
            return Text.of("太长（最多 " + MAX_SEGMENT_CHARS + " 个字符，实为 " + value.length() + "）：" + shown(value),
                    "too long (at most " + MAX_SEGMENT_CHARS + " characters, this has " + value.length() + "): " + shown(value));
        }
        if (!pattern.matcher(value).matches()) {
            return Text.of("'" + shown(value) + "' 会成为网址和文件名的一段，只能由" + allowed.zh() + "组成",
                    "'" + shown(value) + "' becomes part of a URL and a file name: use only " + allowed.en());
        }
        if (WINDOWS_DEVICE.matcher(value).matches()) {
            return windowsDevice(value);
        }
        return null;
    }

    /**
     * Null when a source document may be named {@code name} as far as the site's own page names go, else why not:
     * a name ending in {@code .p<digits>} is taken by the parts of a long document's page.
     */
    public static Text partPageProblem(String name) {
        return PART_PAGE.matcher(name).matches() ? partPageName(name) : null;
    }

    private static Text partPageName(String name) {
        return Text.of("'" + shown(name) + "' 以 .p 加数字结尾：长文件的来源页面分成几部分，第 2 部分起叫 <文件名>.p2.html、"
                + "<文件名>.p3.html……，会与这个文件的页面重名；请给文件改名（例如把 .p2 改成 -p2）",
                "'" + shown(name) + "' ends in .p and digits: a long document's page comes in parts, the second on named "
                + "<file name>.p2.html, <file name>.p3.html …, which this file's page could take; rename the file "
                + "(e.g. .p2 to -p2)");
    }

    private static Text windowsDevice(String name) {
        return Text.of("'" + name + "' 是 Windows 的保留设备名，不能作文件名",
                "'" + name + "' is a device name Windows reserves: it cannot be a file name");
    }

    /**
     * Why {@code document} cannot be cited by a year file of {@code owner}: null when it names a regular file in
     * the department's own folder {@code content/sources/<region>/<code>/}.
     */
    public static Text documentProblem(Path contentDir, DepartmentKey owner, String document) {
        try {
            sourceDocument(contentDir, owner, document);
            return null;
        } catch (Unsafe e) {
            return e.text();
        }
    }

    /**
     * The real path of the document a year file of {@code owner} cites, {@code contentDir/sources/<document>}:
     * the value must be {@code <region>/<code>/<file name>} naming the owner's own folder (so two agencies'
     * {@code 2024.txt} never collide and one agency cannot publish another's file), each part a safe name (no
     * "..", no absolute path); none of {@code sources/}, the region and the code folder may be a symlink, and
     * after symlinks are resolved the file must be a regular file inside that folder. Anything else — a path out
     * of the tree, {@code /proc/self/environ}, a symlink to a file elsewhere, a directory, a device or pipe — is
     * refused.
     *
     * @throws Unsafe with the problem in words
     */
    public static Path sourceDocument(Path contentDir, DepartmentKey owner, String document) throws Unsafe {
        if (document.isEmpty() || document.startsWith("/") || document.indexOf('\\') >= 0 || document.indexOf('\0') >= 0) {
            throw new Unsafe(outside(document));
        }
        String[] parts = document.split("/", -1);
        for (String part : parts) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new Unsafe(outside(document));
            }
        }
        String folder = ContentPaths.SOURCES_DIR + "/" + ContentPaths.sourceDir(owner);
        String name = parts[parts.length - 1];
        if (parts.length == 1) {
            throw new Unsafe(Text.of("引用的文件要放在本部门的来源文件夹 content/" + folder + " 里（content/sources/ 下不再直接放文件）："
                    + "把 content/sources/" + shown(name) + " 移到 content/" + folder + shown(name) + "（git mv），并把 document: 改为 "
                    + ContentPaths.citation(owner, shown(name)),
                    "the cited file belongs in the department's own source folder content/" + folder + " (content/sources/ "
                    + "itself no longer holds files): move content/sources/" + shown(name) + " to content/" + folder + shown(name)
                    + " (git mv) and change document: to " + ContentPaths.citation(owner, shown(name))));
        }
        if (parts.length != 3) {
            throw new Unsafe(Text.of("document: 要写成 <地区>/<预算单位编码>/<文件名>，例如 " + ContentPaths.citation(owner, shown(name))
                    + "：" + shown(document), "document: write it as <region>/<department code>/<file name>, e.g. "
                    + ContentPaths.citation(owner, shown(name)) + ": " + shown(document)));
        }
        Text why = segmentProblem(parts[0], SLUG, SLUG_CHARS);
        if (why == null) {
            why = segmentProblem(parts[1], CODE, CODE_CHARS);
        }
        if (why != null) {
            throw new Unsafe(why.after("来源文件夹名 ", "source folder name "));
        }
        if (name.length() > 255 || !DOCUMENT_NAME.matcher(name).matches()) {
            throw new Unsafe(Text.of("文件名只能由字母、数字、'.'、'_'、'-' 组成（它也是网址的一段）：" + shown(name),
                    "a file name may use only letters, digits, '.', '_' and '-' (it is also part of a URL): " + shown(name)));
        }
        if (WINDOWS_DEVICE.matcher(name).matches()) {
            throw new Unsafe(windowsDevice(name));
        }
        if (WEB_PAGE.matcher(name).matches()) {
            throw new Unsafe(Text.of("'" + shown(name) + "' 是网页类文件（.html、.htm、.svg、.xml 等）：浏览器会把它当作本站的网页打开，"
                    + "而且来源文件的页面就叫 <文件名>.html，会与之重名；请发布原件（.docx、.pdf、.xlsx）或 .txt 文本",
                    "'" + shown(name) + "' is a web-page file (.html, .htm, .svg, .xml …): a browser would open it as a page "
                    + "of this site, and a source file's page is itself named <file name>.html, which it could take; "
                    + "publish the original (.docx, .pdf, .xlsx) or a .txt text instead"));
        }
        if (PART_PAGE.matcher(name).matches()) {
            throw new Unsafe(partPageName(name));
        }
        if (!parts[0].equals(owner.regionSlug()) || !parts[1].equals(owner.code())) {
            throw new Unsafe(Text.of("引用的文件在 content/sources/" + parts[0] + "/" + parts[1] + "/ 里，但本文件属于部门 " + owner
                    + "：每个部门只引用自己的来源文件夹 content/" + folder + " 里的文件（把文件复制过去，并把 document: 改为 "
                    + ContentPaths.citation(owner, name) + "）",
                    "the cited file is in content/sources/" + parts[0] + "/" + parts[1] + "/, but this file belongs to department "
                    + owner + ": a department cites only files in its own source folder content/" + folder
                    + " (copy the file there and change document: to " + ContentPaths.citation(owner, name) + ")"));
        }
        Path sources = contentDir.resolve(ContentPaths.SOURCES_DIR);
        for (Path dir : List.of(sources, sources.resolve(parts[0]), sources.resolve(parts[0]).resolve(parts[1]))) {
            if (Files.isSymbolicLink(dir)) {
                String shownDir = "content/" + contentDir.relativize(dir).toString().replace('\\', '/') + "/";
                throw new Unsafe(Text.of(shownDir + " 不能是符号链接（引用的文件必须位于 content/ 之内）",
                        shownDir + " must not be a symbolic link (cited files must be inside content/)"));
            }
        }
        Path file = sources.resolve(parts[0]).resolve(parts[1]).resolve(name);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new Unsafe(Text.of("引用的文件不存在：" + file, "the cited file does not exist: " + file));
        }
        Path real;
        Path root;
        try {
            root = contentDir.toRealPath().resolve(ContentPaths.SOURCES_DIR).resolve(parts[0]).resolve(parts[1]);
            real = file.toRealPath();
        } catch (IOException e) {
            // a dangling symlink, or a folder we may not read
            throw new Unsafe(Text.of("引用的文件必须位于 content/sources/ 之内（符号链接无法解析）：" + document,
                    "the cited file must be inside content/sources/ (a symbolic link that cannot be resolved): " + document));
        }
        if (!real.startsWith(root) || real.equals(root)) {
            throw new Unsafe(Text.of("引用的文件必须位于 content/sources/ 之内（符号链接指向了外面）：" + document,
                    "the cited file must be inside content/sources/ (a symbolic link points out of it): " + document));
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new Unsafe(Text.of("引用的不是普通文件（是文件夹、设备或管道）：" + document,
                    "the cited path is not a regular file (it is a folder, device or pipe): " + document));
        }
        return real;
    }

    private static Text outside(String document) {
        return Text.of("引用的文件必须位于 content/sources/ 之内：" + shown(document),
                "the cited file must be inside content/sources/: " + shown(document));
    }

    private static String shown(String value) {
        return shown(value, 80);
    }

    /**
     * The value as shown in a message: control characters escaped so a message stays one line, cut after
     * {@code max} characters.
     */
    static String shown(String value, int max) {
        StringBuilder b = new StringBuilder();
        int limit = Math.min(value.length(), max);
        for (int i = 0; i < limit; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                b.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                b.append(c);
            }
        }
        return limit < value.length() ? b.append('…').toString() : b.toString();
    }

    /** A name the site may not use; the message says why. */
    public static final class Unsafe extends Exception implements Text.Carrier {
        private final transient Text text;

        public Unsafe(Text text) {
            super(text.zh());
            this.text = text;
        }

        @Override
        public Text text() {
            return text;
        }
    }
}
