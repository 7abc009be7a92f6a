package org.jpar.mpi.local;

import org.jpar.internal.Memory;
import org.jpar.mpi.Comm;
import org.jpar.mpi.internal.ElementType;
import org.jpar.mpi.internal.JavaAbi;
import org.jpar.mpi.internal.StatusLayout;

/**
 * Point to point and requests of the pure-Java backend, for one rank of a {@link LocalWorld}
 * ({@link LocalAbi} is the rest). A message is copied once, from the sender's memory into the
 * receiver's, except a small one sent before its receive is posted, which is buffered (see
 * {@link LocalComm#EAGER_BYTES}), and never a synchronous one.
 */
abstract class LocalPointToPoint extends JavaAbi {
    /** MPI_ERR_TRUNCATE's code and class, as Open MPI numbers them. */
    static final int ERR_TRUNCATE = 15;

    final LocalWorld world;
    final int me;
    private final Handles<LocalRequest> requests = new Handles<>();
    private final Handles<LocalComm.Envelope> messages = new Handles<>();

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
        return start(c, buf, count, type, dest, tag, true, false);
    }

    private LocalRequest startRecv(LocalComm c, long buf, int count, int type, int source, int tag) {
        return start(c, buf, count, type, source, tag, false, false);
    }

    /**
     * Queues a send to {@code peer} (never buffered when {@code synchronous}) or posts a receive
     * from it; PROC_NULL completes at once.
     */
    private LocalRequest start(LocalComm c, long buf, int count, int type, int peer, int tag,
                               boolean send, boolean synchronous) {
        LocalRequest request = new LocalRequest(world, me);
        long bytes = (long) count * ElementType.of(type).bytes;
        world.lock.lock();
        try {
            world.checkFailure();
            if (peer == Comm.PROC_NULL) {
                request.complete(0, Comm.PROC_NULL, Comm.ANY_TAG, 0);
            } else if (send) {
                c.send(peer, new LocalComm.Envelope(rankIn(c), tag, buf, bytes, request),
                    !synchronous);
            } else {
                c.receive(rankIn(c), new LocalComm.Envelope(peer, tag, buf, bytes, request));
            }
        } finally {
            world.lock.unlock();
        }
        return request;
    }

    private int finish(LocalRequest request, long status) {
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
    public int jpar_ssend(long buf, int count, int type, int dest, int tag, long comm) {
        return guardedCode(() -> finish(start(comm(comm), buf, count, type, dest, tag, true,
            true), 0));
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

    /** Waits for a matching message and returns it, taken off the queue or not. */
    private LocalComm.Envelope probe(LocalComm c, int source, int tag, boolean take, boolean block) {
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
        StatusLayout.write(status, e.source, e.tag, 0, e.bytes);
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
    public int jpar_mrecv(long buf, int count, int type, long message, long status) {
        return guardedCode(() -> {
            LocalComm.Envelope e = messages.takeAt(message);
            LocalRequest request = new LocalRequest(world, me);
            world.lock.lock();
            try {
                long bytes = Math.min(e.bytes, (long) count * ElementType.of(type).bytes);
                Memory.copy(e.address, buf, bytes);
                if (!e.request.done) {
                    e.request.complete(0, e.source, e.tag, e.bytes);
                }
                request.complete(e.bytes > bytes ? ERR_TRUNCATE : 0, e.source, e.tag, bytes);
            } finally {
                world.lock.unlock();
            }
            request.writeStatus(status);
            return request.error;
        });
    }

    // ------------------------------------------------------------------------------ requests

    @Override
    public int jpar_isend(long buf, int count, int type, int dest, int tag, long comm,
                          long request) {
        return guarded(() -> Memory.putLong(request,
            requests.add(startSend(comm(comm), buf, count, type, dest, tag))));
    }

    @Override
    public int jpar_irecv(long buf, int count, int type, int source, int tag, long comm,
                          long request) {
        return guarded(() -> Memory.putLong(request,
            requests.add(startRecv(comm(comm), buf, count, type, source, tag))));
    }

    @Override
    public int jpar_wait(long request, long status) {
        return guardedCode(() -> {
            int rc = finish(requests.at(request), status);
            requests.takeAt(request);
            return rc;
        });
    }

    @Override
    public int jpar_test(long request, long flag, long status) {
        return guardedCode(() -> {
            LocalRequest r = requests.at(request);
            boolean done;
            world.lock.lock();
            try {
                done = r.done;
            } finally {
                world.lock.unlock();
            }
            Memory.putInt(flag, done ? 1 : 0);
            if (!done) {
                world.checkFailure();
                return 0;
            }
            r.writeStatus(status);
            requests.takeAt(request);
            return r.error;
        });
    }

    @Override
    public int jpar_waitall(int count, long requestArray, long statuses) {
        return guardedCode(() -> {
            int first = 0;
            for (int i = 0; i < count; i++) {
                long status = statuses + (long) StatusLayout.BYTES * i;
                int rc = jpar_wait(requestArray + 8L * i, status);
                StatusLayout.writeError(status, rc);
                if (rc != 0 && first == 0) {
                    first = rc;
                }
            }
            return first;
        });
    }

    @Override
    public int jpar_waitany(int count, long requestArray, long index, long status) {
        return guardedCode(() -> {
            world.lock.lock();
            try {
                while (true) {
                    world.checkFailure();
                    boolean any = false;
                    for (int i = 0; i < count; i++) {
                        LocalRequest r = requests.at(requestArray + 8L * i);
                        if (r == null) {
                            continue;
                        }
                        any = true;
                        if (r.done) {
                            r.writeStatus(status);
                            requests.takeAt(requestArray + 8L * i);
                            Memory.putInt(index, i);
                            return r.error;
                        }
                    }
                    if (!any) {
                        Memory.putInt(index, Comm.UNDEFINED);
                        return 0;
                    }
                    world.await(me);
                }
            } finally {
                world.lock.unlock();
            }
        });
    }

    // ---------------------------------------------------------------------------- error codes

    interface Body {
        void run();
    }

    interface CodeBody {
        int run();
    }

    /** Turns a peer's failure, seen while waiting, into MPI_ERR_OTHER. */
    static int guarded(Body body) {
        try {
            body.run();
            return 0;
        } catch (LocalWorld.PeerFailed e) {
            return ERR_OTHER;
        }
    }

    static int guardedCode(CodeBody body) {
        try {
            return body.run();
        } catch (LocalWorld.PeerFailed e) {
            return ERR_OTHER;
        }
    }
}
