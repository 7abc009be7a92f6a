package org.jpar.mpi.conformance;

import java.util.Map;
import java.util.function.Consumer;
import org.jpar.mpi.Intracomm;
import org.jpar.mpi.Op;
import org.jpar.mpi.conformance.Values.Kind;
import org.jpar.mpi.conformance.Values.Type;

/** Prefix reductions, reduce-scatter and the local reduction, over every type and kind. */
final class ReductionChecks {
    private ReductionChecks() {
    }

    static void register(Map<String, Consumer<Intracomm>> checks) {
        checks.put("scan_and_exscan_every_type_and_kind", ReductionChecks::scan);
        checks.put("reduce_scatter_block_every_type", ReductionChecks::reduceScatterBlock);
        checks.put("reduce_scatter_uneven_and_zero_counts", ReductionChecks::reduceScatter);
        checks.put("reduce_local", ReductionChecks::reduceLocal);
    }

    /** Rank r contributes r+1+i at element i: the prefix sums are closed forms. */
    static void scan(Intracomm c) {
        int r = c.rank();
        for (Type type : Type.values()) {
            for (Kind kind : Kind.values()) {
                int n = 5;
                Object in = Values.filled(type, kind, n, i -> r + 1 + i);
                Object sum = Values.make(type, kind, n);
                c.scan(in, sum, Op.SUM);
                Check.elements(sum, 0, n, i -> Values.narrow(type,
                    (long) (r + 1) * (r + 2) / 2 + (long) (r + 1) * i), type + " " + kind + " scan");
                Object ex = Values.filled(type, kind, n, i -> 99);
                c.exscan(in, ex, Op.MAX);
                Check.elements(ex, 0, n, i -> r == 0 ? 99 : Values.narrow(type, r + i),
                    type + " " + kind + " exscan (rank 0's left alone)");
            }
        }
        int[] none = new int[0];
        c.scan(none, new int[0], Op.SUM);
    }

    /** Block i of the sum goes to rank i; an odd block length. */
    static void reduceScatterBlock(Intracomm c) {
        int n = 3;
        for (Type type : Type.values()) {
            Object in = Values.filled(type, Kind.DIRECT, n * c.size(), i -> i + c.rank());
            Object out = Values.make(type, Kind.HEAP, n);
            c.reduceScatterBlock(in, out, Op.SUM);
            int size = c.size();
            long base = (long) size * (size - 1) / 2;
            Check.elements(out, 0, n, i -> Values.narrow(type,
                (long) size * (c.rank() * n + i) + base), type + " block " + c.rank());
        }
    }

    /** Rank i gets i elements (rank 0 none) of the element-wise product. */
    static void reduceScatter(Intracomm c) {
        int size = c.size();
        int[] counts = new int[size];
        int total = 0;
        for (int i = 0; i < size; i++) {
            counts[i] = i;
            total += i;
        }
        long[] in = new long[total];
        for (int i = 0; i < total; i++) {
            in[i] = (i % 3) + 1;
        }
        long[] out = new long[Math.max(1, c.rank())];
        out[0] = -1;
        c.reduceScatter(in, out, counts, Op.PROD);
        int offset = c.rank() * (c.rank() - 1) / 2;
        if (c.rank() == 0) {
            Check.equal(-1L, out[0], "rank 0 receives nothing");
        }
        for (int i = 0; i < c.rank(); i++) {
            Check.equal((long) Math.pow((offset + i) % 3 + 1, size), out[i], "element " + i);
        }
    }

    static void reduceLocal(Intracomm c) {
        double[] inout = {1, 2, 3};
        c.mpi().reduceLocal(new double[] {10, 20, 30}, inout, Op.SUM);
        Check.equal(33.0, inout[2], "sum");
        int[] bits = {0b1100};
        c.mpi().reduceLocal(new int[] {0b1010}, bits, Op.BAND);
        Check.equal(0b1000, bits[0], "band");
        Check.raises(IllegalArgumentException.class,
            () -> c.mpi().reduceLocal(new double[1], new double[1], Op.BXOR), "bxor on doubles");
        Check.raises(IllegalArgumentException.class,
            () -> c.mpi().reduceLocal(new int[2], new int[1], Op.SUM), "inoutbuf too short");
    }
}
