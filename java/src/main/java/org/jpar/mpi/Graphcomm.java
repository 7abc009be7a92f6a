package org.jpar.mpi;

import java.util.Arrays;
import org.jpar.mpi.internal.JavaAbi;
import org.jpar.mpi.internal.Scratch;

/**
 * A communicator laid out as a graph (from {@link Intracomm#createGraph}): each rank's
 * neighbours are its edges, both the ranks it receives from and those it sends to in a
 * neighbour collective.
 */
public final class Graphcomm extends Topocomm {
    Graphcomm(Mpi mpi, long handle) {
        super(mpi, handle);
        int[] near = neighbors(rank);
        neighbors(near, near);
    }

    /** This rank's neighbours, in the order of its edges. */
    public int[] neighbors() {
        return sources();
    }

    /**
     * The neighbours of {@code rank} (MPI_Graph_neighbors).
     *
     * @throws IllegalArgumentException for a rank outside the graph
     */
    public int[] neighbors(int rank) {
        if (rank < 0 || rank >= size) {
            throw new IllegalArgumentException("rank must be from 0 to " + (size - 1) + ": rank="
                + rank);
        }
        checkOpen("neighbors");
        Scratch s = Scratch.get();
        check(abi.jpar_graph_neighbors_count(handle, rank, s.outAddress + Scratch.INT),
            "neighbors");
        int n = s.out.getInt(Scratch.INT);
        long at = s.layouts(new int[n]);
        check(abi.jpar_graph_neighbors(handle, rank, n, at), "neighbors");
        return JavaAbi.ints(at, n);
    }

    @Override
    public String toString() {
        return "Graphcomm[rank=" + rank + ", neighbors=" + Arrays.toString(neighbors()) + "]";
    }
}
