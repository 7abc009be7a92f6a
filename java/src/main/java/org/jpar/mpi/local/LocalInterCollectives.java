package org.jpar.mpi.local;

import org.jpar.internal.Memory;
import org.jpar.mpi.Comm;
import org.jpar.mpi.internal.ElementType;

/**
 * Collectives over intercommunicators, for the pure-Java backend: both groups meet in the
 * intercommunicator's union ({@link LocalComm#union}), and each rank copies or reduces what the
 * other group deposited. A rooted one's root passes {@code ROOT}, the rest of its group
 * {@code PROC_NULL}, the other group the root's rank. The nonblocking forms run these through
 * {@link LocalCollectives}' started collectives, as on an intracommunicator.
 */
abstract class LocalInterCollectives extends LocalCollectives {
    LocalInterCollectives(LocalWorld world, int worldRank) {
        super(world, worldRank);
    }

    private LocalComm inter(long comm) {
        LocalComm c = comm(comm);
        return c.union == null ? null : c;
    }

    /** The deposit of the other group's rank {@code r}. */
    private static long remote(LocalComm c, Object[] all, int r) {
        return (Long) all[c.remoteUnionRank(r)];
    }

    @Override
    public int jpar_bcast(long buf, int count, int type, int root, long comm) {
        LocalComm c = inter(comm);
        if (c == null) {
            return super.jpar_bcast(buf, count, type, root, comm);
        }
        return collective(comm, buf, (rank, all) -> {
            if (root >= 0) {
                Memory.copy(remote(c, all, root), buf, bytes(count, type));
            }
        });
    }

    @Override
    public int jpar_gather(long sendbuf, int sendcount, long recvbuf, int recvcount, int type,
                           int root, long comm) {
        LocalComm c = inter(comm);
        if (c == null) {
            return super.jpar_gather(sendbuf, sendcount, recvbuf, recvcount, type, root, comm);
        }
        return collective(comm, sendbuf, (rank, all) -> {
            if (root == Comm.ROOT) {
                gatherRemote(c, all, 0, recvbuf, bytes(recvcount, type));
            }
        });
    }

    @Override
    public int jpar_scatter(long sendbuf, int sendcount, long recvbuf, int recvcount, int type,
                            int root, long comm) {
        LocalComm c = inter(comm);
        if (c == null) {
            return super.jpar_scatter(sendbuf, sendcount, recvbuf, recvcount, type, root, comm);
        }
        return collective(comm, sendbuf, (rank, all) -> {
            if (root >= 0) {
                long block = bytes(recvcount, type);
                Memory.copy(remote(c, all, root) + rank * block, recvbuf, block);
            }
        });
    }

    @Override
    public int jpar_allgather(long sendbuf, int sendcount, long recvbuf, int recvcount, int type,
                              long comm) {
        LocalComm c = inter(comm);
        if (c == null) {
            return super.jpar_allgather(sendbuf, sendcount, recvbuf, recvcount, type, comm);
        }
        return collective(comm, sendbuf, (rank, all) ->
            gatherRemote(c, all, 0, recvbuf, bytes(recvcount, type)));
    }

    @Override
    public int jpar_alltoall(long sendbuf, int sendcount, long recvbuf, int recvcount, int type,
                             long comm) {
        LocalComm c = inter(comm);
        if (c == null) {
            return super.jpar_alltoall(sendbuf, sendcount, recvbuf, recvcount, type, comm);
        }
        return collective(comm, sendbuf, (rank, all) -> {
            long block = bytes(recvcount, type);
            gatherRemote(c, all, rank * block, recvbuf, block);
        });
    }

    @Override
    public int jpar_reduce(long sendbuf, long recvbuf, int count, int type, int op, int root,
                           long comm) {
        LocalComm c = inter(comm);
        if (c == null) {
            return super.jpar_reduce(sendbuf, recvbuf, count, type, op, root, comm);
        }
        return collective(comm, sendbuf, (rank, all) -> {
            if (root == Comm.ROOT) {
                reduceRemote(c, all, 0, recvbuf, count, type, op);
            }
        });
    }

    @Override
    public int jpar_allreduce(long sendbuf, long recvbuf, int count, int type, int op,
                              long comm) {
        LocalComm c = inter(comm);
        if (c == null) {
            return super.jpar_allreduce(sendbuf, recvbuf, count, type, op, comm);
        }
        return collective(comm, sendbuf, (rank, all) ->
            reduceRemote(c, all, 0, recvbuf, count, type, op));
    }

    @Override
    public int jpar_gatherv(long sendbuf, int sendcount, long recvbuf, long recvcounts,
                            long displs, int type, int root, long comm) {
        LocalComm c = inter(comm);
        if (c == null) {
            return super.jpar_gatherv(sendbuf, sendcount, recvbuf, recvcounts, displs, type, root,
                comm);
        }
        return collective(comm, new long[] {sendbuf, sendcount}, (rank, all) -> {
            if (root == Comm.ROOT) {
                gatherInto(all, c::remoteUnionRank, c.remoteMembers.length, recvbuf, recvcounts,
                    displs, type);
            }
        });
    }

    @Override
    public int jpar_allgatherv(long sendbuf, int sendcount, long recvbuf, long recvcounts,
                               long displs, int type, long comm) {
        LocalComm c = inter(comm);
        if (c == null) {
            return super.jpar_allgatherv(sendbuf, sendcount, recvbuf, recvcounts, displs, type,
                comm);
        }
        return collective(comm, new long[] {sendbuf, sendcount}, (rank, all) ->
            gatherInto(all, c::remoteUnionRank, c.remoteMembers.length, recvbuf, recvcounts,
                displs, type));
    }

    @Override
    public int jpar_scatterv(long sendbuf, long sendcounts, long displs, long recvbuf,
                             int recvcount, int type, int root, long comm) {
        LocalComm c = inter(comm);
        if (c == null) {
            return super.jpar_scatterv(sendbuf, sendcounts, displs, recvbuf, recvcount, type,
                root, comm);
        }
        return collective(comm, new long[] {sendbuf, sendcounts, displs}, (rank, all) -> {
            if (root >= 0) {
                scatterFrom((long[]) all[c.remoteUnionRank(root)], rank, recvbuf, recvcount,
                    type);
            }
        });
    }

    @Override
    public int jpar_alltoallv(long sendbuf, long sendcounts, long sdispls, long recvbuf,
                              long recvcounts, long rdispls, int type, long comm) {
        LocalComm c = inter(comm);
        if (c == null) {
            return super.jpar_alltoallv(sendbuf, sendcounts, sdispls, recvbuf, recvcounts,
                rdispls, type, comm);
        }
        return collective(comm, new long[] {sendbuf, sendcounts, sdispls}, (rank, all) ->
            alltoallvInto(all, c::remoteUnionRank, c.remoteMembers.length, rank, recvbuf,
                recvcounts, rdispls, type));
    }

    @Override
    public int jpar_alltoallw(long sendbuf, long sendcounts, long sdispls, long sendtypes,
                              long recvbuf, long recvcounts, long rdispls, long recvtypes,
                              long comm) {
        LocalComm c = inter(comm);
        if (c == null) {
            return super.jpar_alltoallw(sendbuf, sendcounts, sdispls, sendtypes, recvbuf,
                recvcounts, rdispls, recvtypes, comm);
        }
        return collective(comm, new long[] {sendbuf, sendcounts, sdispls, sendtypes},
            (rank, all) -> alltoallwInto(all, c::remoteUnionRank, c.remoteMembers.length, rank,
                recvbuf, recvcounts, rdispls, recvtypes));
    }

    @Override
    public int jpar_reduce_scatter(long sendbuf, long recvbuf, long recvcounts, int type, int op,
                                   long comm) {
        LocalComm c = inter(comm);
        if (c == null) {
            return super.jpar_reduce_scatter(sendbuf, recvbuf, recvcounts, type, op, comm);
        }
        return collective(comm, sendbuf, (rank, all) -> {
            long offset = 0;
            for (int r = 0; r < rank; r++) {
                offset += Memory.getInt(recvcounts + 4L * r);
            }
            reduceRemote(c, all, offset * ElementType.of(type).bytes, recvbuf,
                Memory.getInt(recvcounts + 4L * rank), type, op);
        });
    }

    @Override
    public int jpar_reduce_scatter_block(long sendbuf, long recvbuf, int recvcount, int type,
                                         int op, long comm) {
        LocalComm c = inter(comm);
        if (c == null) {
            return super.jpar_reduce_scatter_block(sendbuf, recvbuf, recvcount, type, op, comm);
        }
        return collective(comm, sendbuf, (rank, all) ->
            reduceRemote(c, all, rank * bytes(recvcount, type), recvbuf, recvcount, type, op));
    }

    /**
     * Block r of {@code recvbuf} from the other group's rank r: {@code block} bytes from
     * {@code offset} in its deposit.
     */
    private static void gatherRemote(LocalComm c, Object[] all, long offset, long recvbuf,
                                     long block) {
        for (int r = 0; r < c.remoteMembers.length; r++) {
            Memory.copy(remote(c, all, r) + offset, recvbuf + r * block, block);
        }
    }

    /**
     * The other group's deposits, {@code count} elements from {@code offset} bytes in each,
     * combined in its rank order into {@code recvbuf}.
     */
    private static void reduceRemote(LocalComm c, Object[] all, long offset, long recvbuf,
                                     int count, int type, int op) {
        Memory.copy(remote(c, all, 0) + offset, recvbuf, bytes(count, type));
        for (int r = 1; r < c.remoteMembers.length; r++) {
            LocalReduce.combine(recvbuf, remote(c, all, r) + offset, count, ElementType.of(type),
                op);
        }
    }
}
