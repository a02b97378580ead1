package gongkai.export;

import gongkai.site.ProjectMatching;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@code project_key} column: equal for the same project in a department's different years, as the site
 * matches them ({@link ProjectMatching}: same department, same name after leading years and punctuation are
 * dropped). Made from the project alone — department and normalised name, hashed — so a key never changes when
 * another year is added or edited, and an edit rewrites only its own year's files.
 */
final class ProjectKey {
    private ProjectKey() {
    }

    /** {@code <department code>-<first 12 hex digits of SHA-256(region/code/normalised name)>}; null without a name. */
    static String of(String regionSlug, String departmentCode, String name) {
        String normalised = ProjectMatching.normalisedName(name);
        if (normalised.isEmpty()) {
            return null;
        }
        byte[] digest = sha256().digest((regionSlug + "/" + departmentCode + "/" + normalised)
                .getBytes(StandardCharsets.UTF_8));
        return departmentCode + "-" + HexFormat.of().formatHex(digest, 0, 6);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
