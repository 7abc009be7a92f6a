package org.jpar.mpi;

import org.jpar.mpi.internal.MessageBuffer;
import org.jpar.mpi.internal.Scratch;

/**
 * A message that {@link Comm#mprobe} or {@link Comm#improbe} matched (MPI_Message): taken off the
 * queue, so that no other receive can take it, and received exactly once with {@link #mrecv} or
 * {@link #imrecv}.
 */
public final class Message {
    private final Comm comm;
    private final Status status;
    private long handle;
    private boolean received;

    Message(Comm comm, long handle, Status status) {
        this.comm = comm;
        this.handle = handle;
        this.status = status;
    }

    /** The probe's status: source, tag and the message's size ({@code count} in bytes). */
    public Status status() {
        return status;
    }

    /**
     * Receives the message into {@code buf} (MPI_Mrecv). A message longer than the buffer is an
     * {@link MpiException} (MPI_ERR_TRUNCATE), and it is received all the same.
     *
     * @throws IllegalStateException if the message was received already
     * @throws IllegalArgumentException for a read-only buffer or one that isn't one
     */
    public synchronized Status mrecv(Object buf) {
        Scratch s = Scratch.get();
        MessageBuffer m = Comm.receiving(buf, s);
        takeOnce("mrecv");
        s.out.putLong(Scratch.HANDLE, handle);
        int rc = comm.abi.jpar_mrecv(m.address(), m.count(), m.typeCode(),
            s.outAddress + Scratch.HANDLE, s.outAddress + Scratch.STATUS);
        handle = 0L;
        return comm.completeWithStatus("mrecv", rc, null, m, s);
    }

    /**
     * Starts receiving the message into {@code buf} (MPI_Imrecv); the request completes as
     * {@link Comm#irecv}'s does.
     *
     * @throws IllegalStateException if the message was received already
     * @throws IllegalArgumentException for a read-only buffer or one that isn't one
     */
    public synchronized Request imrecv(Object buf) {
        MessageBuffer m = Comm.receiving(buf, null);
        takeOnce("imrecv");
        Scratch s = Scratch.get();
        s.out.putLong(Scratch.HANDLE2, handle);
        int rc = comm.abi.jpar_imrecv(m.address(), m.count(), m.typeCode(),
            s.outAddress + Scratch.HANDLE2, s.outAddress + Scratch.HANDLE);
        handle = 0L;
        return comm.started("imrecv", rc, m, true, s);
    }

    private void takeOnce(String call) {
        if (received) {
            throw new IllegalStateException("the message was received already: call=" + call);
        }
        comm.checkOpen(call);
        received = true;
    }

    @Override
    public String toString() {
        return "Message[source=" + status.source() + ", tag=" + status.tag() + ", bytes="
            + status.bytes() + (received ? ", received" : "") + "]";
    }
}
