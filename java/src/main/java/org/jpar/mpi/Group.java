package org.jpar.mpi;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.jpar.mpi.binding.MpiAbi;
import org.jpar.mpi.internal.MpiErrors;
import org.jpar.mpi.internal.Scratch;

/**
 * An ordered set of processes (MPI_Group), from {@link Comm#group()}: ranks within it, set
 * operations that make new groups, and the source of new communicators
 * ({@link Intracomm#create}, {@link Intracomm#createGroup}). Free a group when done with it.
 *
 * <p>Bad ranks or ranges are {@link IllegalArgumentException}s before any native call; a freed
 * group is an {@link IllegalStateException}.
 */
public final class Group {
    private final Mpi mpi;
    private final MpiAbi abi;
    private long handle;
    private final int size;
    private final int rank;

    Group(Mpi mpi, long handle) {
        this.mpi = mpi;
        this.abi = mpi.abi;
        this.handle = handle;
        Scratch s = Scratch.get();
        check(abi.jpar_group_size(handle, s.outAddress + Scratch.INT), "size");
        this.size = s.out.getInt(Scratch.INT);
        check(abi.jpar_group_rank(handle, s.outAddress + Scratch.INT), "rank");
        this.rank = s.out.getInt(Scratch.INT);
    }

    /** The number of processes in the group. */
    public int size() {
        return size;
    }

    /** This process's rank in the group, or {@link Comm#UNDEFINED} if it is not a member. */
    public int rank() {
        return rank;
    }

    long handle(String call) {
        mpi.checkOpen(call);
        if (handle == 0L) {
            throw new IllegalStateException("group is freed: call=" + call);
        }
        return handle;
    }

    /**
     * The ranks in {@code other} of the processes with {@code ranks} in this group
     * (MPI_Group_translate_ranks): {@link Comm#UNDEFINED} for one that is not in {@code other},
     * {@link Comm#PROC_NULL} for {@link Comm#PROC_NULL}.
     *
     * @throws IllegalArgumentException for a rank outside this group
     */
    public int[] translateRanks(int[] ranks, Group other) {
        Objects.requireNonNull(ranks, "ranks must not be null");
        for (int r : ranks) {
            if ((r < 0 || r >= size) && r != Comm.PROC_NULL) {
                throw new IllegalArgumentException("ranks must be from 0 to " + (size - 1)
                    + " or PROC_NULL: rank=" + r);
            }
        }
        long mine = handle("translateRanks");
        long theirs = Objects.requireNonNull(other, "other must not be null")
            .handle("translateRanks");
        Scratch s = Scratch.get();
        ByteBuffer area = s.slot(Scratch.COUNTS, 8L * Math.max(1, ranks.length));
        area.asIntBuffer().put(ranks);
        long in = s.slotAddress(Scratch.COUNTS);
        check(abi.jpar_group_translate_ranks(mine, ranks.length, in, theirs,
            in + 4L * ranks.length), "translateRanks");
        int[] out = new int[ranks.length];
        area.position(4 * ranks.length).slice().order(area.order()).asIntBuffer().get(out);
        return out;
    }

    /** How this group compares with {@code other} (MPI_Group_compare). */
    public Comparison compare(Group other) {
        Scratch s = Scratch.get();
        check(abi.jpar_group_compare(handle("compare"),
            Objects.requireNonNull(other, "other must not be null").handle("compare"),
            s.outAddress + Scratch.INT), "compare");
        return Comparison.values()[s.out.getInt(Scratch.INT)];
    }

    /** This group's processes, then those of {@code other} not in it (MPI_Group_union). */
    public Group union(Group other) {
        return pair("union", other);
    }

    /** This group's processes that are also in {@code other} (MPI_Group_intersection). */
    public Group intersection(Group other) {
        return pair("intersection", other);
    }

    /** This group's processes that are not in {@code other} (MPI_Group_difference). */
    public Group difference(Group other) {
        return pair("difference", other);
    }

    private Group pair(String call, Group other) {
        long a = handle(call);
        long b = Objects.requireNonNull(other, "other must not be null").handle(call);
        Scratch s = Scratch.get();
        long out = s.outAddress + Scratch.HANDLE;
        int rc = switch (call) {
            case "union" -> abi.jpar_group_union(a, b, out);
            case "intersection" -> abi.jpar_group_intersection(a, b, out);
            default -> abi.jpar_group_difference(a, b, out);
        };
        check(rc, call);
        return new Group(mpi, s.out.getLong(Scratch.HANDLE));
    }

    /**
     * The processes with {@code ranks} here, in that order (MPI_Group_incl).
     *
     * @throws IllegalArgumentException for a rank outside the group or a repeated one
     */
    public Group incl(int... ranks) {
        return subset("incl", ranks, true);
    }

    /**
     * The processes except those with {@code ranks} here (MPI_Group_excl).
     *
     * @throws IllegalArgumentException for a rank outside the group or a repeated one
     */
    public Group excl(int... ranks) {
        return subset("excl", ranks, false);
    }

    private Group subset(String call, int[] ranks, boolean include) {
        Objects.requireNonNull(ranks, "ranks must not be null");
        boolean[] seen = new boolean[size];
        for (int r : ranks) {
            if (r < 0 || r >= size) {
                throw new IllegalArgumentException(call + ": ranks must be from 0 to "
                    + (size - 1) + ": rank=" + r);
            }
            if (seen[r]) {
                throw new IllegalArgumentException(call + ": rank repeated: rank=" + r);
            }
            seen[r] = true;
        }
        long g = handle(call);
        Scratch s = Scratch.get();
        long at = s.layouts(ranks);
        long out = s.outAddress + Scratch.HANDLE;
        check(include ? abi.jpar_group_incl(g, ranks.length, at, out)
            : abi.jpar_group_excl(g, ranks.length, at, out), call);
        return new Group(mpi, s.out.getLong(Scratch.HANDLE));
    }

    /**
     * The processes in the ranges here, in order (MPI_Group_range_incl): each range is
     * {@code {first, last, stride}}, last included.
     *
     * @throws IllegalArgumentException for a range that isn't three ints, a zero stride, a rank
     *     outside the group, or a rank in two ranges
     */
    public Group rangeIncl(int[]... ranges) {
        return ranges("rangeIncl", ranges, true);
    }

    /** The processes outside the ranges here (MPI_Group_range_excl); see {@link #rangeIncl}. */
    public Group rangeExcl(int[]... ranges) {
        return ranges("rangeExcl", ranges, false);
    }

    private Group ranges(String call, int[][] ranges, boolean include) {
        Objects.requireNonNull(ranges, "ranges must not be null");
        int[] flat = new int[3 * ranges.length];
        boolean[] seen = new boolean[size];
        for (int i = 0; i < ranges.length; i++) {
            int[] r = ranges[i];
            if (r == null || r.length != 3 || r[2] == 0) {
                throw new IllegalArgumentException(call + ": a range is {first, last, stride} "
                    + "with a stride other than 0: range " + i);
            }
            for (long k = r[0]; r[2] > 0 ? k <= r[1] : k >= r[1]; k += r[2]) {
                if (k < 0 || k >= size || seen[(int) k]) {
                    throw new IllegalArgumentException(call + ": range " + i + " names rank "
                        + k + ", outside the group or named before");
                }
                seen[(int) k] = true;
            }
            System.arraycopy(r, 0, flat, 3 * i, 3);
        }
        long g = handle(call);
        Scratch s = Scratch.get();
        long at = s.layouts(flat);
        long out = s.outAddress + Scratch.HANDLE;
        check(include ? abi.jpar_group_range_incl(g, ranges.length, at, out)
            : abi.jpar_group_range_excl(g, ranges.length, at, out), call);
        return new Group(mpi, s.out.getLong(Scratch.HANDLE));
    }

    /** Frees the group (MPI_Group_free); later calls on it throw. Idempotent. */
    public synchronized void free() {
        if (handle == 0L) {
            return;
        }
        mpi.checkOpen("free");
        Scratch s = Scratch.get();
        s.out.putLong(Scratch.HANDLE, handle);
        handle = 0L;
        check(abi.jpar_group_free(s.outAddress + Scratch.HANDLE), "free");
    }

    private void check(int rc, String call) {
        MpiErrors.check(abi, rc, call);
    }

    @Override
    public String toString() {
        return "Group[size=" + size + ", rank=" + rank + (handle == 0L ? ", freed" : "") + "]";
    }
}
