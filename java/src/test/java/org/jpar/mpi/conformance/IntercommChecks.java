package org.jpar.mpi.conformance;

import java.util.Map;
import java.util.function.Consumer;
import org.jpar.mpi.Comm;
import org.jpar.mpi.Group;
import org.jpar.mpi.Intercomm;
import org.jpar.mpi.Intracomm;
import org.jpar.mpi.Op;
import org.jpar.mpi.Status;

/**
 * Intercommunicators made from two halves of the world (even and odd ranks): the remote group,
 * messages between the groups, and the merge back into one communicator, in both orders.
 */
final class IntercommChecks {
    private IntercommChecks() {
    }

    static void register(Map<String, Consumer<Intracomm>> checks) {
        checks.put("intercomm_create_messages_merge", IntercommChecks::createAndMerge);
        checks.put("intercomm_collectives", IntercommChecks::collectives);
        checks.put("bad_intercomms", IntercommChecks::bad);
    }

    static void createAndMerge(Intracomm c) {
        int n = c.size();
        if (n < 2) {
            return;
        }
        int color = c.rank() % 2;
        Intracomm half = c.split(color, c.rank());
        if (c.mpi().backend().equals("openmpi")) {
            Check.raises(UnsupportedOperationException.class,
                () -> half.createIntercomm(0, c, 1 - color, 99), "createIntercomm on openmpi");
            half.free();
            return;
        }
        // The leaders are world ranks 0 and 1, rank 0 of each half.
        Intercomm inter = half.createIntercomm(0, c, 1 - color, 99);
        int mine = half.size();
        int theirs = n - mine;
        Check.equal(theirs, inter.remoteSize(), "remote size");
        Check.equal(half.rank(), inter.rank(), "rank in the local group");
        Check.equal(mine, inter.size(), "local size");
        Group remote = inter.remoteGroup();
        int[] worldRanks = remote.translateRanks(iota(theirs), c.group());
        for (int i = 0; i < theirs; i++) {
            Check.equal(2 * i + 1 - color, worldRanks[i], "remote rank " + i + " in the world");
        }
        remote.free();

        // Each rank sends its world rank to remote rank (local rank % remote size).
        int expected = 0;
        for (int i = 0; i < theirs; i++) {
            if (i % mine == half.rank()) {
                expected++;
            }
        }
        org.jpar.mpi.Request sent = inter.isend(new int[] {c.rank()}, half.rank() % theirs, 5);
        for (int k = 0; k < expected; k++) {
            int[] got = new int[1];
            Status st = inter.recv(got, Comm.ANY_SOURCE, 5);
            Check.equal(2 * st.source() + 1 - color, got[0], "message from remote " + st.source());
        }
        sent.waitFor();

        for (boolean oddFirst : new boolean[] {false, true}) {
            boolean high = oddFirst ? color == 0 : color == 1;
            Intracomm merged = inter.merge(high);
            Check.equal(n, merged.size(), "merged size");
            int firstSize = oddFirst ? n / 2 : (n + 1) / 2;
            boolean inFirst = oddFirst ? color == 1 : color == 0;
            Check.equal(inFirst ? half.rank() : firstSize + half.rank(), merged.rank(),
                "merged rank, odd ranks first: " + oddFirst);
            int[] sum = new int[1];
            merged.allreduce(new int[] {c.rank()}, sum, Op.SUM);
            Check.equal(n * (n - 1) / 2, sum[0], "a collective on the merged communicator");
            merged.free();
        }
        inter.free();
        half.free();
    }

    /**
     * Every collective of an intercommunicator between the even and the odd ranks, each group
     * the root once; rank r of the world contributes values made of r.
     */
    static void collectives(Intracomm c) {
        int n = c.size();
        if (n < 2 || c.mpi().backend().equals("openmpi")) {
            return;
        }
        int color = c.rank() % 2;
        Intracomm half = c.split(color, c.rank());
        Intercomm inter = half.createIntercomm(0, c, 1 - color, 98);
        int theirs = inter.remoteSize();
        // World rank of the other group's rank r.
        java.util.function.IntUnaryOperator world = r -> 2 * r + 1 - color;
        inter.barrier();
        inter.ibarrier().waitFor();
        for (int rootColor = 0; rootColor < 2; rootColor++) {
            boolean rootSide = color == rootColor;
            int root = rootSide ? (half.rank() == 0 ? Comm.ROOT : Comm.PROC_NULL) : 0;
            String what = "root in group " + rootColor + ": ";
            // bcast: the root's 3 ints to the other group.
            int[] b = rootSide ? new int[] {7, 8, 9 + rootColor} : new int[3];
            inter.bcast(root == Comm.PROC_NULL ? null : b, root);
            if (!rootSide) {
                Check.equal("[7, 8, " + (9 + rootColor) + "]", java.util.Arrays.toString(b),
                    what + "bcast");
            }
            int[] ib = rootSide ? new int[] {5} : new int[1];
            inter.ibcast(root == Comm.PROC_NULL ? null : ib, root).waitFor();
            if (!rootSide) {
                Check.equal(5, ib[0], what + "ibcast");
            }
            // gather: two ints (world rank, 10 x world rank) from each of the other group.
            int[] g = new int[2 * theirs];
            inter.gather(new int[] {c.rank(), 10 * c.rank()}, g, root);
            if (root == Comm.ROOT) {
                for (int r = 0; r < theirs; r++) {
                    Check.equal(world.applyAsInt(r), g[2 * r], what + "gather from " + r);
                    Check.equal(10 * world.applyAsInt(r), g[2 * r + 1], what + "gather 10x");
                }
            }
            // scatter: block r (100 + r) to the other group's rank r.
            int[] sc = new int[theirs];
            for (int r = 0; r < theirs; r++) {
                sc[r] = 100 * (rootColor + 1) + r;
            }
            int[] mine = new int[1];
            inter.iscatter(sc, mine, root).waitFor();
            if (!rootSide) {
                Check.equal(100 * (rootColor + 1) + half.rank(), mine[0], what + "scatter");
            }
            // reduce: the sum of the other group's world ranks.
            long[] sum = new long[1];
            inter.reduce(new long[] {c.rank()}, root == Comm.ROOT ? sum : null, Op.SUM, root);
            if (root == Comm.ROOT) {
                long want = 0;
                for (int r = 0; r < theirs; r++) {
                    want += world.applyAsInt(r);
                }
                Check.equal(want, sum[0], what + "reduce");
            }
        }
        // allgather and alltoall: each rank gets every rank of the other group.
        int[] all = new int[theirs];
        inter.allgather(new int[] {c.rank()}, all);
        int[] sendEach = new int[theirs];
        for (int r = 0; r < theirs; r++) {
            sendEach[r] = 1000 * c.rank() + r;
        }
        int[] fromEach = new int[theirs];
        inter.ialltoall(sendEach, fromEach).waitFor();
        double[] total = new double[2];
        inter.allreduce(new double[] {c.rank(), 1}, total, Op.SUM);
        double want = 0;
        for (int r = 0; r < theirs; r++) {
            Check.equal(world.applyAsInt(r), all[r], "allgather from " + r);
            Check.equal(1000 * world.applyAsInt(r) + half.rank(), fromEach[r], "alltoall from " + r);
            want += world.applyAsInt(r);
        }
        Check.equal(want, total[0], "allreduce of the other group's ranks");
        Check.equal((double) theirs, total[1], "allreduce counts the other group");
        Check.raises(IllegalArgumentException.class, () -> inter.bcast(new int[1], theirs),
            "a root past the other group");
        Check.raises(IllegalArgumentException.class,
            () -> inter.allreduce(Intracomm.IN_PLACE, new int[1], Op.SUM), "IN_PLACE");
        inter.barrier();
        inter.free();
        half.free();
    }

    static void bad(Intracomm c) {
        Check.raises(IllegalArgumentException.class,
            () -> c.createIntercomm(c.size(), c, 0, 1), "a local leader past the group");
        Check.raises(IllegalArgumentException.class,
            () -> c.createIntercomm(0, c, 0, -3), "a negative tag");
        if (c.rank() == 0) {
            Check.raises(IllegalArgumentException.class,
                () -> c.createIntercomm(0, c, c.size(), 1), "a remote leader past the peer");
        }
        Check.raises(NullPointerException.class, () -> c.createIntercomm(0, null, 0, 1),
            "no peer communicator");
        int[] sum = new int[1];
        c.allreduce(new int[] {1}, sum, Op.SUM);
        Check.equal(c.size(), sum[0], "usable after bad intercomms");
    }

    private static int[] iota(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }
}
