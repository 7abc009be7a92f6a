package org.jpar.mpi.conformance;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jpar.mpi.Comm;
import org.jpar.mpi.Datatype;
import org.jpar.mpi.DirectBuffers;
import org.jpar.mpi.Intracomm;
import org.jpar.mpi.Message;
import org.jpar.mpi.Prequest;
import org.jpar.mpi.Request;
import org.jpar.mpi.Status;
import org.jpar.mpi.conformance.Values.Kind;
import org.jpar.mpi.conformance.Values.Type;

/** Persistent requests, matched probes, cancel, the many-request calls and statuses. */
final class RequestChecks {
    private RequestChecks() {
    }

    static void register(Map<String, Consumer<Intracomm>> checks) {
        checks.put("persistent_requests_restart_every_kind", RequestChecks::persistent);
        checks.put("persistent_send_modes", RequestChecks::persistentModes);
        checks.put("mprobe_mrecv_improbe_imrecv", RequestChecks::matched);
        checks.put("cancel_an_unmatched_receive", RequestChecks::cancel);
        checks.put("waitsome_testsome_testany_testall", RequestChecks::many);
        checks.put("get_status_leaves_the_request", RequestChecks::getStatus);
        checks.put("status_count_and_elements", RequestChecks::statusCount);
    }

    private static int next(Intracomm c) {
        return (c.rank() + 1) % c.size();
    }

    private static int previous(Intracomm c) {
        return (c.rank() - 1 + c.size()) % c.size();
    }

    /**
     * One persistent send and receive around the ring, started three times with new values
     * each time: a heap send is copied at every start, a heap receive back at every completion.
     * After free, a start is refused.
     */
    static void persistent(Intracomm c) {
        for (Kind kind : Kind.values()) {
            Object out = Values.make(Type.DOUBLE, kind, 7);
            Object in = Values.make(Type.DOUBLE, kind, 7);
            Prequest send = c.sendInit(out, next(c), 50);
            Prequest recv = c.recvInit(in, previous(c), 50);
            Check.isTrue(send.isComplete(), kind + ": a new persistent request is inactive");
            for (int round = 0; round < 3; round++) {
                int r = round;
                for (int i = 0; i < 7; i++) {
                    Values.set(out, i, c.rank() * 100 + r * 10 + i);
                }
                Prequest.startAll(recv, send);
                Status[] st = Request.waitAll(send, recv);
                Check.equal(7, st[1].count(), kind + " round " + r + " count");
                Check.elements(in, 0, 7, i -> previous(c) * 100 + r * 10 + i,
                    kind + " round " + r);
                c.barrier();
            }
            recv.start();
            Check.raises(IllegalStateException.class, recv::start, kind + ": start twice");
            Check.raises(IllegalStateException.class, recv::free, kind + ": free in flight");
            send.start();
            send.waitFor();
            recv.waitFor();
            send.free();
            recv.free();
            recv.free();
            Check.raises(IllegalStateException.class, send::start, kind + ": start after free");
        }
    }

    /** ssendInit, bsendInit and rsendInit complete and carry their values. */
    static void persistentModes(Intracomm c) {
        var mpi = c.mpi();
        mpi.attachBuffer(DirectBuffers.allocate(2 * (16 + mpi.bsendOverhead())));
        try {
            int[] out = {0, 0, 0, 0};
            int[] in = new int[4];
            Prequest recv = c.recvInit(in, previous(c), 51);
            Prequest[] sends = {c.ssendInit(out, next(c), 51), c.bsendInit(out, next(c), 51),
                c.rsendInit(out, next(c), 51)};
            for (int m = 0; m < sends.length; m++) {
                Arrays.fill(out, c.rank() * 10 + m);
                recv.start();
                c.barrier();
                sends[m].start();
                Request.waitAll(sends[m], recv);
                int expected = previous(c) * 10 + m;
                Check.equal(expected, in[3], "mode " + m);
                c.barrier();
            }
            for (Prequest p : sends) {
                p.free();
            }
            recv.free();
        } finally {
            mpi.detachBuffer();
        }
    }

    /**
     * Two messages to the next rank; the matched probe takes the second first, by tag, and
     * only its Message can receive it, once.
     */
    static void matched(Intracomm c) {
        Request a = c.isend(new long[] {1, 2, 3}, next(c), 52);
        Request b = c.isend(new long[] {4, 5}, next(c), 53);
        Message second = c.mprobe(previous(c), 53);
        Check.equal(16, second.status().bytes(), "probe's size");
        Check.equal(previous(c), second.status().source(), "probe's source");
        Check.isTrue(c.improbe(previous(c), 54).isEmpty(), "improbe of nothing");
        Optional<Message> first = Optional.empty();
        while (first.isEmpty()) {
            first = c.improbe(previous(c), 52);
        }
        long[] in = new long[2];
        Request r = second.imrecv(in);
        ByteBuffer in3 = DirectBuffers.allocate(24);
        Status st = first.get().mrecv(in3.asLongBuffer());
        Check.equal(3, st.count(), "mrecv count");
        Check.equal(3L, in3.getLong(16), "mrecv value");
        Check.equal(2, r.waitFor().count(), "imrecv count");
        Check.equal(5L, in[1], "imrecv value");
        Check.raises(IllegalStateException.class, () -> second.mrecv(new long[2]),
            "a message received twice");
        Request.waitAll(a, b);
        Message none = c.mprobe(Comm.PROC_NULL, 52);
        Check.equal(Comm.PROC_NULL, none.mrecv(new long[1]).source(), "PROC_NULL's message");
        Check.equal(Comm.PROC_NULL, c.probe(Comm.PROC_NULL, 52).source(), "PROC_NULL's probe");
    }

    /** A receive nothing matches is cancelled; a freed request in flight is refused first. */
    static void cancel(Intracomm c) {
        int[] in = new int[1];
        Request r = c.irecv(in, Comm.ANY_SOURCE, 56);
        Check.raises(IllegalStateException.class, r::free, "free in flight");
        r.cancel();
        Status st = r.waitFor();
        Check.isTrue(st.isCancelled(), "cancelled: " + st);
        r.cancel();
        Request sent = c.isend(new int[] {8}, next(c), 55);
        Request got = c.irecv(in, previous(c), 55);
        Request.waitAll(sent, got);
        Check.isTrue(!got.status().isCancelled(), "a matched receive is not cancelled");
        Check.equal(8, in[0], "the receive after the cancelled one");
    }

    /**
     * Four receives per rank, completed with waitSome, then four more with testSome, testAny
     * and testAll in loops; every index comes back once, with its values.
     */
    static void many(Intracomm c) {
        int n = 4;
        int[][] in = new int[n][1];
        Request[] recvs = new Request[n];
        for (int i = 0; i < n; i++) {
            recvs[i] = c.irecv(in[i], previous(c), 60 + i);
        }
        Check.equal(-1, Request.testAny(recvs), "nothing sent yet");
        Check.equal(0, Request.testSome(recvs).length, "nothing sent yet: testSome");
        Check.isTrue(!Request.testAll(recvs), "nothing sent yet: testAll");
        c.barrier();
        Request[] sends = new Request[n];
        for (int i = n - 1; i >= 0; i--) {
            sends[i] = c.isend(new int[] {c.rank() * 10 + i}, next(c), 60 + i);
        }
        boolean[] seen = new boolean[n];
        int left = n;
        while (left > 0) {
            for (int i : Request.waitSome(recvs)) {
                Check.isTrue(!seen[i], "index " + i + " once");
                seen[i] = true;
                left--;
                Check.equal(previous(c) * 10 + i, in[i][0], "waitSome value " + i);
            }
        }
        Check.equal(0, Request.waitSome(recvs).length, "none in flight");
        Request.waitAll(sends);
        for (int i = 0; i < n; i++) {
            recvs[i] = c.irecv(in[i], previous(c), 70 + i);
        }
        c.barrier();
        for (int i = 0; i < n; i++) {
            sends[i] = c.isend(new int[] {c.rank() * 20 + i}, next(c), 70 + i);
        }
        int any = -1;
        while (any < 0) {
            any = Request.testAny(recvs);
        }
        Check.equal(previous(c) * 20 + any, in[any][0], "testAny value");
        boolean[] done = new boolean[n];
        done[any] = true;
        for (int count = 1; count < n; ) {
            for (int i : Request.testSome(recvs)) {
                Check.isTrue(!done[i], "testSome index " + i + " once");
                done[i] = true;
                count++;
                Check.equal(previous(c) * 20 + i, in[i][0], "testSome value " + i);
            }
        }
        Check.isTrue(Request.testAll(recvs), "testAll once all are done");
        Request.waitAll(sends);
        for (int i = 0; i < n; i++) {
            recvs[i] = c.irecv(in[i], previous(c), 90 + i);
            sends[i] = c.isend(new int[] {c.rank() * 30 + i}, next(c), 90 + i);
        }
        while (!Request.testAll(recvs)) {
            Thread.onSpinWait();
        }
        for (int i = 0; i < n; i++) {
            Check.equal(previous(c) * 30 + i, in[i][0], "testAll value " + i);
        }
        Request.waitAll(sends);
    }

    /** getStatus says a receive has finished without completing it: the heap copy waits. */
    static void getStatus(Intracomm c) {
        int[] in = new int[2];
        Request r = c.irecv(in, previous(c), 80);
        Check.isTrue(r.getStatus().isEmpty(), "nothing sent yet");
        c.barrier();
        c.send(new int[] {3, 4}, next(c), 80);
        Optional<Status> st = Optional.empty();
        while (st.isEmpty()) {
            st = r.getStatus();
        }
        Check.equal(2, st.get().count(), "getStatus count");
        Check.isTrue(!r.isComplete(), "getStatus does not complete the request");
        Check.equal(2, r.waitFor().count(), "then wait");
        Check.equal(4, in[1], "value after wait");
        Check.equal(Optional.of(r.status()), r.getStatus(), "a completed request's status");
    }

    /** A status counts in any type: whole elements, or UNDEFINED. */
    static void statusCount(Intracomm c) {
        Request s = c.isend(new byte[12], next(c), 81);
        Status st = c.recv(new byte[12], previous(c), 81);
        s.waitFor();
        Check.equal(12, st.count(Datatype.BYTE), "bytes");
        Check.equal(3, st.count(Datatype.INT), "ints");
        Check.equal(6, st.elements(Datatype.CHAR), "chars");
        Check.equal(Comm.UNDEFINED, st.count(Datatype.DOUBLE), "12 bytes are no whole doubles");
        Check.isTrue(!st.isCancelled(), "not cancelled");
        Check.raises(NullPointerException.class, () -> st.count(null), "a null type");
    }
}
