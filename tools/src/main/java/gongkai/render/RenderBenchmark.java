package gongkai.render;

import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.ObjectWrapper;
import gongkai.content.Content;
import gongkai.load.ContentLoader;
import gongkai.site.GitDates;
import gongkai.site.ProcurementSource;
import gongkai.site.SiteAssembler;
import gongkai.site.SiteModel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What {@link ViewWrapper} saves: renders every page of a content folder through the theme with it and with
 * FreeMarker's own {@code DefaultObjectWrapper} (2.3.35: record components and zero-argument methods are
 * properties too), checks that both give the same text, and prints the CPU time of the template processing
 * alone (view models are made outside the timing), in alternating rounds (so a loaded machine slows both alike), on
 * {@code --threads} threads as the render stage runs them.
 *
 * <pre>java -cp target/gongkai.jar gongkai.render.RenderBenchmark --content /tmp/s10k [--theme themes/default] [--rounds 3] [--threads 1]</pre>
 */
public final class RenderBenchmark {
    private RenderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path content = null;
        Path theme = Path.of("themes/default");
        int rounds = 3;
        int threads = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--content" -> content = Path.of(args[++i]);
                case "--theme" -> theme = Path.of(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (--content DIR [--theme DIR] [--rounds N] [--threads N])");
            }
        }
        if (content == null || !Files.isDirectory(content)) {
            throw new IllegalArgumentException("--content DIR: a content folder is needed");
        }
        Content site = ContentLoader.load(content).content();
        GitDates dates = GitDates.read(content, site, System.err::println);
        boolean hasSearchJs = Files.isRegularFile(theme.resolve("static/search.js"));
        List<SiteModel.PageJob> pages = new SiteAssembler(site, dates, ProcurementSource.fromProcurementTables(),
                hasSearchJs, gongkai.site.Editions.load(theme)).assemble(() -> null).pages();

        Templates views = new Templates(theme.resolve("templates"));
        Templates library = new Templates(theme.resolve("templates"));
        ObjectWrapper generic = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_35).build();
        library.configuration().setObjectWrapper(generic);
        Map<String, Templates> wrappers = Map.of("ViewWrapper", views, "DefaultObjectWrapper", library);

        System.out.printf(Locale.ROOT, "%d pages on %d thread(s); CPU ms of template processing per round, all"
                + " threads%n", pages.size(), threads);
        long[] digests = new long[2];
        for (int round = 0; round <= rounds; round++) {
            StringBuilder line = new StringBuilder(round == 0 ? "warm-up" : "round " + round);
            String[] order = round % 2 == 0 ? new String[] {"ViewWrapper", "DefaultObjectWrapper"}
                    : new String[] {"DefaultObjectWrapper", "ViewWrapper"};
            for (String name : order) {
                long[] pageDigests = new long[pages.size()];
                long nanos = renderAll(wrappers.get(name), pages, threads, pageDigests);
                digests[name.equals("ViewWrapper") ? 0 : 1] = Arrays.hashCode(pageDigests);
                line.append(String.format(Locale.ROOT, "  %s %d", name, nanos / 1_000_000));
            }
            System.out.println(line);
            if (digests[0] != digests[1]) {
                throw new IllegalStateException("the two wrappers render different text");
            }
        }
    }

    /** Renders every page on {@code threads} threads; returns the CPU time spent in the templates, all threads. */
    private static long renderAll(Templates templates, List<SiteModel.PageJob> pages, int threads, long[] digests)
            throws InterruptedException {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        AtomicInteger next = new AtomicInteger();
        AtomicLong total = new AtomicLong();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(new Thread(() -> {
                PageText text = new PageText();
                long nanos = 0;
                try {
                    for (int i = next.getAndIncrement(); i < pages.size(); i = next.getAndIncrement()) {
                        SiteModel.PageJob job = pages.get(i);
                        Map<String, Object> model = job.model();
                        text.reset();
                        long start = cpu.getCurrentThreadCpuTime();
                        templates.render(job.template(), model, text);
                        nanos += cpu.getCurrentThreadCpuTime() - start;
                        digests[i] = Arrays.hashCode(Arrays.copyOf(text.chars(), text.length()));
                    }
                } catch (Exception e) {
                    failures.add(e);
                }
                total.addAndGet(nanos);
            }, "render-benchmark-" + t));
        }
        workers.forEach(Thread::start);
        for (Thread w : workers) {
            w.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("rendering failed", failures.get(0));
        }
        return total.get();
    }
}
