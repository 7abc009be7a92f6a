package org.jpar.mpi.local;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jpar.internal.Memory;
import org.jpar.mpi.Comm;
import org.jpar.mpi.MpiException;
import org.jpar.mpi.ThreadLevel;
import org.jpar.mpi.internal.ElementType;

/**
 * The pure-Java backend: jpar's ABI implemented in this JVM for one rank of a {@link LocalWorld},
 * whose ranks are threads. This class has the lifecycle, communicators and collectives;
 * {@link LocalPointToPoint} and {@link LocalCompletion} the messages between two ranks. Collectives exchange addresses and
 * each rank copies what it needs.
 */
public final class LocalAbi extends LocalCompletion {
    static final int ERR_ARG = -22;
    private static final int MAX_NAME = 256;
    private static final int MAX_ERROR = 256;

    private volatile boolean initialized;
    private volatile boolean finalized;

    /** Rank {@code worldRank} of {@code world}. */
    public LocalAbi(LocalWorld world, int worldRank) {
        super(world, worldRank);
    }

    LocalWorld world() {
        return world;
    }

    // ------------------------------------------------------------------------------ lifecycle

    @Override
    public int jpar_init(int required, long provided) {
        initialized = true;
        Memory.putInt(provided, ThreadLevel.MULTIPLE.ordinal());
        return 0;
    }

    @Override
    public int jpar_finalize() {
        finalized = true;
        return 0;
    }

    @Override
    public int jpar_initialized(long flag) {
        Memory.putInt(flag, initialized ? 1 : 0);
        return 0;
    }

    @Override
    public int jpar_finalized(long flag) {
        Memory.putInt(flag, finalized ? 1 : 0);
        return 0;
    }

    @Override
    public int jpar_abort(long comm, int code) {
        world.fail(me, new MpiException("abort", "rank " + me + " aborted the job with code "
            + code, null));
        return 0;
    }

    @Override
    public double jpar_wtime() {
        return System.nanoTime() / 1e9;
    }

    @Override
    public int jpar_max_processor_name() {
        return MAX_NAME;
    }

    @Override
    public int jpar_processor_name(long name, long length) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return writeText(host, name, length, MAX_NAME);
    }

    @Override
    public int jpar_error_string(int code, long text, long length) {
        String message = switch (code) {
            case 0 -> "MPI_SUCCESS: no errors";
            case ERR_TRUNCATE -> "MPI_ERR_TRUNCATE: message truncated";
            case ERR_OTHER -> "MPI_ERR_OTHER: rank " + world.failedRank()
                + " of the local backend failed: " + world.failure();
            case ERR_ARG -> "jpar: invalid type, op or thread level number";
            default -> "unknown error " + code;
        };
        return writeText(message, text, length, MAX_ERROR);
    }

    @Override
    public int jpar_error_class(int code, long errorClass) {
        Memory.putInt(errorClass, code == ERR_ARG ? 13 : code);
        return 0;
    }

    @Override
    public int jpar_max_library_version() {
        return MAX_NAME;
    }

    @Override
    public int jpar_library_version(long text, long length) {
        return writeText("jpar local backend: ranks are threads of one JVM (Java "
            + Runtime.version() + ")", text, length, MAX_NAME);
    }

    @Override
    public int jpar_max_error_string() {
        return MAX_ERROR;
    }

    // -------------------------------------------------------------------------- communicators

    @Override
    public long jpar_comm_null() {
        return 0L;
    }

    @Override
    public long jpar_comm_world() {
        return world.world.id;
    }

    @Override
    public long jpar_comm_self() {
        return world.selves[me].id;
    }

    @Override
    public int jpar_comm_rank(long comm, long rank) {
        Memory.putInt(rank, rankIn(comm(comm)));
        return 0;
    }

    @Override
    public int jpar_comm_size(long comm, long size) {
        Memory.putInt(size, comm(comm).size());
        return 0;
    }

    @Override
    public int jpar_comm_tag_ub(long comm, long tagUb) {
        Memory.putInt(tagUb, Integer.MAX_VALUE);
        return 0;
    }

    @Override
    public int jpar_comm_dup(long comm, long out) {
        return guarded(() -> {
            LocalComm c = comm(comm);
            String key = c.nextDerivationKey(rankIn(c), "dup");
            c.exchange(rankIn(c), null);
            Memory.putLong(out, world.derive(key, c.members).id);
        });
    }

    @Override
    public int jpar_comm_split(long comm, int color, int key, long out) {
        return guarded(() -> {
            LocalComm c = comm(comm);
            int rank = rankIn(c);
            String derivation = c.nextDerivationKey(rank, "split/" + color);
            Object[] all = c.exchange(rank, new int[] {color, key});
            if (color == Comm.UNDEFINED) {
                Memory.putLong(out, 0L);
                return;
            }
            List<Integer> group = new ArrayList<>();
            for (int r = 0; r < all.length; r++) {
                if (((int[]) all[r])[0] == color) {
                    group.add(r);
                }
            }
            group.sort(Comparator.<Integer>comparingInt(r -> ((int[]) all[r])[1])
                .thenComparingInt(r -> r));
            int[] members = group.stream().mapToInt(r -> c.members[r]).toArray();
            Memory.putLong(out, world.derive(derivation, members).id);
        });
    }

    @Override
    public int jpar_comm_free(long comm) {
        Memory.putLong(comm, 0L);
        return 0;
    }

    // ----------------------------------------------------------------------------- collectives

    /** What a rank does in a collective once it sees every rank's deposit. */
    private interface CollectiveStep {
        void run(int rank, Object[] all);
    }

    /**
     * Runs a collective: every rank deposits, each then copies what it needs from the others'
     * memory, and a second exchange keeps every deposit valid until all ranks are done with it.
     */
    private int collective(long comm, Object deposit, CollectiveStep step) {
        return guarded(() -> {
            LocalComm c = comm(comm);
            int rank = rankIn(c);
            step.run(rank, c.exchange(rank, deposit));
            c.exchange(rank, null);
        });
    }

    private static long bytes(int count, int type) {
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
        return collective(comm, sendbuf, (rank, all) -> {
            if (rank == root) {
                reduceInto(recvbuf, all, count, type, op);
            }
        });
    }

    @Override
    public int jpar_allreduce(long sendbuf, long recvbuf, int count, int type, int op,
                              long comm) {
        return collective(comm, sendbuf, (rank, all) -> reduceInto(recvbuf, all, count, type, op));
    }

    @Override
    public int jpar_gather(long sendbuf, int sendcount, long recvbuf, int recvcount, int type,
                           int root, long comm) {
        return collective(comm, sendbuf, (rank, all) -> {
            if (rank == root) {
                concatenate(all, 0, recvbuf, bytes(recvcount, type));
            }
        });
    }

    @Override
    public int jpar_gatherv(long sendbuf, int sendcount, long recvbuf, long recvcounts,
                            long displs, int type, int root, long comm) {
        return collective(comm, new long[] {sendbuf, sendcount}, (rank, all) -> {
            if (rank == root) {
                gatherInto(all, recvbuf, recvcounts, displs, type);
            }
        });
    }

    /** Copies every rank's {address, count} deposit to its displacement in {@code recvbuf}. */
    private static void gatherInto(Object[] all, long recvbuf, long recvcounts, long displs,
                                   int type) {
        int width = ElementType.of(type).bytes;
        for (int r = 0; r < all.length; r++) {
            long[] part = (long[]) all[r];
            int n = (int) Math.min(part[1], Memory.getInt(recvcounts + 4L * r));
            Memory.copy(part[0], recvbuf + (long) Memory.getInt(displs + 4L * r) * width,
                (long) n * width);
        }
    }

    @Override
    public int jpar_allgather(long sendbuf, int sendcount, long recvbuf, int recvcount, int type,
                              long comm) {
        return collective(comm, sendbuf,
            (rank, all) -> concatenate(all, 0, recvbuf, bytes(recvcount, type)));
    }

    @Override
    public int jpar_allgatherv(long sendbuf, int sendcount, long recvbuf, long recvcounts,
                               long displs, int type, long comm) {
        return collective(comm, new long[] {sendbuf, sendcount},
            (rank, all) -> gatherInto(all, recvbuf, recvcounts, displs, type));
    }

    @Override
    public int jpar_scatter(long sendbuf, int sendcount, long recvbuf, int recvcount, int type,
                            int root, long comm) {
        return collective(comm, sendbuf, (rank, all) -> {
            long block = bytes(recvcount, type);
            Memory.copy((Long) all[root] + rank * block, recvbuf, block);
        });
    }

    @Override
    public int jpar_scatterv(long sendbuf, long sendcounts, long displs, long recvbuf,
                             int recvcount, int type, int root, long comm) {
        return collective(comm, new long[] {sendbuf, sendcounts, displs}, (rank, all) -> {
            long[] source = (long[]) all[root];
            int width = ElementType.of(type).bytes;
            int n = Math.min(recvcount, Memory.getInt(source[1] + 4L * rank));
            Memory.copy(source[0] + (long) Memory.getInt(source[2] + 4L * rank) * width, recvbuf,
                (long) n * width);
        });
    }

    @Override
    public int jpar_alltoall(long sendbuf, int sendcount, long recvbuf, int recvcount, int type,
                             long comm) {
        return collective(comm, sendbuf, (rank, all) -> {
            long block = bytes(recvcount, type);
            concatenate(all, rank * block, recvbuf, block);
        });
    }

    @Override
    public int jpar_alltoallv(long sendbuf, long sendcounts, long sdispls, long recvbuf,
                              long recvcounts, long rdispls, int type, long comm) {
        int width = ElementType.of(type).bytes;
        return collective(comm, new long[] {sendbuf, sendcounts, sdispls}, (rank, all) -> {
            for (int r = 0; r < all.length; r++) {
                long[] from = (long[]) all[r];
                int n = Math.min(Memory.getInt(from[1] + 4L * rank),
                    Memory.getInt(recvcounts + 4L * r));
                Memory.copy(from[0] + (long) Memory.getInt(from[2] + 4L * rank) * width,
                    recvbuf + (long) Memory.getInt(rdispls + 4L * r) * width, (long) n * width);
            }
        });
    }

    @Override
    public int jpar_alltoallw(long sendbuf, long sendcounts, long sdispls, long sendtypes,
                              long recvbuf, long recvcounts, long rdispls, long recvtypes,
                              long comm) {
        return collective(comm, new long[] {sendbuf, sendcounts, sdispls, sendtypes},
            (rank, all) -> {
                for (int r = 0; r < all.length; r++) {
                    long[] from = (long[]) all[r];
                    long sent = Memory.getInt(from[1] + 4L * rank)
                        * (long) ElementType.of(Memory.getInt(from[3] + 4L * rank)).bytes;
                    long room = Memory.getInt(recvcounts + 4L * r)
                        * (long) ElementType.of(Memory.getInt(recvtypes + 4L * r)).bytes;
                    Memory.copy(from[0] + Memory.getInt(from[2] + 4L * rank),
                        recvbuf + Memory.getInt(rdispls + 4L * r), Math.min(sent, room));
                }
            });
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
        return collective(comm, sendbuf,
            (rank, all) -> reduceRange(recvbuf, all, 0, rank + 1, 0, count, type, op));
    }

    @Override
    public int jpar_exscan(long sendbuf, long recvbuf, int count, int type, int op, long comm) {
        return collective(comm, sendbuf, (rank, all) -> {
            if (rank > 0) {
                reduceRange(recvbuf, all, 0, rank, 0, count, type, op);
            }
        });
    }

    @Override
    public int jpar_reduce_scatter_block(long sendbuf, long recvbuf, int recvcount, int type,
                                         int op, long comm) {
        return collective(comm, sendbuf, (rank, all) -> reduceRange(recvbuf, all, 0, all.length,
            rank * bytes(recvcount, type), recvcount, type, op));
    }

    @Override
    public int jpar_reduce_scatter(long sendbuf, long recvbuf, long recvcounts, int type, int op,
                                   long comm) {
        return collective(comm, sendbuf, (rank, all) -> {
            long offset = 0;
            for (int r = 0; r < rank; r++) {
                offset += Memory.getInt(recvcounts + 4L * r);
            }
            reduceRange(recvbuf, all, 0, all.length, offset * ElementType.of(type).bytes,
                Memory.getInt(recvcounts + 4L * rank), type, op);
        });
    }

    @Override
    public int jpar_reduce_local(long inbuf, long inoutbuf, int count, int type, int op) {
        if (type < 0 || type >= ElementType.values().length) {
            return ERR_ARG;
        }
        LocalReduce.combine(inoutbuf, inbuf, count, ElementType.of(type), op);
        return 0;
    }
}
