package org.jpar.bench;

/**
 * How many untimed calls a trial makes before JMH's warm-up. The MPI suites run single-shot
 * batches sized for the largest messages (a thousand calls or fewer), which leaves a small
 * message's path in interpreted or profiling code: C2 compiles a method after about 5,000 calls,
 * and every new path parameter deoptimizes what the last trial compiled (forks are off, so the
 * trials share one JVM). A trial therefore first makes enough calls for C2, fewer for large
 * messages, whose time is in the copy, not in the Java code. Both ranks compute the same count
 * from the same parameters, so their calls stay matched.
 */
final class JitWarmup {
    /** Enough calls for C2 to compile the measured method and its callees. */
    private static final int CALLS = 20_000;

    /** Bytes moved by the warm-up of one large-message trial, at most. */
    private static final long BYTES = 1L << 30;

    private JitWarmup() {
    }

    /** Warm-up calls for a trial whose call moves {@code bytes}. */
    static int calls(long bytes) {
        return (int) Math.max(20, Math.min(CALLS, BYTES / Math.max(1, bytes)));
    }
}
