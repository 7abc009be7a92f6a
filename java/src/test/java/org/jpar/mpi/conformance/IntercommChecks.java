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
        checks.put("intercomm_v_collectives", IntercommChecks::vCollectives);
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

    /**
     * The v-collectives and reduce-scatters of an intercommunicator between the even and the
     * odd ranks: blocks of different lengths, zero among them, gaps between blocks left alone;
     * blocking with one root group, nonblocking with the other.
     */
    static void vCollectives(Intracomm c) {
        int n = c.size();
        if (n < 2 || c.mpi().backend().equals("openmpi")) {
            return;
        }
        int color = c.rank() % 2;
        Intracomm half = c.split(color, c.rank());
        Intercomm inter = half.createIntercomm(0, c, 1 - color, 97);
        int mine = half.rank();
        int theirs = inter.remoteSize();
        java.util.function.IntUnaryOperator world = r -> 2 * r + 1 - color;
        for (int rootColor = 0; rootColor < 2; rootColor++) {
            boolean rootSide = color == rootColor;
            boolean start = rootColor == 1;
            int root = rootSide ? (mine == 0 ? Comm.ROOT : Comm.PROC_NULL) : 0;
            String what = "root in group " + rootColor + ": ";
            // gatherv: the other group's rank r sends r + rootColor elements (100 w + k); the
            // root leaves one element free (-1) before each block.
            int[] send = new int[rootSide ? 0 : mine + rootColor];
            for (int k = 0; k < send.length; k++) {
                send[k] = 100 * c.rank() + k;
            }
            int[] counts = new int[theirs];
            int[] displs = new int[theirs];
            int end = 0;
            for (int r = 0; r < theirs; r++) {
                counts[r] = r + rootColor;
                displs[r] = end + 1;
                end = displs[r] + counts[r];
            }
            int[] gathered = new int[end];
            java.util.Arrays.fill(gathered, -1);
            if (start) {
                inter.igatherv(send, gathered, counts, displs, root).waitFor();
            } else {
                inter.gatherv(send, gathered, counts, displs, root);
            }
            if (root == Comm.ROOT) {
                for (int r = 0; r < theirs; r++) {
                    Check.equal(-1, gathered[displs[r] - 1], what + "gatherv gap before " + r);
                    for (int k = 0; k < counts[r]; k++) {
                        Check.equal(100 * world.applyAsInt(r) + k, gathered[displs[r] + k],
                            what + "gatherv from " + r + " element " + k);
                    }
                }
            }
            // scatterv: the same layout back, from the root to the other group.
            int[] scattered = new int[rootSide ? 0 : mine + rootColor];
            int[] source = new int[end];
            for (int i = 0; i < end; i++) {
                source[i] = 1000 * (rootColor + 1) + i;
            }
            if (start) {
                inter.iscatterv(source, counts, displs, scattered, root).waitFor();
            } else {
                inter.scatterv(source, counts, displs, scattered, root);
            }
            if (!rootSide) {
                int from = 1;
                for (int r = 0; r < mine; r++) {
                    from += r + rootColor + 1;
                }
                for (int k = 0; k < scattered.length; k++) {
                    Check.equal(1000 * (rootColor + 1) + from + k, scattered[k],
                        what + "scatterv element " + k);
                }
            }
        }
        // allgatherv: rank i sends i + 1 doubles (10 w + k); back to back from the other group.
        double[] own = new double[mine + 1];
        for (int k = 0; k < own.length; k++) {
            own[k] = 10 * c.rank() + k;
        }
        int[] counts = new int[theirs];
        int total = 0;
        for (int r = 0; r < theirs; r++) {
            counts[r] = r + 1;
            total += r + 1;
        }
        double[] everyone = new double[total];
        inter.iallgatherv(own, everyone, counts, null).waitFor();
        double[] again = new double[total];
        inter.allgatherv(own, again, counts, null);
        int at = 0;
        for (int r = 0; r < theirs; r++) {
            for (int k = 0; k <= r; k++, at++) {
                Check.equal(10.0 * world.applyAsInt(r) + k, everyone[at], "allgatherv " + r);
                Check.equal(everyone[at], again[at], "iallgatherv agrees with allgatherv");
            }
        }
        // alltoallv: to the other group's rank r, (mine + r) % 2 + 1 longs (1000 w + 10 r + k).
        int[] sendcounts = new int[theirs];
        int[] recvcounts = new int[theirs];
        int sent = 0;
        int received = 0;
        for (int r = 0; r < theirs; r++) {
            sendcounts[r] = (mine + r) % 2 + 1;
            recvcounts[r] = sendcounts[r];
            sent += sendcounts[r];
            received += recvcounts[r];
        }
        long[] out = new long[sent];
        at = 0;
        for (int r = 0; r < theirs; r++) {
            for (int k = 0; k < sendcounts[r]; k++) {
                out[at++] = 1000L * c.rank() + 10 * r + k;
            }
        }
        long[] in = new long[received];
        inter.alltoallv(out, sendcounts, null, in, recvcounts, null);
        long[] in2 = new long[received];
        inter.ialltoallv(out, sendcounts, null, in2, recvcounts, null).waitFor();
        at = 0;
        for (int r = 0; r < theirs; r++) {
            for (int k = 0; k < recvcounts[r]; k++, at++) {
                Check.equal(1000L * world.applyAsInt(r) + 10 * mine + k, in[at], "alltoallv " + r);
                Check.equal(in[at], in2[at], "ialltoallv agrees with alltoallv");
            }
        }
        // alltoallw: one int to each rank of the other group, byte displacements.
        int[] ones = new int[theirs];
        int[] bytes = new int[theirs];
        org.jpar.mpi.Datatype[] ints = new org.jpar.mpi.Datatype[theirs];
        int[] wOut = new int[theirs];
        for (int r = 0; r < theirs; r++) {
            ones[r] = 1;
            bytes[r] = 4 * r;
            ints[r] = org.jpar.mpi.Datatype.INT;
            wOut[r] = 10 * c.rank() + r;
        }
        int[] wIn = new int[theirs];
        inter.alltoallw(wOut, ones, bytes, ints, wIn, ones, bytes, ints);
        int[] wIn2 = new int[theirs];
        inter.ialltoallw(wOut, ones, bytes, ints, wIn2, ones, bytes, ints).waitFor();
        for (int r = 0; r < theirs; r++) {
            Check.equal(10 * world.applyAsInt(r) + mine, wIn[r], "alltoallw from " + r);
            Check.equal(wIn[r], wIn2[r], "ialltoallw agrees with alltoallw");
        }
        // reduceScatterBlock and reduceScatter: both groups' sendbufs hold evens x odds
        // elements, element j of world rank w being w + j.
        int evens = (n + 1) / 2;
        int odds = n / 2;
        int length = evens * odds;
        long[] vector = new long[length];
        for (int j = 0; j < length; j++) {
            vector[j] = c.rank() + j;
        }
        long theirRanks = 0;
        for (int r = 0; r < theirs; r++) {
            theirRanks += world.applyAsInt(r);
        }
        int block = length / half.size();
        long[] blockOut = new long[block];
        inter.reduceScatterBlock(vector, blockOut, Op.SUM);
        long[] blockOut2 = new long[block];
        inter.ireduceScatterBlock(vector, blockOut2, Op.SUM).waitFor();
        for (int k = 0; k < block; k++) {
            long want = theirRanks + (long) theirs * (mine * block + k);
            Check.equal(want, blockOut[k], "reduceScatterBlock element " + k);
            Check.equal(want, blockOut2[k], "ireduceScatterBlock element " + k);
        }
        // Rank 0 of each group gets what the others leave; they get one element each.
        int[] split = new int[half.size()];
        java.util.Arrays.fill(split, 1);
        split[0] = length - (half.size() - 1);
        long[] part = new long[split[mine]];
        inter.ireduceScatter(vector, part, split, Op.SUM).waitFor();
        int first = mine == 0 ? 0 : split[0] + mine - 1;
        for (int k = 0; k < part.length; k++) {
            Check.equal(theirRanks + (long) theirs * (first + k), part[k],
                "reduceScatter element " + k);
        }
        Check.raises(IllegalArgumentException.class,
            () -> inter.alltoallv(out, new int[theirs + 1], null, in, recvcounts, null),
            "sendcounts with an entry too many");
        Check.raises(IllegalArgumentException.class,
            () -> inter.allgatherv(Intracomm.IN_PLACE, everyone, counts, null), "IN_PLACE");
        Check.raises(IllegalArgumentException.class,
            () -> inter.reduceScatterBlock(new long[block * half.size() - 1], blockOut, Op.SUM),
            "a sendbuf a block short");
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
