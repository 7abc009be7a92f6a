package org.jpar.mpi.openmpi;

import static org.jpar.mpi.openmpi.MpiJarTerms.bytes;
import static org.jpar.mpi.openmpi.MpiJarTerms.rank;
import static org.jpar.mpi.openmpi.MpiJarTerms.tag;
import static org.jpar.mpi.openmpi.MpiJarTerms.type;
import static org.jpar.mpi.openmpi.MpiJarTerms.writeStatus;

import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import mpi.Message;
import mpi.Prequest;
import mpi.Request;
import mpi.Status;
import org.jpar.internal.JparH;
import org.jpar.internal.Memory;
import org.jpar.mpi.Comm;
import org.jpar.mpi.internal.JavaAbi;
import org.jpar.mpi.internal.StatusLayout;

/**
 * Point to point and requests of the openmpi backend ({@link OpenMpiAbi} is the rest), and how
 * it calls mpi.jar: every call's {@link MPIException} becomes the MPI error code, and addresses
 * become direct ByteBuffer views, which mpi.jar hands to MPI without a copy.
 */
abstract class OpenMpiPointToPoint extends JavaAbi {
    /** mpi.jar reports an error's text and class only on its exception: kept for the ABI's queries. */
    static final ThreadLocal<MPIException> LAST_ERROR = new ThreadLocal<>();

    final Handles<Request> requests = new Handles<>();
    private final Handles<Message> messages = new Handles<>();
    /** Something valid to pass where mpi.jar wants a buffer that MPI will not touch. */
    private final ByteBuffer unused = ByteBuffer.allocateDirect(8);
    /** The address jpar attached (mpi.jar attaches a copy of its own). */
    private long attached;

    OpenMpiPointToPoint(long firstHandle) {
        super(firstHandle);
    }

    /** The communicator behind a handle. */
    abstract Intracomm comm(long handle);

    @FunctionalInterface
    interface Call {
        void run() throws MPIException;
    }

    /** Runs an mpi.jar call and turns its exception into the MPI error code. */
    static int call(Call body) {
        try {
            body.run();
            return 0;
        } catch (MPIException e) {
            LAST_ERROR.set(e);
            return e.getErrorCode() != 0 ? e.getErrorCode() : ERR_OTHER;
        }
    }

    /** Registers the request an mpi.jar call started. */
    int started(long request, RequestCall body) {
        return call(() -> Memory.putLong(request, requests.add(body.start())));
    }

    @FunctionalInterface
    interface RequestCall {
        Request start() throws MPIException;
    }

    ByteBuffer view(long address, long bytes) {
        if (address == 0 || bytes <= 0) {
            return unused;
        }
        return new Pointer(address).getByteBuffer(0, bytes);
    }

    // ------------------------------------------------------------------------- point to point

    @Override
    public int jpar_send(long buf, int count, int type, int dest, int tag, long comm) {
        return call(() -> comm(comm).send(view(buf, bytes(count, type)), count, type(type),
            rank(dest), tag));
    }

    @Override
    public int jpar_send_mode(int mode, long buf, int count, int type, int dest, int tag,
                              long comm) {
        return call(() -> {
            Intracomm c = comm(comm);
            ByteBuffer b = view(buf, bytes(count, type));
            switch (mode) {
                case JparH.MODE_STANDARD -> c.send(b, count, type(type), rank(dest), tag);
                case JparH.MODE_SYNCHRONOUS -> c.sSend(b, count, type(type), rank(dest), tag);
                case JparH.MODE_BUFFERED -> c.bSend(b, count, type(type), rank(dest), tag);
                case JparH.MODE_READY -> c.rSend(b, count, type(type), rank(dest), tag);
                default -> throw new MPIException("send mode " + mode);
            }
        });
    }

    @Override
    public int jpar_buffer_attach(long buf, int size) {
        return call(() -> {
            MPI.attachBuffer(new byte[size]);
            attached = buf;
        });
    }

    @Override
    public int jpar_buffer_detach(long address, long size) {
        return call(() -> {
            byte[] b = MPI.detachBuffer();
            Memory.putLong(address, attached);
            Memory.putInt(size, b != null ? b.length : 0);
            attached = 0L;
        });
    }

    @Override
    public int jpar_bsend_overhead() {
        return MPI.BSEND_OVERHEAD;
    }

    @Override
    public int jpar_sendrecv_replace(long buf, int count, int type, int dest, int sendtag,
                                     int source, int recvtag, long comm, long status) {
        return call(() -> writeStatus(comm(comm).sendRecvReplace(view(buf, bytes(count, type)),
            count, type(type), rank(dest), sendtag, rank(source), tag(recvtag)), status));
    }

    @Override
    public int jpar_recv(long buf, int count, int type, int source, int tag, long comm,
                         long status) {
        return call(() -> writeStatus(comm(comm).recv(view(buf, bytes(count, type)), count,
            type(type), rank(source), tag(tag)), status));
    }

    @Override
    public int jpar_sendrecv(long sendbuf, int sendcount, int dest, int sendtag, long recvbuf,
                             int recvcount, int source, int recvtag, int type, long comm,
                             long status) {
        return call(() -> writeStatus(comm(comm).sendRecv(
            view(sendbuf, bytes(sendcount, type)), sendcount, type(type), rank(dest), sendtag,
            view(recvbuf, bytes(recvcount, type)), recvcount, type(type), rank(source),
            tag(recvtag)), status));
    }

    @Override
    public int jpar_probe(int source, int tag, long comm, long status) {
        return call(() -> writeStatus(comm(comm).probe(rank(source), tag(tag)), status));
    }

    @Override
    public int jpar_iprobe(int source, int tag, long comm, long flag, long status) {
        return call(() -> {
            Status st = comm(comm).iProbe(rank(source), tag(tag));
            Memory.putInt(flag, st != null ? 1 : 0);
            if (st != null) {
                writeStatus(st, status);
            }
        });
    }

    @Override
    public int jpar_mprobe(int source, int tag, long comm, long message, long status) {
        return call(() -> {
            Message m = new Message();
            Status st = m.mProbe(rank(source), tag(tag), comm(comm));
            Memory.putLong(message, messages.add(m));
            writeStatus(st, status);
        });
    }

    @Override
    public int jpar_improbe(int source, int tag, long comm, long flag, long message, long status) {
        return call(() -> {
            Message m = new Message();
            Status st = m.imProbe(rank(source), tag(tag), comm(comm));
            Memory.putInt(flag, st != null ? 1 : 0);
            if (st != null) {
                Memory.putLong(message, messages.add(m));
                writeStatus(st, status);
            }
        });
    }

    @Override
    public int jpar_imrecv(long buf, int count, int type, long message, long request) {
        return call(() -> {
            Message m = messages.takeAt(message);
            Memory.putLong(request, requests.add(m.imRecv(view(buf, bytes(count, type)), count,
                type(type))));
        });
    }

    @Override
    public int jpar_mrecv(long buf, int count, int type, long message, long status) {
        return call(() -> {
            Message m = messages.takeAt(message);
            writeStatus(m.mRecv(view(buf, bytes(count, type)), count, type(type)), status);
        });
    }

    // ------------------------------------------------------------------------------ requests

    @Override
    public int jpar_isend(long buf, int count, int type, int dest, int tag, long comm,
                          long request) {
        return call(() -> Memory.putLong(request, requests.add(comm(comm).iSend(
            view(buf, bytes(count, type)), count, type(type), rank(dest), tag))));
    }

    @Override
    public int jpar_isend_mode(int mode, long buf, int count, int type, int dest, int tag,
                               long comm, long request) {
        return call(() -> {
            Intracomm c = comm(comm);
            ByteBuffer b = view(buf, bytes(count, type));
            Request r = switch (mode) {
                case JparH.MODE_STANDARD -> c.iSend(b, count, type(type), rank(dest), tag);
                case JparH.MODE_SYNCHRONOUS -> c.isSend(b, count, type(type), rank(dest), tag);
                case JparH.MODE_BUFFERED -> c.ibSend(b, count, type(type), rank(dest), tag);
                case JparH.MODE_READY -> c.irSend(b, count, type(type), rank(dest), tag);
                default -> throw new MPIException("send mode " + mode);
            };
            Memory.putLong(request, requests.add(r));
        });
    }

    @Override
    public int jpar_send_init(int mode, long buf, int count, int type, int dest, int tag,
                              long comm, long request) {
        return call(() -> {
            Intracomm c = comm(comm);
            ByteBuffer b = view(buf, bytes(count, type));
            Prequest r = switch (mode) {
                case JparH.MODE_STANDARD -> c.sendInit(b, count, type(type), rank(dest), tag);
                case JparH.MODE_SYNCHRONOUS -> c.sSendInit(b, count, type(type), rank(dest), tag);
                case JparH.MODE_BUFFERED -> c.bSendInit(b, count, type(type), rank(dest), tag);
                case JparH.MODE_READY -> c.rSendInit(b, count, type(type), rank(dest), tag);
                default -> throw new MPIException("send mode " + mode);
            };
            Memory.putLong(request, requests.add(r));
        });
    }

    @Override
    public int jpar_recv_init(long buf, int count, int type, int source, int tag, long comm,
                              long request) {
        return call(() -> Memory.putLong(request, requests.add(comm(comm).recvInit(
            view(buf, bytes(count, type)), count, type(type), rank(source), tag(tag)))));
    }

    @Override
    public int jpar_start(long request) {
        return call(() -> ((Prequest) requests.at(request)).start());
    }

    @Override
    public int jpar_startall(int count, long requestArray) {
        return call(() -> {
            Prequest[] all = new Prequest[count];
            for (int i = 0; i < count; i++) {
                all[i] = (Prequest) requests.at(requestArray + 8L * i);
            }
            Prequest.startAll(all);
        });
    }

    @Override
    public int jpar_irecv(long buf, int count, int type, int source, int tag, long comm,
                          long request) {
        return call(() -> Memory.putLong(request, requests.add(comm(comm).iRecv(
            view(buf, bytes(count, type)), count, type(type), rank(source), tag(tag)))));
    }

    /** Ends the completed request whose handle is at {@code at}: a persistent one stays. */
    private void retire(long at) {
        if (!(requests.at(at) instanceof Prequest)) {
            requests.takeAt(at);
        }
    }

    private Request[] all(int count, long requestArray) {
        Request[] all = new Request[count];
        for (int i = 0; i < count; i++) {
            all[i] = requests.at(requestArray + 8L * i);
        }
        return all;
    }

    @Override
    public int jpar_wait(long request, long status) {
        return call(() -> {
            Status st = requests.at(request).waitStatus();
            retire(request);
            writeStatus(st, status);
        });
    }

    @Override
    public int jpar_test(long request, long flag, long status) {
        return call(() -> {
            Status st = requests.at(request).testStatus();
            Memory.putInt(flag, st != null ? 1 : 0);
            if (st != null) {
                retire(request);
                writeStatus(st, status);
            }
        });
    }

    @Override
    public int jpar_waitall(int count, long requestArray, long statuses) {
        return call(() -> {
            Status[] done = Request.waitAllStatus(all(count, requestArray));
            for (int i = 0; i < count; i++) {
                retire(requestArray + 8L * i);
                writeStatus(done[i], statuses + (long) StatusLayout.BYTES * i);
            }
        });
    }

    @Override
    public int jpar_testall(int count, long requestArray, long flag, long statuses) {
        return call(() -> {
            Status[] done = Request.testAllStatus(all(count, requestArray));
            Memory.putInt(flag, done != null ? 1 : 0);
            for (int i = 0; done != null && i < count; i++) {
                retire(requestArray + 8L * i);
                writeStatus(done[i], statuses + (long) StatusLayout.BYTES * i);
            }
        });
    }

    @Override
    public int jpar_testany(int count, long requestArray, long index, long flag, long status) {
        return call(() -> {
            Status st = Request.testAnyStatus(all(count, requestArray));
            Memory.putInt(flag, st != null ? 1 : 0);
            Memory.putInt(index, Comm.UNDEFINED);
            if (st != null && st.getIndex() != MPI.UNDEFINED) {
                Memory.putInt(index, st.getIndex());
                retire(requestArray + 8L * st.getIndex());
                writeStatus(st, status);
            }
        });
    }

    @Override
    public int jpar_waitsome(int count, long requestArray, long outcount, long indices,
                             long statuses) {
        return call(() -> some(Request.waitSomeStatus(all(count, requestArray)), requestArray,
            outcount, indices, statuses));
    }

    @Override
    public int jpar_testsome(int count, long requestArray, long outcount, long indices,
                             long statuses) {
        return call(() -> some(Request.testSomeStatus(all(count, requestArray)), requestArray,
            outcount, indices, statuses));
    }

    private void some(Status[] done, long requestArray, long outcount, long indices,
                      long statuses) throws MPIException {
        Memory.putInt(outcount, done == null ? Comm.UNDEFINED : done.length);
        for (int k = 0; done != null && k < done.length; k++) {
            int i = done[k].getIndex();
            Memory.putInt(indices + 4L * k, i);
            retire(requestArray + 8L * i);
            writeStatus(done[k], statuses + (long) StatusLayout.BYTES * k);
        }
    }

    @Override
    public int jpar_request_get_status(long request, long flag, long status) {
        return call(() -> {
            Status st = requests.get(request).getStatus();
            Memory.putInt(flag, st != null ? 1 : 0);
            if (st != null) {
                writeStatus(st, status);
            }
        });
    }

    @Override
    public int jpar_cancel(long request) {
        return call(() -> requests.get(request).cancel());
    }

    @Override
    public int jpar_request_free(long request) {
        return call(() -> {
            Request r = requests.takeAt(request);
            if (r != null) {
                r.free();
            }
        });
    }

    @Override
    public int jpar_waitany(int count, long requestArray, long index, long status) {
        return call(() -> {
            Status st = Request.waitAnyStatus(all(count, requestArray));
            int i = st.getIndex();
            if (i == MPI.UNDEFINED) {
                Memory.putInt(index, Comm.UNDEFINED);
                return;
            }
            retire(requestArray + 8L * i);
            Memory.putInt(index, i);
            writeStatus(st, status);
        });
    }
}
