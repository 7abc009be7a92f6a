package org.jpar.mpi.conformance;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongBinaryOperator;
import org.jpar.mpi.Intracomm;
import org.jpar.mpi.Op;
import org.jpar.mpi.conformance.Values.Kind;
import org.jpar.mpi.conformance.Values.Type;

/** Collective checks: every type, every op, non-zero roots, uneven v-variant layouts. */
final class CollectiveChecks {
    private CollectiveChecks() {
    }

    static void register(Map<String, Consumer<Intracomm>> checks) {
        checks.put("barrier", Intracomm::barrier);
        checks.put("bcast_every_type_nonzero_root", CollectiveChecks::bcast);
        checks.put("reduce_allreduce_every_op_and_type", CollectiveChecks::reductions);
        checks.put("gather_allgather_every_type", CollectiveChecks::gathers);
        checks.put("scatter_alltoall_every_type", CollectiveChecks::scatters);
        checks.put("v_variants_uneven_counts", CollectiveChecks::vVariants);
    }

    /** An element-wise op and what it means; the four arithmetic ones first. */
    record Elementwise(Op op, LongBinaryOperator meaning) {
    }

    static final List<Elementwise> ELEMENTWISE = List.of(
        new Elementwise(Op.SUM, Long::sum),
        new Elementwise(Op.PROD, (a, b) -> a * b),
        new Elementwise(Op.MIN, Math::min),
        new Elementwise(Op.MAX, Math::max),
        new Elementwise(Op.LAND, (a, b) -> (a != 0 && b != 0) ? 1 : 0),
        new Elementwise(Op.LOR, (a, b) -> (a != 0 || b != 0) ? 1 : 0),
        new Elementwise(Op.LXOR, (a, b) -> ((a != 0) ^ (b != 0)) ? 1 : 0),
        new Elementwise(Op.BAND, (a, b) -> a & b),
        new Elementwise(Op.BOR, (a, b) -> a | b),
        new Elementwise(Op.BXOR, (a, b) -> a ^ b));

    private static int lastRank(Intracomm c) {
        return c.size() - 1;
    }

    static void bcast(Intracomm c) {
        int root = lastRank(c);
        for (Type type : Type.values()) {
            for (Kind kind : Kind.values()) {
                Object buf = c.rank() == root
                    ? Values.filled(type, kind, 9, i -> 3 * i + 1) : Values.make(type, kind, 9);
                c.bcast(buf, root);
                Check.elements(buf, 0, 9, i -> 3 * i + 1, "bcast " + type + " " + kind);
            }
        }
    }

    /** Rank r contributes element i = (r + i) % 5 + 1, small enough for every type and op. */
    static void reductions(Intracomm c) {
        int n = 6;
        int root = lastRank(c);
        for (Type type : Type.values()) {
            for (int o = 0; o < ELEMENTWISE.size(); o++) {
                Op op = ELEMENTWISE.get(o).op();
                if (!Values.integral(type) && o >= 4) {
                    continue;
                }
                Kind kind = Kind.values()[(type.ordinal() + o) % 3];
                Object send = Values.filled(type, kind, n, i -> value(c.rank(), i, op));
                Object all = Values.make(type, kind, n);
                c.allreduce(send, all, op);
                Object atRoot = c.rank() == root ? Values.make(type, kind, n) : null;
                c.reduce(send, atRoot, op, root);
                for (int i = 0; i < n; i++) {
                    long expected = expected(c.size(), i, op, type);
                    String what = op + " " + type + " " + kind + " element " + i;
                    Check.equal(expected, Values.get(all, i), "allreduce " + what);
                    if (atRoot != null) {
                        Check.equal(expected, Values.get(atRoot, i), "reduce " + what);
                    }
                }
            }
        }
    }

    private static long value(int rank, int i, Op op) {
        boolean logical = op == Op.LAND || op == Op.LOR || op == Op.LXOR;
        return logical ? (rank + i) % 2 : (rank + i) % 5 + 1;
    }

    private static long expected(int size, int i, Op op, Type type) {
        LongBinaryOperator f = ELEMENTWISE.stream().filter(e -> e.op() == op).findFirst()
            .orElseThrow().meaning();
        long acc = Values.narrow(type, value(0, i, op));
        for (int r = 1; r < size; r++) {
            acc = Values.narrow(type, f.applyAsLong(acc, Values.narrow(type, value(r, i, op))));
        }
        return acc;
    }

    static void gathers(Intracomm c) {
        int root = lastRank(c);
        int n = 3;
        for (Type type : Type.values()) {
            for (Kind kind : Kind.values()) {
                Object send = Values.filled(type, kind, n, i -> c.rank() * 10 + i);
                Object all = Values.make(type, kind, n * c.size());
                c.allgather(send, all);
                Object atRoot = c.rank() == root ? Values.make(type, kind, n * c.size()) : null;
                c.gather(send, atRoot, root);
                Check.elements(all, 0, n * c.size(), i -> (i / n) * 10 + i % n,
                    "allgather " + type + " " + kind);
                if (atRoot != null) {
                    Check.elements(atRoot, 0, n * c.size(), i -> (i / n) * 10 + i % n,
                        "gather " + type + " " + kind);
                }
            }
        }
    }

    static void scatters(Intracomm c) {
        int root = lastRank(c);
        int n = 2;
        int size = c.size();
        for (Type type : Type.values()) {
            for (Kind kind : Kind.values()) {
                Object all = c.rank() == root ? Values.filled(type, kind, n * size, i -> i + 1) : null;
                Object mine = Values.make(type, kind, n);
                c.scatter(all, mine, root);
                Check.elements(mine, 0, n, i -> c.rank() * n + i + 1, "scatter " + type + " " + kind);

                Object send = Values.filled(type, kind, n * size, i -> c.rank() * 10 + i / n);
                Object recv = Values.make(type, kind, n * size);
                c.alltoall(send, recv);
                Check.elements(recv, 0, n * size, i -> (i / n) * 10 + c.rank(),
                    "alltoall " + type + " " + kind);
            }
        }
    }

    /** Rank r owns r + 1 elements: the total never divides evenly for size > 1. */
    static void vVariants(Intracomm c) {
        int size = c.size();
        int[] counts = new int[size];
        int[] gapped = new int[size];
        int total = 0;
        for (int r = 0; r < size; r++) {
            counts[r] = r + 1;
            gapped[r] = total + r;
            total += counts[r];
        }
        int span = gapped[size - 1] + counts[size - 1];
        for (Type type : Type.values()) {
            for (Kind kind : Kind.values()) {
                vVariants(c, type, kind, counts, gapped, total, span);
            }
        }
    }

    private static void vVariants(Intracomm c, Type type, Kind kind, int[] counts, int[] gapped,
                                  int total, int span) {
        int size = c.size();
        int root = lastRank(c);
        String what = type + " " + kind;
        int mine = c.rank() + 1;
        Object send = Values.filled(type, kind, mine, i -> 10 * c.rank() + i);

        Object all = Values.make(type, kind, total);
        c.allgatherv(send, all, counts);
        int at = 0;
        for (int r = 0; r < size; r++) {
            final int rr = r;
            Check.elements(all, at, counts[r], i -> 10 * rr + i, "allgatherv " + what);
            at += counts[r];
        }

        Object gathered = c.rank() == root ? Values.make(type, kind, span) : null;
        c.gatherv(send, gathered, counts, gapped, root);
        if (gathered != null) {
            for (int r = 0; r < size; r++) {
                final int rr = r;
                Check.elements(gathered, gapped[r], counts[r], i -> 10 * rr + i,
                    "gatherv with gaps " + what);
            }
        }

        Object source = c.rank() == root ? Values.filled(type, kind, span, i -> i) : null;
        Object part = Values.make(type, kind, mine);
        c.scatterv(source, counts, gapped, part, root);
        Check.elements(part, 0, mine, i -> gapped[c.rank()] + i, "scatterv with gaps " + what);

        Object contiguous = Values.make(type, kind, mine);
        c.scatterv(c.rank() == root ? Values.filled(type, kind, total, i -> i) : null,
            counts, contiguous, root);
        int start = c.rank() * (c.rank() + 1) / 2;
        Check.elements(contiguous, 0, mine, i -> start + i, "scatterv back to back " + what);
    }
}
