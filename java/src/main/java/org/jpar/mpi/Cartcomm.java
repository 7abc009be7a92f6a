package org.jpar.mpi;

import java.util.Arrays;
import java.util.Objects;
import org.jpar.mpi.internal.JavaAbi;
import org.jpar.mpi.internal.Scratch;

/**
 * A communicator laid out as a Cartesian grid (from {@link Intracomm#createCart}): each rank has
 * coordinates, and its neighbours are the ranks one step down and up in each dimension, in that
 * order ({@link #neighbors()}), which the neighbour collectives of {@link Topocomm} use.
 */
public final class Cartcomm extends Topocomm {
    private final int[] dims;
    private final boolean[] periods;
    private final int[] coords;

    Cartcomm(Mpi mpi, long handle) {
        super(mpi, handle);
        Scratch s = Scratch.get();
        check(abi.jpar_cartdim_get(handle, s.outAddress + Scratch.INT), "ndims");
        int n = s.out.getInt(Scratch.INT);
        long at = s.layouts(new int[3 * n]);
        check(abi.jpar_cart_get(handle, n, at, at + 4L * n, at + 8L * n), "cartGet");
        int[] all = JavaAbi.ints(at, 3 * n);
        this.dims = Arrays.copyOfRange(all, 0, n);
        this.periods = new boolean[n];
        for (int d = 0; d < n; d++) {
            periods[d] = all[n + d] != 0;
        }
        this.coords = Arrays.copyOfRange(all, 2 * n, 3 * n);
        int[] near = new int[2 * n];
        for (int d = 0; d < n; d++) {
            Shift sh = shift(d, 1);
            near[2 * d] = sh.source();
            near[2 * d + 1] = sh.dest();
        }
        neighbors(near, near);
    }

    /** The number of dimensions. */
    public int ndims() {
        return dims.length;
    }

    /** The grid's extent in each dimension. */
    public int[] dims() {
        return dims.clone();
    }

    /** Whether each dimension wraps around. */
    public boolean[] periods() {
        return periods.clone();
    }

    /** This rank's coordinates. */
    public int[] coords() {
        return coords.clone();
    }

    /**
     * The rank at {@code coords} (MPI_Cart_rank); in a periodic dimension, coordinates outside
     * the grid wrap around.
     *
     * @throws IllegalArgumentException for the wrong number of coordinates, or one outside a
     *     non-periodic dimension
     */
    public int rank(int... coords) {
        Objects.requireNonNull(coords, "coords must not be null");
        if (coords.length != dims.length) {
            throw new IllegalArgumentException("coords must have one entry per dimension: "
                + "length=" + coords.length + ", ndims=" + dims.length);
        }
        for (int d = 0; d < dims.length; d++) {
            if (!periods[d] && (coords[d] < 0 || coords[d] >= dims[d])) {
                throw new IllegalArgumentException("coordinate outside dimension " + d + ": "
                    + "coord=" + coords[d] + ", dim=" + dims[d]);
            }
        }
        checkOpen("rank");
        Scratch s = Scratch.get();
        long at = s.layouts(coords);
        check(abi.jpar_cart_rank(handle, at, s.outAddress + Scratch.INT), "rank");
        return s.out.getInt(Scratch.INT);
    }

    /**
     * The coordinates of {@code rank} (MPI_Cart_coords).
     *
     * @throws IllegalArgumentException for a rank outside the grid
     */
    public int[] coords(int rank) {
        checkRank(rank, "rank", size, false);
        if (rank == PROC_NULL) {
            throw new IllegalArgumentException("PROC_NULL has no coordinates");
        }
        checkOpen("coords");
        Scratch s = Scratch.get();
        long at = s.layouts(new int[dims.length]);
        check(abi.jpar_cart_coords(handle, rank, dims.length, at), "coords");
        return JavaAbi.ints(at, dims.length);
    }

    /**
     * The ranks {@code disp} steps down ({@code source}) and up ({@code dest}) along dimension
     * {@code direction} (MPI_Cart_shift): what a rank receives from and sends to when data moves
     * up by {@code disp}. {@link #PROC_NULL} off a non-periodic edge.
     *
     * @throws IllegalArgumentException for a direction outside the grid
     */
    public Shift shift(int direction, int disp) {
        if (direction < 0 || direction >= dims.length) {
            throw new IllegalArgumentException("direction must be from 0 to " + (dims.length - 1)
                + ": direction=" + direction);
        }
        checkOpen("shift");
        Scratch s = Scratch.get();
        check(abi.jpar_cart_shift(handle, direction, disp, s.outAddress + Scratch.INT,
            s.outAddress + Scratch.FLAG), "shift");
        return new Shift(s.out.getInt(Scratch.INT), s.out.getInt(Scratch.FLAG));
    }

    /** The two ranks of a {@link #shift}. */
    public record Shift(int source, int dest) {
    }

    /**
     * The sub-grids that keep the dimensions where {@code remain} is true (MPI_Cart_sub), one
     * per value of the others: a rank's row or column.
     *
     * @throws IllegalArgumentException if remain has not one entry per dimension
     */
    public Cartcomm sub(boolean... remain) {
        Objects.requireNonNull(remain, "remain must not be null");
        if (remain.length != dims.length) {
            throw new IllegalArgumentException("remain must have one entry per dimension: "
                + "length=" + remain.length + ", ndims=" + dims.length);
        }
        int[] flags = new int[remain.length];
        for (int d = 0; d < remain.length; d++) {
            flags[d] = remain[d] ? 1 : 0;
        }
        checkOpen("sub");
        Scratch s = Scratch.get();
        check(abi.jpar_cart_sub(handle, s.layouts(flags), s.outAddress + Scratch.HANDLE), "sub");
        return new Cartcomm(mpi, s.out.getLong(Scratch.HANDLE));
    }

    /** This rank's neighbours: per dimension, down then up; {@link #PROC_NULL} off an edge. */
    public int[] neighbors() {
        return sources();
    }

    @Override
    public String toString() {
        return "Cartcomm[rank=" + rank + ", dims=" + Arrays.toString(dims) + ", coords="
            + Arrays.toString(coords) + "]";
    }
}
