package org.jpar.mpi.conformance;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import java.util.Map;
import java.util.function.Consumer;
import org.jpar.mpi.Comm;
import org.jpar.mpi.Intracomm;
import org.jpar.mpi.MpiException;
import org.jpar.mpi.Request;
import org.jpar.mpi.Status;
import org.jpar.mpi.conformance.Values.Kind;
import org.jpar.mpi.conformance.Values.Type;

/** Point-to-point checks: every type and storage kind, matching, ordering, sizes, requests. */
final class PointToPointChecks {
    private PointToPointChecks() {
    }

    static void register(Map<String, Consumer<Intracomm>> checks) {
        checks.put("ring_every_type_and_kind", PointToPointChecks::ringEveryTypeAndKind);
        checks.put("position_to_limit_convention", PointToPointChecks::positionToLimit);
        checks.put("sendrecv_ring", PointToPointChecks::sendrecvRing);
        checks.put("any_source_any_tag", PointToPointChecks::anySource);
        checks.put("pairwise_order", PointToPointChecks::pairwiseOrder);
        checks.put("truncation_then_next_message", PointToPointChecks::truncation);
        checks.put("sizes_0B_1B_64KiB_16MiB", PointToPointChecks::sizes);
        checks.put("self_isend_then_recv", PointToPointChecks::selfIsend);
        checks.put("probe_iprobe", PointToPointChecks::probe);
        checks.put("requests_survive_gc", PointToPointChecks::requestsSurviveGc);
        checks.put("waitany_and_test", PointToPointChecks::waitAnyAndTest);
        checks.put("zero_copy_receive_into_slice", PointToPointChecks::zeroCopy);
        checks.put("proc_null", PointToPointChecks::procNull);
        checks.put("ssend_every_kind_completes_only_once_received", PointToPointChecks::ssend);
    }

    private static int next(Intracomm c) {
        return (c.rank() + 1) % c.size();
    }

    private static int previous(Intracomm c) {
        return (c.rank() - 1 + c.size()) % c.size();
    }

    /**
     * Even rank 2k synchronously sends to 2k+1 (a lone last rank to PROC_NULL), then sends a
     * second message. The receiver first sees the ssend's envelope with probe, then checks that
     * the second message has not come: the sender is still inside ssend, since no receive has
     * taken its message (a buffered ssend would let the second one through). Values travel
     * for every buffer kind.
     */
    static void ssend(Intracomm c) {
        int partner = c.rank() % 2 == 0 ? c.rank() + 1 : c.rank() - 1;
        for (Kind kind : Kind.values()) {
            if (partner >= c.size()) {
                c.ssend(Values.filled(Type.INT, kind, 3, i -> i), Comm.PROC_NULL, 1);
            } else if (c.rank() % 2 == 0) {
                c.ssend(Values.filled(Type.INT, kind, 3, i -> c.rank() * 10 + i), partner, 1);
                c.send(new int[] {7}, partner, 2);
            } else {
                c.probe(partner, 1);
                Check.isTrue(c.iprobe(partner, 2).isEmpty(),
                    kind + ": ssend returned before its message was received");
                Object in = Values.make(Type.INT, kind, 3);
                Check.equal(3, c.recv(in, partner, 1).count(), kind + " count");
                Check.elements(in, 0, 3, i -> partner * 10 + i, kind + " values");
                c.recv(new int[1], partner, 2);
            }
        }
    }

    /** Each rank sends to the next one in a ring, with isend so one rank can talk to itself. */
    static void ringEveryTypeAndKind(Intracomm c) {
        for (Type type : Type.values()) {
            for (Kind sendKind : Kind.values()) {
                Kind recvKind = Kind.values()[(sendKind.ordinal() + 1) % 3];
                int n = 7 + type.ordinal();
                Object out = Values.filled(type, sendKind, n, i -> c.rank() * 10 + i);
                Object in = Values.make(type, recvKind, n);
                Request send = c.isend(out, next(c), 5);
                Status st = c.recv(in, previous(c), 5);
                send.waitFor();
                String what = type + " " + sendKind + "->" + recvKind;
                Check.equal(n, st.count(), what + " count");
                Check.equal(previous(c), st.source(), what + " source");
                Check.equal(5, st.tag(), what + " tag");
                Check.equal(n * Values.width(type), st.bytes(), what + " bytes");
                Check.elements(in, 0, n, i -> previous(c) * 10 + i, what);
            }
        }
    }

    static void positionToLimit(Intracomm c) {
        for (Kind kind : new Kind[] {Kind.DIRECT, Kind.HEAP}) {
            DoubleBuffer out = (DoubleBuffer) Values.filled(Type.DOUBLE, kind, 10, i -> i);
            out.position(2).limit(5);
            DoubleBuffer in = (DoubleBuffer) Values.make(Type.DOUBLE, kind, 10);
            in.position(4);
            Request r = c.isend(out, next(c), 6);
            Status st = c.recv(in, previous(c), 6);
            r.waitFor();
            Check.equal(3, st.count(), kind + " count");
            Check.equal(2, out.position(), kind + " send position untouched");
            Check.equal(5, out.limit(), kind + " send limit untouched");
            Check.equal(4, in.position(), kind + " recv position untouched");
            Check.elements(in, 4, 3, i -> i + 2, kind + " landed from position");
            Check.equal(0L, Values.get(in, 3), kind + " before position untouched");
            Check.equal(0L, Values.get(in, 7), kind + " after message untouched");
        }
    }

    static void sendrecvRing(Intracomm c) {
        for (Type type : Type.values()) {
            for (Kind kind : Kind.values()) {
                Object out = Values.filled(type, kind, 2, i -> c.rank() * 2 + i);
                Object in = Values.make(type, kind, 3);
                Status st = c.sendrecv(out, next(c), 7, in, previous(c), 7);
                String what = "sendrecv " + type + " " + kind;
                Check.equal(2, st.count(), what + " count");
                Check.elements(in, 0, 2, i -> previous(c) * 2 + i, what);
            }
        }
    }

    static void anySource(Intracomm c) {
        if (c.rank() != 0) {
            c.send(new int[] {c.rank()}, 0, 100 + c.rank());
            return;
        }
        boolean[] seen = new boolean[c.size()];
        int[] value = new int[1];
        for (int k = 1; k < c.size(); k++) {
            Status st = c.recv(value, Comm.ANY_SOURCE, Comm.ANY_TAG);
            Check.equal(value[0], st.source(), "source matches payload");
            Check.equal(100 + value[0], st.tag(), "tag matches payload");
            Check.isTrue(!seen[st.source()], "each source once");
            seen[st.source()] = true;
        }
    }

    /** Messages between one pair, with one tag, arrive in the order they were sent. */
    static void pairwiseOrder(Intracomm c) {
        int count = 200;
        Request[] sends = new Request[count];
        for (int i = 0; i < count; i++) {
            sends[i] = c.isend(new long[] {c.rank() * 1000L + i}, next(c), 8);
        }
        long[] in = new long[1];
        for (int i = 0; i < count; i++) {
            c.recv(in, previous(c), 8);
            Check.equal(previous(c) * 1000L + i, in[0], "message " + i);
        }
        Request.waitAll(sends);
    }

    static void truncation(Intracomm c) {
        Request big = c.isend(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, next(c), 9);
        Request after = c.isend(new int[] {42, 43}, next(c), 9);
        MpiException e = Check.raises(MpiException.class,
            () -> c.recv(new int[5], previous(c), 9), "short receive");
        Check.equal("MPI_ERR_TRUNCATE", e.errorClassName(), "error class: " + e.getMessage());
        Check.equal("recv", e.call(), "call name");
        int[] next = new int[2];
        c.recv(next, previous(c), 9);
        Check.equal(42, next[0], "next message intact");
        Check.equal(43, next[1], "next message intact");
        big.waitFor();
        after.waitFor();
    }

    static void sizes(Intracomm c) {
        for (int bytes : new int[] {0, 1, 64 * 1024, 16 * 1024 * 1024}) {
            ByteBuffer out = ByteBuffer.allocateDirect(bytes);
            for (int i = 0; i < bytes; i++) {
                out.put(i, (byte) (i * 31 + c.rank()));
            }
            ByteBuffer in = ByteBuffer.allocateDirect(bytes);
            Request r = c.isend(out, next(c), 10);
            Status st = c.recv(in, previous(c), 10);
            r.waitFor();
            Check.equal(bytes, st.bytes(), bytes + " B size");
            for (int i = 0; i < bytes; i++) {
                if (in.get(i) != (byte) (i * 31 + previous(c))) {
                    throw new AssertionError(bytes + " B message: byte " + i + " differs");
                }
            }
        }
    }

    static void selfIsend(Intracomm c) {
        for (Kind kind : Kind.values()) {
            Object out = Values.filled(Type.LONG, kind, 5, i -> 100 + i);
            Object in = Values.make(Type.LONG, kind, 5);
            Request r = c.isend(out, c.rank(), 11);
            c.recv(in, c.rank(), 11);
            r.waitFor();
            Check.elements(in, 0, 5, i -> 100 + i, kind + " self message");
        }
    }

    static void probe(Intracomm c) {
        Request r = c.isend(new double[17], next(c), 12);
        Status probed = c.probe(previous(c), 12);
        Check.equal(17 * 8, probed.bytes(), "probe bytes");
        Check.equal(previous(c), probed.source(), "probe source");
        Check.isTrue(c.iprobe(previous(c), 12).isPresent(), "iprobe sees the probed message");
        c.recv(new double[17], previous(c), 12);
        r.waitFor();
        c.barrier();
        Check.isTrue(c.iprobe(Comm.ANY_SOURCE, 12).isEmpty(), "nothing left to probe");
    }

    /** Pending requests hold their buffers: nothing else references them during the GCs. */
    static void requestsSurviveGc(Intracomm c) {
        int n = 1 << 16;
        Request[] recvs = new Request[3];
        recvs[0] = c.irecv(ByteBuffer.allocateDirect(n * 8).order(ByteOrder.nativeOrder())
            .asDoubleBuffer(), previous(c), 13);
        recvs[1] = c.irecv(new double[n], previous(c), 14);
        recvs[2] = c.irecv(DoubleBuffer.allocate(n), previous(c), 15);
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        c.barrier();
        Request[] sends = {
            c.isend(Values.filled(Type.DOUBLE, Kind.DIRECT, n, i -> i + c.rank()), next(c), 13),
            c.isend(Values.filled(Type.DOUBLE, Kind.ARRAY, n, i -> i + c.rank()), next(c), 14),
            c.isend(Values.filled(Type.DOUBLE, Kind.HEAP, n, i -> i + c.rank()), next(c), 15),
        };
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Status[] statuses = Request.waitAll(recvs);
        Request.waitAll(sends);
        for (Status st : statuses) {
            Check.equal(n, st.count(), "count after gc");
        }
        Check.isTrue(recvs[0].isComplete(), "complete");
    }

    static void waitAnyAndTest(Intracomm c) {
        IntBuffer a = IntBuffer.allocate(1);
        int[] b = new int[1];
        Request ra = c.irecv(a, previous(c), 16);
        Request rb = c.irecv(b, previous(c), 17);
        Check.isTrue(!rb.test(), "nothing sent yet on tag 17");
        c.barrier();
        c.send(new int[] {7}, next(c), 17);
        int first = Request.waitAny(ra, rb);
        Check.equal(1, first, "the tag-17 receive completes first");
        Check.equal(7, b[0], "heap copy-back on waitAny");
        c.barrier();
        c.send(new int[] {9}, next(c), 16);
        Check.equal(0, Request.waitAny(ra, rb), "then the other");
        Check.equal(9, a.get(0), "heap buffer copy-back");
        Check.equal(-1, Request.waitAny(ra, rb), "none pending");
        Check.isTrue(ra.test(), "test after completion");
    }

    /** A receive into a slice lands in the very memory of the parent buffer. */
    static void zeroCopy(Intracomm c) {
        ByteBuffer parent = ByteBuffer.allocateDirect(64).order(ByteOrder.nativeOrder());
        DoubleBuffer slice = parent.position(16).slice().order(ByteOrder.nativeOrder())
            .asDoubleBuffer().limit(3);
        Request r = c.isend(new double[] {1.5, 2.5, 3.5}, next(c), 18);
        c.recv(slice, previous(c), 18);
        r.waitFor();
        Check.equal(1.5, parent.getDouble(16), "parent sees element 0");
        Check.equal(3.5, parent.getDouble(32), "parent sees element 2");
        Check.equal(0.0, parent.getDouble(8), "bytes before the slice untouched");
    }

    static void procNull(Intracomm c) {
        c.send(new int[3], Comm.PROC_NULL, 1);
        Status st = c.recv(new int[3], Comm.PROC_NULL, 1);
        Check.equal(0, st.count(), "PROC_NULL receives nothing");
    }
}
