package org.jpar.cluster;

import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.jpar.mpi.Comm;
import org.jpar.mpi.Status;

/**
 * How the client and the engines wait for their next message. For {@value #BUSY_NANOS} ns after
 * the last message they poll with MPI_Iprobe, yielding the CPU between polls (client and engines
 * often share cores): back-to-back tasks keep their latency, with no thread wake-up. After that,
 * on MPI they sleep between polls, from 20 µs up to {@value #MAX_SLEEP_NANOS} ns, which an idle
 * process barely feels and a task that ran that long does not notice; MPI's own blocking probe
 * would keep a core per process busy while the cluster idles. On the local backend they block
 * in its probe, which sleeps on a condition.
 */
final class MessageWait {
    static final long BUSY_NANOS = 1_000_000;
    static final long MAX_SLEEP_NANOS = 1_000_000;
    private static final long FIRST_SLEEP_NANOS = 20_000;

    private final boolean polling;

    private MessageWait(boolean polling) {
        this.polling = polling;
    }

    /** For the native MPI backend: poll, then sleep between polls. */
    static MessageWait polling() {
        return new MessageWait(true);
    }

    /** For the local backend: poll, then block in its probe. */
    static MessageWait blocking() {
        return new MessageWait(false);
    }

    /** For a communicator of the named backend ({@link org.jpar.mpi.Mpi#backend()}). */
    static MessageWait forBackend(String backend) {
        return backend.equals("local") ? blocking() : polling();
    }

    /** Waits for a message from {@code source} with {@code tag}; returns its status. */
    Status next(Comm comm, int source, int tag) {
        long busyUntil = System.nanoTime() + BUSY_NANOS;
        long sleep = FIRST_SLEEP_NANOS;
        while (true) {
            Optional<Status> status = comm.iprobe(source, tag);
            if (status.isPresent()) {
                return status.get();
            }
            if (System.nanoTime() < busyUntil) {
                Thread.yield();
            } else if (!polling) {
                return comm.probe(source, tag);
            } else {
                LockSupport.parkNanos(sleep);
                sleep = Math.min(MAX_SLEEP_NANOS, sleep * 2);
            }
        }
    }
}
