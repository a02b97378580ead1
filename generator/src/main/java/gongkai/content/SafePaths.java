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
 * serve's incremental rebuild copy source documents through {@link #sourceDocument}). Content authors are not
 * trusted with the build machine: nothing outside {@code content/} may be read into the site, and no name may
 * leave, collide with, or break the site's own URL scheme.
 *
 * <p>Messages are Chinese-first, naming the value as written.
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

    /** Download names under data/ that the exporter writes itself; a table id may not take them. */
    public static final List<String> DOWNLOAD_NAMES = List.of("projects", "indicators", "departments",
            "department_years", "all", "datapackage", "quality", "corrections", "retracted");

    private static final Pattern WINDOWS_DEVICE = Pattern.compile("(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?",
            Pattern.CASE_INSENSITIVE);

    private SafePaths() {
    }

    /**
     * Null when {@code value} is a safe segment matching {@code pattern}, else the problem in words.
     *
     * @param allowed what the pattern allows, in words, for the message
     */
    public static String segmentProblem(String value, Pattern pattern, String allowed) {
        if (value.length() > MAX_SEGMENT_CHARS) {
            return "太长（最多 " + MAX_SEGMENT_CHARS + " 个字符，实为 " + value.length() + "）：" + shown(value);
        }
        if (!pattern.matcher(value).matches()) {
            return "'" + shown(value) + "' 会成为网址和文件名的一段，只能由" + allowed + "组成";
        }
        if (WINDOWS_DEVICE.matcher(value).matches()) {
            return "'" + value + "' 是 Windows 的保留设备名，不能作文件名";
        }
        return null;
    }

    /** Why {@code document} cannot be cited: null when it names a regular file inside content/sources/. */
    public static String documentProblem(Path contentDir, String document) {
        try {
            sourceDocument(contentDir, document);
            return null;
        } catch (Unsafe e) {
            return e.getMessage();
        }
    }

    /**
     * The real path of the cited document {@code contentDir/sources/<document>}: it must be a plain file name
     * (no folder, no "..", no absolute path) and, after symlinks are resolved, a regular file inside the real
     * {@code content/sources/} folder, which itself must not be a symlink. Anything else — a path out of the
     * tree, {@code /proc/self/environ}, a symlink to a file elsewhere, a directory, a device or pipe — is refused.
     *
     * @throws Unsafe with the problem in words
     */
    public static Path sourceDocument(Path contentDir, String document) throws Unsafe {
        if (document.isEmpty() || document.equals(".") || document.equals("..") || document.indexOf('/') >= 0
                || document.indexOf('\\') >= 0 || document.indexOf('\0') >= 0) {
            throw new Unsafe("引用的文件必须位于 content/sources/ 之内：" + shown(document));
        }
        if (document.length() > 255 || !DOCUMENT_NAME.matcher(document).matches()) {
            throw new Unsafe("文件名只能由字母、数字、'.'、'_'、'-' 组成（它也是网址的一段）：" + shown(document));
        }
        if (WINDOWS_DEVICE.matcher(document).matches()) {
            throw new Unsafe("'" + document + "' 是 Windows 的保留设备名，不能作文件名");
        }
        Path sources = contentDir.resolve("sources");
        if (Files.isSymbolicLink(sources)) {
            throw new Unsafe("content/sources/ 不能是符号链接（引用的文件必须位于 content/ 之内）");
        }
        Path file = sources.resolve(document);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new Unsafe("引用的文件不存在：" + file);
        }
        Path real;
        Path root;
        try {
            root = contentDir.toRealPath().resolve("sources");
            real = file.toRealPath();
        } catch (IOException e) {
            // a dangling symlink, or a folder we may not read
            throw new Unsafe("引用的文件必须位于 content/sources/ 之内（符号链接无法解析）：" + document);
        }
        if (!real.startsWith(root) || real.equals(root)) {
            throw new Unsafe("引用的文件必须位于 content/sources/ 之内（符号链接指向了外面）：" + document);
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new Unsafe("引用的不是普通文件（是文件夹、设备或管道）：" + document);
        }
        return real;
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
    public static final class Unsafe extends Exception {
        public Unsafe(String message) {
            super(message);
        }
    }
}
