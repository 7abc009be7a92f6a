package org.jpar.mpi.conformance;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.function.Consumer;
import org.jpar.mpi.Comm;
import org.jpar.mpi.DirectBuffers;
import org.jpar.mpi.Intracomm;
import org.jpar.mpi.Mpi;
import org.jpar.mpi.Request;
import org.jpar.mpi.conformance.Values.Kind;
import org.jpar.mpi.conformance.Values.Type;

/** The send modes (standard, synchronous, buffered, ready), blocking and not, and their buffer. */
final class SendModeChecks {
    private SendModeChecks() {
    }

    static void register(Map<String, Consumer<Intracomm>> checks) {
        checks.put("every_send_mode_ring_every_kind", SendModeChecks::everyModeRing);
        checks.put("attached_buffer_misuse", SendModeChecks::attachedBufferMisuse);
        checks.put("detach_waits_for_buffered_messages", SendModeChecks::detachWaits);
        checks.put("sendrecv_replace_ring_every_kind", SendModeChecks::sendrecvReplace);
    }

    private static int next(Intracomm c) {
        return (c.rank() + 1) % c.size();
    }

    private static int previous(Intracomm c) {
        return (c.rank() - 1 + c.size()) % c.size();
    }

    /** The modes, each as a blocking and a nonblocking call. */
    enum Mode { SEND, SSEND, BSEND, RSEND, ISEND, ISSEND, IBSEND, IRSEND }

    /**
     * Around the ring, in every mode and storage kind, with an odd count: the receive is posted
     * before a barrier, so that a ready send finds it; a buffered one goes through an attached
     * buffer sized with the MPI's overhead.
     */
    static void everyModeRing(Intracomm c) {
        Mpi mpi = c.mpi();
        int n = 13;
        mpi.attachBuffer(DirectBuffers.allocate(4 * (8 * n + mpi.bsendOverhead())));
        try {
            for (Mode mode : Mode.values()) {
                for (Kind kind : Kind.values()) {
                    String what = mode + " " + kind;
                    Object in = Values.make(Type.LONG, kind, n);
                    Request r = c.irecv(in, previous(c), 40);
                    c.barrier();
                    Object out = Values.filled(Type.LONG, kind, n, i -> c.rank() * 1000L + i);
                    Request s = send(c, mode, out, next(c), 40);
                    Check.equal(n, r.waitFor().count(), what + " count");
                    if (s != null) {
                        Check.equal(n, s.waitFor().count(), what + " send status");
                    }
                    Check.elements(in, 0, n, i -> previous(c) * 1000L + i, what);
                    c.barrier();
                }
            }
        } finally {
            mpi.detachBuffer();
        }
    }

    static Request send(Intracomm c, Mode mode, Object buf, int dest, int tag) {
        switch (mode) {
            case SEND -> c.send(buf, dest, tag);
            case SSEND -> c.ssend(buf, dest, tag);
            case BSEND -> c.bsend(buf, dest, tag);
            case RSEND -> c.rsend(buf, dest, tag);
            case ISEND -> {
                return c.isend(buf, dest, tag);
            }
            case ISSEND -> {
                return c.issend(buf, dest, tag);
            }
            case IBSEND -> {
                return c.ibsend(buf, dest, tag);
            }
            case IRSEND -> {
                return c.irsend(buf, dest, tag);
            }
        }
        return null;
    }

    /**
     * The attached buffer's misuse is caught in Java: a second buffer, a detach with none, a
     * heap buffer. (A buffered send that finds no room is an error MPI need not detect: Open
     * MPI sends a small message at once without the buffer; LocalBackendTest checks the local
     * backend's MPI_ERR_BUFFER.)
     */
    static void attachedBufferMisuse(Intracomm c) {
        Mpi mpi = c.mpi();
        mpi.attachBuffer(DirectBuffers.allocate(mpi.bsendOverhead() + 16));
        try {
            Check.raises(IllegalStateException.class,
                () -> mpi.attachBuffer(DirectBuffers.allocate(64)), "a second buffer");
        } finally {
            mpi.detachBuffer();
        }
        Check.raises(IllegalStateException.class, mpi::detachBuffer, "detach with none attached");
        Check.raises(IllegalArgumentException.class,
            () -> mpi.attachBuffer(ByteBuffer.allocate(64)), "a heap buffer");
        Check.raises(IllegalArgumentException.class,
            () -> mpi.attachBuffer(DirectBuffers.allocate(64).asReadOnlyBuffer()),
            "a read-only buffer");
        Check.raises(NullPointerException.class, () -> mpi.attachBuffer(null), "null");
    }

    /**
     * Three buffered messages to the next rank, sent before it posts any receive; detach returns
     * only once they have left the buffer, and then the same buffer attaches again.
     */
    static void detachWaits(Intracomm c) {
        Mpi mpi = c.mpi();
        ByteBuffer buffer = DirectBuffers.allocate(3 * (1024 + mpi.bsendOverhead()));
        mpi.attachBuffer(buffer);
        for (int k = 0; k < 3; k++) {
            c.bsend(Values.filled(Type.INT, Kind.ARRAY, 256, i -> i + 7L * c.rank()), next(c),
                42 + k);
        }
        c.barrier();
        for (int k = 2; k >= 0; k--) {
            int[] in = new int[256];
            c.recv(in, previous(c), 42 + k);
            Check.elements(in, 0, 256, i -> i + 7L * previous(c), "message " + k);
        }
        Check.isTrue(mpi.detachBuffer() == buffer, "detach gives back the buffer");
        mpi.attachBuffer(buffer);
        mpi.detachBuffer();
    }

    /** Each rank's values go one step around the ring through one buffer. */
    static void sendrecvReplace(Intracomm c) {
        for (Type type : Type.values()) {
            for (Kind kind : Kind.values()) {
                Object buf = Values.filled(type, kind, 5, i -> c.rank() * 10 + i);
                var st = c.sendrecvReplace(buf, next(c), 43, previous(c), 43);
                Check.equal(5, st.count(), type + " " + kind + " count");
                Check.equal(previous(c), st.source(), type + " " + kind + " source");
                Check.elements(buf, 0, 5, i -> previous(c) * 10 + i, type + " " + kind);
            }
        }
        Object none = Values.filled(Type.INT, Kind.DIRECT, 3, i -> 9);
        c.sendrecvReplace(none, Comm.PROC_NULL, 43, Comm.PROC_NULL, 43);
        Check.elements(none, 0, 3, i -> 9, "PROC_NULL leaves the buffer alone");
    }
}
