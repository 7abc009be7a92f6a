package org.jpar.mpi;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the ranks of the pure-Java backend share: one lock, a condition per rank (for its
 * requests and probes), the communicators by id, and the first failure, which releases every
 * waiting rank. Ranks that wait block on their condition; they never spin.
 */
final class LocalWorld {
    final ReentrantLock lock = new ReentrantLock();
    final int size;
    final Condition[] rankSignals;
    final LocalComm world;
    final LocalComm[] selves;
    private final Map<Long, LocalComm> byId = new ConcurrentHashMap<>();
    private final Map<String, LocalComm> derived = new ConcurrentHashMap<>();
    private long nextId = 1;
    private volatile Throwable failure;
    private volatile int failedRank = -1;

    LocalWorld(int size) {
        this.size = size;
        this.rankSignals = new Condition[size];
        for (int r = 0; r < size; r++) {
            rankSignals[r] = lock.newCondition();
        }
        int[] all = new int[size];
        for (int r = 0; r < size; r++) {
            all[r] = r;
        }
        lock.lock();
        try {
            this.world = register(all);
            this.selves = new LocalComm[size];
            for (int r = 0; r < size; r++) {
                selves[r] = register(new int[] {r});
            }
        } finally {
            lock.unlock();
        }
    }

    private LocalComm register(int[] members) {
        LocalComm comm = new LocalComm(this, nextId++, members);
        byId.put(comm.id, comm);
        return comm;
    }

    LocalComm comm(long id) {
        return byId.get(id);
    }

    /**
     * The communicator that every member of a dup or split derives under one key: the first
     * member to arrive makes it, the others find it.
     */
    LocalComm derive(String key, int[] members) {
        lock.lock();
        try {
            LocalComm existing = derived.get(key);
            if (existing == null) {
                existing = register(members);
                derived.put(key, existing);
            }
            return existing;
        } finally {
            lock.unlock();
        }
    }

    /** Records the first failure and wakes every waiting rank so it can give up. */
    void fail(int rank, Throwable error) {
        lock.lock();
        try {
            if (failure == null) {
                failure = error;
                failedRank = rank;
            }
            for (Condition c : rankSignals) {
                c.signalAll();
            }
            for (LocalComm comm : byId.values()) {
                comm.wakeAll();
            }
        } finally {
            lock.unlock();
        }
    }

    Throwable failure() {
        return failure;
    }

    int failedRank() {
        return failedRank;
    }

    /** Thrown inside the backend when a peer failed; becomes an error code at the ABI. */
    static final class PeerFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PeerFailed() {
            super(null, null, false, false);
        }
    }

    void checkFailure() {
        if (failure != null) {
            throw new PeerFailed();
        }
    }
}
