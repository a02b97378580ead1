package gongkai.pipeline;

/**
 * One named step of the build. Stages run in a fixed order (see {@link BuildPipeline}), each timed; a stage
 * reads the immutable model from the context and writes files only into the staging directory.
 */
public interface BuildStage {
    /** Short lower-case name shown in timings and errors: load, validate, quality, assemble, render, index, export, check, write. */
    String name();

    void run(BuildContext context) throws Exception;

    /** Called for every stage before the first one runs (e.g. to observe pages the render stage writes). */
    default void prepare(BuildContext context) {
    }

    /** A stage that does nothing, for a slot (index, export) that has not been wired. */
    static BuildStage skipped(String name) {
        return new BuildStage() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void run(BuildContext context) {
                // Intentionally empty: the slot is not wired in this pipeline.
            }
        };
    }
}
