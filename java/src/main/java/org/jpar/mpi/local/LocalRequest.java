package org.jpar.mpi.local;

import org.jpar.mpi.internal.StatusLayout;

/** A send or receive of the pure-Java backend, completed under the world's lock. */
final class LocalRequest {
    private final LocalWorld world;
    private final int owner;
    boolean done;
    int error;
    int source;
    int tag;
    long bytes;

    LocalRequest(LocalWorld world, int ownerWorldRank) {
        this.world = world;
        this.owner = ownerWorldRank;
    }

    /** Marks the request done and wakes its rank; the world's lock is held. */
    void complete(int errorCode, int fromSource, int withTag, long byteCount) {
        done = true;
        error = errorCode;
        source = fromSource;
        tag = withTag;
        bytes = byteCount;
        world.signal(owner);
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
        StatusLayout.write(status, source, tag, error, bytes);
    }

}
