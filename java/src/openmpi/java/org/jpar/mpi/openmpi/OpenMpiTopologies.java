package org.jpar.mpi.openmpi;

import static org.jpar.mpi.openmpi.MpiJarTerms.bytes;
import static org.jpar.mpi.openmpi.MpiJarTerms.extent;
import static org.jpar.mpi.openmpi.MpiJarTerms.type;

import mpi.CartComm;
import mpi.CartParms;
import mpi.DistGraphNeighbors;
import mpi.GraphComm;
import mpi.MPI;
import mpi.ShiftParms;
import org.jpar.internal.Memory;
import org.jpar.mpi.Comm;

/**
 * Cartesian and graph topologies and neighbour collectives of the openmpi backend, over mpi.jar's
 * {@link CartComm} and {@link GraphComm}.
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
        return call(() -> putInts(coords, cart(comm).getCoords(rank), maxdims));
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

    /** The sources a neighbour collective over {@code comm} receives from. */
    private int neighbors(long comm) throws mpi.MPIException {
        return degree(comm, true);
    }

    /** The destinations a neighbour collective over {@code comm} sends to. */
    private int destinations(long comm) throws mpi.MPIException {
        return degree(comm, false);
    }

    private int degree(long comm, boolean in) throws mpi.MPIException {
        mpi.Comm c = comm(comm);
        int topology = c.getTopology();
        if (topology == MPI.CART) {
            return 2 * ((CartComm) c).getTopo().getDimCount();
        }
        GraphComm g = (GraphComm) c;
        if (topology == MPI.GRAPH) {
            return g.getNeighbors(g.getRank()).length;
        }
        DistGraphNeighbors n = g.getDistGraphNeighbors();
        return in ? n.getInDegree() : n.getOutDegree();
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
            comm(comm).neighborAllToAll(view(sendbuf, bytes(sendcount, type) * destinations(comm)),
                sendcount, type(type), view(recvbuf, bytes(recvcount, type) * neighbors(comm)),
                recvcount, type(type));
        });
    }

    @Override
    public int jpar_neighbor_alltoallv(long sendbuf, long sendcounts, long sdispls, long recvbuf,
                                       long recvcounts, long rdispls, int type, long comm) {
        return call(() -> {
            int k = neighbors(comm);
            int out = destinations(comm);
            int[] sc = ints(sendcounts, out);
            int[] sd = ints(sdispls, out);
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
            return comm(comm).iNeighborAllToAll(
                view(sendbuf, bytes(sendcount, type) * destinations(comm)), sendcount, type(type),
                view(recvbuf, bytes(recvcount, type) * neighbors(comm)), recvcount, type(type));
        });
    }

    @Override
    public int jpar_ineighbor_alltoallv(long sendbuf, long sendcounts, long sdispls,
                                        long recvbuf, long recvcounts, long rdispls, int type,
                                        long comm, long request) {
        return started(request, () -> {
            int k = neighbors(comm);
            int out = destinations(comm);
            int[] sc = ints(sendcounts, out);
            int[] sd = ints(sdispls, out);
            int[] rc = ints(recvcounts, k);
            int[] rd = ints(rdispls, k);
            return comm(comm).iNeighborAllToAllv(view(sendbuf, extent(sc, sd, type)), sc, sd,
                type(type), view(recvbuf, extent(rc, rd, type)), rc, rd, type(type));
        });
    }

    private static UnsupportedOperationException unsupported(String call) {
        return new UnsupportedOperationException("the openmpi backend (Open MPI's mpi.jar) has no "
            + call + "; the native backend has");
    }

    @Override
    public int jpar_neighbor_alltoallw(long sendbuf, long sendcounts, long sdispls,
                                       long sendtypes, long recvbuf, long recvcounts,
                                       long rdispls, long recvtypes, long comm) {
        throw unsupported("neighborAlltoallw");
    }

    @Override
    public int jpar_ineighbor_alltoallw(long sendbuf, long sendcounts, long sdispls,
                                        long sendtypes, long recvbuf, long recvcounts,
                                        long rdispls, long recvtypes, long comm, long workspace,
                                        long request) {
        throw unsupported("ineighborAlltoallw");
    }

    // ---------------------------------------------------------------------------------- graphs

    private GraphComm graph(long comm) {
        return (GraphComm) comm(comm);
    }

    @Override
    public int jpar_graph_create(long comm, int nnodes, long index, long edges, int reorder,
                                 long out) {
        return call(() -> {
            int[] ends = ints(index, nnodes);
            Memory.putLong(out, register(comm(comm).createGraph(ends,
                ints(edges, nnodes == 0 ? 0 : ends[nnodes - 1]), reorder != 0)));
        });
    }

    @Override
    public int jpar_graph_neighbors_count(long comm, int rank, long count) {
        return call(() -> Memory.putInt(count, graph(comm).getNeighbors(rank).length));
    }

    @Override
    public int jpar_graph_neighbors(long comm, int rank, int maxneighbors, long neighbors) {
        return call(() -> putInts(neighbors, graph(comm).getNeighbors(rank), maxneighbors));
    }

    @Override
    public int jpar_dist_graph_create_adjacent(long comm, int indegree, long sources,
                                               long sourceweights, int outdegree,
                                               long destinations, long destweights, int reorder,
                                               long out) {
        return call(() -> {
            int[] in = ints(sources, indegree);
            int[] to = ints(destinations, outdegree);
            Memory.putLong(out, register(sourceweights == 0 || destweights == 0
                ? comm(comm).createDistGraphAdjacent(in, to, MPI.INFO_NULL, reorder != 0)
                : comm(comm).createDistGraphAdjacent(in, ints(sourceweights, indegree), to,
                    ints(destweights, outdegree), MPI.INFO_NULL, reorder != 0)));
        });
    }

    @Override
    public int jpar_dist_graph_create(long comm, int n, long sources, long degrees,
                                      long destinations, long weights, int reorder, long out) {
        return call(() -> {
            int[] from = ints(sources, n);
            int[] degree = ints(degrees, n);
            int edges = java.util.Arrays.stream(degree).sum();
            int[] to = ints(destinations, edges);
            Memory.putLong(out, register(weights == 0
                ? comm(comm).createDistGraph(from, degree, to, MPI.INFO_NULL, reorder != 0)
                : comm(comm).createDistGraph(from, degree, to, ints(weights, edges),
                    MPI.INFO_NULL, reorder != 0)));
        });
    }

    @Override
    public int jpar_dist_graph_neighbors_count(long comm, long indegree, long outdegree,
                                               long weighted) {
        return call(() -> {
            DistGraphNeighbors n = graph(comm).getDistGraphNeighbors();
            Memory.putInt(indegree, n.getInDegree());
            Memory.putInt(outdegree, n.getOutDegree());
            Memory.putInt(weighted, n.isWeighted() ? 1 : 0);
        });
    }

    @Override
    public int jpar_dist_graph_neighbors(long comm, int maxindegree, long sources,
                                         long sourceweights, int maxoutdegree,
                                         long destinations, long destweights) {
        return call(() -> {
            DistGraphNeighbors n = graph(comm).getDistGraphNeighbors();
            for (int i = 0; i < Math.min(maxindegree, n.getInDegree()); i++) {
                Memory.putInt(sources + 4L * i, n.getSource(i));
                if (n.isWeighted() && sourceweights != 0) {
                    Memory.putInt(sourceweights + 4L * i, n.getSourceWeight(i));
                }
            }
            for (int i = 0; i < Math.min(maxoutdegree, n.getOutDegree()); i++) {
                Memory.putInt(destinations + 4L * i, n.getDestination(i));
                if (n.isWeighted() && destweights != 0) {
                    Memory.putInt(destweights + 4L * i, n.getDestinationWeight(i));
                }
            }
        });
    }
}
