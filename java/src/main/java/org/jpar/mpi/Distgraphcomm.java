package org.jpar.mpi;

import java.util.Arrays;
import org.jpar.mpi.internal.JavaAbi;
import org.jpar.mpi.internal.Scratch;

/**
 * A communicator laid out as a directed graph (from {@link Intracomm#createDistGraphAdjacent}
 * or {@link Intracomm#createDistGraph}): each rank receives from its sources and sends to its
 * destinations, which need not be the same, in neighbour collectives; the edges may carry
 * weights.
 */
public final class Distgraphcomm extends Topocomm {
    private final int[] sourceWeights;
    private final int[] destinationWeights;

    Distgraphcomm(Mpi mpi, long handle) {
        super(mpi, handle);
        Scratch s = Scratch.get();
        check(abi.jpar_dist_graph_neighbors_count(handle, s.outAddress + Scratch.INT,
            s.outAddress + Scratch.FLAG, s.outAddress + Scratch.HANDLE2), "distGraphNeighbors");
        int in = s.out.getInt(Scratch.INT);
        int out = s.out.getInt(Scratch.FLAG);
        boolean weighted = s.out.getInt(Scratch.HANDLE2) != 0;
        int n = 2 * (in + out);
        long at = s.layouts(new int[n]);
        long inW = at + 4L * in;
        long to = inW + 4L * in;
        long toW = to + 4L * out;
        check(abi.jpar_dist_graph_neighbors(handle, in, at, weighted ? inW : 0, out, to,
            weighted ? toW : 0), "distGraphNeighbors");
        int[] all = JavaAbi.ints(at, n);
        neighbors(Arrays.copyOfRange(all, 0, in), Arrays.copyOfRange(all, 2 * in, 2 * in + out));
        sourceWeights = weighted ? Arrays.copyOfRange(all, in, 2 * in) : null;
        destinationWeights = weighted ? Arrays.copyOfRange(all, 2 * in + out, n) : null;
    }

    /** Whether the graph's edges carry weights. */
    public boolean isWeighted() {
        return sourceWeights != null;
    }

    /**
     * The weights of the edges from {@link #sources()}, in that order.
     *
     * @throws IllegalStateException for an unweighted graph
     */
    public int[] sourceWeights() {
        return weights(sourceWeights);
    }

    /**
     * The weights of the edges to {@link #destinations()}, in that order.
     *
     * @throws IllegalStateException for an unweighted graph
     */
    public int[] destinationWeights() {
        return weights(destinationWeights);
    }

    private static int[] weights(int[] w) {
        if (w == null) {
            throw new IllegalStateException("the graph is unweighted");
        }
        return w.clone();
    }

    @Override
    public String toString() {
        return "Distgraphcomm[rank=" + rank + ", sources=" + Arrays.toString(sources())
            + ", destinations=" + Arrays.toString(destinations())
            + (isWeighted() ? ", weighted" : "") + "]";
    }
}
