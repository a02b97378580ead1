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

    /** What a person is told: {@code 构建失败（validate 阶段）：…} — the terminal and the preview's overlay print the same. */
    public String describe() {
        String message = getMessage();
        String prefix = stage + ": ";
        return "构建失败（" + stage + " 阶段）：" + (message.startsWith(prefix) ? message.substring(prefix.length()) : message);
    }
}
