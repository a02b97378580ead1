package gongkai.pipeline;

/** write: the staged site and the folders beside it replace the published ones (the pipeline's own last stage). */
record WriteStage() implements BuildStage {
    @Override
    public String name() {
        return "write";
    }

    @Override
    public void run(BuildContext context) throws Exception {
        context.swap().publish();
    }
}
