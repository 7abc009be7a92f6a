package org.jpar.cluster;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * When and where a task ran, as ipyparallel's result metadata. Times are wall-clock microseconds
 * since the epoch, comparable across engines on one host (and across nodes as far as their
 * clocks agree).
 *
 * @param taskId the task's number in its client
 * @param engineId the engine that ran it
 * @param host the engine's host name
 * @param node the engine's node: the {@code JPAR_NODE} environment variable where a launcher
 *     or job script sets one per node, else the host name
 * @param pid the engine's process id
 * @param submittedMicros when the client sent it
 * @param startedMicros when the engine began running it
 * @param completedMicros when the engine finished it
 */
public record TaskRecord(long taskId, int engineId, String host, String node, long pid,
                         long submittedMicros, long startedMicros, long completedMicros) {
    /** {@code submittedMicros} as an instant. */
    public Instant submitted() {
        return Instant.EPOCH.plus(submittedMicros, ChronoUnit.MICROS);
    }

    /** {@code startedMicros} as an instant. */
    public Instant started() {
        return Instant.EPOCH.plus(startedMicros, ChronoUnit.MICROS);
    }

    /** {@code completedMicros} as an instant. */
    public Instant completed() {
        return Instant.EPOCH.plus(completedMicros, ChronoUnit.MICROS);
    }

    /** How long the engine ran the task, in seconds. */
    public double seconds() {
        return (completedMicros - startedMicros) / 1e6;
    }

    /** Wall-clock microseconds since the epoch, now. */
    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
