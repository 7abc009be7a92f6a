package org.jpar.mpi.local;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jpar.internal.Memory;
import org.jpar.mpi.Comm;
import org.jpar.mpi.internal.ElementType;

/**
 * Cartesian and graph topologies and neighbour collectives of the pure-Java backend. A topology
 * keeps the ranks' order (reordering is a hint MPI may ignore). A grid's neighbours are, per
 * dimension, the rank one step down and the one a step up; a graph's are its edges, or a
 * distributed graph's sources and destinations, which every member learns when it is made.
 */
abstract class LocalTopologies extends LocalInterCollectives {
    /** MPI_ERR_TOPOLOGY's code and class, as Open MPI numbers them. */
    private static final int ERR_TOPOLOGY = 11;

    LocalTopologies(LocalWorld world, int worldRank) {
        super(world, worldRank);
    }

    /** A grid's coordinates of rank {@code r}, row-major as MPI numbers them. */
    private static int[] coordsOf(int[] dims, int r) {
        int[] c = new int[dims.length];
        for (int d = dims.length - 1; d >= 0; d--) {
            c[d] = r % dims[d];
            r /= dims[d];
        }
        return c;
    }

    /** The rank at coordinates {@code c}, wrapping periodic ones; PROC_NULL off an edge. */
    private static int rankOf(int[] dims, boolean[] periods, int[] c) {
        int r = 0;
        for (int d = 0; d < dims.length; d++) {
            int x = c[d];
            if (x < 0 || x >= dims[d]) {
                if (!periods[d]) {
                    return Comm.PROC_NULL;
                }
                x = Math.floorMod(x, dims[d]);
            }
            r = r * dims[d] + x;
        }
        return r;
    }

    /** The graph of {@code comm}, or a Failure with MPI_ERR_TOPOLOGY. */
    private LocalComm graphOf(long comm) {
        LocalComm c = comm(comm);
        if (c.graphSources() == null) {
            throw new Failure(ERR_TOPOLOGY);
        }
        return c;
    }

    /** The grid of {@code comm}, or a Failure with MPI_ERR_TOPOLOGY. */
    private LocalComm grid(long comm) {
        LocalComm c = comm(comm);
        if (c.cartDims() == null) {
            throw new Failure(ERR_TOPOLOGY);
        }
        return c;
    }

    private static int shifted(LocalComm c, int rank, int direction, int disp) {
        int[] coords = coordsOf(c.cartDims(), rank);
        coords[direction] += disp;
        return rankOf(c.cartDims(), c.cartPeriods(), coords);
    }

    /** Rank {@code rank}'s neighbours in the grid: per dimension, down then up. */
    private static int[] neighbors(LocalComm c, int rank) {
        int[] dims = c.cartDims();
        int[] out = new int[2 * dims.length];
        for (int d = 0; d < dims.length; d++) {
            out[2 * d] = shifted(c, rank, d, -1);
            out[2 * d + 1] = shifted(c, rank, d, 1);
        }
        return out;
    }

    @Override
    public int jpar_cart_create(long comm, int ndims, long dims, long periods, int reorder,
                                long out) {
        return guardedCode(() -> {
            int[] extents = ints(dims, ndims);
            int[] wraps = ints(periods, ndims);
            int cells = 1;
            for (int e : extents) {
                cells *= e;
            }
            LocalComm c = comm(comm);
            int rc = jpar_comm_split(comm, rankIn(c) < cells ? 0 : Comm.UNDEFINED, rankIn(c), out);
            long grid = Memory.getLong(out);
            if (rc == 0 && grid != 0L) {
                boolean[] flags = new boolean[ndims];
                for (int d = 0; d < ndims; d++) {
                    flags[d] = wraps[d] != 0;
                }
                comm(grid).cartesian(extents, flags);
            }
            return rc;
        });
    }

    @Override
    public int jpar_dims_create(int nnodes, int ndims, long dims) {
        int[] given = ints(dims, ndims);
        int left = nnodes;
        List<Integer> free = new ArrayList<>();
        for (int d = 0; d < ndims; d++) {
            if (given[d] > 0) {
                left /= given[d];
            } else {
                free.add(d);
            }
        }
        // The largest prime factors first, each onto the currently smallest free dimension.
        List<Integer> primes = new ArrayList<>();
        for (int p = 2, n = left; n > 1; p++) {
            while (n % p == 0) {
                primes.add(0, p);
                n /= p;
            }
        }
        int[] sizes = new int[free.size()];
        Arrays.fill(sizes, 1);
        for (int p : primes) {
            int smallest = 0;
            for (int i = 1; i < sizes.length; i++) {
                if (sizes[i] < sizes[smallest]) {
                    smallest = i;
                }
            }
            if (sizes.length > 0) {
                sizes[smallest] *= p;
            }
        }
        Arrays.sort(sizes);
        for (int i = 0; i < free.size(); i++) {
            Memory.putInt(dims + 4L * free.get(i), sizes[sizes.length - 1 - i]);
        }
        return 0;
    }

    @Override
    public int jpar_cartdim_get(long comm, long ndims) {
        return guardedCode(() -> {
            Memory.putInt(ndims, grid(comm).cartDims().length);
            return 0;
        });
    }

    @Override
    public int jpar_cart_get(long comm, int maxdims, long dims, long periods, long coords) {
        return guardedCode(() -> {
            LocalComm c = grid(comm);
            int[] mine = coordsOf(c.cartDims(), rankIn(c));
            for (int d = 0; d < Math.min(maxdims, mine.length); d++) {
                Memory.putInt(dims + 4L * d, c.cartDims()[d]);
                Memory.putInt(periods + 4L * d, c.cartPeriods()[d] ? 1 : 0);
                Memory.putInt(coords + 4L * d, mine[d]);
            }
            return 0;
        });
    }

    @Override
    public int jpar_cart_rank(long comm, long coords, long rank) {
        return guardedCode(() -> {
            LocalComm c = grid(comm);
            Memory.putInt(rank, rankOf(c.cartDims(), c.cartPeriods(),
                ints(coords, c.cartDims().length)));
            return 0;
        });
    }

    @Override
    public int jpar_cart_coords(long comm, int rank, int maxdims, long coords) {
        return guardedCode(() -> {
            putInts(coords, coordsOf(grid(comm).cartDims(), rank), maxdims);
            return 0;
        });
    }

    @Override
    public int jpar_cart_shift(long comm, int direction, int disp, long source, long dest) {
        return guardedCode(() -> {
            LocalComm c = grid(comm);
            int rank = rankIn(c);
            Memory.putInt(source, shifted(c, rank, direction, -disp));
            Memory.putInt(dest, shifted(c, rank, direction, disp));
            return 0;
        });
    }

    @Override
    public int jpar_cart_sub(long comm, long remainDims, long out) {
        return guardedCode(() -> {
            LocalComm c = grid(comm);
            int[] dims = c.cartDims();
            int[] keep = ints(remainDims, dims.length);
            int[] mine = coordsOf(dims, rankIn(c));
            int color = 0;
            List<Integer> kept = new ArrayList<>();
            for (int d = 0; d < dims.length; d++) {
                if (keep[d] != 0) {
                    kept.add(d);
                } else {
                    color = color * dims[d] + mine[d];
                }
            }
            int rc = jpar_comm_split(comm, color, rankIn(c), out);
            if (rc == 0) {
                int[] subDims = new int[kept.size()];
                boolean[] subPeriods = new boolean[kept.size()];
                for (int i = 0; i < kept.size(); i++) {
                    subDims[i] = dims[kept.get(i)];
                    subPeriods[i] = c.cartPeriods()[kept.get(i)];
                }
                comm(Memory.getLong(out)).cartesian(subDims, subPeriods);
            }
            return rc;
        });
    }

    // ---------------------------------------------------------------------------------- graphs

    @Override
    public int jpar_graph_create(long comm, int nnodes, long index, long edges, int reorder,
                                 long out) {
        return guardedCode(() -> {
            int[] ends = ints(index, nnodes);
            int[] all = ints(edges, nnodes == 0 ? 0 : ends[nnodes - 1]);
            int[][] adjacent = new int[nnodes][];
            for (int i = 0; i < nnodes; i++) {
                adjacent[i] = Arrays.copyOfRange(all, i == 0 ? 0 : ends[i - 1], ends[i]);
            }
            LocalComm c = comm(comm);
            int rc = jpar_comm_split(comm, rankIn(c) < nnodes ? 0 : Comm.UNDEFINED, rankIn(c),
                out);
            long graph = Memory.getLong(out);
            if (rc == 0 && graph != 0L) {
                comm(graph).graph(adjacent, adjacent);
            }
            return rc;
        });
    }

    @Override
    public int jpar_graph_neighbors_count(long comm, int rank, long count) {
        return guardedCode(() -> {
            Memory.putInt(count, graphOf(comm).graphSources()[rank].length);
            return 0;
        });
    }

    @Override
    public int jpar_graph_neighbors(long comm, int rank, int maxneighbors, long neighbors) {
        return guardedCode(() -> {
            putInts(neighbors, graphOf(comm).graphSources()[rank], maxneighbors);
            return 0;
        });
    }

    @Override
    public int jpar_dist_graph_create_adjacent(long comm, int indegree, long sources,
                                               long sourceweights, int outdegree,
                                               long destinations, long destweights, int reorder,
                                               long out) {
        return guardedCode(() -> {
            int[][] mine = {ints(sources, indegree), ints(destinations, outdegree),
                sourceweights == 0 ? null : ints(sourceweights, indegree),
                destweights == 0 ? null : ints(destweights, outdegree)};
            return distGraph(comm, out, all -> {
                int n = all.length;
                int[][][] g = new int[4][n][];
                for (int r = 0; r < n; r++) {
                    for (int k = 0; k < 4; k++) {
                        g[k][r] = ((int[][]) all[r])[k];
                    }
                }
                return g;
            }, mine);
        });
    }

    /**
     * Every rank's edges (from each of {@code n} sources to its next {@code degrees[i]}
     * destinations) gathered into each rank's in- and out-lists: by contributing rank, then in
     * the order given.
     */
    @Override
    public int jpar_dist_graph_create(long comm, int n, long sources, long degrees,
                                      long destinations, long weights, int reorder, long out) {
        return guardedCode(() -> {
            int[] from = ints(sources, n);
            int[] degree = ints(degrees, n);
            int edges = 0;
            for (int d : degree) {
                edges += d;
            }
            int[][] mine = {from, degree, ints(destinations, edges),
                weights == 0 ? null : ints(weights, edges)};
            return distGraph(comm, out, all -> {
                int size = all.length;
                java.util.List<java.util.List<int[]>> in = new java.util.ArrayList<>();
                java.util.List<java.util.List<int[]>> to = new java.util.ArrayList<>();
                for (int r = 0; r < size; r++) {
                    in.add(new java.util.ArrayList<>());
                    to.add(new java.util.ArrayList<>());
                }
                boolean weighted = false;
                for (Object a : all) {
                    int[][] e = (int[][]) a;
                    weighted |= e[3] != null;
                    for (int i = 0, k = 0; i < e[0].length; i++) {
                        for (int d = 0; d < e[1][i]; d++, k++) {
                            int w = e[3] == null ? 1 : e[3][k];
                            to.get(e[0][i]).add(new int[] {e[2][k], w});
                            in.get(e[2][k]).add(new int[] {e[0][i], w});
                        }
                    }
                }
                int[][][] g = new int[4][size][];
                for (int r = 0; r < size; r++) {
                    g[0][r] = in.get(r).stream().mapToInt(x -> x[0]).toArray();
                    g[1][r] = to.get(r).stream().mapToInt(x -> x[0]).toArray();
                    g[2][r] = weighted ? in.get(r).stream().mapToInt(x -> x[1]).toArray() : null;
                    g[3][r] = weighted ? to.get(r).stream().mapToInt(x -> x[1]).toArray() : null;
                }
                return g;
            }, mine);
        });
    }

    /**
     * A distributed graph over a copy of {@code comm}: every rank deposits {@code mine}, and
     * {@code layout} turns all deposits into sources, destinations and their weights by rank.
     */
    private int distGraph(long comm, long out,
                          java.util.function.Function<Object[], int[][][]> layout,
                          int[][] mine) {
        LocalComm c = comm(comm);
        int rc = jpar_comm_split(comm, 0, rankIn(c), out);
        if (rc != 0) {
            return rc;
        }
        LocalComm g = comm(Memory.getLong(out));
        int rank = rankIn(g);
        int[][][] graph = layout.apply(g.exchange(rank, mine));
        g.exchange(rank, null);
        boolean weighted = false;
        for (int[] w : graph[2]) {
            weighted |= w != null;
        }
        for (int[] w : graph[3]) {
            weighted |= w != null;
        }
        if (weighted) {
            // A graph is weighted as a whole; a rank that gave no weights has weight-1 edges.
            for (int k = 2; k < 4; k++) {
                for (int r = 0; r < graph[k].length; r++) {
                    if (graph[k][r] == null) {
                        graph[k][r] = new int[graph[k - 2][r].length];
                        java.util.Arrays.fill(graph[k][r], 1);
                    }
                }
            }
        }
        g.graph(graph[0], graph[1], weighted ? graph[2] : null, weighted ? graph[3] : null);
        return 0;
    }

    @Override
    public int jpar_dist_graph_neighbors_count(long comm, long indegree, long outdegree,
                                               long weighted) {
        return guardedCode(() -> {
            LocalComm c = graphOf(comm);
            Memory.putInt(indegree, c.graphSources()[rankIn(c)].length);
            Memory.putInt(outdegree, c.graphDestinations()[rankIn(c)].length);
            Memory.putInt(weighted, c.sourceWeights() == null ? 0 : 1);
            return 0;
        });
    }

    @Override
    public int jpar_dist_graph_neighbors(long comm, int maxindegree, long sources,
                                         long sourceweights, int maxoutdegree,
                                         long destinations, long destweights) {
        return guardedCode(() -> {
            LocalComm c = graphOf(comm);
            int r = rankIn(c);
            putInts(sources, c.graphSources()[r], maxindegree);
            putInts(destinations, c.graphDestinations()[r], maxoutdegree);
            if (c.sourceWeights() != null && sourceweights != 0) {
                putInts(sourceweights, c.sourceWeights()[r], maxindegree);
            }
            if (c.destinationWeights() != null && destweights != 0) {
                putInts(destweights, c.destinationWeights()[r], maxoutdegree);
            }
            return 0;
        });
    }

    // ------------------------------------------------------------------ neighbour collectives

    /**
     * One neighbour collective: every rank deposits its send side, then each fills block k of
     * its receive side from neighbour k's deposit with {@code copy}.
     */
    private int neighborly(long comm, Object deposit, NeighborCopy copy) {
        return guardedCode(() -> {
            LocalComm c = comm(comm);
            if (c.cartDims() == null && c.graphSources() == null) {
                throw new Failure(ERR_TOPOLOGY);
            }
            int rank = rankIn(c);
            Object[] all = c.exchange(rank, deposit);
            if (c.cartDims() != null) {
                int[] near = neighbors(c, rank);
                for (int k = 0; k < near.length; k++) {
                    if (near[k] != Comm.PROC_NULL) {
                        copy.run(k, all[near[k]], k ^ 1);
                    }
                }
            } else {
                int[] from = c.graphSources()[rank];
                for (int k = 0; k < from.length; k++) {
                    copy.run(k, all[from[k]], matching(c, rank, from, k));
                }
            }
            c.exchange(rank, null);
            return 0;
        });
    }

    /**
     * The block of source {@code from[k]} meant for {@code rank}: as MPI pairs them, the m-th
     * time a source appears here takes the m-th time this rank appears among its destinations.
     */
    private static int matching(LocalComm c, int rank, int[] from, int k) {
        int occurrence = 0;
        for (int i = 0; i < k; i++) {
            if (from[i] == from[k]) {
                occurrence++;
            }
        }
        int[] theirs = c.graphDestinations()[from[k]];
        for (int j = 0; j < theirs.length; j++) {
            if (theirs[j] == rank && occurrence-- == 0) {
                return j;
            }
        }
        throw new Failure(ERR_TOPOLOGY);
    }

    /** Fills block {@code k} from a neighbour's deposit, whose block for this rank is {@code j}. */
    private interface NeighborCopy {
        void run(int k, Object theirs, int j);
    }

    @Override
    public int jpar_neighbor_allgather(long sendbuf, int sendcount, long recvbuf, int recvcount,
                                       int type, long comm) {
        long block = (long) recvcount * ElementType.of(type).bytes;
        return neighborly(comm, sendbuf,
            (k, theirs, j) -> Memory.copy((Long) theirs, recvbuf + k * block, block));
    }

    @Override
    public int jpar_neighbor_allgatherv(long sendbuf, int sendcount, long recvbuf,
                                        long recvcounts, long displs, int type, long comm) {
        int width = ElementType.of(type).bytes;
        return neighborly(comm, new long[] {sendbuf, sendcount}, (k, theirs, j) -> {
            long[] from = (long[]) theirs;
            long n = Math.min(from[1], Memory.getInt(recvcounts + 4L * k));
            Memory.copy(from[0], recvbuf + (long) Memory.getInt(displs + 4L * k) * width,
                n * width);
        });
    }

    @Override
    public int jpar_neighbor_alltoall(long sendbuf, int sendcount, long recvbuf, int recvcount,
                                      int type, long comm) {
        long block = (long) recvcount * ElementType.of(type).bytes;
        return neighborly(comm, sendbuf,
            (k, theirs, j) -> Memory.copy((Long) theirs + j * block, recvbuf + k * block, block));
    }

    @Override
    public int jpar_neighbor_alltoallv(long sendbuf, long sendcounts, long sdispls, long recvbuf,
                                       long recvcounts, long rdispls, int type, long comm) {
        int width = ElementType.of(type).bytes;
        return neighborly(comm, new long[] {sendbuf, sendcounts, sdispls}, (k, theirs, j) -> {
            long[] from = (long[]) theirs;
            long n = Math.min(Memory.getInt(from[1] + 4L * j), Memory.getInt(recvcounts + 4L * k));
            Memory.copy(from[0] + (long) Memory.getInt(from[2] + 4L * j) * width,
                recvbuf + (long) Memory.getInt(rdispls + 4L * k) * width, n * width);
        });
    }

    @Override
    public int jpar_neighbor_alltoallw(long sendbuf, long sendcounts, long sdispls,
                                       long sendtypes, long recvbuf, long recvcounts,
                                       long rdispls, long recvtypes, long comm) {
        return neighborly(comm, new long[] {sendbuf, sendcounts, sdispls, sendtypes},
            (k, theirs, j) -> {
                long[] from = (long[]) theirs;
                long sent = Memory.getInt(from[1] + 4L * j)
                    * (long) ElementType.of(Memory.getInt(from[3] + 4L * j)).bytes;
                long room = Memory.getInt(recvcounts + 4L * k)
                    * (long) ElementType.of(Memory.getInt(recvtypes + 4L * k)).bytes;
                Memory.copy(from[0] + Memory.getInt(from[2] + 4L * j),
                    recvbuf + Memory.getInt(rdispls + 4L * k), Math.min(sent, room));
            });
    }

    @Override
    public int jpar_ineighbor_alltoallw(long sendbuf, long sendcounts, long sdispls,
                                        long sendtypes, long recvbuf, long recvcounts,
                                        long rdispls, long recvtypes, long comm, long workspace,
                                        long request) {
        return startCollective(request, () -> jpar_neighbor_alltoallw(sendbuf, sendcounts,
            sdispls, sendtypes, recvbuf, recvcounts, rdispls, recvtypes, comm));
    }

    @Override
    public int jpar_ineighbor_allgather(long sendbuf, int sendcount, long recvbuf, int recvcount,
                                        int type, long comm, long request) {
        return startCollective(request, () -> jpar_neighbor_allgather(sendbuf, sendcount,
            recvbuf, recvcount, type, comm));
    }

    @Override
    public int jpar_ineighbor_allgatherv(long sendbuf, int sendcount, long recvbuf,
                                         long recvcounts, long displs, int type, long comm,
                                         long request) {
        return startCollective(request, () -> jpar_neighbor_allgatherv(sendbuf, sendcount,
            recvbuf, recvcounts, displs, type, comm));
    }

    @Override
    public int jpar_ineighbor_alltoall(long sendbuf, int sendcount, long recvbuf, int recvcount,
                                       int type, long comm, long request) {
        return startCollective(request, () -> jpar_neighbor_alltoall(sendbuf, sendcount,
            recvbuf, recvcount, type, comm));
    }

    @Override
    public int jpar_ineighbor_alltoallv(long sendbuf, long sendcounts, long sdispls,
                                        long recvbuf, long recvcounts, long rdispls, int type,
                                        long comm, long request) {
        return startCollective(request, () -> jpar_neighbor_alltoallv(sendbuf, sendcounts,
            sdispls, recvbuf, recvcounts, rdispls, type, comm));
    }
}
