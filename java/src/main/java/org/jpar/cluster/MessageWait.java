package org.jpar.cluster;

import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.jpar.mpi.Comm;
import org.jpar.mpi.Status;

/**
 * How the client and the engines wait for their next message. For {@value #BUSY_NANOS} ns after
 * the last message (or after {@link #expect()}) they poll with MPI_Iprobe, yielding the CPU
 * between polls (client and engines often share cores): back-to-back tasks keep their latency,
 * with no thread wake-up. After that, on MPI they sleep between polls, from 20 µs up to
 * {@value #EXPECTING_SLEEP_NANOS} ns while a message is expected (the client's tasks are out),
 * else up to {@value #IDLE_SLEEP_NANOS} ns, which an idle process barely feels; MPI's own blocking
 * probe would keep a core per process busy while the cluster idles. On the local backend they
 * block in its probe instead, which sleeps on a condition.
 */
final class MessageWait {
    static final long BUSY_NANOS = 1_000_000;
    static final long EXPECTING_SLEEP_NANOS = 100_000;
    static final long IDLE_SLEEP_NANOS = 1_000_000;
    private static final long FIRST_SLEEP_NANOS = 20_000;

    private final boolean polling;
    private final BooleanSupplier expecting;
    /** Bumped by {@link #expect()}: a waiter that sees it change starts a new busy spell. */
    private volatile long expectations;
    private volatile Thread waiter;

    private MessageWait(boolean polling, BooleanSupplier expecting) {
        this.polling = polling;
        this.expecting = expecting;
    }

    /**
     * For the native MPI backend: poll, then sleep between polls, briefly while
     * {@code expecting} says a message is due.
     */
    static MessageWait polling(BooleanSupplier expecting) {
        return new MessageWait(true, expecting);
    }

    /** For the local backend: poll, then block in its probe. */
    static MessageWait blocking() {
        return new MessageWait(false, () -> false);
    }

    /** For an engine on the named backend ({@link org.jpar.mpi.Mpi#backend()}). */
    static MessageWait forEngine(String backend) {
        return backend.equals("local") ? blocking() : polling(() -> false);
    }

    /** Says a message is due soon (a task went out): a sleeping waiter wakes and polls busily. */
    void expect() {
        expectations++;
        Thread t = waiter;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** Waits for a message from {@code source} with {@code tag}; returns its status. */
    Status next(Comm comm, int source, int tag) {
        waiter = Thread.currentThread();
        long seen = expectations;
        long busyUntil = System.nanoTime() + BUSY_NANOS;
        long sleep = FIRST_SLEEP_NANOS;
        while (true) {
            Optional<Status> status = comm.iprobe(source, tag);
            if (status.isPresent()) {
                return status.get();
            }
            if (seen != expectations) {
                seen = expectations;
                busyUntil = System.nanoTime() + BUSY_NANOS;
                sleep = FIRST_SLEEP_NANOS;
            }
            if (System.nanoTime() < busyUntil) {
                Thread.yield();
            } else if (!polling) {
                return comm.probe(source, tag);
            } else {
                long cap = expecting.getAsBoolean() ? EXPECTING_SLEEP_NANOS : IDLE_SLEEP_NANOS;
                LockSupport.parkNanos(Math.min(sleep, cap));
                sleep = Math.min(cap, sleep * 2);
            }
        }
    }
}
