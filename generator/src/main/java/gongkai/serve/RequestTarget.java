package gongkai.serve;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The request paths and queries the dev server accepts; anything else is answered 400 before a handler runs.
 * A path is decoded strictly: {@code %} must be followed by two hex digits, the bytes must be UTF-8, and the
 * result must not contain NUL or other control characters, a backslash, or a {@code .}/{@code ..} segment
 * (browsers resolve dot segments before sending; a raw or encoded one, e.g. {@code /%2e%2e/}, only comes
 * from something probing the file system). Unencoded non-ASCII bytes in the request line reach this class as
 * ISO-8859-1 characters (those the JDK's URI parser lets through: 0xA1 to 0xFF; it answers 400 to the others)
 * and are taken back as bytes, so raw UTF-8 names work where the JDK allows them.
 */
final class RequestTarget {
    /** Why a request target is refused (the message is shown to the client, Chinese first). */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    private RequestTarget() {
    }

    /** The decoded path of {@code rawPath} ({@link java.net.URI#getRawPath()}), starting with '/'. */
    static String path(String rawPath) throws Invalid {
        if (rawPath == null || !rawPath.startsWith("/")) {
            throw new Invalid("请求路径必须以 / 开头 (the request path must start with /)");
        }
        String path = decode(rawPath, "路径");
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c >= 0x7f && c < 0xa0) {
                throw new Invalid("路径含有控制字符 U+" + String.format(java.util.Locale.ROOT, "%04X", (int) c)
                        + " (the path contains a control character)");
            }
            if (c == '\\') {
                throw new Invalid("路径含有反斜杠 (the path contains a backslash)");
            }
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                throw new Invalid("路径含有 . 或 .. 段 (the path contains a dot segment)");
            }
        }
        return path;
    }

    /** Checks that {@code rawQuery} ({@link java.net.URI#getRawQuery()}, may be null) decodes cleanly. */
    static void checkQuery(String rawQuery) throws Invalid {
        if (rawQuery == null) {
            return;
        }
        if (decode(rawQuery, "查询参数").indexOf('\0') >= 0) {
            throw new Invalid("查询参数含有 NUL 字符 (the query contains NUL)");
        }
    }

    /** Percent-decodes {@code raw} strictly into UTF-8 text ({@code what} names it in the message). */
    private static String decode(String raw, String what) throws Invalid {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int hi = i + 1 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int lo = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw new Invalid(what + "含有无效的百分号编码 (invalid percent-encoding at character " + i + ")");
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c > 0xff) {
                throw new Invalid(what + "含有未编码的字符 (unencoded character in the request target)");
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new Invalid(what + "不是有效的 UTF-8 (not valid UTF-8: " + e.getMessage() + ")");
        }
    }
}
