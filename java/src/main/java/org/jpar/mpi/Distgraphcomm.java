package org.jpar.mpi;

import java.util.Arrays;
import org.jpar.mpi.internal.JavaAbi;
import org.jpar.mpi.internal.Scratch;

/**
 * A communicator laid out as a directed graph (from {@link Intracomm#createDistGraphAdjacent}):
 * each rank names the ranks it receives from and those it sends to, which need not be the same.
 */
public final class Distgraphcomm extends Topocomm {
    Distgraphcomm(Mpi mpi, long handle) {
        super(mpi, handle);
        Scratch s = Scratch.get();
        check(abi.jpar_dist_graph_neighbors_count(handle, s.outAddress + Scratch.INT,
            s.outAddress + Scratch.FLAG), "distGraphNeighbors");
        int in = s.out.getInt(Scratch.INT);
        int out = s.out.getInt(Scratch.FLAG);
        long at = s.layouts(new int[in + out]);
        check(abi.jpar_dist_graph_neighbors(handle, in, at, out, at + 4L * in),
            "distGraphNeighbors");
        int[] all = JavaAbi.ints(at, in + out);
        neighbors(Arrays.copyOfRange(all, 0, in), Arrays.copyOfRange(all, in, in + out));
    }

    @Override
    public String toString() {
        return "Distgraphcomm[rank=" + rank + ", sources=" + Arrays.toString(sources())
            + ", destinations=" + Arrays.toString(destinations()) + "]";
    }
}
