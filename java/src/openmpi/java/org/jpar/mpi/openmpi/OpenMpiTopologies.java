package org.jpar.mpi.openmpi;

import static org.jpar.mpi.openmpi.MpiJarTerms.bytes;
import static org.jpar.mpi.openmpi.MpiJarTerms.extent;
import static org.jpar.mpi.openmpi.MpiJarTerms.type;

import mpi.CartComm;
import mpi.CartParms;
import mpi.MPI;
import mpi.ShiftParms;
import org.jpar.internal.Memory;
import org.jpar.mpi.Comm;

/**
 * Cartesian topologies and neighbour collectives of the openmpi backend, over mpi.jar's
 * {@link CartComm}.
 */
abstract class OpenMpiTopologies extends OpenMpiGroups {
    OpenMpiTopologies(long firstHandle) {
        super(firstHandle);
    }

    private CartComm cart(long comm) {
        return (CartComm) comm(comm);
    }

    private static int peer(int mpiRank) {
        return mpiRank == MPI.PROC_NULL ? Comm.PROC_NULL : mpiRank;
    }

    @Override
    public int jpar_cart_create(long comm, int ndims, long dims, long periods, int reorder,
                                long out) {
        return call(() -> {
            int[] wraps = ints(periods, ndims);
            boolean[] flags = new boolean[ndims];
            for (int d = 0; d < ndims; d++) {
                flags[d] = wraps[d] != 0;
            }
            Memory.putLong(out, register(comm(comm).createCart(ints(dims, ndims), flags,
                reorder != 0)));
        });
    }

    @Override
    public int jpar_dims_create(int nnodes, int ndims, long dims) {
        return call(() -> {
            int[] d = ints(dims, ndims);
            CartComm.createDims(nnodes, d);
            for (int i = 0; i < ndims; i++) {
                Memory.putInt(dims + 4L * i, d[i]);
            }
        });
    }

    @Override
    public int jpar_cartdim_get(long comm, long ndims) {
        return call(() -> Memory.putInt(ndims, cart(comm).getTopo().getDimCount()));
    }

    @Override
    public int jpar_cart_get(long comm, int maxdims, long dims, long periods, long coords) {
        return call(() -> {
            CartParms p = cart(comm).getTopo();
            for (int d = 0; d < Math.min(maxdims, p.getDimCount()); d++) {
                Memory.putInt(dims + 4L * d, p.getDim(d));
                Memory.putInt(periods + 4L * d, p.getPeriod(d) ? 1 : 0);
                Memory.putInt(coords + 4L * d, p.getCoord(d));
            }
        });
    }

    @Override
    public int jpar_cart_rank(long comm, long coords, long rank) {
        return call(() -> {
            CartComm c = cart(comm);
            Memory.putInt(rank, c.getRank(ints(coords, c.getTopo().getDimCount())));
        });
    }

    @Override
    public int jpar_cart_coords(long comm, int rank, int maxdims, long coords) {
        return call(() -> {
            int[] c = cart(comm).getCoords(rank);
            for (int d = 0; d < Math.min(maxdims, c.length); d++) {
                Memory.putInt(coords + 4L * d, c[d]);
            }
        });
    }

    @Override
    public int jpar_cart_shift(long comm, int direction, int disp, long source, long dest) {
        return call(() -> {
            ShiftParms s = cart(comm).shift(direction, disp);
            Memory.putInt(source, peer(s.getRankSource()));
            Memory.putInt(dest, peer(s.getRankDest()));
        });
    }

    @Override
    public int jpar_cart_sub(long comm, long remainDims, long out) {
        return call(() -> {
            CartComm c = cart(comm);
            int[] keep = ints(remainDims, c.getTopo().getDimCount());
            boolean[] flags = new boolean[keep.length];
            for (int d = 0; d < keep.length; d++) {
                flags[d] = keep[d] != 0;
            }
            Memory.putLong(out, register(c.sub(flags)));
        });
    }

    /** 2 × ndims: a Cartesian grid's neighbours. */
    private int neighbors(long comm) throws mpi.MPIException {
        return 2 * cart(comm).getTopo().getDimCount();
    }

    @Override
    public int jpar_neighbor_allgather(long sendbuf, int sendcount, long recvbuf, int recvcount,
                                       int type, long comm) {
        return call(() -> comm(comm).neighborAllGather(view(sendbuf, bytes(sendcount, type)),
            sendcount, type(type), view(recvbuf, bytes(recvcount, type) * neighbors(comm)),
            recvcount, type(type)));
    }

    @Override
    public int jpar_neighbor_allgatherv(long sendbuf, int sendcount, long recvbuf,
                                        long recvcounts, long displs, int type, long comm) {
        return call(() -> {
            int k = neighbors(comm);
            int[] counts = ints(recvcounts, k);
            int[] offsets = ints(displs, k);
            comm(comm).neighborAllGatherv(view(sendbuf, bytes(sendcount, type)), sendcount,
                type(type), view(recvbuf, extent(counts, offsets, type)), counts, offsets,
                type(type));
        });
    }

    @Override
    public int jpar_neighbor_alltoall(long sendbuf, int sendcount, long recvbuf, int recvcount,
                                      int type, long comm) {
        return call(() -> {
            int k = neighbors(comm);
            comm(comm).neighborAllToAll(view(sendbuf, bytes(sendcount, type) * k), sendcount,
                type(type), view(recvbuf, bytes(recvcount, type) * k), recvcount, type(type));
        });
    }

    @Override
    public int jpar_neighbor_alltoallv(long sendbuf, long sendcounts, long sdispls, long recvbuf,
                                       long recvcounts, long rdispls, int type, long comm) {
        return call(() -> {
            int k = neighbors(comm);
            int[] sc = ints(sendcounts, k);
            int[] sd = ints(sdispls, k);
            int[] rc = ints(recvcounts, k);
            int[] rd = ints(rdispls, k);
            comm(comm).neighborAllToAllv(view(sendbuf, extent(sc, sd, type)), sc, sd, type(type),
                view(recvbuf, extent(rc, rd, type)), rc, rd, type(type));
        });
    }

    @Override
    public int jpar_ineighbor_allgather(long sendbuf, int sendcount, long recvbuf, int recvcount,
                                        int type, long comm, long request) {
        return started(request, () -> comm(comm).iNeighborAllGather(
            view(sendbuf, bytes(sendcount, type)), sendcount, type(type),
            view(recvbuf, bytes(recvcount, type) * neighbors(comm)), recvcount, type(type)));
    }

    @Override
    public int jpar_ineighbor_allgatherv(long sendbuf, int sendcount, long recvbuf,
                                         long recvcounts, long displs, int type, long comm,
                                         long request) {
        return started(request, () -> {
            int k = neighbors(comm);
            int[] counts = ints(recvcounts, k);
            int[] offsets = ints(displs, k);
            return comm(comm).iNeighborAllGatherv(view(sendbuf, bytes(sendcount, type)),
                sendcount, type(type), view(recvbuf, extent(counts, offsets, type)), counts,
                offsets, type(type));
        });
    }

    @Override
    public int jpar_ineighbor_alltoall(long sendbuf, int sendcount, long recvbuf, int recvcount,
                                       int type, long comm, long request) {
        return started(request, () -> {
            int k = neighbors(comm);
            return comm(comm).iNeighborAllToAll(view(sendbuf, bytes(sendcount, type) * k),
                sendcount, type(type), view(recvbuf, bytes(recvcount, type) * k), recvcount,
                type(type));
        });
    }

    @Override
    public int jpar_ineighbor_alltoallv(long sendbuf, long sendcounts, long sdispls,
                                        long recvbuf, long recvcounts, long rdispls, int type,
                                        long comm, long request) {
        return started(request, () -> {
            int k = neighbors(comm);
            int[] sc = ints(sendcounts, k);
            int[] sd = ints(sdispls, k);
            int[] rc = ints(recvcounts, k);
            int[] rd = ints(rdispls, k);
            return comm(comm).iNeighborAllToAllv(view(sendbuf, extent(sc, sd, type)), sc, sd,
                type(type), view(recvbuf, extent(rc, rd, type)), rc, rd, type(type));
        });
    }
}
