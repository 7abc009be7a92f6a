package org.jpar.mpi.local;

import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import org.jpar.internal.JparH;
import org.jpar.internal.Memory;
import org.jpar.mpi.Comm;
import org.jpar.mpi.internal.ElementType;
import org.jpar.mpi.internal.JavaAbi;
import org.jpar.mpi.internal.StatusLayout;

/**
 * Point to point of the pure-Java backend, for one rank of a {@link LocalWorld}: sends in every
 * mode, receives, probes and the attached buffer ({@link LocalCompletion} completes requests,
 * {@link LocalAbi} is the rest). A message is copied once, from the sender's memory into the
 * receiver's, except a small one sent before its receive is posted, which is buffered (see
 * {@link LocalComm#EAGER_BYTES}), never a synchronous one, and always a buffered one.
 */
abstract class LocalPointToPoint extends JavaAbi {
    /** MPI_ERR_BUFFER's code and class, as Open MPI numbers them. */
    static final int ERR_BUFFER = 1;
    /** MPI_ERR_TRUNCATE's code and class, as Open MPI numbers them. */
    static final int ERR_TRUNCATE = 15;
    /** The room a buffered message takes in the attached buffer besides its bytes. */
    static final int BSEND_OVERHEAD = 64;

    final LocalWorld world;
    final int me;
    final Handles<LocalRequest> requests = new Handles<>();
    private final Handles<LocalComm.Envelope> messages = new Handles<>();
    /** The attached buffer's address and size, and the room buffered messages take in it. */
    private long attachedAddress;
    private int attachedSize = -1;
    private long attachedInUse;

    LocalPointToPoint(LocalWorld world, int worldRank) {
        super(1);
        this.world = world;
        this.me = worldRank;
    }

    LocalComm comm(long handle) {
        return world.comm(handle);
    }

    int rankIn(LocalComm c) {
        return c.rankOf(me);
    }

    // ------------------------------------------------------------------------- point to point

    private LocalRequest startSend(LocalComm c, long buf, int count, int type, int dest, int tag) {
        return startSend(c, buf, count, type, dest, tag, JparH.MODE_STANDARD);
    }

    LocalRequest startSend(LocalComm c, long buf, int count, int type, int dest, int tag,
                           int mode) {
        LocalRequest request = new LocalRequest(world, me);
        start(request, c, buf, count, type, dest, tag, true, mode);
        return request;
    }

    LocalRequest startRecv(LocalComm c, long buf, int count, int type, int source, int tag) {
        LocalRequest request = new LocalRequest(world, me);
        start(request, c, buf, count, type, source, tag, false, JparH.MODE_STANDARD);
        return request;
    }

    /**
     * Queues a send to {@code peer} in {@code mode} (a ready send as a standard one, which MPI
     * allows) or posts a receive from it; PROC_NULL completes at once.
     *
     * @throws Failure with MPI_ERR_BUFFER when a buffered send finds no room
     */
    void start(LocalRequest request, LocalComm c, long buf, int count, int type, int peer,
               int tag, boolean send, int mode) {
        if (mode < JparH.MODE_STANDARD || mode > JparH.MODE_READY) {
            throw new Failure(LocalAbi.ERR_ARG);
        }
        ElementType t = ElementType.of(type);
        long bytes = (long) count * t.bytes;
        long dataBytes = (long) count * t.size;
        world.lock.lock();
        try {
            world.checkFailure();
            if (peer == Comm.PROC_NULL) {
                request.complete(0, Comm.PROC_NULL, Comm.ANY_TAG, 0);
            } else if (send) {
                LocalComm.Envelope e = new LocalComm.Envelope(rankIn(c), tag, buf, bytes, dataBytes,
                    request);
                if (mode == JparH.MODE_BUFFERED) {
                    e = e.buffered(takeRoom(bytes));
                }
                c.send(peer, e, mode == JparH.MODE_STANDARD || mode == JparH.MODE_READY);
            } else {
                c.receive(rankIn(c), new LocalComm.Envelope(peer, tag, buf, bytes, dataBytes,
                    request));
            }
        } finally {
            world.lock.unlock();
        }
    }

    /** An MPI error code that ends a call, thrown inside it. */
    static final class Failure extends RuntimeException {
        final int code;

        Failure(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }

    // ------------------------------------------------------------------------ attached buffer

    /**
     * Takes room for a buffered message of {@code bytes} in the attached buffer; returns what
     * gives it back once the message is received. The world's lock is held.
     */
    private Runnable takeRoom(long bytes) {
        long room = bytes + BSEND_OVERHEAD;
        if (attachedSize < 0 || attachedInUse + room > attachedSize) {
            throw new Failure(ERR_BUFFER);
        }
        attachedInUse += room;
        return () -> {
            attachedInUse -= room;
            world.signal(me);
        };
    }

    @Override
    public int jpar_buffer_attach(long buf, int size) {
        world.lock.lock();
        try {
            if (attachedSize >= 0 || size < 0) {
                return ERR_BUFFER;
            }
            attachedAddress = buf;
            attachedSize = size;
            attachedInUse = 0;
            return 0;
        } finally {
            world.lock.unlock();
        }
    }

    @Override
    public int jpar_buffer_detach(long address, long size) {
        return guardedCode(() -> {
            world.lock.lock();
            try {
                while (attachedInUse > 0) {
                    world.checkFailure();
                    world.await(me);
                }
                Memory.putLong(address, attachedSize < 0 ? 0L : attachedAddress);
                Memory.putInt(size, Math.max(0, attachedSize));
                attachedSize = -1;
                attachedAddress = 0L;
                return 0;
            } finally {
                world.lock.unlock();
            }
        });
    }

    @Override
    public int jpar_bsend_overhead() {
        return BSEND_OVERHEAD;
    }

    int finish(LocalRequest request, long status) {
        world.lock.lock();
        try {
            request.await();
        } finally {
            world.lock.unlock();
        }
        request.writeStatus(status);
        return request.error;
    }

    @Override
    public int jpar_send(long buf, int count, int type, int dest, int tag, long comm) {
        return guardedCode(() -> finish(startSend(comm(comm), buf, count, type, dest, tag), 0));
    }

    @Override
    public int jpar_send_mode(int mode, long buf, int count, int type, int dest, int tag,
                              long comm) {
        return guardedCode(() -> finish(startSend(comm(comm), buf, count, type, dest, tag, mode),
            0));
    }

    @Override
    public int jpar_recv(long buf, int count, int type, int source, int tag, long comm,
                         long status) {
        return guardedCode(() -> finish(startRecv(comm(comm), buf, count, type, source, tag),
            status));
    }

    @Override
    public int jpar_sendrecv(long sendbuf, int sendcount, int dest, int sendtag, long recvbuf,
                             int recvcount, int source, int recvtag, int type, long comm,
                             long status) {
        return guardedCode(() -> {
            LocalComm c = comm(comm);
            LocalRequest send = startSend(c, sendbuf, sendcount, type, dest, sendtag);
            LocalRequest recv = startRecv(c, recvbuf, recvcount, type, source, recvtag);
            int rc = finish(recv, status);
            int sent = finish(send, 0);
            return rc != 0 ? rc : sent;
        });
    }

    @Override
    public int jpar_sendrecv_replace(long buf, int count, int type, int dest, int sendtag,
                                     int source, int recvtag, long comm, long status) {
        return guardedCode(() -> {
            LocalComm c = comm(comm);
            long bytes = (long) count * ElementType.of(type).bytes;
            ByteBuffer copy = ByteBuffer.allocateDirect((int) Math.max(1, bytes));
            Memory.copy(buf, Memory.address(copy), bytes);
            LocalRequest send = startSend(c, Memory.address(copy), count, type, dest, sendtag);
            LocalRequest recv = startRecv(c, buf, count, type, source, recvtag);
            int rc = finish(recv, status);
            int sent = finish(send, 0);
            Reference.reachabilityFence(copy);
            return rc != 0 ? rc : sent;
        });
    }

    /** Waits for a matching message and returns it, taken off the queue or not. */
    private LocalComm.Envelope probe(LocalComm c, int source, int tag, boolean take, boolean block) {
        if (source == Comm.PROC_NULL) {
            LocalRequest none = new LocalRequest(world, me);
            none.done = true;
            return new LocalComm.Envelope(Comm.PROC_NULL, Comm.ANY_TAG, 0L, 0L, 0L, none);
        }
        int rank = rankIn(c);
        world.lock.lock();
        try {
            while (true) {
                world.checkFailure();
                LocalComm.Envelope e = take ? c.takeUnexpected(rank, source, tag)
                    : c.peekUnexpected(rank, source, tag);
                if (e != null || !block) {
                    return e;
                }
                world.await(me);
            }
        } finally {
            world.lock.unlock();
        }
    }

    private static void writeStatus(LocalComm.Envelope e, long status) {
        StatusLayout.write(status, e.source, e.tag, 0, e.dataBytes);
    }

    @Override
    public int jpar_probe(int source, int tag, long comm, long status) {
        return guarded(() -> writeStatus(probe(comm(comm), source, tag, false, true), status));
    }

    @Override
    public int jpar_iprobe(int source, int tag, long comm, long flag, long status) {
        return guarded(() -> {
            LocalComm.Envelope e = probe(comm(comm), source, tag, false, false);
            Memory.putInt(flag, e != null ? 1 : 0);
            if (e != null) {
                writeStatus(e, status);
            }
        });
    }

    @Override
    public int jpar_mprobe(int source, int tag, long comm, long message, long status) {
        return guarded(() -> {
            LocalComm.Envelope e = probe(comm(comm), source, tag, true, true);
            Memory.putLong(message, messages.add(e));
            writeStatus(e, status);
        });
    }

    @Override
    public int jpar_improbe(int source, int tag, long comm, long flag, long message, long status) {
        return guarded(() -> {
            LocalComm.Envelope e = probe(comm(comm), source, tag, true, false);
            Memory.putInt(flag, e != null ? 1 : 0);
            if (e != null) {
                Memory.putLong(message, messages.add(e));
                writeStatus(e, status);
            }
        });
    }

    /** Receives the matched message at {@code message}: a request completed at once. */
    private LocalRequest receiveMatched(long buf, int count, int type, long message) {
        LocalComm.Envelope e = messages.takeAt(message);
        LocalRequest request = new LocalRequest(world, me);
        world.lock.lock();
        try {
            LocalComm.deliver(e, buf, (long) count * ElementType.of(type).bytes, request);
        } finally {
            world.lock.unlock();
        }
        return request;
    }

    @Override
    public int jpar_mrecv(long buf, int count, int type, long message, long status) {
        return guardedCode(() -> {
            LocalRequest request = receiveMatched(buf, count, type, message);
            request.writeStatus(status);
            return request.error;
        });
    }

    @Override
    public int jpar_imrecv(long buf, int count, int type, long message, long request) {
        return guarded(() -> Memory.putLong(request,
            requests.add(receiveMatched(buf, count, type, message))));
    }

    // ---------------------------------------------------------------------------- error codes

    interface Body {
        void run();
    }

    interface CodeBody {
        int run();
    }

    /**
     * Turns a peer's failure, seen while waiting, into MPI_ERR_OTHER, and a Failure into its
     * code.
     */
    static int guarded(Body body) {
        return guardedCode(() -> {
            body.run();
            return 0;
        });
    }

    static int guardedCode(CodeBody body) {
        try {
            return body.run();
        } catch (LocalWorld.PeerFailed e) {
            return ERR_OTHER;
        } catch (Failure e) {
            return e.code;
        }
    }
}
