package org.jpar.mpi.openmpi;

import com.sun.jna.Pointer;
import mpi.Group;
import mpi.Intracomm;
import mpi.MPI;
import org.jpar.internal.JparH;
import org.jpar.internal.Memory;
import org.jpar.mpi.Comm;

/**
 * Groups, communicators made from them, comparison and names of the openmpi backend, over
 * mpi.jar's {@link Group} and {@link Intracomm}.
 */
abstract class OpenMpiGroups extends OpenMpiPointToPoint {
    private final Handles<Group> groups = new Handles<>();

    OpenMpiGroups(long firstHandle) {
        super(firstHandle);
    }

    /** A handle for a new communicator, or the null handle for none. */
    abstract long register(Intracomm c);

    private static int comparison(int result) {
        return result == MPI.IDENT ? JparH.IDENT : result == MPI.CONGRUENT ? JparH.CONGRUENT
            : result == MPI.SIMILAR ? JparH.SIMILAR : JparH.UNEQUAL;
    }

    private int group(long address, Group g) {
        Memory.putLong(address, groups.add(g));
        return 0;
    }

    @Override
    public int jpar_comm_group(long comm, long group) {
        return call(() -> group(group, comm(comm).getGroup()));
    }

    @Override
    public int jpar_group_size(long group, long size) {
        return call(() -> Memory.putInt(size, groups.get(group).getSize()));
    }

    @Override
    public int jpar_group_rank(long group, long rank) {
        return call(() -> {
            int r = groups.get(group).getRank();
            Memory.putInt(rank, r == MPI.UNDEFINED ? Comm.UNDEFINED : r);
        });
    }

    @Override
    public int jpar_group_translate_ranks(long group1, int n, long ranks1, long group2,
                                          long ranks2) {
        return call(() -> {
            int[] in = ints(ranks1, n);
            for (int i = 0; i < n; i++) {
                in[i] = in[i] == Comm.PROC_NULL ? MPI.PROC_NULL : in[i];
            }
            int[] out = Group.translateRanks(groups.get(group1), in, groups.get(group2));
            for (int i = 0; i < n; i++) {
                Memory.putInt(ranks2 + 4L * i, out[i] == MPI.UNDEFINED ? Comm.UNDEFINED
                    : out[i] == MPI.PROC_NULL ? Comm.PROC_NULL : out[i]);
            }
        });
    }

    @Override
    public int jpar_group_compare(long group1, long group2, long result) {
        return call(() -> Memory.putInt(result,
            comparison(Group.compare(groups.get(group1), groups.get(group2)))));
    }

    @Override
    public int jpar_group_union(long group1, long group2, long out) {
        return call(() -> group(out, Group.union(groups.get(group1), groups.get(group2))));
    }

    @Override
    public int jpar_group_intersection(long group1, long group2, long out) {
        return call(() -> group(out, Group.intersection(groups.get(group1), groups.get(group2))));
    }

    @Override
    public int jpar_group_difference(long group1, long group2, long out) {
        return call(() -> group(out, Group.difference(groups.get(group1), groups.get(group2))));
    }

    @Override
    public int jpar_group_incl(long group, int n, long ranks, long out) {
        return call(() -> group(out, groups.get(group).incl(ints(ranks, n))));
    }

    @Override
    public int jpar_group_excl(long group, int n, long ranks, long out) {
        return call(() -> group(out, groups.get(group).excl(ints(ranks, n))));
    }

    private static int[][] triplets(long ranges, int n) {
        int[] flat = ints(ranges, 3 * n);
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) {
            out[i] = new int[] {flat[3 * i], flat[3 * i + 1], flat[3 * i + 2]};
        }
        return out;
    }

    @Override
    public int jpar_group_range_incl(long group, int n, long ranges, long out) {
        return call(() -> group(out, groups.get(group).rangeIncl(triplets(ranges, n))));
    }

    @Override
    public int jpar_group_range_excl(long group, int n, long ranges, long out) {
        return call(() -> group(out, groups.get(group).rangeExcl(triplets(ranges, n))));
    }

    @Override
    public int jpar_group_free(long group) {
        return call(() -> {
            Group g = groups.takeAt(group);
            if (g != null) {
                g.free();
            }
        });
    }

    @Override
    public int jpar_comm_create(long comm, long group, long out) {
        return call(() -> Memory.putLong(out, register(comm(comm).create(groups.get(group)))));
    }

    @Override
    public int jpar_comm_create_group(long comm, long group, int tag, long out) {
        return call(() -> Memory.putLong(out,
            register(comm(comm).createGroup(groups.get(group), tag))));
    }

    @Override
    public int jpar_comm_compare(long comm1, long comm2, long result) {
        return call(() -> Memory.putInt(result,
            comparison(mpi.Comm.compare(comm(comm1), comm(comm2)))));
    }

    @Override
    public int jpar_comm_idup(long comm, long out, long request) {
        return call(() -> {
            Intracomm dup = comm(comm).iDup();
            Memory.putLong(out, register(dup));
            Memory.putLong(request, requests.add(dup.getRequest()));
        });
    }

    @Override
    public int jpar_comm_split_type(long comm, int splitType, int key, long out) {
        return call(() -> Memory.putLong(out, register(comm(comm).splitType(
            splitType == JparH.COMM_TYPE_SHARED ? mpi.Comm.TYPE_SHARED : MPI.UNDEFINED, key,
            MPI.INFO_NULL))));
    }

    @Override
    public int jpar_comm_set_name(long comm, long name) {
        return call(() -> comm(comm).setName(new Pointer(name).getString(0, "UTF-8")));
    }

    @Override
    public int jpar_comm_get_name(long comm, long name, long length) {
        return call(() -> writeText(comm(comm).getName(), name, length, MPI.MAX_OBJECT_NAME));
    }

    @Override
    public int jpar_max_object_name() {
        return MPI.MAX_OBJECT_NAME;
    }
}
