package gongkai.export;

import gongkai.content.Urls;

/**
 * A download file the exporter wrote.
 *
 * @param path   path relative to the site root, '/'-separated, as built by {@link Urls}
 * @param bytes  file size in bytes
 * @param sha256 lower-case hex SHA-256 of the exact file bytes, for the files datapackage.json describes (the
 *               whole-dataset CSVs); null for the others, whose hash nobody reads (hashing every per-project
 *               file had cost more CPU than writing it)
 */
public record WrittenFile(String path, long bytes, String sha256) {
}
