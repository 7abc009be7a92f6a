package org.jpar.mpi.conformance;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import org.jpar.mpi.Cartcomm;
import org.jpar.mpi.Comm;
import org.jpar.mpi.Datatype;
import org.jpar.mpi.DirectBuffers;
import org.jpar.mpi.Distgraphcomm;
import org.jpar.mpi.Graphcomm;
import org.jpar.mpi.Intracomm;
import org.jpar.mpi.Mpi;
import org.jpar.mpi.Request;
import org.jpar.mpi.conformance.Values.Kind;
import org.jpar.mpi.conformance.Values.Type;

/** Cartesian grids and graphs, and the neighbour collectives over them. */
final class TopologyChecks {
    private TopologyChecks() {
    }

    static void register(Map<String, Consumer<Intracomm>> checks) {
        checks.put("dims_create", TopologyChecks::dimsCreate);
        checks.put("cart_coords_rank_shift_sub", TopologyChecks::cart);
        checks.put("neighbor_collectives_periodic_and_edges", TopologyChecks::neighbors);
        checks.put("neighbor_v_collectives", TopologyChecks::neighborsV);
        checks.put("graph_ring_neighbors_and_collectives", TopologyChecks::graphRing);
        checks.put("dist_graph_star_and_ring", TopologyChecks::distGraph);
        checks.put("dist_graph_from_any_rank_and_weights", TopologyChecks::distGraphWeighted);
        checks.put("neighbor_alltoallw_a_type_per_neighbor", TopologyChecks::alltoallw);
        checks.put("bad_topologies", TopologyChecks::bad);
    }

    static void dimsCreate(Intracomm c) {
        Mpi mpi = c.mpi();
        Check.equal("[4, 3]", Arrays.toString(mpi.dimsCreate(12, new int[2])), "12 in two");
        Check.equal("[2, 3, 2]", Arrays.toString(mpi.dimsCreate(12, new int[] {0, 3, 0})),
            "12 with a fixed 3");
        Check.equal("[7, 1]", Arrays.toString(mpi.dimsCreate(7, new int[2])), "a prime");
        int[] d = mpi.dimsCreate(c.size(), new int[2]);
        Check.equal(c.size(), d[0] * d[1], "the world's grid covers it");
        Check.isTrue(d[0] >= d[1], "non-increasing");
    }

    /** The 2-D grid of dimsCreate, periodic in dimension 0 only. */
    private static Cartcomm grid(Intracomm c) {
        int[] dims = c.mpi().dimsCreate(c.size(), new int[2]);
        return c.createCart(dims, new boolean[] {true, false}, false);
    }

    static void cart(Intracomm c) {
        Cartcomm g = grid(c);
        int[] dims = g.dims();
        int[] me = g.coords();
        Check.equal(2, g.ndims(), "ndims");
        Check.equal(c.rank(), g.rank(me), "rank of my coordinates");
        Check.equal(me[0] * dims[1] + me[1], g.rank(), "row-major numbering");
        for (int r = 0; r < g.size(); r++) {
            Check.equal(r, g.rank(g.coords(r)), "coords and rank of " + r);
        }
        Cartcomm.Shift down = g.shift(0, 1);
        Check.equal(g.rank(me[0] - 1, me[1]), down.source(), "periodic source");
        Check.equal(g.rank(me[0] + 1, me[1]), down.dest(), "periodic dest");
        Cartcomm.Shift across = g.shift(1, 1);
        Check.equal(me[1] == 0 ? Comm.PROC_NULL : g.rank(me[0], me[1] - 1), across.source(),
            "edge source");
        Check.equal(me[1] == dims[1] - 1 ? Comm.PROC_NULL : g.rank(me[0], me[1] + 1),
            across.dest(), "edge dest");
        Check.equal(Arrays.toString(new int[] {down.source(), down.dest(), across.source(),
            across.dest()}), Arrays.toString(g.neighbors()), "neighbours in MPI's order");
        Cartcomm row = g.sub(false, true);
        Check.equal(dims[1], row.size(), "a row");
        Check.equal(me[1], row.rank(), "rank in the row");
        Check.equal(1, row.ndims(), "the row's dimensions");
        row.free();
        g.free();
        if (c.size() > 1) {
            Cartcomm part = c.createCart(new int[] {c.size() - 1}, new boolean[] {false}, false);
            Check.isTrue((part == null) == (c.rank() == c.size() - 1),
                "a grid smaller than the communicator leaves the last rank out");
            if (part != null) {
                part.free();
            }
        }
    }

    /**
     * Each rank sends its rank (allgather) and, per neighbour, rank*10+k (alltoall) on every
     * storage kind, blocking and not; an edge's block keeps -1.
     */
    static void neighbors(Intracomm c) {
        Cartcomm g = grid(c);
        int[] near = g.neighbors();
        int k = near.length;
        int me = g.rank();
        for (Kind kind : Kind.values()) {
            for (boolean start : new boolean[] {false, true}) {
                String what = kind + (start ? " started" : "");
                Object gathered = Values.filled(Type.INT, kind, 2 * k, i -> -1);
                Object mine = Values.filled(Type.INT, kind, 2, i -> me * 100 + i);
                Request r1 = start ? g.ineighborAllgather(mine, gathered) : null;
                if (!start) {
                    g.neighborAllgather(mine, gathered);
                }
                Object out = Values.filled(Type.LONG, kind, k, i -> me * 10L + i);
                Object in = Values.filled(Type.LONG, kind, k, i -> -1);
                Request r2 = start ? g.ineighborAlltoall(out, in) : null;
                if (!start) {
                    g.neighborAlltoall(out, in);
                }
                if (start) {
                    Request.waitAll(r2, r1);
                }
                for (int n = 0; n < k; n++) {
                    int from = near[n];
                    Check.elements(gathered, 2 * n, 2, i -> from == Comm.PROC_NULL ? -1
                        : from * 100L + i, what + " allgather block " + n);
                    checkBlock(near, n, Values.get(in, n), what + " alltoall block " + n);
                }
            }
        }
        g.free();
    }

    /** v forms: neighbour n's block has n+1 elements, spaced one apart. */
    static void neighborsV(Intracomm c) {
        Cartcomm g = grid(c);
        int[] near = g.neighbors();
        int k = near.length;
        int me = g.rank();
        int[] counts = new int[k];
        int[] displs = new int[k];
        int at = 0;
        for (int n = 0; n < k; n++) {
            counts[n] = 2;
            displs[n] = at;
            at += 3;
        }
        long[] gathered = new long[at];
        Arrays.fill(gathered, -1);
        g.neighborAllgatherv(new long[] {me, me + 1000}, gathered, counts, displs);
        int[] sendcounts = new int[k];
        Arrays.fill(sendcounts, 1);
        long[] out = new long[k];
        for (int n = 0; n < k; n++) {
            out[n] = me * 10L + n;
        }
        long[] in = new long[at];
        Arrays.fill(in, -1);
        int[] ones = sendcounts.clone();
        g.ineighborAlltoallv(out, sendcounts, null, in, ones, displs).waitFor();
        for (int n = 0; n < k; n++) {
            int from = near[n];
            boolean none = from == Comm.PROC_NULL;
            Check.equal(none ? -1L : from, gathered[displs[n]], "allgatherv block " + n);
            Check.equal(none ? -1L : from + 1000L, gathered[displs[n] + 1], "allgatherv 2nd");
            Check.equal(-1L, gathered[displs[n] + 2], "allgatherv gap " + n);
            checkBlock(near, n, in[displs[n]], "alltoallv " + n);
            Check.equal(-1L, in[displs[n] + 1], "alltoallv gap " + n);
        }
        g.free();
    }

    /**
     * Block n of a neighbour alltoall holds rank*10 + j from neighbour n, j being the block that
     * neighbour sends this way (n ^ 1); -1 where there is no neighbour. Where one rank is both
     * neighbours of a dimension (a periodic one of size 1 or 2), the MPIs here (Open MPI 4.1,
     * MPICH 4.0) pair its two blocks one way in the blocking form and the other way in the
     * nonblocking one, so either block is accepted there.
     */
    private static void checkBlock(int[] near, int n, long value, String what) {
        int from = near[n];
        if (from == Comm.PROC_NULL) {
            Check.equal(-1L, value, what + " (no neighbour)");
        } else if (near[n ^ 1] == from) {
            Check.isTrue(value == from * 10L + n || value == from * 10L + (n ^ 1),
                what + ": a block of rank " + from + ", got " + value);
        } else {
            Check.equal(from * 10L + (n ^ 1), value, what);
        }
    }

    /** A ring as a graph: rank i's edges are i-1 and i+1 (the same rank twice on 1 or 2). */
    static void graphRing(Intracomm c) {
        int n = c.size();
        int[] index = new int[n];
        int[] edges = new int[2 * n];
        for (int i = 0; i < n; i++) {
            index[i] = 2 * (i + 1);
            edges[2 * i] = (i - 1 + n) % n;
            edges[2 * i + 1] = (i + 1) % n;
        }
        Graphcomm g = c.createGraph(index, edges, false);
        int me = g.rank();
        int[] near = g.neighbors();
        Check.equal(Arrays.toString(new int[] {(me - 1 + n) % n, (me + 1) % n}),
            Arrays.toString(near), "my edges");
        Check.equal(Arrays.toString(new int[] {n - 1, 1 % n}), Arrays.toString(g.neighbors(0)),
            "rank 0's edges");
        for (boolean start : new boolean[] {false, true}) {
            long[] gathered = new long[2];
            long[] out = {me * 10L, me * 10L + 1};
            long[] in = new long[2];
            if (start) {
                Request.waitAll(g.ineighborAllgather(new long[] {me}, gathered),
                    g.ineighborAlltoall(out, in));
            } else {
                g.neighborAllgather(new long[] {me}, gathered);
                g.neighborAlltoall(out, in);
            }
            for (int k = 0; k < 2; k++) {
                Check.equal((long) near[k], gathered[k], "allgather from edge " + k);
                int from = near[k];
                // Edge k of mine is the (k ^ 1)-th edge of that rank that points back here.
                Check.isTrue(in[k] / 10 == from, "alltoall block " + k + " from rank " + from
                    + ": " + in[k]);
                if (near[0] != near[1]) {
                    Check.equal(from * 10L + (k ^ 1), in[k], "alltoall block " + k);
                }
            }
        }
        g.free();
        if (n > 1) {
            Graphcomm part = c.createGraph(new int[] {0}, new int[0], false);
            Check.isTrue((part == null) == (c.rank() > 0), "a graph of one node");
            if (part != null) {
                Check.equal(0, part.neighbors().length, "no edges");
                part.free();
            }
        }
    }

    /**
     * A star (every rank sends to rank 0, which sends to none) and a one-way ring: in-degree and
     * out-degree differ, and blocks follow sources and destinations.
     */
    static void distGraph(Intracomm c) {
        int n = c.size();
        int me = c.rank();
        int[] others = new int[n - 1];
        for (int i = 1; i < n; i++) {
            others[i - 1] = i;
        }
        Distgraphcomm star = me == 0
            ? c.createDistGraphAdjacent(others, new int[0], false)
            : c.createDistGraphAdjacent(new int[0], new int[] {0}, false);
        Check.equal(me == 0 ? n - 1 : 0, star.sources().length, "in-degree");
        Check.equal(me == 0 ? 0 : 1, star.destinations().length, "out-degree");
        long[] in = new long[me == 0 ? n - 1 : 0];
        long[] out = me == 0 ? new long[0] : new long[] {me * 7L};
        star.neighborAlltoall(out, in);
        for (int i = 0; i < in.length; i++) {
            Check.equal((i + 1) * 7L, in[i], "star block " + i);
        }
        long[] all = new long[me == 0 ? n - 1 : 0];
        star.ineighborAllgather(new long[] {me + 100L}, all).waitFor();
        for (int i = 0; i < all.length; i++) {
            Check.equal(i + 101L, all[i], "star allgather " + i);
        }
        star.free();
        Distgraphcomm ring = c.createDistGraphAdjacent(new int[] {(me - 1 + n) % n},
            new int[] {(me + 1) % n}, false);
        int[] got = new int[1];
        ring.neighborAlltoallv(new int[] {me, -1}, new int[] {1}, null, got, new int[] {1}, null);
        Check.equal((me - 1 + n) % n, got[0], "one-way ring");
        ring.free();
    }

    /**
     * On a one-way ring: each rank sends its successor a double and an int, packed in a byte
     * buffer, and gets its predecessor's; on the grid, an int to each neighbour. The openmpi
     * backend has no neighbour alltoallw and says so.
     */
    static void alltoallw(Intracomm c) {
        int n = c.size();
        int me = c.rank();
        int prev = (me - 1 + n) % n;
        int next = (me + 1) % n;
        Distgraphcomm ring = c.createDistGraphAdjacent(new int[] {prev, prev},
            new int[] {next, next}, false);
        ByteBuffer out = DirectBuffers.allocate(16);
        out.putDouble(0, me + 0.5).putInt(8, me * 3);
        byte[] in = new byte[16];
        Datatype[] types = {Datatype.DOUBLE, Datatype.INT};
        Runnable call = () -> ring.neighborAlltoallw(out, new int[] {1, 1}, new int[] {0, 8},
            types, in, new int[] {1, 1}, new int[] {0, 8}, types);
        if (c.mpi().backend().equals("openmpi")) {
            Check.raises(UnsupportedOperationException.class, call::run, "openmpi's backend");
            ring.free();
            return;
        }
        for (boolean start : new boolean[] {false, true}) {
            Arrays.fill(in, (byte) 0);
            if (start) {
                ring.ineighborAlltoallw(out, new int[] {1, 1}, new int[] {0, 8}, types, in,
                    new int[] {1, 1}, new int[] {0, 8}, types).waitFor();
            } else {
                call.run();
            }
            ByteBuffer got = ByteBuffer.wrap(in).order(ByteOrder.nativeOrder());
            Check.equal(prev + 0.5, got.getDouble(0), "the double from " + prev);
            Check.equal(prev * 3, got.getInt(8), "the int from " + prev);
        }
        ring.free();
    }

    /**
     * Rank 0 alone describes a weighted ring (edge i to i + 1, weight i + 1); every rank finds
     * its own edges and weights, and a neighbour allgather runs over them. Then a weighted
     * adjacent graph, an unweighted one, and bad graphs.
     */
    static void distGraphWeighted(Intracomm c) {
        int n = c.size();
        int me = c.rank();
        int left = (me - 1 + n) % n;
        int right = (me + 1) % n;
        int[] all = new int[n];
        int[] ones = new int[n];
        int[] next = new int[n];
        int[] weights = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
            ones[i] = 1;
            next[i] = (i + 1) % n;
            weights[i] = i + 1;
        }
        Distgraphcomm ring = me == 0 ? c.createDistGraph(all, ones, next, weights, false)
            : c.createDistGraph(new int[0], new int[0], new int[0], new int[0], false);
        Check.isTrue(ring.isWeighted(), "a weighted graph");
        Check.equal(Arrays.toString(new int[] {left}), Arrays.toString(ring.sources()), "sources");
        Check.equal(Arrays.toString(new int[] {right}), Arrays.toString(ring.destinations()),
            "destinations");
        Check.equal(Arrays.toString(new int[] {left + 1}), Arrays.toString(ring.sourceWeights()),
            "source weights");
        Check.equal(Arrays.toString(new int[] {me + 1}),
            Arrays.toString(ring.destinationWeights()), "destination weights");
        int[] got = new int[1];
        ring.neighborAllgather(new int[] {10 * me}, got);
        Check.equal(10 * left, got[0], "neighbour allgather over the ring");
        ring.free();

        Distgraphcomm adjacent = c.createDistGraphAdjacent(new int[] {left}, new int[] {7},
            new int[] {right}, new int[] {7}, false);
        Check.equal(Arrays.toString(new int[] {7}), Arrays.toString(adjacent.sourceWeights()),
            "adjacent source weights");
        adjacent.free();
        Distgraphcomm plain = c.createDistGraph(new int[] {me}, new int[] {1}, new int[] {right},
            null, false);
        Check.isTrue(!plain.isWeighted(), "an unweighted graph");
        Check.equal(Arrays.toString(new int[] {left}), Arrays.toString(plain.sources()),
            "unweighted sources");
        Check.raises(IllegalStateException.class, plain::sourceWeights, "weights of none");
        plain.free();

        Check.raises(IllegalArgumentException.class, () -> c.createDistGraph(new int[] {me},
            new int[] {2}, new int[] {right}, null, false), "degrees past the destinations");
        Check.raises(IllegalArgumentException.class, () -> c.createDistGraph(new int[] {me},
            new int[] {1}, new int[] {right}, new int[] {-1}, false), "a negative weight");
        Check.raises(IllegalArgumentException.class, () -> c.createDistGraphAdjacent(
            new int[] {left}, new int[] {1}, new int[] {right}, null, false),
            "weights on one side");
        Check.raises(IllegalArgumentException.class, () -> c.createDistGraph(new int[] {n},
            new int[] {0}, new int[0], null, false), "a source outside the communicator");
    }

    static void bad(Intracomm c) {
        Mpi mpi = c.mpi();
        Check.raises(IllegalArgumentException.class,
            () -> c.createCart(new int[] {1, 1}, new boolean[] {true}, false), "lengths differ");
        Check.raises(IllegalArgumentException.class,
            () -> c.createCart(new int[] {0}, new boolean[] {true}, false), "a zero dimension");
        Check.raises(IllegalArgumentException.class,
            () -> c.createCart(new int[] {c.size() + 1}, new boolean[] {true}, false),
            "more cells than ranks");
        Check.raises(IllegalArgumentException.class, () -> mpi.dimsCreate(0, new int[1]),
            "no nodes");
        Check.raises(IllegalArgumentException.class, () -> mpi.dimsCreate(5, new int[] {2, 0}),
            "a fixed dimension that does not divide");
        Cartcomm g = grid(c);
        Check.raises(IllegalArgumentException.class, () -> g.rank(0), "too few coordinates");
        Check.raises(IllegalArgumentException.class, () -> g.rank(0, -1),
            "outside a non-periodic dimension");
        Check.equal(g.rank(0, 0), g.rank(-g.dims()[0], 0), "a periodic one wraps");
        Check.raises(IllegalArgumentException.class, () -> g.shift(2, 1), "direction");
        Check.raises(IllegalArgumentException.class, () -> g.sub(true), "sub's length");
        Check.raises(IllegalArgumentException.class, () -> g.coords(g.size()), "coords of a rank");
        Check.raises(IllegalArgumentException.class,
            () -> g.neighborAlltoall(new int[3], new int[3]), "alltoall's count");
        g.free();
        int n = c.size();
        Check.raises(IllegalArgumentException.class,
            () -> c.createGraph(new int[0], new int[0], false), "a graph of no nodes");
        Check.raises(IllegalArgumentException.class,
            () -> c.createGraph(new int[] {1}, new int[] {1}, false), "an edge off the graph");
        Check.raises(IllegalArgumentException.class,
            () -> c.createGraph(new int[] {2}, new int[] {0}, false), "index past the edges");
        Check.raises(IllegalArgumentException.class,
            () -> c.createDistGraphAdjacent(new int[] {n}, new int[0], false), "a source");
    }
}
