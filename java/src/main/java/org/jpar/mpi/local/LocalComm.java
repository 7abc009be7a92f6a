package org.jpar.mpi.local;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.locks.Condition;
import org.jpar.internal.Memory;
import org.jpar.mpi.Comm;

/**
 * A communicator of the pure-Java backend: its members (world ranks), the messages sent to each
 * member and not yet received, the receives each member has posted, and an exchange area through
 * which collectives see every member's arguments. All state is guarded by the world's lock.
 */
final class LocalComm {
    /**
     * Messages up to this size that find no posted receive are buffered and their send completes
     * at once, as Open MPI's shared-memory transport does for small messages; larger ones wait
     * for the receive and are copied once, straight into it.
     */
    static final int EAGER_BYTES = 4096;

    final LocalWorld world;
    final long id;
    /** This group's world ranks: an intercommunicator's local group. */
    final int[] members;
    /** An intercommunicator's remote group; null for an intracommunicator. */
    final int[] remoteMembers;
    /** The key both sides of an intercommunicator share; null for an intracommunicator. */
    final String interKey;
    /**
     * The world ranks whose messages the queues hold, by queue: an intercommunicator's two
     * views share one set of queues, both groups', each view reading from its own group's.
     */
    private final int[] queueMembers;
    private final int localOffset;
    private final int remoteOffset;
    /**
     * For an intercommunicator: both groups as one communicator, the first view's group first,
     * where their collectives meet; null for an intracommunicator.
     */
    final LocalComm union;
    private final int[] rankOfWorld;
    private final ArrayDeque<Envelope>[] unexpected;
    private final ArrayDeque<Envelope>[] posted;
    private final int[] derivations;
    private final Condition collective;
    private Object[] slots;
    private Object[] snapshot;
    private int arrived;
    private long round;

    /** A pending send or a posted receive. */
    static final class Envelope {
        final int source;
        final int tag;
        final long address;
        final long bytes;
        /** The message's bytes of data as MPI counts them: {@link #bytes} less pairs' padding. */
        final long dataBytes;
        final LocalRequest request;
        /** The buffered copy of an eager message, kept reachable while it is queued. */
        final java.nio.ByteBuffer copy;
        /** Runs when the message is received: a buffered send gives back its room. */
        final Runnable onDelivery;

        Envelope(int source, int tag, long address, long bytes, long dataBytes,
                 LocalRequest request) {
            this(source, tag, address, bytes, dataBytes, request, null, null);
        }

        private Envelope(int source, int tag, long address, long bytes, long dataBytes,
                         LocalRequest request, java.nio.ByteBuffer copy, Runnable onDelivery) {
            this.source = source;
            this.tag = tag;
            this.address = address;
            this.bytes = bytes;
            this.dataBytes = dataBytes;
            this.request = request;
            this.copy = copy;
            this.onDelivery = onDelivery;
        }

        /** This message buffered, its send completed; {@code onDelivery} may be null. */
        Envelope buffered(Runnable onDelivery) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocateDirect((int) Math.max(1, bytes));
            long at = Memory.address(b);
            Memory.copy(address, at, bytes);
            request.complete(0, source, tag, dataBytes);
            return new Envelope(source, tag, at, bytes, dataBytes, request, b, onDelivery);
        }

        boolean matches(int wantSource, int wantTag) {
            return (wantSource == Comm.ANY_SOURCE || wantSource == source)
                && (wantTag == Comm.ANY_TAG || wantTag == tag);
        }
    }

    @SuppressWarnings("unchecked")
    LocalComm(LocalWorld world, long id, int[] members) {
        this(world, id, members, null, null, queues(members.length), queues(members.length),
            members, 0, 0, null);
    }

    private LocalComm(LocalWorld world, long id, int[] members, int[] remoteMembers,
                      String interKey, ArrayDeque<Envelope>[] unexpected,
                      ArrayDeque<Envelope>[] posted, int[] queueMembers, int localOffset,
                      int remoteOffset, LocalComm union) {
        this.world = world;
        this.id = id;
        this.union = union;
        this.members = members.clone();
        this.remoteMembers = remoteMembers == null ? null : remoteMembers.clone();
        this.interKey = interKey;
        this.queueMembers = queueMembers.clone();
        this.localOffset = localOffset;
        this.remoteOffset = remoteOffset;
        this.rankOfWorld = new int[world.size];
        Arrays.fill(rankOfWorld, -1);
        for (int i = 0; i < members.length; i++) {
            rankOfWorld[members[i]] = i;
        }
        this.unexpected = unexpected;
        this.posted = posted;
        int n = members.length;
        this.derivations = new int[n];
        this.collective = world.lock.newCondition();
        this.slots = new Object[n];
    }

    @SuppressWarnings("unchecked")
    private static ArrayDeque<Envelope>[] queues(int n) {
        ArrayDeque<Envelope>[] q = new ArrayDeque[n];
        for (int i = 0; i < n; i++) {
            q[i] = new ArrayDeque<>();
        }
        return q;
    }

    /**
     * The two views of an intercommunicator between groups {@code a} and {@code b}, with ids
     * {@code idA} and {@code idB}: each sends into the other's queues and receives from its own.
     */
    static LocalComm[] inter(LocalWorld world, long idA, long idB, String key, int[] a, int[] b) {
        int[] union = new int[a.length + b.length];
        System.arraycopy(a, 0, union, 0, a.length);
        System.arraycopy(b, 0, union, a.length, b.length);
        ArrayDeque<Envelope>[] unexpected = queues(union.length);
        ArrayDeque<Envelope>[] posted = queues(union.length);
        LocalComm both = new LocalComm(world, idA, union);
        return new LocalComm[] {
            new LocalComm(world, idA, a, b, key, unexpected, posted, union, 0, a.length, both),
            new LocalComm(world, idB, b, a, key, unexpected, posted, union, a.length, 0, both)};
    }

    int size() {
        return members.length;
    }

    /** A Cartesian topology's extents and wrap-around, or null for none. */
    private volatile int[] cartDims;
    private volatile boolean[] cartPeriods;

    /** Makes this a Cartesian grid; every member sets the same. */
    void cartesian(int[] dims, boolean[] periods) {
        cartPeriods = periods.clone();
        cartDims = dims.clone();
    }

    /** A graph's sources and destinations of each member, or null for none. */
    private volatile int[][] graphSources;
    private volatile int[][] graphDestinations;
    /** Their weights, or null for an unweighted graph. */
    private volatile int[][] sourceWeights;
    private volatile int[][] destinationWeights;

    /** Makes this a graph; every member sets the same. */
    void graph(int[][] sources, int[][] destinations) {
        graph(sources, destinations, null, null);
    }

    /** Makes this a weighted graph, or unweighted where the weights are null. */
    void graph(int[][] sources, int[][] destinations, int[][] inWeights, int[][] outWeights) {
        sourceWeights = inWeights;
        destinationWeights = outWeights;
        graphDestinations = destinations;
        graphSources = sources;
    }

    int[][] sourceWeights() {
        return sourceWeights;
    }

    int[][] destinationWeights() {
        return destinationWeights;
    }

    int[][] graphSources() {
        return graphSources;
    }

    int[][] graphDestinations() {
        return graphDestinations;
    }

    int[] cartDims() {
        return cartDims;
    }

    boolean[] cartPeriods() {
        return cartPeriods;
    }

    int rankOf(int worldRank) {
        return rankOfWorld[worldRank];
    }

    /** A key that every member computes alike for its next dup or split. */
    String nextDerivationKey(int rank, String what) {
        return id + "/" + (derivations[rank]++) + "/" + what;
    }

    /** For an intercommunicator: this group's rank {@code rank} in {@link #union}. */
    int unionRank(int rank) {
        return localOffset + rank;
    }

    /** For an intercommunicator: the other group's rank {@code rank} in {@link #union}. */
    int remoteUnionRank(int rank) {
        return remoteOffset + rank;
    }

    /** For an intercommunicator: whether this view's group is the first of the two. */
    boolean isFirstGroup() {
        return localOffset == 0;
    }

    /** For an intercommunicator: a key that every member of both groups computes alike. */
    String nextInterKey(int rank, String what) {
        return interKey + "/" + (derivations[rank]++) + "/" + what;
    }

    // Point to point. Callers hold the world's lock.

    /**
     * Delivers to the earliest matching posted receive, or queues as unexpected: buffered, its
     * send done at once, when the send mode allows it ({@code mayBuffer}) and it is at most
     * {@link #EAGER_BYTES}; else it waits for its receive.
     */
    void send(int peer, Envelope message, boolean mayBuffer) {
        int dest = remoteOffset + peer;
        Iterator<Envelope> it = posted[dest].iterator();
        while (it.hasNext()) {
            Envelope receive = it.next();
            if (message.matches(receive.source, receive.tag)) {
                it.remove();
                deliver(message, receive.address, receive.bytes, receive.request);
                return;
            }
        }
        Envelope queued = mayBuffer && message.bytes <= EAGER_BYTES
            ? message.buffered(null) : message;
        if (!queued.request.done) {
            queued.request.comm = this;
            queued.request.queue = dest;
            queued.request.envelope = queued;
        }
        unexpected[dest].addLast(queued);
        world.signal(queueMembers[dest]);
    }

    /**
     * Takes the earliest unexpected message that matches the receive's source and tag (which may
     * be wildcards), or posts the receive.
     */
    void receive(int me, Envelope receive) {
        Envelope message = takeUnexpected(me, receive.source, receive.tag);
        if (message != null) {
            deliver(message, receive.address, receive.bytes, receive.request);
        } else {
            receive.request.comm = this;
            receive.request.queue = localOffset + me;
            receive.request.envelope = receive;
            posted[localOffset + me].addLast(receive);
        }
    }

    /**
     * Takes back the unmatched send or receive of {@code request} (MPI_Cancel) and completes it
     * as cancelled; one already matched is left to complete.
     */
    static void cancel(LocalRequest request) {
        LocalComm c = request.comm;
        Envelope e = request.envelope;
        if (request.done || c == null || e == null) {
            return;
        }
        if (c.posted[request.queue].remove(e) || c.unexpected[request.queue].remove(e)) {
            request.cancelled();
        }
    }

    Envelope peekUnexpected(int me, int source, int tag) {
        for (Envelope e : unexpected[localOffset + me]) {
            if (e.matches(source, tag)) {
                return e;
            }
        }
        return null;
    }

    Envelope takeUnexpected(int me, int source, int tag) {
        Iterator<Envelope> it = unexpected[localOffset + me].iterator();
        while (it.hasNext()) {
            Envelope e = it.next();
            if (e.matches(source, tag)) {
                it.remove();
                return e;
            }
        }
        return null;
    }

    /** The one copy of a message: from the sender's memory straight into the receiver's. */
    static void deliver(Envelope message, long address, long capacity, LocalRequest receiver) {
        long bytes = Math.min(message.bytes, capacity);
        Memory.copy(message.address, address, bytes);
        receiver.complete(message.bytes > capacity ? LocalAbi.ERR_TRUNCATE : 0, message.source,
            message.tag, bytes == message.bytes ? message.dataBytes : bytes);
        if (!message.request.done) {
            message.request.complete(0, message.source, message.tag, message.dataBytes);
        }
        if (message.onDelivery != null) {
            message.onDelivery.run();
        }
    }

    // Collectives.

    /**
     * Deposits {@code mine} and waits until every member has; returns all deposits by rank.
     * Collectives call it twice: once with their arguments, once more (with null) after
     * copying, so that no member's memory is released while another still reads it.
     */
    Object[] exchange(int rank, Object mine) {
        world.lock.lock();
        try {
            world.checkFailure();
            long myRound = round;
            slots[rank] = mine;
            if (++arrived == members.length) {
                snapshot = slots;
                slots = new Object[members.length];
                arrived = 0;
                round++;
                collective.signalAll();
                return snapshot;
            }
            while (round == myRound) {
                world.checkFailure();
                collective.awaitUninterruptibly();
            }
            return snapshot;
        } finally {
            world.lock.unlock();
        }
    }

    /** Wakes members waiting in a collective; the world's lock is held. */
    void wakeAll() {
        collective.signalAll();
    }
}
