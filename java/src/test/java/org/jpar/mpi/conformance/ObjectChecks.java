package org.jpar.mpi.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.jpar.mpi.Comm;
import org.jpar.mpi.Intracomm;

/** Object messages: point to point and every object collective, with non-zero roots. */
final class ObjectChecks {
    private ObjectChecks() {
    }

    static void register(Map<String, Consumer<Intracomm>> checks) {
        checks.put("objects_point_to_point", ObjectChecks::pointToPoint);
        checks.put("objects_collectives", ObjectChecks::collectives);
    }

    static void pointToPoint(Intracomm c) {
        int next = (c.rank() + 1) % c.size();
        int previous = (c.rank() - 1 + c.size()) % c.size();
        Map<String, Object> value = new TreeMap<>();
        value.put("rank", c.rank());
        value.put("list", List.of(1.0, 2.0, 3.0, 4.0));
        value.put("text", "x".repeat(100_000 * (c.rank() % 2)));
        if (c.size() == 1) {
            // A blocking send to oneself completes only if MPI buffers it, which MPI does not
            // promise (MPICH does not): the receive runs on a second thread.
            CompletableFuture<Map<String, Object>> got = CompletableFuture.supplyAsync(
                () -> c.recvObject(0, 21));
            c.sendObject(value, 0, 21);
            Check.equal(value, got.join(), "object sent to oneself");
        } else if (c.rank() % 2 == 0) {
            // Even ranks send first, odd ones receive first: a ring of any size goes round.
            c.sendObject(value, next, 21);
            Map<String, Object> got = c.recvObject(previous, 21);
            Check.equal(previous, got.get("rank"), "rank field");
        } else {
            Map<String, Object> got = c.recvObject(Comm.ANY_SOURCE, 21);
            Check.equal(previous, got.get("rank"), "rank field");
            Check.equal(List.of(1.0, 2.0, 3.0, 4.0), got.get("list"), "list field");
            Check.equal(100_000 * (previous % 2), ((String) got.get("text")).length(), "text field");
            c.sendObject(value, next, 21);
        }
    }

    static void collectives(Intracomm c) {
        int root = c.size() - 1;
        String fromRoot = c.bcastObject(c.rank() == root ? "hello from " + root : null, root);
        Check.equal("hello from " + root, fromRoot, "bcastObject");

        List<Integer> gathered = c.gatherObject(c.rank() * c.rank(), root);
        if (c.rank() == root) {
            List<Integer> squares = new ArrayList<>();
            for (int r = 0; r < c.size(); r++) {
                squares.add(r * r);
            }
            Check.equal(squares, gathered, "gatherObject");
        } else {
            Check.equal(null, gathered, "gatherObject off the root");
        }

        List<String> all = c.allgatherObject("r" + c.rank());
        Check.equal(c.size(), all.size(), "allgatherObject size");
        Check.equal("r" + (c.size() - 1), all.get(c.size() - 1), "allgatherObject last");

        List<int[]> parts = null;
        if (c.rank() == root) {
            parts = new ArrayList<>();
            for (int r = 0; r < c.size(); r++) {
                parts.add(new int[] {r, 2 * r});
            }
        }
        int[] mine = c.scatterObject(parts, root);
        Check.equal(2 * c.rank(), mine[1], "scatterObject");

        String joined = c.allreduceObject(String.valueOf(c.rank()), String::concat);
        StringBuilder expected = new StringBuilder();
        for (int r = 0; r < c.size(); r++) {
            expected.append(r);
        }
        Check.equal(expected.toString(), joined, "allreduceObject in rank order");
    }
}
