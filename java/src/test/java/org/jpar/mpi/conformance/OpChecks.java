package org.jpar.mpi.conformance;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.function.Consumer;
import org.jpar.mpi.Datatype;
import org.jpar.mpi.Intracomm;
import org.jpar.mpi.Op;
import org.jpar.mpi.PairBuffer;
import org.jpar.mpi.Request;
import org.jpar.mpi.Status;
import org.jpar.mpi.UserFunction;

/**
 * Reduction ops beyond the element-wise ones: MINLOC and MAXLOC on every pair type, user-defined
 * ops (non-commutative, so that the order of combining shows), and the ops' bad input.
 */
final class OpChecks {
    private OpChecks() {
    }

    private static final Datatype[] PAIRS = {Datatype.DOUBLE_INT, Datatype.FLOAT_INT,
        Datatype.LONG_INT, Datatype.INT_INT, Datatype.SHORT_INT};

    static void register(Map<String, Consumer<Intracomm>> checks) {
        checks.put("minloc_maxloc_every_pair_type", OpChecks::locations);
        checks.put("pair_message_status_counts", OpChecks::pairStatus);
        checks.put("user_op_non_commutative_every_reduction", OpChecks::nonCommutative);
        checks.put("user_op_commutative_sum_matches_builtin", OpChecks::userSum);
        checks.put("user_op_that_throws", OpChecks::throwing);
        checks.put("bad_ops", OpChecks::badOps);
    }

    /**
     * Pair i of rank r has value (r + i) % 3 (ties between ranks) and index 10 * r + i, and the
     * long pairs values past 2^53 (exact only as longs).
     */
    private static long pairValue(Datatype type, int rank, int i) {
        long v = (rank + i) % 3;
        return type == Datatype.LONG_INT ? (1L << 60) + v : v;
    }

    static void locations(Intracomm c) {
        int n = 4;
        int root = c.size() - 1;
        for (Datatype type : PAIRS) {
            PairBuffer mine = PairBuffer.allocate(type, n);
            for (int i = 0; i < n; i++) {
                mine.put(i, pairValue(type, c.rank(), i), 10 * c.rank() + i);
            }
            for (Op op : new Op[] {Op.MINLOC, Op.MAXLOC}) {
                PairBuffer all = PairBuffer.allocate(type, n);
                c.allreduce(mine, all, op);
                PairBuffer atRoot = c.rank() == root ? PairBuffer.allocate(type, n) : null;
                c.reduce(mine, atRoot, op, root);
                PairBuffer started = PairBuffer.allocate(type, n);
                c.iallreduce(mine, started, op).waitFor();
                for (int i = 0; i < n; i++) {
                    long best = pairValue(type, 0, i);
                    int index = i;
                    for (int r = 1; r < c.size(); r++) {
                        long v = pairValue(type, r, i);
                        if (op == Op.MINLOC ? v < best : v > best) {
                            best = v;
                            index = 10 * r + i;
                        }
                    }
                    String what = op + " " + type + " pair " + i;
                    for (PairBuffer got : new PairBuffer[] {all, atRoot, started}) {
                        if (got != null) {
                            Check.equal(best, got.longValue(i), what + " value");
                            Check.equal(index, got.index(i), what + " index");
                        }
                    }
                }
            }
        }
        PairBuffer p = PairBuffer.allocate(Datatype.DOUBLE_INT, 2).put(0, 2.5, 7).put(1, -1L, 9);
        Check.equal(2.5, p.value(0), "double pair value");
        Check.equal(-1.0, p.value(1), "double pair from a long");
        Check.equal(9, p.index(1), "double pair index");
        Check.equal(16L, Datatype.DOUBLE_INT.extent(), "DOUBLE_INT extent");
        Check.equal(12, Datatype.DOUBLE_INT.size(), "DOUBLE_INT size");
        Check.equal(6, Datatype.SHORT_INT.size(), "SHORT_INT size");
    }

    /** A received message of pairs counts in pairs, and its bytes without their padding. */
    static void pairStatus(Intracomm c) {
        int right = (c.rank() + 1) % c.size();
        int left = (c.rank() + c.size() - 1) % c.size();
        PairBuffer out = PairBuffer.allocate(Datatype.DOUBLE_INT, 3);
        for (int i = 0; i < 3; i++) {
            out.put(i, c.rank() + i / 2.0, c.rank());
        }
        PairBuffer in = PairBuffer.allocate(Datatype.DOUBLE_INT, 5);
        Status st = c.sendrecv(out, right, 4, in, left, 4);
        Check.equal(3, st.count(), "pairs received");
        Check.equal(3, st.count(Datatype.DOUBLE_INT), "count(DOUBLE_INT)");
        Check.equal(36, st.bytes(), "bytes of 3 DOUBLE_INT");
        Check.equal(left + 1.0, in.value(2), "third pair's value");
        Check.equal(left, in.index(2), "third pair's index");
    }

    /**
     * "First non-zero": associative, not commutative. Rank r's element i is non-zero from rank
     * i % size on, so the result names the lowest such rank only if MPI combines in rank order.
     */
    private static final UserFunction FIRST_NON_ZERO = (in, inout, count, type) -> {
        for (int i = 0; i < count; i++) {
            long a = in.getLong(i * 8);
            if (a != 0) {
                inout.putLong(i * 8, a);
            }
        }
    };

    private static long contribution(int rank, int size, int i) {
        return rank >= i % size ? 100L * rank + i + 1 : 0;
    }

    /** The first non-zero contribution to element i among ranks from..to-1, or 0. */
    private static long firstNonZero(int from, int to, int size, int i) {
        for (int r = from; r < to; r++) {
            if (contribution(r, size, i) != 0) {
                return contribution(r, size, i);
            }
        }
        return 0;
    }

    /** Whether the backend refuses user ops (mpi.jar's are broken): checks that it says so. */
    private static boolean refusesUserOps(Intracomm c, Op op) {
        if (!c.mpi().backend().equals("openmpi")) {
            return false;
        }
        String m = Check.raises(UnsupportedOperationException.class,
            () -> c.allreduce(new long[1], new long[1], op), "a user op on openmpi").getMessage();
        Check.isTrue(m.contains("openmpi backend"), "the message names the backend: " + m);
        op.free();
        return true;
    }

    static void nonCommutative(Intracomm c) {
        int size = c.size();
        int n = 2 * size + 1;
        Op op = Op.create(FIRST_NON_ZERO, false);
        if (refusesUserOps(c, op)) {
            return;
        }
        try {
            Check.isTrue(!op.isCommutative() && op.isUserDefined(), "a non-commutative user op");
            long[] mine = new long[n];
            for (int i = 0; i < n; i++) {
                mine[i] = contribution(c.rank(), size, i);
            }
            long[] all = new long[n];
            c.allreduce(mine, all, op);
            long[] atRoot = new long[n];
            c.reduce(mine, atRoot, op, 0);
            long[] prefix = new long[n];
            c.scan(mine, prefix, op);
            long[] exclusive = new long[n];
            c.exscan(mine, exclusive, op);
            ByteBuffer direct = ByteBuffer.allocateDirect(8 * n).order(ByteOrder.nativeOrder());
            Request r = c.iallreduce(mine, direct.asLongBuffer(), op);
            r.waitFor();
            long[] block = new long[1];
            long[] blocks = new long[size];
            for (int k = 0; k < size; k++) {
                blocks[k] = contribution(c.rank(), size, k);
            }
            c.reduceScatterBlock(blocks, block, op);
            for (int i = 0; i < n; i++) {
                long whole = firstNonZero(0, size, size, i);
                Check.equal(whole, all[i], "allreduce element " + i);
                Check.equal(whole, direct.getLong(8 * i), "iallreduce element " + i);
                if (c.rank() == 0) {
                    Check.equal(whole, atRoot[i], "reduce element " + i);
                }
                Check.equal(firstNonZero(0, c.rank() + 1, size, i), prefix[i], "scan element " + i);
                if (c.rank() > 0) {
                    Check.equal(firstNonZero(0, c.rank(), size, i), exclusive[i],
                        "exscan element " + i);
                }
            }
            Check.equal(firstNonZero(0, size, size, c.rank()), block[0], "reduceScatterBlock");
            // reduceLocal: inout = in op inout, so a non-zero in wins.
            long[] inout = {0, 5, 6};
            c.mpi().reduceLocal(new long[] {3, 0, 4}, inout, op);
            Check.equal(3L, inout[0], "reduceLocal takes in");
            Check.equal(5L, inout[1], "reduceLocal keeps inout where in is 0");
            Check.equal(4L, inout[2], "reduceLocal in before inout");
        } finally {
            op.free();
        }
    }

    /** A commutative user SUM of doubles, as MPI's built-in SUM gives, on direct and heap data. */
    static void userSum(Intracomm c) {
        Op sum = Op.create((in, inout, count, type) -> {
            Check.equal(Datatype.DOUBLE, type, "the op sees the call's type");
            for (int i = 0; i < count; i++) {
                inout.putDouble(8 * i, in.getDouble(8 * i) + inout.getDouble(8 * i));
            }
        }, true);
        if (refusesUserOps(c, sum)) {
            return;
        }
        try {
            int n = 1001;
            double[] mine = new double[n];
            for (int i = 0; i < n; i++) {
                mine[i] = c.rank() * 0.5 + i;
            }
            double[] user = new double[n];
            double[] builtin = new double[n];
            c.allreduce(mine, user, sum);
            c.allreduce(mine, builtin, Op.SUM);
            for (int i = 0; i < n; i++) {
                Check.equal(builtin[i], user[i], "user sum element " + i);
            }
        } finally {
            sum.free();
        }
    }

    static final class Boom extends RuntimeException {
        Boom() {
            super("user op failed on purpose");
        }
    }

    /**
     * An op that throws: the exception reaches the call on a rank whose MPI ran the op (every
     * rank's reduceLocal runs it), the JVM lives on, and the communicator still reduces.
     */
    static void throwing(Intracomm c) {
        Op bad = Op.create((in, inout, count, type) -> {
            throw new Boom();
        }, true);
        if (refusesUserOps(c, bad)) {
            return;
        }
        try {
            Check.raises(Boom.class, () -> c.mpi().reduceLocal(new int[] {1}, new int[] {2}, bad),
                "reduceLocal with an op that throws");
            int threw = 0;
            try {
                c.allreduce(new int[] {1, 2}, new int[2], bad);
            } catch (Boom expected) {
                threw = 1;
            }
            try {
                c.iallreduce(new int[] {1, 2}, new int[2], bad).waitFor();
            } catch (Boom expected) {
                threw++;
            }
            int[] ranksThatThrew = new int[1];
            c.allreduce(new int[] {threw}, ranksThatThrew, Op.SUM);
            if (c.size() > 1) {
                Check.isTrue(ranksThatThrew[0] >= 2,
                    "both reductions threw on some rank: " + ranksThatThrew[0]);
            }
            int[] sum = new int[1];
            c.allreduce(new int[] {c.rank()}, sum, Op.SUM);
            Check.equal(c.size() * (c.size() - 1) / 2, sum[0], "a SUM after the op threw");
        } finally {
            bad.free();
        }
    }

    static void badOps(Intracomm c) {
        int[] one = {1};
        for (Op op : new Op[] {Op.REPLACE, Op.NO_OP}) {
            String m = Check.raises(IllegalArgumentException.class,
                () -> c.allreduce(one, new int[1], op), op + " in a reduction").getMessage();
            Check.isTrue(m.contains("accumulate"), "message says where " + op + " belongs: " + m);
        }
        Check.raises(IllegalArgumentException.class,
            () -> c.allreduce(new double[1], new double[1], Op.MINLOC), "MINLOC on doubles");
        PairBuffer p = PairBuffer.allocate(Datatype.INT_INT, 1);
        Check.raises(IllegalArgumentException.class,
            () -> c.allreduce(p, PairBuffer.allocate(Datatype.INT_INT, 1), Op.SUM), "SUM on pairs");
        Check.raises(IllegalArgumentException.class,
            () -> c.allreduce(p, new int[2], Op.MINLOC), "pairs into ints");
        Check.raises(IllegalArgumentException.class,
            () -> PairBuffer.allocate(Datatype.DOUBLE, 1), "a pair buffer of doubles");
        Op freed = Op.create((in, inout, count, type) -> { }, true);
        freed.free();
        freed.free();
        Check.raises(IllegalStateException.class, () -> c.allreduce(one, new int[1], freed),
            "a freed op");
        Check.raises(UnsupportedOperationException.class, Op.SUM::free, "freeing SUM");
        Check.raises(NullPointerException.class, () -> Op.create(null, true), "a null function");
        int[] sum = new int[1];
        c.allreduce(one, sum, Op.SUM);
        Check.equal(c.size(), sum[0], "usable after bad ops");
    }
}
