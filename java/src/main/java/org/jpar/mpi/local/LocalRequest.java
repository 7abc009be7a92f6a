package org.jpar.mpi.local;

import org.jpar.mpi.Comm;
import org.jpar.mpi.internal.StatusLayout;

/**
 * A send or receive of the pure-Java backend, completed under the world's lock. A persistent one
 * keeps how to start it, and starts again after each completion.
 */
final class LocalRequest {
    /** Starts (again) the operation of a persistent request. */
    interface Starter {
        void start(LocalRequest request);
    }

    private final LocalWorld world;
    private final int owner;
    /** How to start it again: null unless persistent. */
    final Starter starter;
    /** In flight: from its start until a wait or test takes its completion. */
    boolean active;
    boolean done;
    boolean cancelled;
    int error;
    int source;
    int tag;
    long bytes;
    /** Where its envelope waits while unmatched, so that a cancel can take it back. */
    LocalComm comm;
    int queue;
    LocalComm.Envelope envelope;
    /** What a user op threw while this started collective ran, for the thread that completes it. */
    Throwable opFailure;

    LocalRequest(LocalWorld world, int ownerWorldRank) {
        this(world, ownerWorldRank, null);
    }

    LocalRequest(LocalWorld world, int ownerWorldRank, Starter starter) {
        this.world = world;
        this.owner = ownerWorldRank;
        this.starter = starter;
        this.active = starter == null;
    }

    boolean persistent() {
        return starter != null;
    }

    /** Clears the last completion for a new start of a persistent request. */
    void restart() {
        done = false;
        cancelled = false;
        error = 0;
        envelope = null;
    }

    /** Marks the request done and wakes its rank; the world's lock is held. */
    void complete(int errorCode, int fromSource, int withTag, long byteCount) {
        done = true;
        error = errorCode;
        source = fromSource;
        tag = withTag;
        bytes = byteCount;
        envelope = null;
        world.signal(owner);
    }

    /** Completes it as cancelled; the world's lock is held. */
    void cancelled() {
        complete(0, Comm.ANY_SOURCE, Comm.ANY_TAG, 0);
        cancelled = true;
    }

    /** Waits until done; the world's lock is held. */
    void await() {
        while (!done) {
            world.checkFailure();
            world.await(owner);
        }
    }

    /** Writes the status in jpar.h's layout at {@code status}, if not 0. */
    void writeStatus(long status) {
        StatusLayout.write(status, source, tag, error, bytes, cancelled);
    }
}
