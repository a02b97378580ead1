package gongkai.importer;

/** Something in the source the importer could not place: reported with its line, never dropped silently. */
public record ImportProblem(String document, int line, String message) {
    @Override
    public String toString() {
        return document + ":" + line + ": " + message;
    }
}
