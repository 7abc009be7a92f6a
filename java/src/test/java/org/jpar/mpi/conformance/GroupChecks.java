package org.jpar.mpi.conformance;

import java.util.Map;
import java.util.function.Consumer;
import org.jpar.mpi.Comm;
import org.jpar.mpi.CommRequest;
import org.jpar.mpi.Comparison;
import org.jpar.mpi.Group;
import org.jpar.mpi.Intracomm;
import org.jpar.mpi.Op;

/** Groups, communicators made from them, comparison, idup, splitType and names. */
final class GroupChecks {
    private GroupChecks() {
    }

    static void register(Map<String, Consumer<Intracomm>> checks) {
        checks.put("group_ranks_and_set_operations", GroupChecks::groups);
        checks.put("comm_create_and_create_group", GroupChecks::create);
        checks.put("comm_compare_idup_split_type", GroupChecks::compareIdupSplitType);
        checks.put("comm_names", GroupChecks::names);
        checks.put("bad_groups", GroupChecks::badGroups);
    }

    static void groups(Intracomm c) {
        int n = c.size();
        int r = c.rank();
        Group world = c.group();
        Check.equal(n, world.size(), "size");
        Check.equal(r, world.rank(), "rank");
        int[] reversed = new int[n];
        for (int i = 0; i < n; i++) {
            reversed[i] = n - 1 - i;
        }
        Group back = world.incl(reversed);
        Check.equal(n - 1 - r, back.rank(), "rank in the reversed group");
        int[] translated = world.translateRanks(new int[] {0, Comm.PROC_NULL}, back);
        Check.equal(n - 1, translated[0], "rank 0 in the reversed group");
        Check.equal(Comm.PROC_NULL, translated[1], "PROC_NULL translates to itself");
        Check.equal(n == 1 ? Comparison.IDENT : Comparison.SIMILAR, world.compare(back),
            "world against reversed");
        Group again = c.group();
        Check.equal(Comparison.IDENT, world.compare(again), "two groups of one communicator");
        Group first = world.incl(0);
        Group rest = world.excl(0);
        Check.equal(n - 1, rest.size(), "excl");
        Check.equal(r == 0 ? Comm.UNDEFINED : r - 1, rest.rank(), "rank after excl");
        Check.equal(Comparison.IDENT, first.union(rest).compare(world), "union in order");
        Check.equal(0, first.intersection(rest).size(), "intersection");
        Check.equal(n - 1, world.difference(first).size(), "difference");
        Group evens = world.rangeIncl(new int[] {0, n - 1, 2});
        Check.equal((n + 1) / 2, evens.size(), "rangeIncl");
        Group odds = world.rangeExcl(new int[] {0, n - 1, 2});
        Check.equal(n / 2, odds.size(), "rangeExcl");
        Check.equal(r % 2 == 0 ? r / 2 : Comm.UNDEFINED, evens.rank(), "rank among evens");
        Group down = world.rangeIncl(new int[] {n - 1, 0, -1});
        Check.equal(Comparison.IDENT, down.compare(back), "a descending range");
        int[] none = world.translateRanks(new int[] {0}, rest);
        Check.equal(Comm.UNDEFINED, none[0], "a rank with no counterpart");
        for (Group g : new Group[] {world, back, again, first, rest, evens, odds, down}) {
            g.free();
        }
        world.free();
        Check.raises(IllegalStateException.class, () -> world.incl(0), "a freed group");
    }

    /** Evens through create (every rank calls), odds through createGroup (only they call). */
    static void create(Intracomm c) {
        int n = c.size();
        int r = c.rank();
        Group world = c.group();
        Group evens = world.rangeIncl(new int[] {0, n - 1, 2});
        Intracomm even = c.create(evens);
        if (r % 2 == 0) {
            Check.equal((n + 1) / 2, even.size(), "evens' size");
            Check.equal(r / 2, even.rank(), "rank among evens");
            long[] sum = new long[1];
            even.allreduce(new long[] {r}, sum, Op.SUM);
            long expected = 0;
            for (int i = 0; i < n; i += 2) {
                expected += i;
            }
            Check.equal(expected, sum[0], "allreduce over the evens");
            even.free();
        } else {
            Check.isTrue(even == null, "an odd rank gets no communicator");
        }
        if (n > 1) {
            Group odds = world.rangeIncl(new int[] {1, n - 1, 2});
            if (r % 2 == 1) {
                Intracomm odd = c.createGroup(odds, 7);
                Check.equal(n / 2, odd.size(), "odds' size");
                int[] all = new int[odd.size()];
                odd.allgather(new int[] {r}, all);
                for (int i = 0; i < all.length; i++) {
                    Check.equal(2 * i + 1, all[i], "allgather over the odds " + i);
                }
                odd.free();
            } else {
                Check.isTrue(c.createGroup(odds, 7) == null, "not a member of createGroup");
            }
            odds.free();
        }
        evens.free();
        world.free();
    }

    static void compareIdupSplitType(Intracomm c) {
        Check.equal(Comparison.IDENT, c.compare(c), "itself");
        Intracomm dup = c.dup();
        Check.equal(Comparison.CONGRUENT, c.compare(dup), "a dup");
        Intracomm reversed = c.split(0, -c.rank());
        Check.equal(c.size() == 1 ? Comparison.CONGRUENT : Comparison.SIMILAR,
            c.compare(reversed), "reversed by split");
        CommRequest pending = c.idup();
        Intracomm idup = pending.waitFor();
        Check.equal(Comparison.CONGRUENT, c.compare(idup), "an idup");
        int[] sum = new int[1];
        idup.allreduce(new int[] {1}, sum, Op.SUM);
        Check.equal(c.size(), sum[0], "allreduce over the idup");
        Intracomm node = c.splitType(Intracomm.TYPE_SHARED, c.rank());
        node.allreduce(new int[] {1}, sum, Op.SUM);
        Check.equal(node.size(), sum[0], "allreduce over the node");
        Check.isTrue(node.size() >= 1 && node.size() <= c.size(), "node size " + node.size());
        Check.isTrue(c.splitType(Intracomm.UNDEFINED, 0) == null, "splitType UNDEFINED");
        for (Intracomm x : new Intracomm[] {dup, reversed, idup, node}) {
            x.free();
        }
    }

    static void names(Intracomm c) {
        Check.equal("MPI_COMM_WORLD", c.mpi().world().name(), "the world's name");
        Intracomm dup = c.dup();
        dup.setName("halo " + c.rank());
        Check.equal("halo " + c.rank(), dup.name(), "a name set");
        Check.raises(IllegalArgumentException.class, () -> dup.setName("x".repeat(4096)),
            "a name too long");
        Check.raises(NullPointerException.class, () -> dup.setName(null), "a null name");
        dup.free();
    }

    static void badGroups(Intracomm c) {
        Group world = c.group();
        int n = c.size();
        Check.raises(IllegalArgumentException.class, () -> world.incl(n), "incl beyond");
        Check.raises(IllegalArgumentException.class, () -> world.incl(0, 0), "incl repeated");
        Check.raises(IllegalArgumentException.class, () -> world.excl(-1), "excl negative");
        Check.raises(IllegalArgumentException.class,
            () -> world.rangeIncl(new int[] {0, n - 1, 0}), "stride 0");
        Check.raises(IllegalArgumentException.class,
            () -> world.rangeIncl(new int[] {0, n}), "a range of two");
        Check.raises(IllegalArgumentException.class,
            () -> world.translateRanks(new int[] {n}, world), "translate beyond");
        Check.raises(NullPointerException.class, () -> world.union(null), "union with null");
        Check.raises(IllegalArgumentException.class, () -> c.splitType(7, 0), "a split type");
        Check.raises(IllegalArgumentException.class, () -> c.createGroup(world, -1), "tag");
        world.free();
        Check.raises(IllegalStateException.class, () -> c.create(world), "create of a freed one");
    }
}
