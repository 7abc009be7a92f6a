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
 * whose ranks are threads. This class has the lifecycle and communicators;
 * {@link LocalPointToPoint} and {@link LocalCompletion} the messages between two ranks,
 * {@link LocalCollectives} the collectives.
 */
public final class LocalAbi extends LocalCollectives {
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
        stopStarted();
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
}
