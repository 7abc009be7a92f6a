package org.jpar.examples;

import java.nio.DoubleBuffer;
import org.jpar.mpi.Cartcomm;
import org.jpar.mpi.Datatype;
import org.jpar.mpi.DirectBuffers;
import org.jpar.mpi.Intracomm;
import org.jpar.mpi.Mpi;
import org.jpar.mpi.Request;
import org.jpar.mpi.TypedBuffer;

/**
 * Heat spreading over an N×N plate whose top edge is held at 100 and the others at 0 (explicit
 * finite differences). The ranks form a Cartesian grid ({@code dimsCreate}, {@code createCart});
 * each owns a block of the plate plus a one-cell halo, in direct memory. Every step swaps the
 * block's edge rows and columns with its four neighbours ({@code shift}) by nonblocking sends and
 * receives of derived datatypes (a contiguous row, a vector column), which MPI reads and writes
 * in the block itself, and updates the block's interior while the halos travel, then its edge.
 * Where a block meets the plate's edge there is no neighbour ({@code PROC_NULL}), and the halo
 * keeps the fixed edge temperature it started with. Rank 0 gathers the plate and compares it with the same steps
 * run serially.
 *
 * <p>Usage: {@code mpirun -n P java -cp jpar-all.jar org.jpar.examples.Heat2D [N [steps]]}
 * (64 and 200 by default).
 */
public final class Heat2D {
    static final double HOT = 100.0;
    static final double ALPHA = 0.2;
    /** Tags: the direction a halo message travels. */
    private static final int DOWN = 0;
    private static final int UP = 1;
    private static final int RIGHT = 2;
    private static final int LEFT = 3;

    private Heat2D() {
    }

    /** Entry point. Arguments: {@code [N [steps]]}. */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Mpi.run(args, mpi -> {
            Intracomm world = mpi.world();
            int[] dims = mpi.dimsCreate(world.size(), new int[2]);
            if (dims[0] > n || dims[1] > n) {
                throw new IllegalArgumentException("the plate is smaller than the grid of ranks:"
                    + " N=" + n + ", grid=" + dims[0] + "x" + dims[1]);
            }
            Cartcomm grid = world.createCart(dims, new boolean[] {false, false}, false);
            Block block = new Block(grid, n);
            for (int step = 0; step < steps; step++) {
                block.step();
            }
            double[] plate = block.gather();
            block.free();
            if (grid.rank() == 0) {
                double[] serial = serial(n, steps);
                double diff = 0;
                double heat = 0;
                for (int i = 0; i < plate.length; i++) {
                    diff = Math.max(diff, Math.abs(plate[i] - serial[i]));
                    heat += plate[i];
                }
                System.out.printf("heat2d N=%d steps=%d ranks=%d grid=%dx%d: heat %.6f,"
                    + " max |parallel - serial| = %s%n", n, steps, grid.size(), dims[0], dims[1],
                    heat, diff);
            }
            grid.free();
        });
    }

    /** One rank's block of the plate, with a halo on each side. */
    private static final class Block {
        private final Cartcomm grid;
        private final int n;
        private final int rows;
        private final int cols;
        /** (rows + 2) × (cols + 2), row-major, in direct memory; the outer ring is the halo. */
        private DoubleBuffer u;
        private DoubleBuffer next;
        /** A row of the block and a column of it (rows cells, a row's length apart). */
        private final Datatype row;
        private final Datatype column;
        private final Cartcomm.Shift vertical;
        private final Cartcomm.Shift horizontal;

        Block(Cartcomm grid, int n) {
            this.grid = grid;
            this.n = n;
            int[] c = grid.coords();
            this.rows = Partition.counts(n, grid.dims()[0])[c[0]];
            this.cols = Partition.counts(n, grid.dims()[1])[c[1]];
            int cells = (rows + 2) * (cols + 2);
            this.u = DirectBuffers.allocate(8 * cells).asDoubleBuffer();
            this.next = DirectBuffers.allocate(8 * cells).asDoubleBuffer();
            this.row = Datatype.DOUBLE.createContiguous(cols).commit();
            this.column = Datatype.DOUBLE.createVector(rows, 1, cols + 2).commit();
            this.vertical = grid.shift(0, 1);
            this.horizontal = grid.shift(1, 1);
            // A block on the plate's top edge: its upper halo is the hot edge, and stays so,
            // since no message comes from above it (PROC_NULL).
            if (c[0] == 0) {
                for (int j = 1; j <= cols; j++) {
                    u.put(at(0, j), HOT);
                    next.put(at(0, j), HOT);
                }
            }
        }

        private int at(int i, int j) {
            return i * (cols + 2) + j;
        }

        /** Row or column cells of {@code u} from cell (i, j), as a message. */
        private TypedBuffer cells(Datatype type, int i, int j) {
            return TypedBuffer.of(u.duplicate().position(at(i, j)), 1, type);
        }

        void step() {
            // Edge rows up and down, edge columns left and right, each straight from the block
            // through its datatype; the halos arrive while the interior is updated.
            Request[] halo = {
                grid.irecv(cells(row, 0, 1), vertical.source(), DOWN),
                grid.irecv(cells(row, rows + 1, 1), vertical.dest(), UP),
                grid.irecv(cells(column, 1, 0), horizontal.source(), RIGHT),
                grid.irecv(cells(column, 1, cols + 1), horizontal.dest(), LEFT),
                grid.isend(cells(row, rows, 1), vertical.dest(), DOWN),
                grid.isend(cells(row, 1, 1), vertical.source(), UP),
                grid.isend(cells(column, 1, cols), horizontal.dest(), RIGHT),
                grid.isend(cells(column, 1, 1), horizontal.source(), LEFT),
            };
            update(2, rows - 1, 2, cols - 1);
            Request.waitAll(halo);
            update(1, 1, 1, cols);
            update(rows, rows, 1, cols);
            update(2, rows - 1, 1, 1);
            update(2, rows - 1, cols, cols);
            DoubleBuffer t = u;
            u = next;
            next = t;
        }

        void free() {
            row.free();
            column.free();
        }

        private void update(int i0, int i1, int j0, int j1) {
            for (int i = i0; i <= i1; i++) {
                for (int j = j0; j <= j1; j++) {
                    next.put(at(i, j), cell(u.get(at(i, j)), u.get(at(i - 1, j)),
                        u.get(at(i + 1, j)), u.get(at(i, j - 1)), u.get(at(i, j + 1))));
                }
            }
        }

        /** Rank 0 gets the whole plate, row-major; the others null. */
        double[] gather() {
            double[] mine = new double[rows * cols];
            for (int i = 0; i < rows; i++) {
                u.get(at(i + 1, 1), mine, i * cols, cols);
            }
            int[] dims = grid.dims();
            int[] rowCounts = Partition.counts(n, dims[0]);
            int[] colCounts = Partition.counts(n, dims[1]);
            int[] sizes = new int[grid.size()];
            for (int r = 0; r < grid.size(); r++) {
                int[] c = grid.coords(r);
                sizes[r] = rowCounts[c[0]] * colCounts[c[1]];
            }
            double[] blocks = grid.rank() == 0 ? new double[n * n] : null;
            grid.gatherv(mine, blocks, sizes, 0);
            if (grid.rank() != 0) {
                return null;
            }
            int[] rowStart = Partition.offsets(rowCounts);
            int[] colStart = Partition.offsets(colCounts);
            double[] plate = new double[n * n];
            int from = 0;
            for (int r = 0; r < grid.size(); r++) {
                int[] c = grid.coords(r);
                for (int i = 0; i < rowCounts[c[0]]; i++) {
                    int to = (rowStart[c[0]] + i) * n + colStart[c[1]];
                    System.arraycopy(blocks, from, plate, to, colCounts[c[1]]);
                    from += colCounts[c[1]];
                }
            }
            return plate;
        }
    }

    /** One cell's next temperature from its own and its four neighbours'. */
    static double cell(double self, double up, double down, double left, double right) {
        return self + ALPHA * (up + down + left + right - 4 * self);
    }

    /** The same steps on the whole plate in one process, row-major. */
    static double[] serial(int n, int steps) {
        int w = n + 2;
        double[] u = new double[w * w];
        for (int j = 1; j <= n; j++) {
            u[j] = HOT;
        }
        double[] next = u.clone();
        for (int step = 0; step < steps; step++) {
            for (int i = 1; i <= n; i++) {
                for (int j = 1; j <= n; j++) {
                    next[i * w + j] = cell(u[i * w + j], u[(i - 1) * w + j], u[(i + 1) * w + j],
                        u[i * w + j - 1], u[i * w + j + 1]);
                }
            }
            double[] t = u;
            u = next;
            next = t;
        }
        double[] plate = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(u, (i + 1) * w + 1, plate, i * n, n);
        }
        return plate;
    }
}
