package org.jpar.mpi.conformance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jpar.mpi.Datatype;
import org.jpar.mpi.Intracomm;
import org.jpar.mpi.Op;
import org.jpar.mpi.Request;
import org.jpar.mpi.conformance.Values.Kind;
import org.jpar.mpi.conformance.Values.Type;

/** Every collective's nonblocking form: values, overlap, and order with blocking ones. */
final class NonblockingCollectiveChecks {
    private NonblockingCollectiveChecks() {
    }

    static void register(Map<String, Consumer<Intracomm>> checks) {
        checks.put("nonblocking_collectives_every_kind", NonblockingCollectiveChecks::everyKind);
        checks.put("nonblocking_v_and_w_collectives", NonblockingCollectiveChecks::vAndW);
        checks.put("started_collectives_then_blocking_ones_in_order",
            NonblockingCollectiveChecks::order);
    }

    /**
     * All of the fixed-shape collectives started at once on heap and direct storage, a message
     * around the ring while they are in flight, then waitAll and the values.
     */
    static void everyKind(Intracomm c) {
        int size = c.size();
        int r = c.rank();
        int root = size - 1;
        for (Kind kind : Kind.values()) {
            List<Request> started = new ArrayList<>();
            Object bcast = Values.filled(Type.LONG, kind, 3, i -> r == root ? 40 + i : 0);
            started.add(c.ibcast(bcast, root));
            Object reduced = Values.make(Type.INT, kind, 2);
            started.add(c.ireduce(Values.filled(Type.INT, kind, 2, i -> r + i), reduced, Op.SUM,
                root));
            Object all = Values.make(Type.DOUBLE, kind, 2);
            started.add(c.iallreduce(Values.filled(Type.DOUBLE, kind, 2, i -> r * i), all,
                Op.MAX));
            Object gathered = Values.make(Type.SHORT, kind, size);
            started.add(c.igather(Values.filled(Type.SHORT, kind, 1, i -> r), gathered, root));
            Object allGathered = Values.make(Type.CHAR, kind, 2 * size);
            started.add(c.iallgather(Values.filled(Type.CHAR, kind, 2, i -> r + i), allGathered));
            Object scattered = Values.make(Type.FLOAT, kind, 1);
            started.add(c.iscatter(Values.filled(Type.FLOAT, kind, size, i -> 10 * i), scattered,
                root));
            Object exchanged = Values.make(Type.BYTE, kind, size);
            started.add(c.ialltoall(Values.filled(Type.BYTE, kind, size, i -> r * 4 + i),
                exchanged));
            Object scanned = Values.make(Type.LONG, kind, 1);
            started.add(c.iscan(Values.filled(Type.LONG, kind, 1, i -> r + 1), scanned, Op.SUM));
            Object exscanned = Values.filled(Type.LONG, kind, 1, i -> -1);
            started.add(c.iexscan(Values.filled(Type.LONG, kind, 1, i -> r + 1), exscanned,
                Op.SUM));
            Object block = Values.make(Type.INT, kind, 2);
            started.add(c.ireduceScatterBlock(Values.filled(Type.INT, kind, 2 * size, i -> i),
                block, Op.SUM));
            started.add(c.ibarrier());
            int[] ring = new int[1];
            Request sent = c.isend(new int[] {r}, (r + 1) % size, 90);
            c.recv(ring, (r - 1 + size) % size, 90);
            sent.waitFor();
            Request.waitAll(started.toArray(new Request[0]));
            String k = kind + " ";
            Check.elements(bcast, 0, 3, i -> 40 + i, k + "ibcast");
            if (r == root) {
                Check.elements(reduced, 0, 2, i -> (long) size * (size - 1) / 2 + (long) size * i,
                    k + "ireduce");
                Check.elements(gathered, 0, size, i -> i, k + "igather");
            }
            Check.elements(all, 0, 2, i -> (long) (size - 1) * i, k + "iallreduce");
            Check.elements(allGathered, 0, 2 * size, i -> i / 2 + i % 2, k + "iallgather");
            Check.elements(scattered, 0, 1, i -> 10L * r, k + "iscatter");
            Check.elements(exchanged, 0, size, i -> i * 4 + r, k + "ialltoall");
            Check.elements(scanned, 0, 1, i -> (long) (r + 1) * (r + 2) / 2, k + "iscan");
            Check.elements(exscanned, 0, 1, i -> r == 0 ? -1 : (long) r * (r + 1) / 2,
                k + "iexscan");
            Check.elements(block, 0, 2, i -> (long) size * (2 * r + i), k + "ireduceScatterBlock");
        }
    }

    /** The v and w forms, and ireduceScatter with a zero count on rank 0. */
    static void vAndW(Intracomm c) {
        int size = c.size();
        int r = c.rank();
        int[] counts = new int[size];
        int[] displs = new int[size];
        int total = 0;
        for (int i = 0; i < size; i++) {
            counts[i] = i + 1;
            displs[i] = total;
            total += i + 1;
        }
        long[] gathered = new long[total];
        Request g = c.igatherv(Values.filled(Type.LONG, Kind.ARRAY, r + 1, i -> r), gathered,
            counts, displs, 0);
        long[] allGathered = new long[total];
        Request ag = c.iallgatherv(Values.filled(Type.LONG, Kind.ARRAY, r + 1, i -> r * 10 + i),
            allGathered, counts, null);
        long[] mine = new long[r + 1];
        Request sv = c.iscatterv(Values.filled(Type.LONG, Kind.ARRAY, total, i -> i), counts,
            displs, mine, 0);
        int[] ones = new int[size];
        Arrays.fill(ones, 1);
        int[] got = new int[size];
        Request av = c.ialltoallv(Values.filled(Type.INT, Kind.ARRAY, size, i -> r * 100 + i),
            ones, null, got, ones, null);
        Datatype[] ints = new Datatype[size];
        Arrays.fill(ints, Datatype.INT);
        int[] byteDispls = new int[size];
        for (int i = 0; i < size; i++) {
            byteDispls[i] = 4 * i;
        }
        int[] gotW = new int[size];
        Request aw = c.ialltoallw(Values.filled(Type.INT, Kind.ARRAY, size, i -> r * 7 + i), ones,
            byteDispls, ints, gotW, ones, byteDispls, ints);
        int[] scatterCounts = new int[size];
        int sum = 0;
        for (int i = 0; i < size; i++) {
            scatterCounts[i] = i;
            sum += i;
        }
        long[] part = new long[Math.max(1, r)];
        Request rs = c.ireduceScatter(Values.filled(Type.LONG, Kind.ARRAY, sum, i -> i), part,
            scatterCounts, Op.SUM);
        Request.waitAll(rs, aw, av, sv, ag, g);
        if (r == 0) {
            for (int i = 0; i < size; i++) {
                int from = i;
                Check.elements(gathered, displs[i], counts[i], k -> from, "igatherv from " + i);
            }
        }
        for (int i = 0; i < size; i++) {
            int from = i;
            Check.elements(allGathered, displs[i], counts[i], k -> from * 10L + k,
                "iallgatherv from " + i);
        }
        Check.elements(mine, 0, r + 1, k -> displs[r] + k, "iscatterv");
        Check.elements(got, 0, size, i -> i * 100L + r, "ialltoallv");
        Check.elements(gotW, 0, size, i -> i * 7L + r, "ialltoallw");
        int offset = r * (r - 1) / 2;
        Check.elements(part, 0, r, k -> (long) size * (offset + k), "ireduceScatter");
    }

    /**
     * Three started allreduces, then a blocking one, then the waits: every rank meets them in
     * the order it called them, so each result is its own.
     */
    static void order(Intracomm c) {
        int size = c.size();
        long[][] out = new long[4][1];
        Request[] started = new Request[3];
        for (int k = 0; k < 3; k++) {
            started[k] = c.iallreduce(new long[] {k + 1}, out[k], Op.SUM);
        }
        c.allreduce(new long[] {100}, out[3], Op.SUM);
        Check.equal(100L * size, out[3][0], "the blocking one");
        Request.waitAll(started[2], started[0], started[1]);
        for (int k = 0; k < 3; k++) {
            Check.equal((long) (k + 1) * size, out[k][0], "started " + k);
        }
        Request b = c.ibarrier();
        b.waitFor();
        Check.isTrue(b.isComplete(), "ibarrier completes");
    }
}
