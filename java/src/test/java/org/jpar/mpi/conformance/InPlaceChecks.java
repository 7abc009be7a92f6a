package org.jpar.mpi.conformance;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jpar.mpi.Datatype;
import org.jpar.mpi.Intracomm;
import org.jpar.mpi.Op;
import org.jpar.mpi.Request;
import org.jpar.mpi.conformance.Values.Kind;
import org.jpar.mpi.conformance.Values.Type;

/** Every collective that MPI allows in place, with IN_PLACE, blocking and not, on each kind. */
final class InPlaceChecks {
    private InPlaceChecks() {
    }

    static void register(Map<String, Consumer<Intracomm>> checks) {
        checks.put("in_place_reductions_every_kind", InPlaceChecks::reductions);
        checks.put("in_place_gathers_and_scatters", InPlaceChecks::gathersAndScatters);
        checks.put("in_place_alltoalls", InPlaceChecks::alltoalls);
        checks.put("in_place_off_the_root_is_refused", InPlaceChecks::offTheRoot);
    }

    static void reductions(Intracomm c) {
        int size = c.size();
        int r = c.rank();
        Object in = Intracomm.IN_PLACE;
        for (Kind kind : Kind.values()) {
            for (boolean start : new boolean[] {false, true}) {
                String k = kind + (start ? " started " : " ");
                Object all = Values.filled(Type.LONG, kind, 3, i -> r + i);
                run(start, s -> s ? c.iallreduce(in, all, Op.SUM) : call(() -> c.allreduce(in, all,
                    Op.SUM)));
                Check.elements(all, 0, 3, i -> (long) size * (size - 1) / 2 + (long) size * i,
                    k + "allreduce");
                Object rooted = Values.filled(Type.INT, kind, 2, i -> r + 1);
                run(start, s -> r == 0
                    ? (s ? c.ireduce(in, rooted, Op.PROD, 0) : call(() -> c.reduce(in, rooted,
                        Op.PROD, 0)))
                    : (s ? c.ireduce(rooted, null, Op.PROD, 0) : call(() -> c.reduce(rooted, null,
                        Op.PROD, 0))));
                if (r == 0) {
                    long factorial = 1;
                    for (int j = 2; j <= size; j++) {
                        factorial *= j;
                    }
                    long f = factorial;
                    Check.elements(rooted, 0, 2, i -> f, k + "reduce at the root");
                }
                Object scanned = Values.filled(Type.DOUBLE, kind, 1, i -> r + 1);
                run(start, s -> s ? c.iscan(in, scanned, Op.SUM) : call(() -> c.scan(in, scanned,
                    Op.SUM)));
                Check.elements(scanned, 0, 1, i -> (long) (r + 1) * (r + 2) / 2, k + "scan");
                Object ex = Values.filled(Type.INT, kind, 1, i -> r + 1);
                run(start, s -> s ? c.iexscan(in, ex, Op.MAX) : call(() -> c.exscan(in, ex,
                    Op.MAX)));
                Check.elements(ex, 0, 1, i -> r == 0 ? 1 : r, k + "exscan (rank 0 keeps its own)");
                Object blocks = Values.filled(Type.SHORT, kind, 2 * size, i -> i);
                run(start, s -> s ? c.ireduceScatterBlock(in, blocks, Op.SUM)
                    : call(() -> c.reduceScatterBlock(in, blocks, Op.SUM)));
                Check.elements(blocks, 0, 2, i -> (long) size * (2 * r + i),
                    k + "reduceScatterBlock");
                int[] counts = new int[size];
                Arrays.fill(counts, 1);
                Object parts = Values.filled(Type.FLOAT, kind, size, i -> i + 1);
                run(start, s -> s ? c.ireduceScatter(in, parts, counts, Op.SUM)
                    : call(() -> c.reduceScatter(in, parts, counts, Op.SUM)));
                Check.elements(parts, 0, 1, i -> (long) size * (r + 1), k + "reduceScatter");
            }
        }
    }

    static void gathersAndScatters(Intracomm c) {
        int size = c.size();
        int r = c.rank();
        Object in = Intracomm.IN_PLACE;
        int[] counts = new int[size];
        int[] displs = new int[size];
        for (int i = 0; i < size; i++) {
            counts[i] = 1;
            displs[i] = 2 * i;
        }
        for (Kind kind : Kind.values()) {
            for (boolean start : new boolean[] {false, true}) {
                String k = kind + (start ? " started " : " ");
                Object all = Values.filled(Type.INT, kind, 2 * size, i -> i / 2 == r ? 10 + r : -1);
                run(start, s -> s ? c.iallgather(in, all) : call(() -> c.allgather(in, all)));
                Check.elements(all, 0, 2 * size, i -> 10 + i / 2, k + "allgather");
                Object spaced = Values.filled(Type.LONG, kind, 2 * size, i -> i == 2 * r ? r : -1);
                run(start, s -> s ? c.iallgatherv(in, spaced, counts, displs)
                    : call(() -> c.allgatherv(in, spaced, counts, displs)));
                for (int j = 0; j < size; j++) {
                    Check.equal((long) j, Values.get(spaced, 2 * j), k + "allgatherv " + j);
                    Check.equal(-1L, Values.get(spaced, 2 * j + 1), k + "allgatherv gap " + j);
                }
                Object atRoot = Values.filled(Type.CHAR, kind, size, i -> i == r ? 60 + r : 0);
                Object mine = Values.filled(Type.CHAR, kind, 1, i -> 60 + r);
                run(start, s -> r == 0
                    ? (s ? c.igather(in, atRoot, 0) : call(() -> c.gather(in, atRoot, 0)))
                    : (s ? c.igather(mine, null, 0) : call(() -> c.gather(mine, null, 0))));
                if (r == 0) {
                    Check.elements(atRoot, 0, size, i -> 60 + i, k + "gather");
                }
                Object source = Values.filled(Type.BYTE, kind, size, i -> 20 + i);
                Object block = Values.make(Type.BYTE, kind, 1);
                run(start, s -> r == 0
                    ? (s ? c.iscatter(source, in, 0) : call(() -> c.scatter(source, in, 0)))
                    : (s ? c.iscatter(null, block, 0) : call(() -> c.scatter(null, block, 0))));
                if (r != 0) {
                    Check.elements(block, 0, 1, i -> 20 + r, k + "scatter");
                }
                Check.elements(source, 0, size, i -> 20 + i, k + "scatter leaves the root's data");
                Object vsource = Values.filled(Type.BYTE, kind, 2 * size, i -> 30 + i);
                Object vblock = Values.make(Type.BYTE, kind, 1);
                run(start, s -> r == 0
                    ? (s ? c.iscatterv(vsource, counts, displs, in, 0)
                        : call(() -> c.scatterv(vsource, counts, displs, in, 0)))
                    : (s ? c.iscatterv(null, counts, displs, vblock, 0)
                        : call(() -> c.scatterv(null, counts, displs, vblock, 0))));
                if (r != 0) {
                    Check.elements(vblock, 0, 1, i -> 30 + 2 * r, k + "scatterv");
                }
            }
        }
    }

    static void alltoalls(Intracomm c) {
        int size = c.size();
        int r = c.rank();
        Object in = Intracomm.IN_PLACE;
        int[] ones = new int[size];
        Arrays.fill(ones, 1);
        Datatype[] ints = new Datatype[size];
        Arrays.fill(ints, Datatype.INT);
        int[] bytes = new int[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = 4 * i;
        }
        for (Kind kind : Kind.values()) {
            for (boolean start : new boolean[] {false, true}) {
                String k = kind + (start ? " started " : " ");
                Object a = Values.filled(Type.INT, kind, size, i -> r * 10 + i);
                run(start, s -> s ? c.ialltoall(in, a) : call(() -> c.alltoall(in, a)));
                Check.elements(a, 0, size, i -> i * 10L + r, k + "alltoall");
                Object v = Values.filled(Type.INT, kind, size, i -> r * 100 + i);
                run(start, s -> s ? c.ialltoallv(in, null, null, v, ones, null)
                    : call(() -> c.alltoallv(in, null, null, v, ones, null)));
                Check.elements(v, 0, size, i -> i * 100L + r, k + "alltoallv");
                Object w = Values.filled(Type.INT, kind, size, i -> r * 1000 + i);
                run(start, s -> s ? c.ialltoallw(in, null, null, null, w, ones, bytes, ints)
                    : call(() -> c.alltoallw(in, null, null, null, w, ones, bytes, ints)));
                Check.elements(w, 0, size, i -> i * 1000L + r, k + "alltoallw");
            }
        }
    }

    /** Rooted collectives take IN_PLACE on the root only. */
    static void offTheRoot(Intracomm c) {
        if (c.size() == 1) {
            return;
        }
        int notRoot = c.size() - 1;
        if (c.rank() == notRoot) {
            Check.raises(IllegalArgumentException.class,
                () -> c.reduce(Intracomm.IN_PLACE, new int[1], Op.SUM, 0), "reduce");
            Check.raises(IllegalArgumentException.class,
                () -> c.gather(Intracomm.IN_PLACE, new int[c.size()], 0), "gather");
            Check.raises(IllegalArgumentException.class,
                () -> c.scatter(new int[c.size()], Intracomm.IN_PLACE, 0), "scatter");
        }
    }

    private static Request call(Runnable blocking) {
        blocking.run();
        return null;
    }

    private static void run(boolean start, Function<Boolean, Request> call) {
        Request r = call.apply(start);
        if (start) {
            r.waitFor();
        }
    }
}
