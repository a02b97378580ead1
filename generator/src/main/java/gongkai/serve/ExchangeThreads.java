package gongkai.serve;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The dev server's executor, which also bounds how long a request may hold a thread.
 *
 * <p>The JDK HttpServer's dispatcher thread only accepts connections and waits for them to become readable;
 * the request line and headers are then read by the executor's thread, with a blocking read. A client that
 * sends half a request ("slowloris") therefore holds a thread, and with a small fixed pool a handful of them
 * stalled every other request. The JDK's own limit ({@code sun.net.httpserver.maxReqTime}) is a system
 * property read once per JVM, when the first HttpServer is created, in whole seconds: the server would depend
 * on global state set before it. Instead:
 * <ul>
 * <li>each request gets its own thread, up to {@link ServerLimits#maxThreads()}; a connection that becomes
 * readable while all are busy is closed by the JDK at once (the executor refuses it) rather than queued behind
 * the slow ones;</li>
 * <li>a watchdog interrupts a thread still reading the headers after {@link ServerLimits#headerMillis()}, or
 * still handling the request after {@link ServerLimits#responseMillis()}. Interrupting a thread blocked on the
 * connection's socket channel closes the channel (ClosedByInterruptException), and the JDK drops the
 * connection.</li>
 * </ul>
 */
final class ExchangeThreads implements Executor, AutoCloseable {
    static final long WATCHDOG_TICK_MILLIS = 100;

    private final ServerLimits limits;
    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService watchdog;
    private final Set<Exchange> running = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<Exchange> current = new ThreadLocal<>();

    ExchangeThreads(ServerLimits limits) {
        this.limits = limits;
        this.pool = new ThreadPoolExecutor(0, limits.maxThreads(), 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> daemon(r, "gongkai-serve"));
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "gongkai-serve-watchdog"));
        timer.scheduleAtFixedRate(this::interruptLate, WATCHDOG_TICK_MILLIS, WATCHDOG_TICK_MILLIS, TimeUnit.MILLISECONDS);
        this.watchdog = timer;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Runs one exchange of the JDK server (reading its request first); refused when all threads are busy. */
    @Override
    public void execute(Runnable exchange) {
        pool.execute(new Exchange(exchange));
    }

    /** Called on the exchange's thread once its headers are read: from now on it has the response time. */
    void headersRead() {
        Exchange e = current.get();
        if (e != null) {
            e.allow(limits.responseMillis());
        }
    }

    /**
     * Called on the exchange's thread before it closes a request it refused for carrying a body: closing reads
     * what is left of the body (up to 64 KB, as the JDK does), which a slow client may only trickle.
     */
    void draining() {
        Exchange e = current.get();
        if (e != null) {
            e.allow(limits.headerMillis());
        }
    }

    /** Requests in progress (for tests). */
    int active() {
        return running.size();
    }

    private void interruptLate() {
        long now = System.nanoTime();
        for (Exchange e : running) {
            e.interruptIfLate(now);
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        pool.shutdownNow();
    }

    private final class Exchange implements Runnable {
        private final Runnable task;
        /** The thread running the task; null before and after (guarded by this). */
        private Thread thread;
        private long deadline;

        Exchange(Runnable task) {
            this.task = task;
        }

        @Override
        public void run() {
            synchronized (this) {
                thread = Thread.currentThread();
                deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limits.headerMillis());
            }
            running.add(this);
            current.set(this);
            try {
                task.run();
            } finally {
                current.remove();
                running.remove(this);
                synchronized (this) {
                    thread = null;
                }
                // An interrupt for this exchange must not reach the next one run by this thread.
                Thread.interrupted();
            }
        }

        synchronized void allow(long millis) {
            deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        }

        /** Interrupts the task's thread once past the deadline (only while it still runs this task). */
        synchronized void interruptIfLate(long now) {
            if (thread != null && now - deadline >= 0) {
                thread.interrupt();
                thread = null; // once: the task ends with the closed connection
            }
        }
    }
}
