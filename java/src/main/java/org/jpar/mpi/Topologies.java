package org.jpar.mpi;

import java.util.Arrays;
import java.util.Objects;
import org.jpar.mpi.internal.Scratch;

/**
 * How {@link Intracomm} makes its topologies: the checks Java can do, then one native call each
 * (MPI_Cart_create, MPI_Graph_create, MPI_Dist_graph_create_adjacent).
 */
final class Topologies {
    private Topologies() {
    }

    static Cartcomm cart(Intracomm c, int[] dims, boolean[] periods, boolean reorder) {
        Objects.requireNonNull(dims, "dims must not be null");
        Objects.requireNonNull(periods, "periods must not be null");
        if (dims.length != periods.length) {
            throw new IllegalArgumentException("dims and periods must have one entry per "
                + "dimension: dims=" + dims.length + ", periods=" + periods.length);
        }
        long cells = 1;
        for (int d : dims) {
            if (d <= 0) {
                throw new IllegalArgumentException("dims must be positive: dims="
                    + Arrays.toString(dims));
            }
            cells *= d;
        }
        if (cells > c.size) {
            throw new IllegalArgumentException("the grid has more ranks than the communicator: "
                + "cells=" + cells + ", size=" + c.size);
        }
        c.checkOpen("createCart");
        int[] flags = new int[dims.length];
        for (int d = 0; d < dims.length; d++) {
            flags[d] = periods[d] ? 1 : 0;
        }
        Scratch s = Scratch.get();
        long at = s.layouts(dims, flags);
        c.check(c.abi.jpar_cart_create(c.handle, dims.length, at, at + 4L * dims.length,
            reorder ? 1 : 0, s.outAddress + Scratch.HANDLE), "createCart");
        long h = s.out.getLong(Scratch.HANDLE);
        return h == c.abi.jpar_comm_null() ? null : new Cartcomm(c.mpi, h);
    }

    static Graphcomm graph(Intracomm c, int[] index, int[] edges, boolean reorder) {
        Objects.requireNonNull(index, "index must not be null");
        Objects.requireNonNull(edges, "edges must not be null");
        int nodes = index.length;
        if (nodes == 0 || nodes > c.size) {
            throw new IllegalArgumentException("index must have 1 to size entries: length="
                + nodes + ", size=" + c.size);
        }
        for (int i = 0; i < nodes; i++) {
            if (index[i] < (i == 0 ? 0 : index[i - 1])) {
                throw new IllegalArgumentException("index must not decrease: index="
                    + Arrays.toString(index));
            }
        }
        if (index[nodes - 1] != edges.length) {
            throw new IllegalArgumentException("index must end at edges.length: last="
                + index[nodes - 1] + ", edges=" + edges.length);
        }
        for (int e : edges) {
            if (e < 0 || e >= nodes) {
                throw new IllegalArgumentException("an edge names a rank outside the graph: "
                    + "edge=" + e + ", nodes=" + nodes);
            }
        }
        c.checkOpen("createGraph");
        Scratch s = Scratch.get();
        long at = s.layouts(index, edges);
        c.check(c.abi.jpar_graph_create(c.handle, nodes, at, at + 4L * nodes, reorder ? 1 : 0,
            s.outAddress + Scratch.HANDLE), "createGraph");
        long h = s.out.getLong(Scratch.HANDLE);
        return h == c.abi.jpar_comm_null() ? null : new Graphcomm(c.mpi, h);
    }

    static Distgraphcomm distGraphAdjacent(Intracomm c, int[] sources, int[] sourceWeights,
                                           int[] destinations, int[] destWeights,
                                           boolean reorder) {
        Objects.requireNonNull(sources, "sources must not be null");
        Objects.requireNonNull(destinations, "destinations must not be null");
        ranks(c, sources, "sources");
        ranks(c, destinations, "destinations");
        if ((sourceWeights == null) != (destWeights == null)) {
            throw new IllegalArgumentException("give both weight arrays or neither");
        }
        weights(sourceWeights, sources.length, "sourceWeights");
        weights(destWeights, destinations.length, "destWeights");
        c.checkOpen("createDistGraphAdjacent");
        Scratch s = Scratch.get();
        boolean weighted = sourceWeights != null;
        long at = weighted ? s.layouts(sources, sourceWeights, destinations, destWeights)
            : s.layouts(sources, destinations);
        long in = at;
        long inW = weighted ? at + 4L * sources.length : 0;
        long to = weighted ? inW + 4L * sources.length : at + 4L * sources.length;
        long toW = weighted ? to + 4L * destinations.length : 0;
        c.check(c.abi.jpar_dist_graph_create_adjacent(c.handle, sources.length, in, inW,
            destinations.length, to, toW, reorder ? 1 : 0, s.outAddress + Scratch.HANDLE),
            "createDistGraphAdjacent");
        return new Distgraphcomm(c.mpi, s.out.getLong(Scratch.HANDLE));
    }

    static Distgraphcomm distGraph(Intracomm c, int[] sources, int[] degrees,
                                   int[] destinations, int[] weights, boolean reorder) {
        Objects.requireNonNull(sources, "sources must not be null");
        Objects.requireNonNull(degrees, "degrees must not be null");
        Objects.requireNonNull(destinations, "destinations must not be null");
        if (degrees.length != sources.length) {
            throw new IllegalArgumentException("sources and degrees must have the same length: "
                + sources.length + " and " + degrees.length);
        }
        long edges = 0;
        for (int d : degrees) {
            if (d < 0) {
                throw new IllegalArgumentException("degrees must not be negative: "
                    + Arrays.toString(degrees));
            }
            edges += d;
        }
        if (edges != destinations.length) {
            throw new IllegalArgumentException("degrees must add up to the destinations: "
                + edges + " and " + destinations.length);
        }
        ranks(c, sources, "sources");
        ranks(c, destinations, "destinations");
        weights(weights, destinations.length, "weights");
        c.checkOpen("createDistGraph");
        Scratch s = Scratch.get();
        long at = weights == null ? s.layouts(sources, degrees, destinations)
            : s.layouts(sources, degrees, destinations, weights);
        long deg = at + 4L * sources.length;
        long to = deg + 4L * sources.length;
        long w = weights == null ? 0 : to + 4L * destinations.length;
        c.check(c.abi.jpar_dist_graph_create(c.handle, sources.length, at, deg, to, w,
            reorder ? 1 : 0, s.outAddress + Scratch.HANDLE), "createDistGraph");
        return new Distgraphcomm(c.mpi, s.out.getLong(Scratch.HANDLE));
    }

    private static void ranks(Intracomm c, int[] ranks, String name) {
        for (int r : ranks) {
            if (r < 0 || r >= c.size) {
                throw new IllegalArgumentException(name + " must be ranks from 0 to "
                    + (c.size - 1) + ": rank=" + r);
            }
        }
    }

    /** Null, or one weight, none negative, per edge. */
    private static void weights(int[] weights, int edges, String name) {
        if (weights == null) {
            return;
        }
        if (weights.length != edges) {
            throw new IllegalArgumentException(name + " must have one weight per edge: length="
                + weights.length + ", edges=" + edges);
        }
        for (int w : weights) {
            if (w < 0) {
                throw new IllegalArgumentException(name + " must not be negative: "
                    + Arrays.toString(weights));
            }
        }
    }
}
