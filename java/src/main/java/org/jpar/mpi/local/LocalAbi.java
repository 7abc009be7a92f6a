package org.jpar.mpi.local;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.jpar.internal.JparH;
import org.jpar.internal.Memory;
import org.jpar.mpi.Comm;
import org.jpar.mpi.MpiException;
import org.jpar.mpi.ThreadLevel;
import org.jpar.mpi.internal.ElementType;

/**
 * The pure-Java backend: jpar's ABI implemented in this JVM for one rank of a {@link LocalWorld},
 * whose ranks are threads. This class has the lifecycle and communicators;
 * {@link LocalPointToPoint} and {@link LocalCompletion} the messages between two ranks,
 * {@link LocalCollectives} the collectives, {@link LocalTopologies} the Cartesian grids,
 * {@link LocalIntercomms} the intercommunicators.
 */
public final class LocalAbi extends LocalIntercomms {
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

    // ------------------------------------------------- groups, communicators from them, names

    /** Groups: the world ranks of their members, in order. */
    private final Handles<int[]> groups = new Handles<>();
    /** Communicator names set on this rank (MPI keeps them per process). */
    private final Map<Long, String> names = new ConcurrentHashMap<>();
    /** How many times this rank made each createGroup key, so that every member derives alike. */
    private final Map<String, Integer> createGroupRounds = new ConcurrentHashMap<>();

    private static final int MAX_OBJECT_NAME = 128;

    private static int indexOf(int[] members, int worldRank) {
        for (int i = 0; i < members.length; i++) {
            if (members[i] == worldRank) {
                return i;
            }
        }
        return Comm.UNDEFINED;
    }

    private static int comparison(int[] a, int[] b) {
        if (Arrays.equals(a, b)) {
            return JparH.IDENT;
        }
        int[] x = a.clone();
        int[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        return Arrays.equals(x, y) ? JparH.SIMILAR : JparH.UNEQUAL;
    }

    @Override
    int group(long address, int[] members) {
        Memory.putLong(address, groups.add(members));
        return 0;
    }

    @Override
    public int jpar_comm_group(long comm, long group) {
        return group(group, comm(comm).members);
    }

    @Override
    public int jpar_group_size(long group, long size) {
        Memory.putInt(size, groups.get(group).length);
        return 0;
    }

    @Override
    public int jpar_group_rank(long group, long rank) {
        Memory.putInt(rank, indexOf(groups.get(group), me));
        return 0;
    }

    @Override
    public int jpar_group_translate_ranks(long group1, int n, long ranks1, long group2,
                                          long ranks2) {
        int[] from = groups.get(group1);
        int[] to = groups.get(group2);
        for (int i = 0; i < n; i++) {
            int r = Memory.getInt(ranks1 + 4L * i);
            Memory.putInt(ranks2 + 4L * i, r == Comm.PROC_NULL ? Comm.PROC_NULL
                : indexOf(to, from[r]));
        }
        return 0;
    }

    @Override
    public int jpar_group_compare(long group1, long group2, long result) {
        Memory.putInt(result, comparison(groups.get(group1), groups.get(group2)));
        return 0;
    }

    @Override
    public int jpar_group_union(long group1, long group2, long out) {
        int[] a = groups.get(group1);
        IntStream extra = Arrays.stream(groups.get(group2)).filter(r -> indexOf(a, r) < 0);
        return group(out, IntStream.concat(Arrays.stream(a), extra).toArray());
    }

    @Override
    public int jpar_group_intersection(long group1, long group2, long out) {
        int[] b = groups.get(group2);
        return group(out, Arrays.stream(groups.get(group1)).filter(r -> indexOf(b, r) >= 0)
            .toArray());
    }

    @Override
    public int jpar_group_difference(long group1, long group2, long out) {
        int[] b = groups.get(group2);
        return group(out, Arrays.stream(groups.get(group1)).filter(r -> indexOf(b, r) < 0)
            .toArray());
    }

    @Override
    public int jpar_group_incl(long group, int n, long ranks, long out) {
        int[] g = groups.get(group);
        return group(out, Arrays.stream(ints(ranks, n)).map(r -> g[r]).toArray());
    }

    @Override
    public int jpar_group_excl(long group, int n, long ranks, long out) {
        int[] g = groups.get(group);
        int[] gone = ints(ranks, n);
        return group(out, IntStream.range(0, g.length)
            .filter(i -> Arrays.stream(gone).noneMatch(r -> r == i)).map(i -> g[i]).toArray());
    }

    /** The group ranks that n {first, last, stride} triplets name, in order. */
    private static int[] ranked(int n, long ranges) {
        int[] flat = ints(ranges, 3 * n);
        IntStream.Builder out = IntStream.builder();
        for (int i = 0; i < n; i++) {
            int first = flat[3 * i];
            int last = flat[3 * i + 1];
            int stride = flat[3 * i + 2];
            for (int k = first; stride > 0 ? k <= last : k >= last; k += stride) {
                out.add(k);
            }
        }
        return out.build().toArray();
    }

    @Override
    public int jpar_group_range_incl(long group, int n, long ranges, long out) {
        int[] g = groups.get(group);
        return group(out, Arrays.stream(ranked(n, ranges)).map(r -> g[r]).toArray());
    }

    @Override
    public int jpar_group_range_excl(long group, int n, long ranges, long out) {
        int[] g = groups.get(group);
        int[] gone = ranked(n, ranges);
        return group(out, IntStream.range(0, g.length)
            .filter(i -> Arrays.stream(gone).noneMatch(r -> r == i)).map(i -> g[i]).toArray());
    }

    @Override
    public int jpar_group_free(long group) {
        groups.takeAt(group);
        return 0;
    }

    @Override
    public int jpar_comm_create(long comm, long group, long out) {
        return guarded(() -> {
            LocalComm c = comm(comm);
            int rank = rankIn(c);
            String key = c.nextDerivationKey(rank, "create");
            int[] members = groups.get(group);
            c.exchange(rank, null);
            Memory.putLong(out, indexOf(members, me) < 0 ? 0L : world.derive(key, members).id);
        });
    }

    @Override
    public int jpar_comm_create_group(long comm, long group, int tag, long out) {
        int[] members = groups.get(group);
        if (indexOf(members, me) < 0) {
            Memory.putLong(out, 0L);
            return 0;
        }
        // Only the members call, so the key is what each works out alike: the parent, the tag,
        // the members and how many times this rank made that triple before.
        String base = comm + "/createGroup/" + tag + "/" + Arrays.toString(members);
        int round = createGroupRounds.merge(base, 1, Integer::sum);
        Memory.putLong(out, world.derive(base + "/" + round, members).id);
        return 0;
    }

    @Override
    public int jpar_comm_compare(long comm1, long comm2, long result) {
        LocalComm a = comm(comm1);
        LocalComm b = comm(comm2);
        int r = comparison(a.members, b.members);
        Memory.putInt(result, a == b ? JparH.IDENT : r == JparH.IDENT ? JparH.CONGRUENT : r);
        return 0;
    }

    @Override
    public int jpar_comm_idup(long comm, long out, long request) {
        return startCollective(request, () -> jpar_comm_dup(comm, out));
    }

    @Override
    public int jpar_comm_split_type(long comm, int splitType, int key, long out) {
        return jpar_comm_split(comm, splitType == JparH.COMM_TYPE_SHARED ? 0 : Comm.UNDEFINED,
            key, out);
    }

    @Override
    public int jpar_comm_set_name(long comm, long name) {
        java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
        for (long at = name; Memory.getByte(at) != 0 && at - name < MAX_OBJECT_NAME; at++) {
            text.write(Memory.getByte(at));
        }
        names.put(comm, text.toString(java.nio.charset.StandardCharsets.UTF_8));
        return 0;
    }

    @Override
    public int jpar_comm_get_name(long comm, long name, long length) {
        String given = names.get(comm);
        String named = given != null ? given : comm == world.world.id ? "MPI_COMM_WORLD"
            : comm == world.selves[me].id ? "MPI_COMM_SELF" : "";
        return writeText(named, name, length, MAX_OBJECT_NAME);
    }

    @Override
    public int jpar_max_object_name() {
        return MAX_OBJECT_NAME;
    }
}
