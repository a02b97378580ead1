package gongkai.pipeline;

import java.util.ArrayList;
import java.util.List;

/** Site paths ("a/b/index.html", relative to the site root, '/'-separated) as the build writes and links them. */
public final class SitePaths {
    private SitePaths() {
    }

    /**
     * The target key of a site path: "." and empty segments dropped, ".." resolved, a trailing "/" kept (except for
     * the site root, ""); null when the path leaves the site (absolute, or ".." above the root).
     */
    public static String normalise(String sitePath) {
        if (sitePath.startsWith("/")) {
            return null;
        }
        if (!needsNormalising(sitePath)) {
            return sitePath;
        }
        List<String> segments = new ArrayList<>();
        int start = 0;
        int n = sitePath.length();
        while (start <= n) {
            int end = sitePath.indexOf('/', start);
            if (end < 0) {
                end = n;
            }
            String segment = sitePath.substring(start, end);
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return null;
                }
                segments.remove(segments.size() - 1);
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
            start = end + 1;
        }
        String joined = String.join("/", segments);
        return joined.isEmpty() ? "" : sitePath.endsWith("/") ? joined + "/" : joined;
    }

    /** Whether a relative path has an empty, "." or ".." segment (the usual link has none). */
    private static boolean needsNormalising(String path) {
        int n = path.length();
        int segmentStart = 0;
        for (int i = 0; i <= n; i++) {
            if (i == n || path.charAt(i) == '/') {
                int length = i - segmentStart;
                boolean last = i == n;
                if (length == 0 && !(last && i > 0)) {
                    return true; // "" (the root), "a//b"; a trailing "/" is fine
                }
                if (length == 1 && path.charAt(segmentStart) == '.'
                        || length == 2 && path.charAt(segmentStart) == '.' && path.charAt(segmentStart + 1) == '.') {
                    return true;
                }
                segmentStart = i + 1;
            }
        }
        return false;
    }

    /** {@code sitePath} under the site folder {@code root}, refusing paths that leave it or name the folder itself. */
    public static java.nio.file.Path inside(java.nio.file.Path root, String sitePath) {
        java.nio.file.Path base = root.toAbsolutePath().normalize();
        java.nio.file.Path target = base.resolve(sitePath).normalize();
        if (!target.startsWith(base) || target.equals(base)) {
            throw new IllegalArgumentException("output path outside the site: " + sitePath);
        }
        return target;
    }
}
