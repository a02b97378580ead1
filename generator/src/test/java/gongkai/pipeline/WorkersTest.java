package gongkai.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkersTest {
    @Test
    void runsEveryTaskOnItsOwnThread() throws Exception {
        // Each task waits until all have started: this only ends if they run at the same time.
        CountDownLatch started = new CountDownLatch(3);
        AtomicInteger done = new AtomicInteger();
        Workers.Task task = () -> {
            started.countDown();
            assertTrue(started.await(10, TimeUnit.SECONDS), "the tasks ran one after another");
            done.incrementAndGet();
        };
        Workers.runAll("test-worker", List.of(task, task, task));
        assertEquals(3, done.get());
    }

    @Test
    void theFirstFailureIsRethrownAsItWasAndInterruptsTheOthers() {
        IOException broken = new IOException("disk full");
        AtomicInteger interrupted = new AtomicInteger();
        Workers.Task slow = () -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                throw e;
            }
        };
        long t0 = System.nanoTime();
        IOException thrown = assertThrows(IOException.class,
                () -> Workers.runAll("test-worker", List.of(slow, () -> { throw broken; })));
        assertSame(broken, thrown);
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(30), "waited for the slow task");
        // the slow task was interrupted and had stopped before runAll returned
        assertEquals(1, interrupted.get());
    }

    @Test
    void errorsAndUncheckedExceptionsPassThroughOthersAreWrappedWithTheName() {
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        assertSame(oom, assertThrows(OutOfMemoryError.class, () -> Workers.runAll("w", List.of(() -> { throw oom; }))));
        IllegalStateException bad = new IllegalStateException("bad row");
        assertSame(bad, assertThrows(IllegalStateException.class, () -> Workers.runAll("w", List.of(() -> { throw bad; }))));
        Exception checked = new Exception("checked");
        IOException wrapped = assertThrows(IOException.class,
                () -> Workers.runAll("gongkai-export", List.of(() -> { throw checked; })));
        assertSame(checked, wrapped.getCause());
        assertTrue(wrapped.getMessage().startsWith("gongkai-export failed"), wrapped.getMessage());
    }
}
