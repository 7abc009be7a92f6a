package org.jpar.mpi;

import java.nio.ByteBuffer;
import org.jpar.mpi.internal.MessageBuffer;
import org.jpar.mpi.internal.Scratch;
import org.jpar.mpi.internal.StatusLayout;

/**
 * A nonblocking send or receive in flight (MPI_Request). It holds its message, and so its
 * buffer, until it completes, so the memory MPI writes to cannot be collected early. A heap
 * buffer or array is staged in a direct copy that the request owns: a send copies at the start,
 * a receive copies back when the request completes.
 */
public final class Request {
    private final Comm comm;
    /** What MPI reads or writes; let go of once the request completes. */
    private MessageBuffer message;
    private final boolean receive;
    private long handle;
    private Status status;

    Request(Comm comm, MessageBuffer message, boolean receive, long handle) {
        this.comm = comm;
        this.message = message;
        this.receive = receive;
        this.handle = handle;
    }

    /**
     * Waits for the request to complete (MPI_Wait). Calling it again returns the same status.
     *
     * @return for a receive, its source, tag and element count
     * @throws MpiException if the operation failed (a truncated receive, for one)
     * @throws IllegalStateException after MPI is finalized
     */
    public synchronized Status waitFor() {
        if (status != null) {
            return status;
        }
        comm.checkOpen("waitFor");
        Scratch s = Scratch.get();
        s.out.putLong(Scratch.HANDLE, handle);
        int rc = comm.abi.jpar_wait(s.outAddress + Scratch.HANDLE, s.outAddress + Scratch.STATUS);
        return complete(rc, s.out, Scratch.STATUS, "waitFor");
    }

    /**
     * Checks whether the request has completed (MPI_Test) without waiting.
     *
     * @throws MpiException if the operation failed
     */
    public synchronized boolean test() {
        if (status != null) {
            return true;
        }
        comm.checkOpen("test");
        Scratch s = Scratch.get();
        s.out.putLong(Scratch.HANDLE, handle);
        int rc = comm.abi.jpar_test(s.outAddress + Scratch.HANDLE, s.outAddress + Scratch.INT,
            s.outAddress + Scratch.STATUS);
        if (rc == 0 && s.out.getInt(Scratch.INT) == 0) {
            return false;
        }
        complete(rc, s.out, Scratch.STATUS, "test");
        return true;
    }

    /** Whether the request has completed, as seen by the last wait or test. */
    public synchronized boolean isComplete() {
        return status != null;
    }

    /** The completed request's status, or null while it is pending. */
    public synchronized Status status() {
        return status;
    }

    /**
     * Waits for every request (MPI_Waitall) and returns their statuses in order.
     *
     * @throws NullPointerException if the array or an element is null
     * @throws MpiException for the first request that failed, after all have completed
     */
    public static Status[] waitAll(Request... requests) {
        Status[] out = new Status[requests.length];
        int pending = 0;
        for (Request r : requests) {
            if (r == null) {
                throw new NullPointerException("requests must not contain null");
            }
            if (!r.isComplete()) {
                pending++;
            }
        }
        if (pending > 0) {
            Request[] open = new Request[pending];
            int j = 0;
            for (Request r : requests) {
                if (!r.isComplete()) {
                    open[j++] = r;
                }
            }
            waitAllPending(open);
        }
        for (int i = 0; i < requests.length; i++) {
            out[i] = requests[i].status();
        }
        return out;
    }

    private static void waitAllPending(Request[] open) {
        Comm comm = open[0].comm;
        comm.checkOpen("waitAll");
        int n = open.length;
        Scratch s = Scratch.get();
        ByteBuffer area = s.slot(Scratch.COUNTS, 8L * n + (long) StatusLayout.BYTES * n);
        for (int i = 0; i < n; i++) {
            area.putLong(8 * i, open[i].handle);
        }
        long base = s.slotAddress(Scratch.COUNTS);
        int rc = comm.abi.jpar_waitall(n, base, base + 8L * n);
        MpiException first = null;
        for (int i = 0; i < n; i++) {
            int at = 8 * n + StatusLayout.BYTES * i;
            int err = StatusLayout.error(area, at);
            try {
                open[i].complete(rc == 0 ? 0 : err, area, at, "waitAll");
            } catch (MpiException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
        comm.check(rc, "waitAll");
    }

    /**
     * Waits until one of the pending requests completes (MPI_Waitany) and returns its index.
     *
     * @return the index of the request that completed, or -1 if none was pending
     * @throws MpiException if that request failed
     */
    public static int waitAny(Request... requests) {
        int pending = 0;
        for (Request r : requests) {
            if (r == null) {
                throw new NullPointerException("requests must not contain null");
            }
            if (!r.isComplete()) {
                pending++;
            }
        }
        if (pending == 0) {
            return -1;
        }
        int[] index = new int[pending];
        Comm comm = null;
        Scratch s = Scratch.get();
        ByteBuffer area = s.slot(Scratch.COUNTS, 8L * pending);
        int j = 0;
        for (int i = 0; i < requests.length; i++) {
            if (!requests[i].isComplete()) {
                comm = requests[i].comm;
                area.putLong(8 * j, requests[i].handle);
                index[j++] = i;
            }
        }
        comm.checkOpen("waitAny");
        int rc = comm.abi.jpar_waitany(pending, s.slotAddress(Scratch.COUNTS),
            s.outAddress + Scratch.INT, s.outAddress + Scratch.STATUS);
        int which = s.out.getInt(Scratch.INT);
        if (which < 0) {
            comm.check(rc, "waitAny");
            return -1;
        }
        Request done = requests[index[which]];
        synchronized (done) {
            done.complete(rc, s.out, Scratch.STATUS, "waitAny");
        }
        return index[which];
    }

    /** Decodes the status MPI wrote, lets go of the message (copying back what arrived). */
    private Status complete(int rc, ByteBuffer statusArea, int at, String call) {
        handle = 0L;
        MessageBuffer m = message;
        message = null;
        Status st = StatusLayout.read(statusArea, at, m.type(), null);
        if (rc != 0) {
            m.release();
            status = new Status(st.source(), st.tag(), 0, 0);
            comm.check(rc, call);
        }
        m.done(receive ? st.count() : 0);
        status = receive ? st
            : new Status(st.source(), st.tag(), m.count(), m.count() * m.type().bytes);
        return status;
    }
}
