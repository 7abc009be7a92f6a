package org.jpar.mpi.conformance;

import java.util.Map;
import java.util.function.Consumer;
import org.jpar.mpi.Comm;
import org.jpar.mpi.Intracomm;
import org.jpar.mpi.Op;

/** Communicator management: dup, split with colours and keys, free. */
final class CommChecks {
    private CommChecks() {
    }

    static void register(Map<String, Consumer<Intracomm>> checks) {
        checks.put("rank_and_size", CommChecks::rankAndSize);
        checks.put("dup_is_a_separate_context", CommChecks::dup);
        checks.put("split_colours_and_keys", CommChecks::split);
    }

    static void rankAndSize(Intracomm c) {
        int[] ranks = new int[c.size()];
        c.allgather(new int[] {c.rank()}, ranks);
        for (int r = 0; r < c.size(); r++) {
            Check.equal(r, ranks[r], "rank " + r);
        }
        Check.isTrue(c.tagUpperBound() >= 32767, "tag upper bound at least 32767");
    }

    static void dup(Intracomm c) {
        Intracomm copy = c.dup();
        Check.equal(c.rank(), copy.rank(), "dup rank");
        Check.equal(c.size(), copy.size(), "dup size");
        int next = (c.rank() + 1) % c.size();
        int previous = (c.rank() - 1 + c.size()) % c.size();
        var r = copy.isend(new int[] {5}, next, 30);
        c.barrier();
        Check.isTrue(c.iprobe(Comm.ANY_SOURCE, 30).isEmpty(), "a dup's message is not seen on the parent");
        int[] in = new int[1];
        copy.recv(in, previous, 30);
        r.waitFor();
        Check.equal(5, in[0], "message on the dup");
        copy.free();
        copy.free();
        Check.raises(IllegalStateException.class, copy::barrier, "use after free");
    }

    /** Even and odd ranks split, each part ordered by descending world rank. */
    static void split(Intracomm c) {
        Intracomm part = c.split(c.rank() % 2, -c.rank());
        int members = (c.size() + 1 - c.rank() % 2) / 2;
        Check.equal(members, part.size(), "part size");
        int higher = 0;
        for (int r = c.rank() + 2; r < c.size(); r += 2) {
            higher++;
        }
        Check.equal(higher, part.rank(), "rank ordered by key");
        int[] sum = new int[1];
        part.allreduce(new int[] {c.rank()}, sum, Op.SUM);
        int expected = 0;
        for (int r = c.rank() % 2; r < c.size(); r += 2) {
            expected += r;
        }
        Check.equal(expected, sum[0], "allreduce within the part");
        part.free();

        Comm none = c.split(c.rank() == 0 ? Comm.UNDEFINED : 1, 0);
        if (c.rank() == 0) {
            Check.equal(null, none, "UNDEFINED joins nothing");
        } else {
            Check.equal(c.size() - 1, none.size(), "the others");
            none.free();
        }
    }
}
