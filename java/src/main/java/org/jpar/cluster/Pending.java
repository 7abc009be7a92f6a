package org.jpar.cluster;

import java.util.concurrent.CompletableFuture;

/** A task the client has sent and not yet heard back about. */
final class Pending {
    final long id;
    final boolean balanced;
    final CompletableFuture<Messages.Result> result = new CompletableFuture<>();
    /** Set when the task is sent: a load-balanced one may wait for an engine first. */
    volatile long submittedMicros;
    /** The engine it was sent to, or -1 before that. */
    volatile int engine = -1;

    Pending(long id, boolean balanced) {
        this.id = id;
        this.balanced = balanced;
    }

    TaskRecord record() {
        Messages.Result r = result.getNow(null);
        return r == null ? null : new TaskRecord(id, r.engineId(), r.host(), r.node(), r.pid(),
            submittedMicros, r.started(), r.completed());
    }
}
