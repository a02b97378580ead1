package gongkai.serve;

/**
 * The dev server's time and thread limits (docs/security.md lists them with the fixed size limits in
 * {@link DevServer}).
 *
 * @param headerMillis   how long a connection may take to send a request's line and headers (and, for a request
 *                       that wrongly carries a body, to send that) before it is closed
 * @param responseMillis how long one request may take from its headers to the end of its response (a client
 *                       that stops reading a large file is cut off after this)
 * @param maxThreads     requests in progress at once; a connection beyond them is closed at once
 */
record ServerLimits(long headerMillis, long responseMillis, int maxThreads) {
    static final ServerLimits DEFAULT = new ServerLimits(5_000, 60_000, 64);

    ServerLimits {
        if (headerMillis <= 0 || responseMillis <= 0 || maxThreads <= 0) {
            throw new IllegalArgumentException("limits must be positive: " + headerMillis + " ms, " + responseMillis
                    + " ms, " + maxThreads + " threads");
        }
    }
}
