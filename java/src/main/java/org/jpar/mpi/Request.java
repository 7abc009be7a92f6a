package org.jpar.mpi;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import org.jpar.mpi.internal.MessageBuffer;
import org.jpar.mpi.internal.Scratch;
import org.jpar.mpi.internal.StatusLayout;
import org.jpar.mpi.internal.UserOps;

/**
 * A nonblocking operation in flight (MPI_Request): a send, a receive or a collective. It holds
 * its messages, and so its buffers, until it completes, and its {@link Mpi} holds it until then,
 * so the memory MPI uses cannot be collected early, even if the program drops the request. Heap buffers and arrays are staged in direct copies that the request owns:
 * what is sent is copied at the start, what is received back when the request completes (in a
 * wait or a successful test).
 */
public sealed class Request permits Prequest {
    final Comm comm;
    /** What MPI reads or writes: let go of once the request completes, unless persistent. */
    MessageBuffer message;
    final boolean receive;
    /** A collective's input message, kept reachable until it completes; null otherwise. */
    private MessageBuffer input;
    /** What else MPI reads until completion (a collective's count arrays); null if nothing. */
    private Object keep;
    /** The elements a collective copies back at completion; -1 for point to point. */
    private final int collective;
    long handle;
    boolean active;
    Status status;

    Request(Comm comm, MessageBuffer message, boolean receive, long handle, boolean active) {
        this.comm = comm;
        this.message = message;
        this.receive = receive;
        this.handle = handle;
        this.active = active;
        this.collective = -1;
        if (active) {
            comm.mpi.inFlight.add(this);
        }
    }

    /** A started collective's request. */
    Request(Comm comm, MessageBuffer input, MessageBuffer output, int received, Object keep,
            long handle) {
        this.comm = comm;
        this.message = output;
        this.input = input;
        this.keep = keep;
        this.receive = false;
        this.collective = received;
        this.handle = handle;
        this.active = true;
        comm.mpi.inFlight.add(this);
    }

    /**
     * Waits for the request to complete (MPI_Wait). Calling it again returns the same status.
     *
     * @return for a receive, its source, tag and element count
     * @throws MpiException if the operation failed (a truncated receive, for one)
     * @throws IllegalStateException after MPI is finalized
     */
    public synchronized Status waitFor() {
        if (!active) {
            return status;
        }
        comm.checkOpen("waitFor");
        Scratch s = Scratch.get();
        s.out.putLong(Scratch.HANDLE, handle);
        int rc = comm.abi.jpar_wait(s.outAddress + Scratch.HANDLE, s.outAddress + Scratch.STATUS);
        Status st = complete(rc, s.out, Scratch.STATUS, s.out.getLong(Scratch.HANDLE), "waitFor");
        UserOps.rethrow();
        return st;
    }

    /**
     * Checks whether the request has completed (MPI_Test) without waiting; if it has, it is
     * completed as by {@link #waitFor()}.
     *
     * @throws MpiException if the operation failed
     */
    public synchronized boolean test() {
        if (!active) {
            return true;
        }
        comm.checkOpen("test");
        Scratch s = Scratch.get();
        s.out.putLong(Scratch.HANDLE, handle);
        int rc = comm.abi.jpar_test(s.outAddress + Scratch.HANDLE, s.outAddress + Scratch.FLAG,
            s.outAddress + Scratch.STATUS);
        if (rc == 0 && s.out.getInt(Scratch.FLAG) == 0) {
            return false;
        }
        complete(rc, s.out, Scratch.STATUS, s.out.getLong(Scratch.HANDLE), "test");
        UserOps.rethrow();
        return true;
    }

    /**
     * The status if the operation has finished, without completing the request
     * (MPI_Request_get_status): a heap buffer receives its data only in a wait or test.
     *
     * @return the status, or empty while the operation is in flight
     * @throws MpiException if MPI fails
     */
    public synchronized Optional<Status> getStatus() {
        if (!active) {
            return Optional.ofNullable(status);
        }
        comm.checkOpen("getStatus");
        Scratch s = Scratch.get();
        comm.check(comm.abi.jpar_request_get_status(handle, s.outAddress + Scratch.FLAG,
            s.outAddress + Scratch.STATUS), "getStatus");
        if (s.out.getInt(Scratch.FLAG) == 0) {
            return Optional.empty();
        }
        return Optional.of(described(StatusLayout.read(s.out, Scratch.STATUS, message.type(),
            null), message));
    }

    /**
     * Asks MPI to stop the operation (MPI_Cancel). The request must still be completed by a wait
     * or test; its status then says whether the cancel took effect ({@link Status#isCancelled}):
     * a receive that no message matched is cancelled, a send that has left may not be. Does
     * nothing on a request that is not in flight.
     *
     * @throws MpiException if MPI fails
     */
    public synchronized void cancel() {
        if (!active) {
            return;
        }
        comm.checkOpen("cancel");
        comm.check(comm.abi.jpar_cancel(handle), "cancel");
    }

    /**
     * Frees the request (MPI_Request_free): a persistent request can no longer start. Idempotent.
     *
     * @throws IllegalStateException while the operation is in flight (its buffer must stay in
     *     use until then): wait for it, test it or cancel it first
     */
    public synchronized void free() {
        if (active) {
            throw new IllegalStateException(
                "the request is in flight: wait for it, test it or cancel it first");
        }
        if (handle != 0L) {
            comm.checkOpen("free");
            Scratch s = Scratch.get();
            s.out.putLong(Scratch.HANDLE, handle);
            handle = 0L;
            message = null;
            comm.check(comm.abi.jpar_request_free(s.outAddress + Scratch.HANDLE), "free");
        }
    }

    /** Whether the request is not in flight: completed, or a persistent one not started. */
    public synchronized boolean isComplete() {
        return !active;
    }

    /** The status of the last completion, or null while the request is in flight. */
    public synchronized Status status() {
        return active ? null : status;
    }

    // ------------------------------------------------------------------ many requests at once

    /**
     * Waits for every request (MPI_Waitall) and returns their statuses in order.
     *
     * @throws NullPointerException if the array or an element is null
     * @throws MpiException for the first request that failed, after all have completed
     */
    public static Status[] waitAll(Request... requests) {
        Batch b = new Batch("waitAll", requests);
        if (b.n > 0) {
            b.completeAll(b.comm.abi.jpar_waitall(b.n, b.handles, b.statuses), "waitAll");
        }
        return statuses(requests);
    }

    /**
     * Completes every request if all have finished (MPI_Testall), else completes none.
     *
     * @return whether all have completed
     * @throws MpiException for the first request that failed
     */
    public static boolean testAll(Request... requests) {
        Batch b = new Batch("testAll", requests);
        if (b.n == 0) {
            return true;
        }
        Scratch s = Scratch.get();
        int rc = b.comm.abi.jpar_testall(b.n, b.handles, s.outAddress + Scratch.FLAG, b.statuses);
        if (rc == 0 && s.out.getInt(Scratch.FLAG) == 0) {
            return false;
        }
        b.completeAll(rc, "testAll");
        return true;
    }

    /**
     * Waits until one of the requests in flight completes (MPI_Waitany) and returns its index.
     *
     * @return the index of the request that completed, or -1 if none was in flight
     * @throws MpiException if that request failed
     */
    public static int waitAny(Request... requests) {
        Batch b = new Batch("waitAny", requests);
        if (b.n == 0) {
            return -1;
        }
        Scratch s = Scratch.get();
        int rc = b.comm.abi.jpar_waitany(b.n, b.handles, s.outAddress + Scratch.INT,
            s.outAddress + Scratch.STATUS);
        return b.completeOne(rc, s.out.getInt(Scratch.INT), "waitAny");
    }

    /**
     * Completes one request that has finished, if any has (MPI_Testany).
     *
     * @return its index, or -1 if none has finished or none was in flight
     * @throws MpiException if that request failed
     */
    public static int testAny(Request... requests) {
        Batch b = new Batch("testAny", requests);
        if (b.n == 0) {
            return -1;
        }
        Scratch s = Scratch.get();
        int rc = b.comm.abi.jpar_testany(b.n, b.handles, s.outAddress + Scratch.INT,
            s.outAddress + Scratch.FLAG, s.outAddress + Scratch.STATUS);
        if (rc == 0 && s.out.getInt(Scratch.FLAG) == 0) {
            return -1;
        }
        return b.completeOne(rc, s.out.getInt(Scratch.INT), "testAny");
    }

    /**
     * Waits until at least one request in flight completes (MPI_Waitsome) and completes all that
     * have.
     *
     * @return their indices, in increasing order; empty if none was in flight
     * @throws MpiException for the first of them that failed
     */
    public static int[] waitSome(Request... requests) {
        return some("waitSome", true, requests);
    }

    /**
     * Completes every request in flight that has finished (MPI_Testsome), without waiting.
     *
     * @return their indices, in increasing order; empty if none has finished
     * @throws MpiException for the first of them that failed
     */
    public static int[] testSome(Request... requests) {
        return some("testSome", false, requests);
    }

    private static int[] some(String call, boolean wait, Request[] requests) {
        Batch b = new Batch(call, requests);
        if (b.n == 0) {
            return new int[0];
        }
        Scratch s = Scratch.get();
        long outcount = s.outAddress + Scratch.INT;
        int rc = wait
            ? b.comm.abi.jpar_waitsome(b.n, b.handles, outcount, b.indices, b.statuses)
            : b.comm.abi.jpar_testsome(b.n, b.handles, outcount, b.indices, b.statuses);
        return b.completeSome(rc, s.out.getInt(Scratch.INT), call);
    }

    private static Status[] statuses(Request[] requests) {
        Status[] out = new Status[requests.length];
        for (int i = 0; i < requests.length; i++) {
            out[i] = requests[i].status();
        }
        return out;
    }

    /**
     * The requests in flight among those given, their handles staged in the counts slot
     * (handles, then statuses, then indices), and how each maps back to its position.
     */
    private static final class Batch {
        final Request[] open;
        final int[] position;
        final int n;
        final Comm comm;
        final ByteBuffer area;
        final long handles;
        final long statuses;
        final long indices;

        Batch(String call, Request[] requests) {
            int pending = 0;
            for (Request r : requests) {
                if (r == null) {
                    throw new NullPointerException("requests must not contain null");
                }
                if (!r.isComplete()) {
                    pending++;
                }
            }
            n = pending;
            open = new Request[n];
            position = new int[n];
            int j = 0;
            for (int i = 0; i < requests.length; i++) {
                if (!requests[i].isComplete()) {
                    open[j] = requests[i];
                    position[j++] = i;
                }
            }
            comm = n > 0 ? open[0].comm : null;
            Scratch s = Scratch.get();
            area = s.slot(Scratch.COUNTS, (8L + StatusLayout.BYTES + 4L) * Math.max(1, n));
            handles = s.slotAddress(Scratch.COUNTS);
            statuses = handles + 8L * n;
            indices = statuses + (long) StatusLayout.BYTES * n;
            if (n > 0) {
                comm.checkOpen(call);
            }
            for (int i = 0; i < n; i++) {
                area.putLong(8 * i, open[i].handle);
            }
        }

        private int statusAt(int i) {
            return 8 * n + StatusLayout.BYTES * i;
        }

        private long handleAfter(int i) {
            return area.getLong(8 * i);
        }

        /** Completes every request; the first failure is thrown once all have completed. */
        void completeAll(int rc, String call) {
            MpiException first = null;
            for (int i = 0; i < n; i++) {
                int at = statusAt(i);
                first = completeNoting(first, open[i], rc == 0 ? 0 : StatusLayout.error(area, at),
                    area, at, handleAfter(i), call);
            }
            if (first != null) {
                throw first;
            }
            comm.check(rc, call);
            UserOps.rethrow();
        }

        /** Completes the one request MPI chose (index {@code which}, or JPAR_UNDEFINED). */
        int completeOne(int rc, int which, String call) {
            if (which < 0) {
                comm.check(rc, call);
                return -1;
            }
            Request done = open[which];
            synchronized (done) {
                Scratch s = Scratch.get();
                done.complete(rc, s.out, Scratch.STATUS, handleAfter(which), call);
            }
            UserOps.rethrow();
            return position[which];
        }

        /** Completes the {@code count} requests MPI listed, returning their positions. */
        int[] completeSome(int rc, int count, String call) {
            if (count < 0) {
                comm.check(rc, call);
                return new int[0];
            }
            int[] done = new int[count];
            MpiException first = null;
            int base = 8 * n + StatusLayout.BYTES * n;
            for (int k = 0; k < count; k++) {
                int i = area.getInt(base + 4 * k);
                int at = statusAt(k);
                first = completeNoting(first, open[i], rc == 0 ? 0 : StatusLayout.error(area, at),
                    area, at, handleAfter(i), call);
                done[k] = position[i];
            }
            if (first != null) {
                throw first;
            }
            comm.check(rc, call);
            UserOps.rethrow();
            Arrays.sort(done);
            return done;
        }

        private static MpiException completeNoting(MpiException first, Request r, int rc,
                                                   ByteBuffer area, int at, long handle,
                                                   String call) {
            try {
                synchronized (r) {
                    r.complete(rc, area, at, handle, call);
                }
            } catch (MpiException e) {
                return first != null ? first : e;
            }
            return first;
        }
    }

    /**
     * Decodes the status MPI wrote and lets go of the message, copying back what arrived; a
     * persistent request keeps its message and its handle for the next start.
     */
    Status complete(int rc, ByteBuffer statusArea, int at, long handleAfter, String call) {
        handle = handleAfter;
        active = false;
        comm.mpi.inFlight.remove(this);
        MessageBuffer m = message;
        if (!(this instanceof Prequest)) {
            message = null;
        }
        if (input != null) {
            input.release();
            input = null;
        }
        keep = null;
        Status st = StatusLayout.read(statusArea, at, m.type(), null);
        if (rc != 0) {
            m.release();
            status = new Status(st.source(), st.tag(), 0, 0, st.cancelled());
            comm.check(rc, call);
        }
        m.done(collective >= 0 ? collective : receive ? st.count() : 0);
        status = described(st, m);
        return status;
    }

    /**
     * A send's status counts what it sent, a collective's what it received; a receive's is
     * MPI's.
     */
    private Status described(Status st, MessageBuffer m) {
        if (collective >= 0) {
            return new Status(st.source(), st.tag(), collective, collective * m.type().size,
                false);
        }
        return receive || st.cancelled() ? st : new Status(st.source(), st.tag(),
            m.elements(), m.elements() * m.type().size, false);
    }
}
