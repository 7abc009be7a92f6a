package org.jpar.mpi.local;

import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.function.IntUnaryOperator;
import java.util.function.LongSupplier;
import java.util.function.LongToIntFunction;
import org.jpar.internal.JparH;
import org.jpar.internal.Memory;
import org.jpar.mpi.Comm;
import org.jpar.mpi.internal.ElementType;
import org.jpar.mpi.internal.UserOps;

/**
 * Collectives of the pure-Java backend: each rank deposits its arguments, and each copies what it
 * needs from the others' memory. A nonblocking collective runs the blocking one on a thread of
 * the rank's own, in the order the rank started them.
 */
abstract class LocalCollectives extends LocalCompletion {
    /** Collectives this rank started that have not finished. */
    private final AtomicInteger pending = new AtomicInteger();
    private ExecutorService startedCollectives;
    private volatile Thread startedThread;

    LocalCollectives(LocalWorld world, int worldRank) {
        super(world, worldRank);
    }

    // ------------------------------------------------------------------------- running them

    /**
     * What a rank does in a collective once it sees every rank's deposit: on an
     * intercommunicator, every rank of both groups', by rank in its union.
     */
    interface CollectiveStep {
        void run(int rank, Object[] all);
    }

    /**
     * Runs a collective: every rank deposits, each then copies what it needs from the others'
     * memory, and a second exchange keeps every deposit valid until all ranks are done with it.
     * While collectives this rank started are pending, it runs after them, on their thread, so
     * that every rank meets its collectives in the order it called them, as MPI requires.
     */
    int collective(long comm, Object deposit, CollectiveStep step) {
        IntSupplier run = () -> guarded(() -> {
            LocalComm c = comm(comm);
            int rank = rankIn(c);
            LocalComm meet = c.union == null ? c : c.union;
            int at = c.union == null ? rank : c.unionRank(rank);
            step.run(rank, meet.exchange(at, deposit));
            meet.exchange(at, null);
        });
        if (pending.get() == 0 || Thread.currentThread() == startedThread) {
            return run.getAsInt();
        }
        // What a user op throws on the collectives thread belongs to this call.
        Throwable[] failed = new Throwable[1];
        int rc = CompletableFuture.supplyAsync(() -> {
            try {
                return run.getAsInt();
            } finally {
                failed[0] = UserOps.take();
            }
        }, started()).join();
        if (failed[0] != null) {
            UserOps.record(failed[0]);
        }
        return rc;
    }

    /** The thread that runs this rank's started collectives, one after another. */
    private synchronized ExecutorService started() {
        if (startedCollectives == null) {
            startedCollectives = Executors.newSingleThreadExecutor(task -> {
                Thread t = new Thread(task, "jpar-local-rank-" + me + "-collectives");
                t.setDaemon(true);
                startedThread = t;
                return t;
            });
        }
        return startedCollectives;
    }

    /**
     * Starts a collective: {@code body}, the blocking call, runs on this rank's collectives
     * thread, and the request at {@code request} completes with its code.
     */
    int startCollective(long request, IntSupplier body) {
        LocalRequest r = new LocalRequest(world, me);
        pending.incrementAndGet();
        Memory.putLong(request, requests.add(r));
        started().execute(() -> {
            int rc;
            try {
                rc = body.getAsInt();
            } catch (RuntimeException e) {
                rc = ERR_OTHER;
            } finally {
                pending.decrementAndGet();
            }
            Throwable opFailure = UserOps.take();
            world.lock.lock();
            try {
                r.opFailure = opFailure;
                r.complete(rc, Comm.ANY_SOURCE, Comm.ANY_TAG, 0);
            } finally {
                world.lock.unlock();
            }
        });
        return 0;
    }

    /** Ends the collectives thread, once MPI is finalized. */
    synchronized void stopStarted() {
        if (startedCollectives != null) {
            startedCollectives.shutdown();
        }
    }

    // -------------------------------------------------------------------------------- in place

    /**
     * Runs {@code body} with {@code sendbuf}, or, when it is MPI_IN_PLACE, with a private copy of
     * the {@code bytes} at {@code from} (in this rank's receive buffer): the rank overwrites its
     * buffer while the others still read its deposit.
     */
    private static int inPlace(long sendbuf, LongSupplier from, LongSupplier bytes,
                               LongToIntFunction body) {
        if (sendbuf != JparH.IN_PLACE) {
            return body.applyAsInt(sendbuf);
        }
        long n = bytes.getAsLong();
        ByteBuffer copy = ByteBuffer.allocateDirect((int) Math.max(1, n));
        Memory.copy(from.getAsLong(), Memory.address(copy), n);
        try {
            return body.applyAsInt(Memory.address(copy));
        } finally {
            Reference.reachabilityFence(copy);
        }
    }

    private int ownRank(long comm) {
        return rankIn(comm(comm));
    }

    /** This rank's entry of the int array at {@code array}. */
    private int ownEntry(long array, long comm) {
        return Memory.getInt(array + 4L * ownRank(comm));
    }

    private int sum(long counts, long comm) {
        int total = 0;
        for (int r = 0; r < comm(comm).size(); r++) {
            total += Memory.getInt(counts + 4L * r);
        }
        return total;
    }

    /**
     * The bytes a receive layout spans: counts of {@code type} (or, where {@code types} is an
     * address, of each rank's type) at element displacements (or byte ones, with types).
     */
    private long extent(long counts, long displs, long types, int type, long comm) {
        long end = 0;
        for (int r = 0; r < comm(comm).size(); r++) {
            long count = Memory.getInt(counts + 4L * r);
            long displ = Memory.getInt(displs + 4L * r);
            end = Math.max(end, types != 0L
                ? displ + count * ElementType.of(Memory.getInt(types + 4L * r)).bytes
                : (displ + count) * ElementType.of(type).bytes);
        }
        return end;
    }

    // ---------------------------------------------------------------------------- blocking

    static long bytes(int count, int type) {
        return (long) count * ElementType.of(type).bytes;
    }

    /** Copies {@code block} bytes from each rank's deposit (at an offset) to block r of recvbuf. */
    private static void concatenate(Object[] all, long offsetInSource, long recvbuf, long block) {
        for (int r = 0; r < all.length; r++) {
            Memory.copy((Long) all[r] + offsetInSource, recvbuf + r * block, block);
        }
    }

    @Override
    public int jpar_barrier(long comm) {
        return collective(comm, null, (rank, all) -> { });
    }

    @Override
    public int jpar_bcast(long buf, int count, int type, int root, long comm) {
        return collective(comm, buf, (rank, all) -> {
            if (rank != root) {
                Memory.copy((Long) all[root], buf, bytes(count, type));
            }
        });
    }

    /** Copies rank 0's contribution, then combines the others' in rank order. */
    private static void reduceInto(long recvbuf, Object[] all, int count, int type, int op) {
        Memory.copy((Long) all[0], recvbuf, bytes(count, type));
        for (int r = 1; r < all.length; r++) {
            LocalReduce.combine(recvbuf, (Long) all[r], count, ElementType.of(type), op);
        }
    }

    @Override
    public int jpar_reduce(long sendbuf, long recvbuf, int count, int type, int op, int root,
                           long comm) {
        return inPlace(sendbuf, () -> recvbuf,
            () -> bytes(count, type), in -> {
                return collective(comm, in, (rank, all) -> {
                    if (rank == root) {
                        reduceInto(recvbuf, all, count, type, op);
                    }
                });
            });
    }

    @Override
    public int jpar_allreduce(long sendbuf, long recvbuf, int count, int type, int op,
                              long comm) {
        return inPlace(sendbuf, () -> recvbuf,
            () -> bytes(count, type),
            in -> collective(comm, in, (rank, all) -> reduceInto(recvbuf, all, count, type, op)));
    }

    @Override
    public int jpar_gather(long sendbuf, int sendcount, long recvbuf, int recvcount, int type,
                           int root, long comm) {
        return inPlace(sendbuf, () -> recvbuf + ownRank(comm) * bytes(recvcount, type),
            () -> bytes(recvcount, type), in -> {
                return collective(comm, in, (rank, all) -> {
                    if (rank == root) {
                        concatenate(all, 0, recvbuf, bytes(recvcount, type));
                    }
                });
            });
    }

    @Override
    public int jpar_gatherv(long sendbuf, int sendcount, long recvbuf, long recvcounts,
                            long displs, int type, int root, long comm) {
        return inPlace(sendbuf, () -> recvbuf + bytes(ownEntry(displs, comm), type),
            () -> bytes(sendcount, type), in -> {
                return collective(comm, new long[] {in, sendcount}, (rank, all) -> {
                    if (rank == root) {
                        gatherInto(all, r -> r, all.length, recvbuf, recvcounts, displs, type);
                    }
                });
            });
    }

    /**
     * Copies each of {@code peers} {address, count} deposits (peer r's at {@code slot(r)}) to
     * its displacement in {@code recvbuf}.
     */
    static void gatherInto(Object[] all, IntUnaryOperator slot, int peers, long recvbuf,
                           long recvcounts, long displs, int type) {
        int width = ElementType.of(type).bytes;
        for (int r = 0; r < peers; r++) {
            long[] part = (long[]) all[slot.applyAsInt(r)];
            int n = (int) Math.min(part[1], Memory.getInt(recvcounts + 4L * r));
            Memory.copy(part[0], recvbuf + (long) Memory.getInt(displs + 4L * r) * width,
                (long) n * width);
        }
    }

    @Override
    public int jpar_allgather(long sendbuf, int sendcount, long recvbuf, int recvcount, int type,
                              long comm) {
        return inPlace(sendbuf, () -> recvbuf + ownRank(comm) * bytes(recvcount, type),
            () -> bytes(recvcount, type), in -> collective(comm, in,
                (rank, all) -> concatenate(all, 0, recvbuf, bytes(recvcount, type))));
    }

    @Override
    public int jpar_allgatherv(long sendbuf, int sendcount, long recvbuf, long recvcounts,
                               long displs, int type, long comm) {
        return inPlace(sendbuf, () -> recvbuf + bytes(ownEntry(displs, comm), type),
            () -> bytes(sendcount, type), in -> collective(comm, new long[] {in, sendcount},
                (rank, all) -> gatherInto(all, r -> r, all.length, recvbuf, recvcounts, displs,
                    type)));
    }

    @Override
    public int jpar_scatter(long sendbuf, int sendcount, long recvbuf, int recvcount, int type,
                            int root, long comm) {
        return collective(comm, sendbuf, (rank, all) -> {
            long block = bytes(recvcount, type);
            if (recvbuf != JparH.IN_PLACE) {
                Memory.copy((Long) all[root] + rank * block, recvbuf, block);
            }
        });
    }

    @Override
    public int jpar_scatterv(long sendbuf, long sendcounts, long displs, long recvbuf,
                             int recvcount, int type, int root, long comm) {
        return collective(comm, new long[] {sendbuf, sendcounts, displs}, (rank, all) -> {
            if (recvbuf != JparH.IN_PLACE) {
                scatterFrom((long[]) all[root], rank, recvbuf, recvcount, type);
            }
        });
    }

    /** Copies this rank's block of a root's {address, counts, displs} deposit to recvbuf. */
    static void scatterFrom(long[] source, int rank, long recvbuf, int recvcount, int type) {
        int width = ElementType.of(type).bytes;
        int n = Math.min(recvcount, Memory.getInt(source[1] + 4L * rank));
        Memory.copy(source[0] + (long) Memory.getInt(source[2] + 4L * rank) * width, recvbuf,
            (long) n * width);
    }

    @Override
    public int jpar_alltoall(long sendbuf, int sendcount, long recvbuf, int recvcount, int type,
                             long comm) {
        return inPlace(sendbuf, () -> recvbuf,
            () -> bytes(recvcount, type) * comm(comm).size(), in -> {
                return collective(comm, in, (rank, all) -> {
                    long block = bytes(recvcount, type);
                    concatenate(all, rank * block, recvbuf, block);
                });
            });
    }

    @Override
    public int jpar_alltoallv(long sendbuf, long sendcounts, long sdispls, long recvbuf,
                              long recvcounts, long rdispls, int type, long comm) {
        return inPlace(sendbuf, () -> recvbuf,
            () -> extent(recvcounts, rdispls, 0L, type, comm), in -> {
                return collective(comm, new long[] {in, sendcounts, sdispls}, (rank, all) ->
                    alltoallvInto(all, r -> r, all.length, rank, recvbuf, recvcounts, rdispls,
                        type));
            });
    }

    /**
     * Copies this rank's block of each of {@code peers} {address, counts, displs} deposits
     * (peer r's at {@code slot(r)}) to its place in {@code recvbuf}.
     */
    static void alltoallvInto(Object[] all, IntUnaryOperator slot, int peers, int rank,
                              long recvbuf, long recvcounts, long rdispls, int type) {
        int width = ElementType.of(type).bytes;
        for (int r = 0; r < peers; r++) {
            long[] from = (long[]) all[slot.applyAsInt(r)];
            int n = Math.min(Memory.getInt(from[1] + 4L * rank), Memory.getInt(recvcounts + 4L * r));
            Memory.copy(from[0] + (long) Memory.getInt(from[2] + 4L * rank) * width,
                recvbuf + (long) Memory.getInt(rdispls + 4L * r) * width, (long) n * width);
        }
    }

    @Override
    public int jpar_alltoallw(long sendbuf, long sendcounts, long sdispls, long sendtypes,
                              long recvbuf, long recvcounts, long rdispls, long recvtypes,
                              long comm) {
        return inPlace(sendbuf, () -> recvbuf,
            () -> extent(recvcounts, rdispls, recvtypes, -1, comm), in -> {
                return collective(comm, new long[] {in, sendcounts, sdispls, sendtypes},
                    (rank, all) -> alltoallwInto(all, r -> r, all.length, rank, recvbuf,
                        recvcounts, rdispls, recvtypes));
            });
    }

    /**
     * {@link #alltoallvInto} with a type per peer in the {address, counts, displs, types}
     * deposits and in {@code recvtypes}, displacements in bytes.
     */
    static void alltoallwInto(Object[] all, IntUnaryOperator slot, int peers, int rank,
                              long recvbuf, long recvcounts, long rdispls, long recvtypes) {
        for (int r = 0; r < peers; r++) {
            long[] from = (long[]) all[slot.applyAsInt(r)];
            long sent = Memory.getInt(from[1] + 4L * rank)
                * (long) ElementType.of(Memory.getInt(from[3] + 4L * rank)).bytes;
            long room = Memory.getInt(recvcounts + 4L * r)
                * (long) ElementType.of(Memory.getInt(recvtypes + 4L * r)).bytes;
            Memory.copy(from[0] + Memory.getInt(from[2] + 4L * rank),
                recvbuf + Memory.getInt(rdispls + 4L * r), Math.min(sent, room));
        }
    }

    /** Combines ranks {@code from} to {@code to - 1}'s deposits in rank order into recvbuf. */
    private static void reduceRange(long recvbuf, Object[] all, int from, int to, long offset,
                                    int count, int type, int op) {
        Memory.copy((Long) all[from] + offset, recvbuf, bytes(count, type));
        for (int r = from + 1; r < to; r++) {
            LocalReduce.combine(recvbuf, (Long) all[r] + offset, count, ElementType.of(type), op);
        }
    }

    @Override
    public int jpar_scan(long sendbuf, long recvbuf, int count, int type, int op, long comm) {
        return inPlace(sendbuf, () -> recvbuf,
            () -> bytes(count, type), in -> collective(comm, in,
                (rank, all) -> reduceRange(recvbuf, all, 0, rank + 1, 0, count, type, op)));
    }

    @Override
    public int jpar_exscan(long sendbuf, long recvbuf, int count, int type, int op, long comm) {
        return inPlace(sendbuf, () -> recvbuf,
            () -> bytes(count, type), in -> {
                return collective(comm, in, (rank, all) -> {
                    if (rank > 0) {
                        reduceRange(recvbuf, all, 0, rank, 0, count, type, op);
                    }
                });
            });
    }

    @Override
    public int jpar_reduce_scatter_block(long sendbuf, long recvbuf, int recvcount, int type,
                                         int op, long comm) {
        return inPlace(sendbuf, () -> recvbuf,
            () -> bytes(recvcount, type) * comm(comm).size(),
            in -> collective(comm, in, (rank, all) -> reduceRange(recvbuf, all, 0, all.length,
                rank * bytes(recvcount, type), recvcount, type, op)));
    }

    @Override
    public int jpar_reduce_scatter(long sendbuf, long recvbuf, long recvcounts, int type, int op,
                                   long comm) {
        return inPlace(sendbuf, () -> recvbuf,
            () -> bytes(sum(recvcounts, comm), type), in -> {
                return collective(comm, in, (rank, all) -> {
                    long offset = 0;
                    for (int r = 0; r < rank; r++) {
                        offset += Memory.getInt(recvcounts + 4L * r);
                    }
                    reduceRange(recvbuf, all, 0, all.length, offset * ElementType.of(type).bytes,
                        Memory.getInt(recvcounts + 4L * rank), type, op);
                });
            });
    }

    /** User ops need nothing of this backend: {@link LocalReduce} calls them by number. */
    @Override
    public int jpar_op_create(int slot, int commute, long function) {
        return slot < 0 || slot >= JparH.USER_OPS ? LocalAbi.ERR_ARG : 0;
    }

    @Override
    public int jpar_op_free(int slot) {
        return slot < 0 || slot >= JparH.USER_OPS ? LocalAbi.ERR_ARG : 0;
    }

    @Override
    public int jpar_reduce_local(long inbuf, long inoutbuf, int count, int type, int op) {
        if (type < 0 || type >= ElementType.values().length) {
            return LocalAbi.ERR_ARG;
        }
        LocalReduce.reduceLocal(inbuf, inoutbuf, count, ElementType.of(type), op);
        return 0;
    }

    // ------------------------------------------------------------------------- nonblocking

    @Override
    public int jpar_ibarrier(long comm, long request) {
        return startCollective(request, () -> jpar_barrier(comm));
    }

    @Override
    public int jpar_ibcast(long buf, int count, int type, int root, long comm, long request) {
        return startCollective(request, () -> jpar_bcast(buf, count, type, root, comm));
    }

    @Override
    public int jpar_ireduce(long sendbuf, long recvbuf, int count, int type, int op, int root,
                            long comm, long request) {
        return startCollective(request,
            () -> jpar_reduce(sendbuf, recvbuf, count, type, op, root, comm));
    }

    @Override
    public int jpar_iallreduce(long sendbuf, long recvbuf, int count, int type, int op, long comm,
                               long request) {
        return startCollective(request,
            () -> jpar_allreduce(sendbuf, recvbuf, count, type, op, comm));
    }

    @Override
    public int jpar_igather(long sendbuf, int sendcount, long recvbuf, int recvcount, int type,
                            int root, long comm, long request) {
        return startCollective(request,
            () -> jpar_gather(sendbuf, sendcount, recvbuf, recvcount, type, root, comm));
    }

    @Override
    public int jpar_igatherv(long sendbuf, int sendcount, long recvbuf, long recvcounts,
                             long displs, int type, int root, long comm, long request) {
        return startCollective(request,
            () -> jpar_gatherv(sendbuf, sendcount, recvbuf, recvcounts, displs, type, root, comm));
    }

    @Override
    public int jpar_iallgather(long sendbuf, int sendcount, long recvbuf, int recvcount, int type,
                               long comm, long request) {
        return startCollective(request,
            () -> jpar_allgather(sendbuf, sendcount, recvbuf, recvcount, type, comm));
    }

    @Override
    public int jpar_iallgatherv(long sendbuf, int sendcount, long recvbuf, long recvcounts,
                                long displs, int type, long comm, long request) {
        return startCollective(request,
            () -> jpar_allgatherv(sendbuf, sendcount, recvbuf, recvcounts, displs, type, comm));
    }

    @Override
    public int jpar_iscatter(long sendbuf, int sendcount, long recvbuf, int recvcount, int type,
                             int root, long comm, long request) {
        return startCollective(request,
            () -> jpar_scatter(sendbuf, sendcount, recvbuf, recvcount, type, root, comm));
    }

    @Override
    public int jpar_iscatterv(long sendbuf, long sendcounts, long displs, long recvbuf,
                              int recvcount, int type, int root, long comm, long request) {
        return startCollective(request, () -> jpar_scatterv(sendbuf, sendcounts, displs, recvbuf,
            recvcount, type, root, comm));
    }

    @Override
    public int jpar_ialltoall(long sendbuf, int sendcount, long recvbuf, int recvcount, int type,
                              long comm, long request) {
        return startCollective(request,
            () -> jpar_alltoall(sendbuf, sendcount, recvbuf, recvcount, type, comm));
    }

    @Override
    public int jpar_ialltoallv(long sendbuf, long sendcounts, long sdispls, long recvbuf,
                               long recvcounts, long rdispls, int type, long comm, long request) {
        return startCollective(request, () -> jpar_alltoallv(sendbuf, sendcounts, sdispls, recvbuf,
            recvcounts, rdispls, type, comm));
    }

    @Override
    public int jpar_ialltoallw(long sendbuf, long sendcounts, long sdispls, long sendtypes,
                               long recvbuf, long recvcounts, long rdispls, long recvtypes,
                               long comm, long workspace, long request) {
        return startCollective(request,
            () -> jpar_alltoallw(sendbuf, sendcounts, sdispls, sendtypes, recvbuf, recvcounts,
                rdispls, recvtypes, comm));
    }

    @Override
    public int jpar_iscan(long sendbuf, long recvbuf, int count, int type, int op, long comm,
                          long request) {
        return startCollective(request, () -> jpar_scan(sendbuf, recvbuf, count, type, op, comm));
    }

    @Override
    public int jpar_iexscan(long sendbuf, long recvbuf, int count, int type, int op, long comm,
                            long request) {
        return startCollective(request, () -> jpar_exscan(sendbuf, recvbuf, count, type, op, comm));
    }

    @Override
    public int jpar_ireduce_scatter(long sendbuf, long recvbuf, long recvcounts, int type, int op,
                                    long comm, long request) {
        return startCollective(request,
            () -> jpar_reduce_scatter(sendbuf, recvbuf, recvcounts, type, op, comm));
    }

    @Override
    public int jpar_ireduce_scatter_block(long sendbuf, long recvbuf, int recvcount, int type,
                                          int op, long comm, long request) {
        return startCollective(request,
            () -> jpar_reduce_scatter_block(sendbuf, recvbuf, recvcount, type, op, comm));
    }
}
