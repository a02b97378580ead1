package gongkai.importer;

/** Command-line overrides for what the importer would otherwise infer; null means infer. */
public record ImportOptions(Integer year, String regionSlug) {
    public static ImportOptions inferAll() {
        return new ImportOptions(null, null);
    }
}
