package org.jpar.mpi.conformance;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jpar.mpi.Datatype;
import org.jpar.mpi.Datatype.Distribution;
import org.jpar.mpi.Datatype.Order;
import org.jpar.mpi.Intracomm;
import org.jpar.mpi.Op;
import org.jpar.mpi.Request;
import org.jpar.mpi.Status;
import org.jpar.mpi.TypedBuffer;

/**
 * Derived datatypes: every constructor's bounds and size as MPI gives them, and its elements
 * moved by point to point and collectives, from direct buffers, heap buffers and arrays.
 */
final class DatatypeChecks {
    private DatatypeChecks() {
    }

    static void register(Map<String, Consumer<Intracomm>> checks) {
        checks.put("datatype_bounds_and_sizes", DatatypeChecks::bounds);
        checks.put("vector_column_every_kind", DatatypeChecks::columns);
        checks.put("struct_of_int_and_double", DatatypeChecks::structs);
        checks.put("indexed_subarray_resized", DatatypeChecks::layouts);
        checks.put("darray_block_cyclic", DatatypeChecks::darrays);
        checks.put("derived_types_in_collectives", DatatypeChecks::collectives);
        checks.put("derived_types_agree_with_mpi", DatatypeChecks::agreeWithMpi);
        checks.put("bad_datatypes", DatatypeChecks::bad);
    }

    private static void extent(Datatype t, long lb, long extent, long trueLb, long trueExtent,
                               int size) {
        String what = t.toString();
        Check.equal(lb, t.lowerBound(), what + " lb");
        Check.equal(extent, t.extent(), what + " extent");
        Check.equal(trueLb, t.trueLowerBound(), what + " true lb");
        Check.equal(trueExtent, t.trueExtent(), what + " true extent");
        Check.equal(size, t.size(), what + " size");
    }

    /** The figures Open MPI 4.1 and MPICH 4.0 give for the same constructors. */
    static void bounds(Intracomm c) {
        extent(Datatype.createStruct(new int[] {1, 1}, new long[] {0, 8},
            new Datatype[] {Datatype.DOUBLE, Datatype.INT}), 0, 16, 0, 12, 12);
        extent(Datatype.createStruct(new int[] {1, 1}, new long[] {0, 4},
            new Datatype[] {Datatype.INT, Datatype.SHORT}), 0, 8, 0, 6, 6);
        extent(Datatype.createStruct(new int[] {1, 1}, new long[] {4, 16},
            new Datatype[] {Datatype.BYTE, Datatype.DOUBLE}), 4, 24, 4, 20, 9);
        extent(Datatype.INT.createVector(3, 2, -4), -32, 40, -32, 40, 24);
        Datatype resized = Datatype.INT.createResized(-4, 16);
        extent(resized, -4, 16, 0, 4, 4);
        Datatype pairs = Datatype.createStruct(new int[] {1, 1}, new long[] {0, 8},
            new Datatype[] {Datatype.DOUBLE, Datatype.INT});
        extent(pairs.createVector(2, 1, 3), 0, 64, 0, 60, 24);
        extent(Datatype.DOUBLE.createContiguous(5), 0, 40, 0, 40, 40);
        extent(Datatype.DOUBLE.createContiguous(0), 0, 0, 0, 0, 0);
        extent(Datatype.INT.createIndexed(new int[] {2, 1}, new int[] {5, 0}), 0, 28, 0, 28, 12);
        extent(Datatype.INT.createIndexedBlock(2, new int[] {1, 4}), 4, 20, 4, 20, 16);
        extent(Datatype.SHORT.createHindexed(new int[] {1, 3}, new long[] {10, 0}), 0, 12, 0, 12, 8);
        extent(Datatype.SHORT.createHvector(2, 2, 10), 0, 14, 0, 14, 8);
        extent(Datatype.DOUBLE.createSubarray(new int[] {4, 5}, new int[] {2, 3}, new int[] {1, 1},
            Order.C), 0, 160, 48, 64, 48);
        extent(Datatype.DOUBLE.createSubarray(new int[] {4, 5}, new int[] {2, 3}, new int[] {1, 1},
            Order.FORTRAN), 0, 160, 40, 80, 48);
        Datatype dup = Datatype.INT.createVector(2, 1, 3).commit().dup();
        Check.isTrue(dup.isCommitted() && !dup.isPredefined(), "dup of a committed type");
        extent(dup, 0, 16, 0, 16, 8);
        Check.isTrue(Datatype.DOUBLE.isCommitted() && Datatype.DOUBLE.isPredefined(), "DOUBLE");
    }

    /** An n x n matrix whose element (i, j) is 100 i + j + rank. */
    private static double cell(int rank, int n, int i, int j) {
        return 100 * i + j + rank;
    }

    private static DoubleBuffer matrix(int rank, int n, String kind) {
        DoubleBuffer m = kind.equals("direct")
            ? ByteBuffer.allocateDirect(8 * n * n).order(ByteOrder.nativeOrder()).asDoubleBuffer()
            : DoubleBuffer.allocate(n * n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m.put(i * n + j, cell(rank, n, i, j));
            }
        }
        return m;
    }

    /**
     * Each rank sends its column {@code rank % n} to the next rank, which receives it into a
     * plain array and into column 0 of a matrix of its own; direct, heap, array and bytes.
     */
    static void columns(Intracomm c) {
        int n = 5;
        Datatype column = Datatype.DOUBLE.createVector(n, 1, n).commit();
        int right = (c.rank() + 1) % c.size();
        int left = (c.rank() + c.size() - 1) % c.size();
        int col = c.rank() % n;
        int leftCol = left % n;
        for (String kind : new String[] {"direct", "heap", "array", "bytes"}) {
            DoubleBuffer mine = matrix(c.rank(), n, kind);
            Object send;
            if (kind.equals("array")) {
                // An array's elements start at its start: column 0 of a matrix whose columns
                // are turned so that it holds column col.
                double[] turned = new double[n * n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        turned[i * n + j] = cell(c.rank(), n, i, (j + col) % n);
                    }
                }
                send = TypedBuffer.of(turned, 1, column);
            } else if (kind.equals("bytes")) {
                ByteBuffer raw = ByteBuffer.allocateDirect(8 * n * n).order(ByteOrder.nativeOrder());
                raw.asDoubleBuffer().put(0, mine, 0, n * n);
                send = TypedBuffer.of(raw.position(8 * col), 1, column);
            } else {
                send = TypedBuffer.of(mine.position(col), 1, column);
            }
            double[] got = new double[n];
            Status st = c.sendrecv(send, right, 7, got, left, 7);
            Check.equal(n, st.count(), kind + ": doubles received");
            for (int i = 0; i < n; i++) {
                Check.equal(cell(left, n, i, leftCol), got[i], kind + " column element " + i);
            }
            // Into a column of a matrix: the other elements stay.
            double[] target = new double[n * n];
            Arrays.fill(target, -1);
            Status st2 = c.sendrecv(send, right, 8, TypedBuffer.of(target, 1, column), left, 8);
            Check.equal(1, st2.count(column), kind + ": count(column)");
            Check.equal(n, st2.elements(column), kind + ": elements(column)");
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double want = j == 0 ? cell(left, n, i, leftCol) : -1;
                    Check.equal(want, target[i * n + j], kind + " target (" + i + "," + j + ")");
                }
            }
        }
        // Nonblocking, into a heap matrix: the column lands when the request completes.
        double[] target = new double[n * n];
        Request r = c.irecv(TypedBuffer.of(target, 1, column), left, 9);
        c.send(TypedBuffer.of(matrix(c.rank(), n, "heap").position(col), 1, column), right, 9);
        r.waitFor();
        for (int i = 0; i < n; i++) {
            Check.equal(cell(left, n, i, leftCol), target[i * n], "irecv column element " + i);
        }
        column.free();
    }

    /** Three structs {int id; double value;}, 16 bytes apart, in a byte buffer. */
    static void structs(Intracomm c) {
        Datatype record = Datatype.createStruct(new int[] {1, 1}, new long[] {0, 8},
            new Datatype[] {Datatype.INT, Datatype.DOUBLE}).commit();
        Check.equal(16L, record.extent(), "record extent");
        int right = (c.rank() + 1) % c.size();
        int left = (c.rank() + c.size() - 1) % c.size();
        for (boolean direct : new boolean[] {true, false}) {
            ByteBuffer out = (direct ? ByteBuffer.allocateDirect(48) : ByteBuffer.allocate(48))
                .order(ByteOrder.nativeOrder());
            for (int i = 0; i < 3; i++) {
                out.putInt(16 * i, 10 * c.rank() + i).putInt(16 * i + 4, -7)
                    .putDouble(16 * i + 8, c.rank() + i / 4.0);
            }
            ByteBuffer in = ByteBuffer.allocate(48).order(ByteOrder.nativeOrder());
            for (int i = 0; i < 12; i++) {
                in.putInt(4 * i, 99);
            }
            Status st = c.sendrecv(TypedBuffer.of(out, 3, record), right, 3,
                TypedBuffer.of(in, 3, record), left, 3);
            Check.equal(3, st.count(record), "records received");
            Check.equal(6, st.elements(record), "primitives received");
            Check.equal(36, st.bytes(), "bytes of 3 records");
            for (int i = 0; i < 3; i++) {
                Check.equal(10 * left + i, in.getInt(16 * i), "id " + i);
                Check.equal(99, in.getInt(16 * i + 4), "padding " + i + " untouched");
                Check.equal(left + i / 4.0, in.getDouble(16 * i + 8), "value " + i);
            }
        }
        record.free();
    }

    static void layouts(Intracomm c) {
        int[] grid = new int[20];
        for (int i = 0; i < 20; i++) {
            grid[i] = i;
        }
        // The 2 x 3 block from (1, 1) of a 4 x 5 array, both orders.
        expectSelf(c, TypedBuffer.of(grid, 1, Datatype.INT.createSubarray(new int[] {4, 5},
            new int[] {2, 3}, new int[] {1, 1}, Order.C).commit()), 6, 7, 8, 11, 12, 13);
        expectSelf(c, TypedBuffer.of(grid, 1, Datatype.INT.createSubarray(new int[] {4, 5},
            new int[] {2, 3}, new int[] {1, 1}, Order.FORTRAN).commit()), 5, 6, 9, 10, 13, 14);
        expectSelf(c, TypedBuffer.of(grid, 2, Datatype.INT.createIndexed(new int[] {2, 1},
            new int[] {3, 0}).commit()), 3, 4, 0, 8, 9, 5);
        expectSelf(c, TypedBuffer.of(grid, 3, Datatype.INT.createIndexedBlock(1,
            new int[] {1}).createResized(0, 12).commit()), 1, 4, 7);
        expectSelf(c, TypedBuffer.of(grid, 1, Datatype.INT.createResized(0, 8)
            .createContiguous(3).commit()), 0, 2, 4);
        expectSelf(c, TypedBuffer.of(grid, 2, Datatype.INT.createHvector(2, 1, 12).commit()),
            0, 3, 4, 7);
        expectSelf(c, TypedBuffer.of(grid, 1, Datatype.INT.createHindexed(new int[] {1, 2},
            new long[] {40, 8}).commit()), 10, 2, 3);
        // A vector with a negative stride, from the middle of the array.
        expectSelf(c, TypedBuffer.of(java.nio.IntBuffer.wrap(grid).position(12), 1,
            Datatype.INT.createVector(3, 1, -5).commit()), 12, 7, 2);
        // Zero elements move nothing.
        expectSelf(c, TypedBuffer.of(grid, 0, Datatype.INT.createVector(3, 1, -5).commit()));
    }

    /** Sends {@code sent} to this rank, received as plain ints, and checks them. */
    private static void expectSelf(Intracomm c, TypedBuffer sent, int... expected) {
        int[] got = new int[expected.length + 2];
        Arrays.fill(got, -1);
        Status st = c.sendrecv(sent, c.rank(), 5, got, c.rank(), 5);
        Check.equal(expected.length, st.count(), sent + ": ints received");
        Check.equal(Arrays.toString(expected), Arrays.toString(Arrays.copyOf(got,
            expected.length)), sent.toString());
    }

    /**
     * A 7 x 6 array over a grid of size x 1 processes, rows by block and columns cyclic in
     * pairs; and over 1 x size, rows cyclic, columns by blocks of 4 (Fortran order). Each rank
     * takes its part, and the parts together are the whole array, each element once.
     */
    static void darrays(Intracomm c) {
        int rows = 7;
        int cols = 6;
        int[] global = new int[rows * cols];
        for (int i = 0; i < global.length; i++) {
            global[i] = i;
        }
        int p = c.size();
        for (Order order : Order.values()) {
            Datatype part = Datatype.INT.createDarray(p, c.rank(), new int[] {rows, cols},
                new Distribution[] {Distribution.BLOCK, Distribution.CYCLIC},
                new int[] {Datatype.DEFAULT_DARG, 2}, new int[] {p, 1}, order).commit();
            Check.equal((long) rows * cols * 4, part.extent(), "darray extent");
            List<Integer> mine = new ArrayList<>();
            int b = (rows + p - 1) / p;
            for (int k = 0; k < rows * cols; k++) {
                int i = order == Order.C ? k / cols : k % rows;
                int j = order == Order.C ? k % cols : k / rows;
                if (i / b == c.rank()) {
                    mine.add(order == Order.C ? i * cols + j : j * rows + i);
                }
            }
            expectSelf(c, TypedBuffer.of(global, 1, part),
                mine.stream().mapToInt(Integer::intValue).toArray());
            int[] count = new int[1];
            c.allreduce(new int[] {part.size() / 4}, count, Op.SUM);
            Check.equal(rows * cols, count[0], "the parts cover the array");
            part.free();

            if (p * 4 < cols) {
                continue;   // blocks of 4 columns cannot hold 6 on one process
            }
            Datatype blocks = Datatype.INT.createDarray(p, c.rank(), new int[] {rows, cols},
                new Distribution[] {Distribution.NONE, Distribution.BLOCK},
                new int[] {Datatype.DEFAULT_DARG, 4}, new int[] {1, p}, order).commit();
            List<Integer> cells = new ArrayList<>();
            for (int k = 0; k < rows * cols; k++) {
                int i = order == Order.C ? k / cols : k % rows;
                int j = order == Order.C ? k % cols : k / rows;
                if (j / 4 == c.rank()) {
                    cells.add(order == Order.C ? i * cols + j : j * rows + i);
                }
            }
            expectSelf(c, TypedBuffer.of(global, 1, blocks),
                cells.stream().mapToInt(Integer::intValue).toArray());
            blocks.free();
        }
    }

    /** A column of each rank's matrix in allgather, bcast, allreduce, alltoallv and gatherv. */
    static void collectives(Intracomm c) {
        int n = 4;
        int size = c.size();
        Datatype column = Datatype.DOUBLE.createVector(n, 1, n).commit();
        DoubleBuffer mine = matrix(c.rank(), n, "direct");
        double[] all = new double[n * size];
        c.allgather(TypedBuffer.of(mine.position(1), 1, column), all);
        mine.position(0);
        for (int r = 0; r < size; r++) {
            for (int i = 0; i < n; i++) {
                Check.equal(cell(r, n, i, 1), all[r * n + i], "allgather rank " + r + " row " + i);
            }
        }
        // Every rank gets rank 0's column 2 into its column 3.
        double[] target = new double[n * n];
        Object buf = c.rank() == 0 ? TypedBuffer.of(matrix(0, n, "heap").position(2), 1, column)
            : TypedBuffer.of(DoubleBuffer.wrap(target).position(3), 1, column);
        c.bcast(buf, 0);
        if (c.rank() != 0) {
            for (int i = 0; i < n; i++) {
                Check.equal(cell(0, n, i, 2), target[i * n + 3], "bcast row " + i);
            }
        }
        // The sum of every rank's column 0, into column 1 of a heap matrix; nonblocking too.
        double[] sums = new double[n * n];
        c.allreduce(TypedBuffer.of(mine, 1, column), TypedBuffer.of(DoubleBuffer.wrap(sums)
            .position(1), 1, column), Op.SUM);
        double[] started = new double[n];
        c.iallreduce(TypedBuffer.of(mine, 1, column), started, Op.SUM).waitFor();
        for (int i = 0; i < n; i++) {
            double want = 0;
            for (int r = 0; r < size; r++) {
                want += cell(r, n, i, 0);
            }
            Check.equal(want, sums[i * n + 1], "allreduce row " + i);
            Check.equal(want, started[i], "iallreduce row " + i);
        }
        // alltoallv in columns: column r of mine goes to rank r (r < n), counts in columns.
        int[] counts = new int[size];
        int[] displs = new int[size];
        for (int r = 0; r < size; r++) {
            counts[r] = r < n ? 1 : 0;
            displs[r] = r % n;
        }
        Datatype strided = column.createResized(0, 8).commit();
        double[] received = new double[n * size];
        int[] recvCounts = new int[size];
        int[] recvDispls = new int[size];
        for (int r = 0; r < size; r++) {
            recvCounts[r] = c.rank() < n ? n : 0;
            recvDispls[r] = r * n;
        }
        c.alltoallv(TypedBuffer.of(mine, n, strided), counts, displs, received, recvCounts,
            recvDispls);
        if (c.rank() < n) {
            for (int r = 0; r < size; r++) {
                for (int i = 0; i < n; i++) {
                    Check.equal(cell(r, n, i, c.rank()), received[r * n + i],
                        "alltoallv from " + r + " row " + i);
                }
            }
        }
        strided.free();
        column.free();
    }

    /**
     * Every constructor, two elements of it sent from and received into direct memory (which
     * the native backend hands MPI with MPI's own datatype) and into heap memory (which jpar
     * packs by its type map): the same ints move either way.
     */
    static void agreeWithMpi(Intracomm c) {
        Datatype pair = Datatype.createStruct(new int[] {2, 1}, new long[] {0, 12},
            new Datatype[] {Datatype.INT, Datatype.INT});
        Datatype[] types = {
            Datatype.INT.createContiguous(3),
            Datatype.INT.createVector(3, 2, 5),
            Datatype.INT.createVector(3, 1, -4),
            Datatype.INT.createHvector(2, 3, 28),
            Datatype.INT.createIndexed(new int[] {2, 0, 3}, new int[] {6, 1, 0}),
            Datatype.INT.createIndexedBlock(2, new int[] {7, 2}),
            Datatype.INT.createHindexed(new int[] {1, 2}, new long[] {36, 4}),
            pair,
            pair.createVector(2, 1, 2),
            Datatype.INT.createSubarray(new int[] {4, 6}, new int[] {2, 3}, new int[] {1, 2},
                Order.C),
            Datatype.INT.createSubarray(new int[] {4, 6}, new int[] {3, 2}, new int[] {0, 4},
                Order.FORTRAN),
            Datatype.INT.createDarray(4, 3, new int[] {5, 6},
                new Distribution[] {Distribution.CYCLIC, Distribution.BLOCK}, new int[] {2, 3},
                new int[] {2, 2}, Order.C),
            Datatype.INT.createDarray(3, 1, new int[] {7, 4},
                new Distribution[] {Distribution.BLOCK, Distribution.NONE},
                new int[] {Datatype.DEFAULT_DARG, Datatype.DEFAULT_DARG}, new int[] {3, 1},
                Order.FORTRAN),
            Datatype.INT.createResized(0, 12).createContiguous(2),
            Datatype.INT.createVector(2, 1, 3).createResized(-4, 20),
            Datatype.INT.createVector(2, 2, 3).dup(),
        };
        int n = 400;
        int origin = 120;
        for (Datatype t : types) {
            t.commit();
            java.nio.IntBuffer direct = ByteBuffer.allocateDirect(4 * n)
                .order(ByteOrder.nativeOrder()).asIntBuffer();
            int[] heap = new int[n];
            for (int i = 0; i < n; i++) {
                direct.put(i, i);
                heap[i] = i;
            }
            int elements = 2 * (t.size() / 4);
            int[] viaType = new int[elements];
            int[] viaMap = new int[elements];
            // To itself, a receive posted first: send and recv are each one call with one type
            // (a sendrecv of a typed buffer and a plain one would pack both).
            selfMessage(c, TypedBuffer.of(direct.position(origin), 2, t), viaType);
            selfMessage(c, TypedBuffer.of(java.nio.IntBuffer.wrap(heap).position(origin), 2, t),
                viaMap);
            Check.equal(Arrays.toString(viaMap), Arrays.toString(viaType), "sent as " + t);
            int[] values = new int[elements];
            Arrays.setAll(values, i -> 1000 + i);
            selfMessage(c, values, TypedBuffer.of(direct.position(origin), 2, t));
            selfMessage(c, values, TypedBuffer.of(java.nio.IntBuffer.wrap(heap).position(origin),
                2, t));
            int[] got = new int[n];
            direct.get(0, got);
            Check.equal(Arrays.toString(heap), Arrays.toString(got), "received as " + t);
            t.free();
        }
    }

    private static void selfMessage(Intracomm c, Object from, Object into) {
        Request r = c.irecv(into, c.rank(), 11);
        c.send(from, c.rank(), 11);
        r.waitFor();
    }

    static void bad(Intracomm c) {
        double[] data = new double[16];
        Datatype uncommitted = Datatype.DOUBLE.createVector(4, 1, 4);
        String m = Check.raises(IllegalStateException.class,
            () -> TypedBuffer.of(data, 1, uncommitted), "an uncommitted type").getMessage();
        Check.isTrue(m.contains("commit"), "the message says commit: " + m);
        Datatype column = uncommitted.commit();
        TypedBuffer later = TypedBuffer.of(data, 1, column);
        column.free();
        column.free();
        Check.raises(IllegalStateException.class, () -> c.send(later, c.rank(), 0),
            "a type freed after its TypedBuffer was made");
        Check.raises(IllegalStateException.class, () -> TypedBuffer.of(data, 1, column),
            "a freed type");
        Check.raises(IllegalStateException.class, () -> column.createContiguous(2),
            "building on a freed type");
        Check.raises(UnsupportedOperationException.class, Datatype.INT::free, "freeing INT");
        Check.raises(IllegalArgumentException.class,
            () -> Datatype.INT.createContiguous(-1), "a negative count");
        Check.raises(IllegalArgumentException.class,
            () -> Datatype.INT.createIndexed(new int[] {1, 2}, new int[] {0}),
            "mismatched lengths");
        Check.raises(IllegalArgumentException.class, () -> Datatype.createStruct(new int[] {1},
            new long[] {0, 8}, new Datatype[] {Datatype.INT}), "mismatched struct lengths");
        Check.raises(IllegalArgumentException.class, () -> Datatype.INT.createSubarray(
            new int[] {4}, new int[] {3}, new int[] {2}, Order.C), "a block outside the array");
        Check.raises(IllegalArgumentException.class, () -> Datatype.INT.createDarray(3, 0,
            new int[] {6}, new Distribution[] {Distribution.BLOCK}, new int[] {1},
            new int[] {3}, Order.C), "blocks too small for the dimension");
        Check.raises(IllegalArgumentException.class, () -> Datatype.INT.createDarray(4, 0,
            new int[] {6}, new Distribution[] {Distribution.BLOCK},
            new int[] {Datatype.DEFAULT_DARG}, new int[] {3}, Order.C), "psizes against size");
        Datatype wide = Datatype.DOUBLE.createVector(4, 1, 6).commit();
        m = Check.raises(IllegalArgumentException.class, () -> TypedBuffer.of(data, 1, wide),
            "elements past the end").getMessage();
        Check.isTrue(m.contains("span"), "the message gives the span: " + m);
        Check.raises(IllegalArgumentException.class, () -> TypedBuffer.of(data, -1, wide),
            "a negative count");
        Datatype mixed = Datatype.createStruct(new int[] {1, 1}, new long[] {0, 8},
            new Datatype[] {Datatype.INT, Datatype.DOUBLE}).commit();
        Check.raises(IllegalArgumentException.class, () -> TypedBuffer.of(data, 1, mixed),
            "a struct of ints and doubles in doubles");
        Check.raises(IllegalArgumentException.class,
            () -> TypedBuffer.of(new int[8], 1, wide), "doubles in an int array");
        int[] bytes = new int[c.size()];
        Arrays.setAll(bytes, i -> 8 * i);
        Check.raises(UnsupportedOperationException.class, () -> c.alltoallw(new double[c.size()],
            ones(c.size()), bytes, types(c.size(), wide), new double[c.size()], ones(c.size()),
            bytes, types(c.size(), Datatype.DOUBLE)), "a derived type in alltoallw");
        wide.free();
        mixed.free();
        int[] sum = new int[1];
        c.allreduce(new int[] {1}, sum, Op.SUM);
        Check.equal(c.size(), sum[0], "usable after bad datatypes");
    }

    private static int[] ones(int n) {
        int[] a = new int[n];
        Arrays.fill(a, 1);
        return a;
    }

    private static Datatype[] types(int n, Datatype t) {
        Datatype[] a = new Datatype[n];
        Arrays.fill(a, t);
        return a;
    }
}
