package org.jpar.mpi.local;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the ranks of the pure-Java backend share: one lock, a condition per rank (for its
 * requests and probes), the communicators by id, and the first failure, which releases every
 * waiting rank. A rank that waits first polls for up to {@value #SPIN_NANOS} ns with the lock
 * released, yielding the CPU between looks, then blocks on its condition: an answer that comes
 * within that costs no thread wake-up (tens of microseconds on a virtual machine whose CPU went
 * idle), and a rank that waits longer costs no CPU. It yields rather than pauses: on a virtual
 * machine a PAUSE loop can make the hypervisor take the CPU away (ping-pong got 3x slower).
 */
public final class LocalWorld {
    private static final long SPIN_NANOS = 20_000;
    private static final boolean SPIN = Runtime.getRuntime().availableProcessors() > 1;

    final ReentrantLock lock = new ReentrantLock();
    final int size;
    private final Condition[] rankSignals;
    /** Signals sent to each rank so far: what a polling rank watches. */
    private final AtomicLongArray signals;
    final LocalComm world;
    final LocalComm[] selves;
    private final Map<Long, LocalComm> byId = new ConcurrentHashMap<>();
    private final Map<String, LocalComm> derived = new ConcurrentHashMap<>();
    private final Map<String, LocalComm[]> derivedInter = new ConcurrentHashMap<>();
    /** Values a leader gave and the other has not taken: mine, theirs, the first's rank. */
    private final Map<String, Object[]> meetings = new java.util.HashMap<>();
    private final Map<String, Integer> meetingCounts = new ConcurrentHashMap<>();
    private long nextId = 1;
    private volatile Throwable failure;
    private volatile int failedRank = -1;

    /** A world of {@code size} ranks. */
    public LocalWorld(int size) {
        this.size = size;
        this.rankSignals = new Condition[size];
        this.signals = new AtomicLongArray(size);
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

    /**
     * The two views of the intercommunicator that both groups derive under one key, between
     * groups {@code a} and {@code b}: the first member to arrive makes it.
     */
    LocalComm[] deriveInter(String key, int[] a, int[] b) {
        lock.lock();
        try {
            LocalComm[] pair = derivedInter.get(key);
            if (pair == null) {
                pair = LocalComm.inter(this, nextId++, nextId++, key, a, b);
                byId.put(pair[0].id, pair[0]);
                byId.put(pair[1].id, pair[1]);
                derivedInter.put(key, pair);
            }
            return pair;
        } finally {
            lock.unlock();
        }
    }

    /** How many meetings under {@code prefix} {@code rank} has had: its next one's number. */
    int nextMeeting(String prefix, int rank) {
        return meetingCounts.merge(prefix + "#" + rank, 1, Integer::sum) - 1;
    }

    /**
     * Where two ranks (an intercommunicator's leaders) trade values: each gives {@code mine}
     * under the key they share and gets the other's, waiting for it.
     */
    Object meet(String key, int rank, Object mine) {
        lock.lock();
        try {
            Object[] slot = meetings.computeIfAbsent(key, k -> new Object[3]);
            if (slot[0] == null) {
                slot[0] = mine;
                slot[2] = rank;
                while (slot[1] == null) {
                    checkFailure();
                    await(rank);
                }
                meetings.remove(key);
                return slot[1];
            }
            slot[1] = mine;
            signal((Integer) slot[2]);
            return slot[0];
        } finally {
            lock.unlock();
        }
    }

    /** Records the first failure and wakes every waiting rank so it can give up. */
    public void fail(int rank, Throwable error) {
        lock.lock();
        try {
            if (failure == null) {
                failure = error;
                failedRank = rank;
            }
            for (int r = 0; r < size; r++) {
                signal(r);
            }
            for (LocalComm comm : byId.values()) {
                comm.wakeAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Wakes {@code rank}'s waits; the lock is held. */
    void signal(int rank) {
        signals.incrementAndGet(rank);
        rankSignals[rank].signalAll();
    }

    /**
     * Waits, the lock held, until {@code rank} is signalled (or spuriously, as conditions do:
     * callers re-check in a loop).
     */
    void await(int rank) {
        long seen = signals.get(rank);
        if (SPIN) {
            lock.unlock();
            try {
                long deadline = System.nanoTime() + SPIN_NANOS;
                while (signals.get(rank) == seen && System.nanoTime() < deadline) {
                    Thread.yield();
                }
            } finally {
                lock.lock();
            }
        }
        // Signals need the lock, so none can slip in between this check and the await.
        if (signals.get(rank) == seen) {
            rankSignals[rank].awaitUninterruptibly();
        }
    }

    public Throwable failure() {
        return failure;
    }

    public int failedRank() {
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
