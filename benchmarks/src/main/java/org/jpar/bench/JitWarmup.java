package org.jpar.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.IntConsumer;

/**
 * How many untimed calls a trial makes before JMH's warm-up, and the wait after them. The MPI
 * suites run single-shot batches sized for the largest messages (a thousand calls or fewer), which
 * leaves a small message's path in interpreted or profiling code: C2 compiles a method after about
 * 5,000 calls, and every new path parameter deoptimizes what the last trial compiled (forks are
 * off, so the trials share one JVM). A trial therefore first makes enough calls for C2. A large
 * message's trial cannot afford them at its own size (20,000 calls of 4 MiB take 14 s), and with
 * too few, C2 compiles during its measured batches on the one core mpirun gives the rank (the
 * first 1 MiB trial of a JVM takes 1-8 % longer than the same trial run again). So it makes them
 * on messages of {@value #COMPILE_BYTES} bytes, the same code, in milliseconds, then a few at its
 * own size. Both ranks compute the same counts from the same parameters, so their calls stay
 * matched.
 */
final class JitWarmup {
    /** Enough calls for C2 to compile the measured method and its callees. */
    private static final int CALLS = 20_000;

    /** The message size of {@link #compileCalls}. */
    private static final int COMPILE_BYTES = 8;

    /** How long the JIT must stay idle for {@link #settle} to return. */
    private static final int QUIET_MILLIS = 100;

    /** How long {@link #settle} waits at most. */
    private static final int SETTLE_MILLIS = 3000;

    /** Bytes moved by the warm-up of one large-message trial, at most. */
    private static final long BYTES = 1L << 30;

    private JitWarmup() {
    }

    /** One call of the measured method; mpi.jar's throw a checked MPIException. */
    interface Call<E extends Exception> {
        void run() throws E;
    }

    /**
     * Warms a trial up: {@link #compileCalls} with its buffers resized to {@value #COMPILE_BYTES}
     * bytes, then {@link #calls} at its own {@code elements}, then {@link #settle}.
     *
     * @param elementBytes the bytes of one buffer element, which {@code buffers} counts in
     * @param bytesPerCall what one call moves at the trial's size
     * @param buffers resizes the trial's buffers to that many elements
     */
    static <E extends Exception> void warmUp(int elements, int elementBytes, long bytesPerCall,
                                             IntConsumer buffers, Call<E> call) throws E {
        buffers.accept(COMPILE_BYTES / elementBytes);
        for (int i = compileCalls(bytesPerCall); i > 0; i--) {
            call.run();
        }
        buffers.accept(elements);
        for (int i = calls(bytesPerCall); i > 0; i--) {
            call.run();
        }
        settle();
    }

    /**
     * Calls on {@value #COMPILE_BYTES}-byte messages before a trial whose call moves
     * {@code bytes}: enough for C2 where {@link #calls} at the trial's size are too few, else none.
     */
    private static int compileCalls(long bytes) {
        return calls(bytes) < CALLS ? CALLS : 0;
    }

    /** Warm-up calls at the trial's own size, for a trial whose call moves {@code bytes}. */
    static int calls(long bytes) {
        return (int) Math.max(20, Math.min(CALLS, BYTES / Math.max(1, bytes)));
    }

    /**
     * Waits, making no MPI calls, until the JIT has compiled nothing for {@value #QUIET_MILLIS} ms
     * (at most {@value #SETTLE_MILLIS} ms): compilation queued by the warm-up calls would
     * otherwise run during the measured batches, on the one core mpirun gives the rank. The ranks
     * meet again at the barrier before the first iteration.
     */
    private static void settle() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return;
        }
        long deadline = System.nanoTime() + SETTLE_MILLIS * 1_000_000L;
        long last = jit.getTotalCompilationTime();
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(QUIET_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = jit.getTotalCompilationTime();
            if (now == last) {
                return;
            }
            last = now;
        }
    }
}
