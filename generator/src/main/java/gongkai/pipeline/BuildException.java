package gongkai.pipeline;

import gongkai.content.Lang;
import gongkai.content.Text;

/** A build failed; the message names the stage and what went wrong. The previous site is left untouched. */
public final class BuildException extends Exception implements Text.Carrier {
    private final String stage;
    private final transient Text text;

    public BuildException(String stage, String message, Throwable cause) {
        this(stage, Text.same(message), cause);
    }

    /** A failure told in both languages; {@link #getMessage()} is the Chinese one. */
    public BuildException(String stage, Text message, Throwable cause) {
        super(stage + ": " + message.zh(), cause);
        this.stage = stage;
        this.text = message;
    }

    public String stage() {
        return stage;
    }

    /** What went wrong, without the stage. */
    @Override
    public Text text() {
        return text;
    }

    /** What a person is told: {@code 构建失败（validate 阶段）：…} — the terminal and the preview's overlay print the same. */
    public String describe() {
        return describe(Lang.ZH);
    }

    /** {@link #describe()} in {@code lang}: {@code build failed (validate stage): …} in English. */
    public String describe(Lang lang) {
        return lang == Lang.EN ? "build failed (" + stage + " stage): " + text.en()
                : "构建失败（" + stage + " 阶段）：" + text.zh();
    }
}
