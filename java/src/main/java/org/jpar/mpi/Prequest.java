package org.jpar.mpi;

import org.jpar.mpi.internal.MessageBuffer;
import org.jpar.mpi.internal.Scratch;

/**
 * A persistent request (MPI_Send_init, MPI_Recv_init and the other modes): the same operation
 * on the same buffer, started again and again with {@link #start()} and completed each time by a
 * wait or test. It holds its buffer until {@link #free()}. A heap buffer or array is copied in at
 * every start of a send, and back at every completion of a receive; keep the buffer's position
 * where it was at the call that made the request.
 */
public final class Prequest extends Request {
    Prequest(Comm comm, MessageBuffer message, boolean receive, long handle) {
        super(comm, message, receive, handle, false);
    }

    /**
     * Starts the operation (MPI_Start).
     *
     * @throws IllegalStateException if it is in flight already, or freed
     * @throws MpiException if MPI fails
     */
    public synchronized void start() {
        checkStartable("start");
        Scratch s = Scratch.get();
        s.out.putLong(Scratch.HANDLE, handle);
        comm.check(comm.abi.jpar_start(s.outAddress + Scratch.HANDLE), "start");
        started(s.out.getLong(Scratch.HANDLE));
    }

    /**
     * Starts every request (MPI_Startall).
     *
     * @throws NullPointerException if the array or an element is null
     * @throws IllegalStateException if one is in flight already, or freed; none starts then
     * @throws MpiException if MPI fails
     */
    public static void startAll(Prequest... requests) {
        for (Prequest r : requests) {
            if (r == null) {
                throw new NullPointerException("requests must not contain null");
            }
            synchronized (r) {
                r.checkStartable("startAll");
            }
        }
        if (requests.length == 0) {
            return;
        }
        Comm comm = requests[0].comm;
        Scratch s = Scratch.get();
        java.nio.ByteBuffer area = s.slot(Scratch.COUNTS, 8L * requests.length);
        for (int i = 0; i < requests.length; i++) {
            area.putLong(8 * i, requests[i].handle);
        }
        comm.check(comm.abi.jpar_startall(requests.length, s.slotAddress(Scratch.COUNTS)),
            "startAll");
        for (int i = 0; i < requests.length; i++) {
            synchronized (requests[i]) {
                requests[i].started(area.getLong(8 * i));
            }
        }
    }

    private void checkStartable(String call) {
        if (handle == 0L) {
            throw new IllegalStateException("the request is freed: call=" + call);
        }
        if (active) {
            throw new IllegalStateException("the request is in flight already: call=" + call);
        }
        comm.checkOpen(call);
        if (!receive) {
            message.restage();
        }
    }

    private void started(long handleAfter) {
        handle = handleAfter;
        active = true;
        status = null;
        comm.mpi.inFlight.add(this);
    }
}
