package org.jpar.mpi;

import org.jpar.internal.JparH;
import org.jpar.internal.Memory;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pure-Java backend: jpar's ABI implemented in this JVM for one rank of a {@link LocalWorld},
 * whose ranks are threads. A message is copied once, from the sender's memory into the
 * receiver's, except a small one sent before its receive is posted, which is buffered (see
 * {@link LocalComm#EAGER_BYTES}). Collectives exchange addresses and each rank copies what it
 * needs.
 */
final class LocalAbi implements WithoutDynamicProcesses {
    /** MPI_ERR_TRUNCATE's code and class, as Open MPI numbers them. */
    static final int ERR_TRUNCATE = 15;
    private static final int ERR_ARG = -22;
    private static final int MAX_NAME = 256;
    private static final int MAX_ERROR = 256;

    private final LocalWorld world;
    private final int me;
    private final Map<Long, LocalRequest> requests = new ConcurrentHashMap<>();
    private final Map<Long, LocalComm.Envelope> messages = new ConcurrentHashMap<>();
    private final AtomicLong nextHandle = new AtomicLong(1);
    private volatile boolean initialized;
    private volatile boolean finalized;

    LocalAbi(LocalWorld world, int worldRank) {
        this.world = world;
        this.me = worldRank;
    }

    LocalWorld world() {
        return world;
    }

    // ------------------------------------------------------------------------------ lifecycle

    @Override
    public int jpar_init(int required, long provided) {
        initialized = true;
        Memory.putInt(provided, ThreadLevel.MULTIPLE.ordinal());
        return 0;
    }

    @Override
    public int jpar_finalize() {
        finalized = true;
        return 0;
    }

    @Override
    public int jpar_initialized(long flag) {
        Memory.putInt(flag, initialized ? 1 : 0);
        return 0;
    }

    @Override
    public int jpar_finalized(long flag) {
        Memory.putInt(flag, finalized ? 1 : 0);
        return 0;
    }

    @Override
    public int jpar_abort(long comm, int code) {
        world.fail(me, new MpiException("abort", "rank " + me + " aborted the job with code "
            + code, null));
        return 0;
    }

    @Override
    public double jpar_wtime() {
        return System.nanoTime() / 1e9;
    }

    @Override
    public int jpar_max_processor_name() {
        return MAX_NAME;
    }

    @Override
    public int jpar_processor_name(long name, long length) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return writeText(host, name, length, MAX_NAME);
    }

    @Override
    public int jpar_error_string(int code, long text, long length) {
        String message = switch (code) {
            case 0 -> "MPI_SUCCESS: no errors";
            case ERR_TRUNCATE -> "MPI_ERR_TRUNCATE: message truncated";
            case ERR_OTHER -> "MPI_ERR_OTHER: rank " + world.failedRank()
                + " of the local backend failed: " + world.failure();
            case ERR_ARG -> "jpar: invalid type, op or thread level number";
            default -> "unknown error " + code;
        };
        return writeText(message, text, length, MAX_ERROR);
    }

    @Override
    public int jpar_error_class(int code, long errorClass) {
        Memory.putInt(errorClass, code == ERR_ARG ? 13 : code);
        return 0;
    }

    @Override
    public int jpar_max_error_string() {
        return MAX_ERROR;
    }

    private static int writeText(String s, long text, long length, int max) {
        Memory.putInt(length, Memory.putText(text, s, max));
        return 0;
    }

    // -------------------------------------------------------------------------- communicators

    @Override
    public long jpar_comm_null() {
        return 0L;
    }

    @Override
    public long jpar_comm_world() {
        return world.world.id;
    }

    @Override
    public long jpar_comm_self() {
        return world.selves[me].id;
    }

    private LocalComm comm(long handle) {
        return world.comm(handle);
    }

    private int rankIn(LocalComm c) {
        return c.rankOf(me);
    }

    @Override
    public int jpar_comm_rank(long comm, long rank) {
        Memory.putInt(rank, rankIn(comm(comm)));
        return 0;
    }

    @Override
    public int jpar_comm_size(long comm, long size) {
        Memory.putInt(size, comm(comm).size());
        return 0;
    }

    @Override
    public int jpar_comm_tag_ub(long comm, long tagUb) {
        Memory.putInt(tagUb, Integer.MAX_VALUE);
        return 0;
    }

    @Override
    public int jpar_comm_dup(long comm, long out) {
        return guarded(() -> {
            LocalComm c = comm(comm);
            String key = c.nextDerivationKey(rankIn(c), "dup");
            c.exchange(rankIn(c), null);
            Memory.putLong(out, world.derive(key, c.members).id);
        });
    }

    @Override
    public int jpar_comm_split(long comm, int color, int key, long out) {
        return guarded(() -> {
            LocalComm c = comm(comm);
            int rank = rankIn(c);
            String derivation = c.nextDerivationKey(rank, "split/" + color);
            Object[] all = c.exchange(rank, new int[] {color, key});
            if (color == Comm.UNDEFINED) {
                Memory.putLong(out, 0L);
                return;
            }
            List<Integer> group = new ArrayList<>();
            for (int r = 0; r < all.length; r++) {
                if (((int[]) all[r])[0] == color) {
                    group.add(r);
                }
            }
            group.sort(Comparator.<Integer>comparingInt(r -> ((int[]) all[r])[1])
                .thenComparingInt(r -> r));
            int[] members = group.stream().mapToInt(r -> c.members[r]).toArray();
            Memory.putLong(out, world.derive(derivation, members).id);
        });
    }

    @Override
    public int jpar_comm_free(long comm) {
        Memory.putLong(comm, 0L);
        return 0;
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
                c.send(peer, new LocalComm.Envelope(rankIn(c), tag, buf, bytes, request, null,
                    synchronous));
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
        Status.write(status, e.source, e.tag, 0, e.bytes);
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
            long handle = nextHandle.getAndIncrement();
            messages.put(handle, e);
            Memory.putLong(message, handle);
            writeStatus(e, status);
        });
    }

    @Override
    public int jpar_mrecv(long buf, int count, int type, long message, long status) {
        return guardedCode(() -> {
            LocalComm.Envelope e = messages.remove(Memory.getLong(message));
            Memory.putLong(message, 0L);
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

    private long register(LocalRequest request) {
        long handle = nextHandle.getAndIncrement();
        requests.put(handle, request);
        return handle;
    }

    @Override
    public int jpar_isend(long buf, int count, int type, int dest, int tag, long comm,
                          long request) {
        return guarded(() -> Memory.putLong(request,
            register(startSend(comm(comm), buf, count, type, dest, tag))));
    }

    @Override
    public int jpar_irecv(long buf, int count, int type, int source, int tag, long comm,
                          long request) {
        return guarded(() -> Memory.putLong(request,
            register(startRecv(comm(comm), buf, count, type, source, tag))));
    }

    @Override
    public int jpar_wait(long request, long status) {
        return guardedCode(() -> {
            LocalRequest r = requests.get(Memory.getLong(request));
            int rc = finish(r, status);
            requests.remove(Memory.getLong(request));
            Memory.putLong(request, 0L);
            return rc;
        });
    }

    @Override
    public int jpar_test(long request, long flag, long status) {
        return guardedCode(() -> {
            long handle = Memory.getLong(request);
            LocalRequest r = requests.get(handle);
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
            requests.remove(handle);
            Memory.putLong(request, 0L);
            return r.error;
        });
    }

    @Override
    public int jpar_waitall(int count, long requestArray, long statuses) {
        return guardedCode(() -> {
            int first = 0;
            for (int i = 0; i < count; i++) {
                long status = statuses + (long) Status.BYTES * i;
                int rc = jpar_wait(requestArray + 8L * i, status);
                Memory.putInt(status + 4L * JparH.STATUS_ERROR, rc);
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
                        long handle = Memory.getLong(requestArray + 8L * i);
                        LocalRequest r = handle == 0 ? null : requests.get(handle);
                        if (r == null) {
                            continue;
                        }
                        any = true;
                        if (r.done) {
                            r.writeStatus(status);
                            requests.remove(handle);
                            Memory.putLong(requestArray + 8L * i, 0L);
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

    // ----------------------------------------------------------------------------- collectives

    /** What a rank does in a collective once it sees every rank's deposit. */
    private interface CollectiveStep {
        void run(int rank, Object[] all);
    }

    /**
     * Runs a collective: every rank deposits, each then copies what it needs from the others'
     * memory, and a second exchange keeps every deposit valid until all ranks are done with it.
     */
    private int collective(long comm, Object deposit, CollectiveStep step) {
        return guarded(() -> {
            LocalComm c = comm(comm);
            int rank = rankIn(c);
            step.run(rank, c.exchange(rank, deposit));
            c.exchange(rank, null);
        });
    }

    private static long bytes(int count, int type) {
        return (long) count * ElementType.of(type).bytes;
    }

    /** Copies {@code block} bytes from each rank's deposit (at an offset) to block r of recvbuf. */
    private static void concatenate(Object[] all, long offsetInSource, long recvbuf, long block) {
        for (int r = 0; r < all.length; r++) {
            Memory.copy((Long) all[r] + offsetInSource, recvbuf + r * block, block);
        }
    }

    @Override
    public int jpar_barrier(long comm) {
        return collective(comm, null, (rank, all) -> { });
    }

    @Override
    public int jpar_bcast(long buf, int count, int type, int root, long comm) {
        return collective(comm, buf, (rank, all) -> {
            if (rank != root) {
                Memory.copy((Long) all[root], buf, bytes(count, type));
            }
        });
    }

    /** Copies rank 0's contribution, then combines the others' in rank order. */
    private static void reduceInto(long recvbuf, Object[] all, int count, int type, int op) {
        Memory.copy((Long) all[0], recvbuf, bytes(count, type));
        for (int r = 1; r < all.length; r++) {
            LocalReduce.combine(recvbuf, (Long) all[r], count, ElementType.of(type), Op.of(op));
        }
    }

    @Override
    public int jpar_reduce(long sendbuf, long recvbuf, int count, int type, int op, int root,
                           long comm) {
        return collective(comm, sendbuf, (rank, all) -> {
            if (rank == root) {
                reduceInto(recvbuf, all, count, type, op);
            }
        });
    }

    @Override
    public int jpar_allreduce(long sendbuf, long recvbuf, int count, int type, int op,
                              long comm) {
        return collective(comm, sendbuf, (rank, all) -> reduceInto(recvbuf, all, count, type, op));
    }

    @Override
    public int jpar_gather(long sendbuf, int sendcount, long recvbuf, int recvcount, int type,
                           int root, long comm) {
        return collective(comm, sendbuf, (rank, all) -> {
            if (rank == root) {
                concatenate(all, 0, recvbuf, bytes(recvcount, type));
            }
        });
    }

    @Override
    public int jpar_gatherv(long sendbuf, int sendcount, long recvbuf, long recvcounts,
                            long displs, int type, int root, long comm) {
        return collective(comm, new long[] {sendbuf, sendcount}, (rank, all) -> {
            if (rank == root) {
                gatherInto(all, recvbuf, recvcounts, displs, type);
            }
        });
    }

    /** Copies every rank's {address, count} deposit to its displacement in {@code recvbuf}. */
    private static void gatherInto(Object[] all, long recvbuf, long recvcounts, long displs,
                                   int type) {
        int width = ElementType.of(type).bytes;
        for (int r = 0; r < all.length; r++) {
            long[] part = (long[]) all[r];
            int n = (int) Math.min(part[1], Memory.getInt(recvcounts + 4L * r));
            Memory.copy(part[0], recvbuf + (long) Memory.getInt(displs + 4L * r) * width,
                (long) n * width);
        }
    }

    @Override
    public int jpar_allgather(long sendbuf, int sendcount, long recvbuf, int recvcount, int type,
                              long comm) {
        return collective(comm, sendbuf,
            (rank, all) -> concatenate(all, 0, recvbuf, bytes(recvcount, type)));
    }

    @Override
    public int jpar_allgatherv(long sendbuf, int sendcount, long recvbuf, long recvcounts,
                               long displs, int type, long comm) {
        return collective(comm, new long[] {sendbuf, sendcount},
            (rank, all) -> gatherInto(all, recvbuf, recvcounts, displs, type));
    }

    @Override
    public int jpar_scatter(long sendbuf, int sendcount, long recvbuf, int recvcount, int type,
                            int root, long comm) {
        return collective(comm, sendbuf, (rank, all) -> {
            long block = bytes(recvcount, type);
            Memory.copy((Long) all[root] + rank * block, recvbuf, block);
        });
    }

    @Override
    public int jpar_scatterv(long sendbuf, long sendcounts, long displs, long recvbuf,
                             int recvcount, int type, int root, long comm) {
        return collective(comm, new long[] {sendbuf, sendcounts, displs}, (rank, all) -> {
            long[] source = (long[]) all[root];
            int width = ElementType.of(type).bytes;
            int n = Math.min(recvcount, Memory.getInt(source[1] + 4L * rank));
            Memory.copy(source[0] + (long) Memory.getInt(source[2] + 4L * rank) * width, recvbuf,
                (long) n * width);
        });
    }

    @Override
    public int jpar_alltoall(long sendbuf, int sendcount, long recvbuf, int recvcount, int type,
                             long comm) {
        return collective(comm, sendbuf, (rank, all) -> {
            long block = bytes(recvcount, type);
            concatenate(all, rank * block, recvbuf, block);
        });
    }

    // ---------------------------------------------------------------------------- error codes

    private interface Body {
        void run();
    }

    private interface CodeBody {
        int run();
    }

    /** Turns a peer's failure, seen while waiting, into MPI_ERR_OTHER. */
    private static int guarded(Body body) {
        try {
            body.run();
            return 0;
        } catch (LocalWorld.PeerFailed e) {
            return ERR_OTHER;
        }
    }

    private static int guardedCode(CodeBody body) {
        try {
            return body.run();
        } catch (LocalWorld.PeerFailed e) {
            return ERR_OTHER;
        }
    }
}
