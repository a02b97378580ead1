package gongkai.pipeline;

/** A build failed; the message names the stage and what went wrong. The previous site is left untouched. */
public final class BuildException extends Exception {
    private final String stage;

    public BuildException(String stage, String message, Throwable cause) {
        super(stage + ": " + message, cause);
        this.stage = stage;
    }

    public String stage() {
        return stage;
    }
}
