package gongkai.content;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a URL written in content may be: {@code base_url} a plain http(s) address, and every link (in Markdown or
 * {@code licence_url}) either relative to the site or one of the schemes the pages keep — never {@code javascript:},
 * {@code data:}, {@code vbscript:} or any other, however it is cased or broken up by tabs and line breaks (which
 * browsers drop before reading the scheme). Used by validate; the Markdown renderer and the link check apply the
 * same schemes, so content that passes here renders and links.
 */
public final class SafeUrls {
    /** Schemes a Markdown link may use: what the Markdown renderer keeps and the link check accepts as external. */
    public static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");

    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):.*", Pattern.DOTALL);
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~-]*)*/");

    private SafeUrls() {
    }

    /** The link as a browser reads it: leading/trailing spaces and controls trimmed, tabs and line breaks removed. */
    public static String asBrowserReadsIt(String link) {
        int start = 0;
        int end = link.length();
        while (start < end && link.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && link.charAt(end - 1) <= ' ') {
            end--;
        }
        StringBuilder b = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = link.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The link's scheme in lower case ("https"), or null for a relative link ("../data/x.csv", "//host/x"). */
    public static String scheme(String link) {
        var m = SCHEME.matcher(asBrowserReadsIt(link));
        return m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    /** Null when {@code link} may be written in content, else why not. */
    public static String linkProblem(String link) {
        String read = asBrowserReadsIt(link);
        if (read.isEmpty()) {
            return "地址是空的（empty link）";
        }
        String scheme = scheme(read);
        if (scheme != null && !LINK_SCHEMES.contains(scheme)) {
            return "不能使用 " + scheme + ": 地址，只能是 http:、https:、mailto: 或站内相对地址：" + shown(link);
        }
        return null;
    }

    /** Null when {@code url} is an absolute http(s) URL (for licence_url), else why not. */
    public static String absoluteHttpProblem(String url) {
        String scheme = scheme(url);
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || !url.equals(asBrowserReadsIt(url))
                || url.chars().anyMatch(c -> c <= ' ')) {
            return "必须是 http:// 或 https:// 开头、不含空白的网址：" + shown(url);
        }
        return null;
    }

    /** Null when {@code url} is a mailto: address or an absolute http(s) URL (for report_url), else why not. */
    public static String reportUrlProblem(String url) {
        if ("mailto".equals(scheme(url))) {
            String address = url.substring("mailto:".length());
            return address.matches("[^\\s@?&#<>\"]+@[^\\s@?&#<>\"]+") ? null
                    : "必须是 mailto:地址（如 mailto:data@example.org，不带 ?subject）或 http(s) 网址：" + shown(url);
        }
        return absoluteHttpProblem(url);
    }

    /**
     * Null when {@code url} can be a document's address on an agency's website ({@code document_url}): http:// or
     * https://, a host, no white space; a query and non-ASCII path (如 /公开/2024.docx) are allowed. Else why not.
     */
    public static String documentUrlProblem(String url) {
        if (url.chars().anyMatch(c -> c <= ' ' || c == 0x7F)) {
            return "不能含空格、换行或控制字符：" + shown(url);
        }
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        if (!(lower.startsWith("http://") || lower.startsWith("https://"))) {
            return "必须以 http:// 或 https:// 开头（写文件在官方网站上的网址）：" + shown(url);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "不是合法的网址（" + e.getReason() + "）：" + shown(url);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty() || uri.getRawUserInfo() != null) {
            return "必须有主机名（如 https://sthj.tj.gov.cn/…），不能含用户名：" + shown(url);
        }
        return null;
    }

    /**
     * Null when {@code baseUrl} is a plain http(s) base URL — scheme, host, optional port, a path of plain
     * segments ending in '/', nothing else — else why not (a final '/' alone is the loader's older message).
     */
    public static String baseUrlProblem(String baseUrl) {
        if (baseUrl.chars().anyMatch(c -> c <= ' ' || c == 0x7F)) {
            return "不能含空格、换行或控制字符：" + shown(baseUrl);
        }
        if (!(baseUrl.startsWith("http://") || baseUrl.startsWith("https://"))) {
            return "必须以 http:// 或 https:// 开头：" + shown(baseUrl);
        }
        URI uri;
        try {
            uri = new URI(baseUrl);
        } catch (URISyntaxException e) {
            return "不是合法的网址（" + e.getReason() + "）：" + shown(baseUrl);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || baseUrl.indexOf('?') >= 0 || baseUrl.indexOf('#') >= 0) {
            return "不能含查询（?…）或片段（#…），它是所有页面地址的前缀：" + shown(baseUrl);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty() || uri.getRawUserInfo() != null) {
            return "必须有主机名（如 https://example.org/），不能含用户名：" + shown(baseUrl);
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (!PATH.matcher(path).matches() || path.contains("/./") || path.contains("/../")) {
            return "路径只能由字母、数字和 . _ ~ - 组成的段构成，并以 / 结尾：" + shown(baseUrl);
        }
        return null;
    }

    private static String shown(String value) {
        return SafePaths.shown(value, 120);
    }
}
