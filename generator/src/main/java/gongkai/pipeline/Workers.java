package gongkai.pipeline;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A few tasks on threads of their own, waited for together: the export's department-year writers, the search
 * index's slice writers, the static search export's postings and display rows. The first task to fail stops the
 * others (they are interrupted, and waited for: they write into the staging folder or read an index that the
 * caller deletes or closes next) and its exception is rethrown as it was thrown, so an {@link OutOfMemoryError}
 * still reaches the pipeline's report.
 */
public final class Workers {
    /** One task: it may throw anything; see {@link #runAll}. */
    @FunctionalInterface
    public interface Task {
        void run() throws Exception;
    }

    private Workers() {
    }

    /**
     * Runs each task on its own daemon thread ({@code name-0}, {@code name-1} …) and returns when all are done.
     * The first failure is rethrown: an IOException, RuntimeException or Error as it is, any other exception
     * wrapped in an IOException that names the workers.
     */
    public static void runAll(String name, List<? extends Task> tasks) throws IOException {
        if (tasks.isEmpty()) {
            return;
        }
        java.util.concurrent.atomic.AtomicInteger number = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size(), r -> {
            Thread t = new Thread(r, name + "-" + number.getAndIncrement());
            t.setDaemon(true);
            return t;
        });
        try {
            ExecutorCompletionService<Void> done = new ExecutorCompletionService<>(pool);
            for (Task task : tasks) {
                done.submit(() -> {
                    task.run();
                    return null;
                });
            }
            for (int i = 0; i < tasks.size(); i++) {
                done.take().get(); // in order of completion: the first failure ends the wait
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(name + ": interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(name + " failed: " + cause, cause);
        } finally {
            pool.shutdownNow();
            awaitStopped(pool);
        }
    }

    /** Waits for every task to end (after a failure they were interrupted), keeping this thread's interrupt. */
    private static void awaitStopped(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
