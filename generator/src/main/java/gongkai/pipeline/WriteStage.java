package gongkai.pipeline;

/** write: the staging directory replaces the output directory (the pipeline's own last stage). */
record WriteStage() implements BuildStage {
    @Override
    public String name() {
        return "write";
    }

    @Override
    public void run(BuildContext context) throws Exception {
        SiteSwap.replace(context.stagingDir(), context.options().outDir());
    }
}
