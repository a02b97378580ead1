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

    /**
     * Null when {@code link} may be written in content, else why not — a predicate: the English text continues the
     * subject ("the link", "the base_url") its caller puts before it, the Chinese text likewise.
     */
    public static Text linkProblem(String link) {
        String read = asBrowserReadsIt(link);
        if (read.isEmpty()) {
            return Text.of("地址是空的（empty link）", " address is empty: write one between the parentheses, e.g. [text](https://example.org/)");
        }
        String scheme = scheme(read);
        if (scheme != null && !LINK_SCHEMES.contains(scheme)) {
            return Text.of("不能使用 " + scheme + ": 地址，只能是 http:、https:、mailto: 或站内相对地址：" + shown(link),
                    " cannot use a " + scheme + ": address, only http:, https:, mailto: or a relative address within the site: "
                    + shown(link));
        }
        return null;
    }

    /** Null when {@code url} is an absolute http(s) URL (for licence_url), else why not. */
    public static Text absoluteHttpProblem(String url) {
        String scheme = scheme(url);
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || !url.equals(asBrowserReadsIt(url))
                || url.chars().anyMatch(c -> c <= ' ')) {
            return Text.of("必须是 http:// 或 https:// 开头、不含空白的网址：" + shown(url),
                    " must be an address starting with http:// or https://, without spaces: " + shown(url));
        }
        return null;
    }

    /** Null when {@code url} is a mailto: address or an absolute http(s) URL (for report_url), else why not. */
    public static Text reportUrlProblem(String url) {
        if ("mailto".equals(scheme(url))) {
            String address = url.substring("mailto:".length());
            return address.matches("[^\\s@?&#<>\"]+@[^\\s@?&#<>\"]+") ? null
                    : Text.of("必须是 mailto:地址（如 mailto:data@example.org，不带 ?subject）或 http(s) 网址：" + shown(url),
                            " must be mailto:address (e.g. mailto:data@example.org, without ?subject) or an http(s) address: "
                            + shown(url));
        }
        return absoluteHttpProblem(url);
    }

    /**
     * Null when {@code url} can be a document's address on an agency's website ({@code document_url}): http:// or
     * https://, a host, no white space; a query and non-ASCII path (如 /公开/2024.docx) are allowed. Else why not,
     * a predicate like {@link #linkProblem}'s (the English quotes the address, which may hold Chinese).
     */
    public static Text documentUrlProblem(String url) {
        if (url.chars().anyMatch(c -> c <= ' ' || c == 0x7F)) {
            return Text.of("不能含空格、换行或控制字符：" + shown(url),
                    " must not contain spaces, line breaks or control characters: \"" + shown(url) + "\"");
        }
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        if (!(lower.startsWith("http://") || lower.startsWith("https://"))) {
            return Text.of("必须以 http:// 或 https:// 开头（写文件在官方网站上的网址）：" + shown(url),
                    " must start with http:// or https:// (write the file's address on the official website): \""
                    + shown(url) + "\"");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Text.of("不是合法的网址（" + e.getReason() + "）：" + shown(url),
                    " is not a valid address (" + e.getReason() + "): \"" + shown(url) + "\"");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty() || uri.getRawUserInfo() != null) {
            return Text.of("必须有主机名（如 https://sthj.tj.gov.cn/…），不能含用户名：" + shown(url),
                    " must have a host name (e.g. https://sthj.tj.gov.cn/…) and no user name: \"" + shown(url) + "\"");
        }
        return null;
    }

    /**
     * Null when {@code baseUrl} is a plain http(s) base URL — scheme, host, optional port, a path of plain
     * segments ending in '/', nothing else — else why not (a final '/' alone is the loader's older message).
     */
    public static Text baseUrlProblem(String baseUrl) {
        if (baseUrl.chars().anyMatch(c -> c <= ' ' || c == 0x7F)) {
            return Text.of("不能含空格、换行或控制字符：" + shown(baseUrl),
                    " must not contain spaces, line breaks or control characters: " + shown(baseUrl));
        }
        if (!(baseUrl.startsWith("http://") || baseUrl.startsWith("https://"))) {
            return Text.of("必须以 http:// 或 https:// 开头：" + shown(baseUrl),
                    " must start with http:// or https://: " + shown(baseUrl));
        }
        URI uri;
        try {
            uri = new URI(baseUrl);
        } catch (URISyntaxException e) {
            return Text.of("不是合法的网址（" + e.getReason() + "）：" + shown(baseUrl),
                    " is not a valid address (" + e.getReason() + "): " + shown(baseUrl));
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || baseUrl.indexOf('?') >= 0 || baseUrl.indexOf('#') >= 0) {
            return Text.of("不能含查询（?…）或片段（#…），它是所有页面地址的前缀：" + shown(baseUrl),
                    " must not contain a query (?…) or a fragment (#…): it is the start of every page's address: "
                    + shown(baseUrl));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty() || uri.getRawUserInfo() != null) {
            return Text.of("必须有主机名（如 https://example.org/），不能含用户名：" + shown(baseUrl),
                    " needs a host name (e.g. https://example.org/) and no user name: " + shown(baseUrl));
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (!PATH.matcher(path).matches() || path.contains("/./") || path.contains("/../")) {
            return Text.of("路径只能由字母、数字和 . _ ~ - 组成的段构成，并以 / 结尾：" + shown(baseUrl),
                    ": the path may only have segments of letters, digits and . _ ~ -, and must end with /: " + shown(baseUrl));
        }
        return null;
    }

    private static String shown(String value) {
        return SafePaths.shown(value, 120);
    }
}
