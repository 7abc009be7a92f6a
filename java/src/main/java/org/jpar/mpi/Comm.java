package org.jpar.mpi;

import java.lang.ref.Reference;
import org.jpar.internal.Memory;
import java.util.Optional;

/**
 * A communicator: a group of ranks that exchange messages, as MPI_Comm.
 *
 * <p><b>Buffers.</b> Buffer calls take a {@code java.nio} buffer of any element type or a
 * primitive array. A call uses a buffer's elements from position to limit and leaves its
 * position and limit alone, like NIO's absolute bulk operations; it uses an array whole. A
 * direct buffer goes to MPI without a copy (typed views must be in native byte order); heap
 * buffers and arrays are copied once through native memory, the slower path. In a collective,
 * the send and receive sides have one element type.
 *
 * <p><b>Objects.</b> The {@code *Object} calls send any {@link java.io.Serializable} value,
 * as mpi4py's lowercase calls do.
 *
 * <p><b>Errors.</b> What Java can check (ranks, tags, buffer kinds and sizes, use after close)
 * throws {@link IllegalArgumentException}, {@link NullPointerException} or
 * {@link IllegalStateException} before any native call; failures inside MPI throw
 * {@link MpiException}. Either way the communicator stays usable. In a collective, an argument
 * error on one rank leaves the others waiting, as in MPI: give every rank the same shapes.
 */
public final class Comm {
    /** Receive from any source. */
    public static final int ANY_SOURCE = -1;
    /** Receive with any tag. */
    public static final int ANY_TAG = -1;
    /** A rank that sends and receives nothing: calls with it return at once. */
    public static final int PROC_NULL = -2;
    /** A {@link #split} colour for ranks that join no new communicator. */
    public static final int UNDEFINED = -3;

    final Mpi mpi;
    private final MpiAbi abi;
    private final boolean predefined;
    private volatile long handle;
    private final int rank;
    private final int size;
    private final int tagUpperBound;
    /** For an intercommunicator, the size of the other group, which point-to-point ranks name. */
    private final int remoteSize;

    Comm(Mpi mpi, long handle, boolean predefined) {
        this.mpi = mpi;
        this.abi = mpi.abi;
        this.handle = handle;
        this.predefined = predefined;
        Scratch s = Scratch.get();
        check(abi.jpar_comm_rank(handle, s.outAddress + Scratch.INT), "rank");
        this.rank = s.out.getInt(Scratch.INT);
        check(abi.jpar_comm_size(handle, s.outAddress + Scratch.INT), "size");
        this.size = s.out.getInt(Scratch.INT);
        check(abi.jpar_comm_tag_ub(handle, s.outAddress + Scratch.INT), "tagUpperBound");
        this.tagUpperBound = s.out.getInt(Scratch.INT);
        check(abi.jpar_comm_test_inter(handle, s.outAddress + Scratch.INT), "isInter");
        if (s.out.getInt(Scratch.INT) != 0) {
            check(abi.jpar_comm_remote_size(handle, s.outAddress + Scratch.INT), "remoteSize");
            this.remoteSize = s.out.getInt(Scratch.INT);
        } else {
            this.remoteSize = -1;
        }
    }

    /** Whether this is an intercommunicator (made by {@link #spawn} or {@link Mpi#parent()}). */
    public boolean isInter() {
        return remoteSize >= 0;
    }

    /**
     * The size of the other group of an intercommunicator; point-to-point calls name its ranks.
     *
     * @throws IllegalStateException on an intracommunicator
     */
    public int remoteSize() {
        if (!isInter()) {
            throw new IllegalStateException("remoteSize is for intercommunicators");
        }
        return remoteSize;
    }

    /** This process's rank in the communicator, from 0 to {@code size() - 1}. */
    public int rank() {
        return rank;
    }

    /** The number of ranks in the communicator. */
    public int size() {
        return size;
    }

    /** The largest tag a message may carry (MPI_TAG_UB, at least 32767). */
    public int tagUpperBound() {
        return tagUpperBound;
    }

    long handle() {
        return handle;
    }

    // ---------------------------------------------------------------- point to point, blocking

    /**
     * Sends {@code buf} to {@code dest} (MPI_Send).
     *
     * @throws IllegalArgumentException for a rank or tag out of range or a buffer that isn't one
     * @throws NullPointerException if {@code buf} is null
     * @throws IllegalStateException after close or free
     * @throws MpiException if MPI fails
     */
    public void send(Object buf, int dest, int tag) {
        ElementType t = ElementType.of(buf, "buf");
        checkOpen("send");
        checkRank(dest, "dest", false);
        checkTag(tag, false);
        int n = Buffers.count(buf);
        long a = Buffers.address(buf, t, n, Scratch.get(), Scratch.SEND, true);
        int rc = abi.jpar_send(a, n, t.code, dest, tag, handle);
        Reference.reachabilityFence(buf);
        check(rc, "send");
    }

    /**
     * Receives into {@code buf} a message from {@code source} with {@code tag} (MPI_Recv). A
     * message longer than the buffer is an {@link MpiException} (MPI_ERR_TRUNCATE).
     *
     * @param source a rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag a tag or {@link #ANY_TAG}
     * @return the source, tag and element count of the message
     * @throws IllegalArgumentException for a rank or tag out of range or a read-only buffer
     */
    public Status recv(Object buf, int source, int tag) {
        ElementType t = ElementType.of(buf, "buf");
        Scratch s = receive(buf, t, source, tag);
        return s.status(t);
    }

    /** recv's work; the status stays in the returned scratch. */
    private Scratch receive(Object buf, ElementType t, int source, int tag) {
        Buffers.checkWritable(buf, "buf");
        checkOpen("recv");
        checkRank(source, "source", true);
        checkTag(tag, true);
        int n = Buffers.count(buf);
        Scratch s = Scratch.get();
        long a = Buffers.address(buf, t, n, s, Scratch.RECV, false);
        int rc = abi.jpar_recv(a, n, t.code, source, tag, handle, s.outAddress + Scratch.STATUS);
        Reference.reachabilityFence(buf);
        check(rc, "recv");
        if (!Buffers.isDirect(buf)) {
            Buffers.copyBack(buf, t, s.status(t).count(), s, Scratch.RECV);
        }
        return s;
    }

    /**
     * Sends {@code sendbuf} to {@code dest} and receives into {@code recvbuf} from
     * {@code source} in one call (MPI_Sendrecv), which cannot deadlock on a ring.
     *
     * @throws IllegalArgumentException as {@link #send} and {@link #recv}, or if the two
     *     buffers have different element types
     */
    public Status sendrecv(Object sendbuf, int dest, int sendtag,
                           Object recvbuf, int source, int recvtag) {
        ElementType t = CollectiveArgs.sameType(sendbuf, recvbuf);
        Buffers.checkWritable(recvbuf, "recvbuf");
        checkOpen("sendrecv");
        checkRank(dest, "dest", false);
        checkTag(sendtag, false);
        checkRank(source, "source", true);
        checkTag(recvtag, true);
        int sn = Buffers.count(sendbuf);
        int rn = Buffers.count(recvbuf);
        Scratch s = Scratch.get();
        long sa = Buffers.address(sendbuf, t, sn, s, Scratch.SEND, true);
        long ra = Buffers.address(recvbuf, t, rn, s, Scratch.RECV, false);
        int rc = abi.jpar_sendrecv(sa, sn, dest, sendtag, ra, rn, source, recvtag, t.code,
            handle, s.outAddress + Scratch.STATUS);
        Reference.reachabilityFence(sendbuf);
        Reference.reachabilityFence(recvbuf);
        check(rc, "sendrecv");
        Status status = s.status(t);
        Buffers.copyBack(recvbuf, t, status.count(), s, Scratch.RECV);
        return status;
    }

    /**
     * Waits for a message from {@code source} with {@code tag} without receiving it (MPI_Probe).
     *
     * @return the message's source, tag and size; {@code count} is in bytes
     */
    public Status probe(int source, int tag) {
        checkOpen("probe");
        checkRank(source, "source", true);
        checkTag(tag, true);
        Scratch s = Scratch.get();
        check(abi.jpar_probe(source, tag, handle, s.outAddress + Scratch.STATUS), "probe");
        return s.status(ElementType.BYTE);
    }

    /**
     * Checks for a message without waiting (MPI_Iprobe).
     *
     * @return its status ({@code count} in bytes), or empty if none has arrived
     */
    public Optional<Status> iprobe(int source, int tag) {
        checkOpen("iprobe");
        checkRank(source, "source", true);
        checkTag(tag, true);
        Scratch s = Scratch.get();
        check(abi.jpar_iprobe(source, tag, handle, s.outAddress + Scratch.INT,
            s.outAddress + Scratch.STATUS), "iprobe");
        return s.out.getInt(Scratch.INT) != 0
            ? Optional.of(s.status(ElementType.BYTE)) : Optional.empty();
    }

    // ------------------------------------------------------------- point to point, nonblocking

    /**
     * Starts sending {@code buf} (MPI_Isend). The request keeps the buffer reachable until it
     * completes; do not modify the buffer before then. Heap storage is copied at this call.
     *
     * @throws IllegalArgumentException as {@link #send}
     */
    public Request isend(Object buf, int dest, int tag) {
        ElementType t = ElementType.of(buf, "buf");
        checkOpen("isend");
        checkRank(dest, "dest", false);
        checkTag(tag, false);
        int n = Buffers.count(buf);
        Request request = Request.forSend(this, buf, t, n);
        Scratch s = Scratch.get();
        int rc = abi.jpar_isend(request.address(), n, t.code, dest, tag, handle,
            s.outAddress + Scratch.HANDLE);
        check(rc, "isend");
        request.started(s.out.getLong(Scratch.HANDLE));
        return request;
    }

    /**
     * Starts receiving into {@code buf} (MPI_Irecv). The request keeps the buffer reachable
     * until it completes. Heap storage receives through a copy made when the request completes,
     * in {@link Request#waitFor()} or a successful {@link Request#test()}.
     *
     * @throws IllegalArgumentException as {@link #recv}
     */
    public Request irecv(Object buf, int source, int tag) {
        ElementType t = ElementType.of(buf, "buf");
        Buffers.checkWritable(buf, "buf");
        checkOpen("irecv");
        checkRank(source, "source", true);
        checkTag(tag, true);
        int n = Buffers.count(buf);
        Request request = Request.forRecv(this, buf, t, n);
        Scratch s = Scratch.get();
        int rc = abi.jpar_irecv(request.address(), n, t.code, source, tag, handle,
            s.outAddress + Scratch.HANDLE);
        check(rc, "irecv");
        request.started(s.out.getLong(Scratch.HANDLE));
        return request;
    }

    // ------------------------------------------------------------------------------ collectives

    /** Blocks until every rank has called it (MPI_Barrier). */
    public void barrier() {
        checkCollective("barrier");
        check(abi.jpar_barrier(handle), "barrier");
    }

    /**
     * Copies {@code root}'s buffer into every other rank's (MPI_Bcast). Every rank passes a
     * buffer of the same type and element count.
     *
     * @throws IllegalArgumentException for a bad root or a read-only buffer off the root
     */
    public void bcast(Object buf, int root) {
        ElementType t = ElementType.of(buf, "buf");
        checkCollective("bcast");
        checkRank(root, "root", false);
        if (rank != root) {
            Buffers.checkWritable(buf, "buf");
        }
        int n = Buffers.count(buf);
        Scratch s = Scratch.get();
        long a = Buffers.address(buf, t, n, s, Scratch.RECV, rank == root);
        int rc = abi.jpar_bcast(a, n, t.code, root, handle);
        Reference.reachabilityFence(buf);
        check(rc, "bcast");
        if (rank != root) {
            Buffers.copyBack(buf, t, n, s, Scratch.RECV);
        }
    }

    /**
     * Combines every rank's {@code sendbuf} element-wise with {@code op} into {@code root}'s
     * {@code recvbuf} (MPI_Reduce). {@code recvbuf} is used on the root only and may be null
     * elsewhere.
     *
     * @throws IllegalArgumentException if the op does not apply to the type (logical and bitwise
     *     ops want integers), the types differ, or the root's recvbuf is too small
     */
    public void reduce(Object sendbuf, Object recvbuf, Op op, int root) {
        ElementType t = ElementType.of(sendbuf, "sendbuf");
        CollectiveArgs.checkOp(op, t);
        checkCollective("reduce");
        checkRank(root, "root", false);
        int n = Buffers.count(sendbuf);
        if (rank == root) {
            CollectiveArgs.checkRecv(recvbuf, t, n, "reduce");
        }
        Scratch s = Scratch.get();
        long sa = Buffers.address(sendbuf, t, n, s, Scratch.SEND, true);
        long ra = rank == root ? Buffers.address(recvbuf, t, n, s, Scratch.RECV, false) : 0L;
        int rc = abi.jpar_reduce(sa, ra, n, t.code, op.code, root, handle);
        Reference.reachabilityFence(sendbuf);
        Reference.reachabilityFence(recvbuf);
        check(rc, "reduce");
        if (rank == root) {
            Buffers.copyBack(recvbuf, t, n, s, Scratch.RECV);
        }
    }

    /**
     * Combines every rank's {@code sendbuf} element-wise with {@code op} into every rank's
     * {@code recvbuf} (MPI_Allreduce).
     *
     * @throws IllegalArgumentException as {@link #reduce}
     */
    public void allreduce(Object sendbuf, Object recvbuf, Op op) {
        ElementType t = ElementType.of(sendbuf, "sendbuf");
        CollectiveArgs.checkOp(op, t);
        checkCollective("allreduce");
        int n = Buffers.count(sendbuf);
        CollectiveArgs.checkRecv(recvbuf, t, n, "allreduce");
        Scratch s = Scratch.get();
        long sa = Buffers.address(sendbuf, t, n, s, Scratch.SEND, true);
        long ra = Buffers.address(recvbuf, t, n, s, Scratch.RECV, false);
        int rc = abi.jpar_allreduce(sa, ra, n, t.code, op.code, handle);
        Reference.reachabilityFence(sendbuf);
        Reference.reachabilityFence(recvbuf);
        check(rc, "allreduce");
        Buffers.copyBack(recvbuf, t, n, s, Scratch.RECV);
    }

    /**
     * Collects every rank's {@code sendbuf}, all of one length, into {@code root}'s
     * {@code recvbuf} in rank order (MPI_Gather). {@code recvbuf} may be null off the root.
     *
     * @throws IllegalArgumentException if the root's recvbuf holds fewer than
     *     {@code size() * sendbuf's count} elements, or the types differ
     */
    public void gather(Object sendbuf, Object recvbuf, int root) {
        ElementType t = ElementType.of(sendbuf, "sendbuf");
        checkCollective("gather");
        checkRank(root, "root", false);
        int n = Buffers.count(sendbuf);
        boolean isRoot = rank == root;
        if (isRoot) {
            CollectiveArgs.checkRecv(recvbuf, t, (long) n * size, "gather");
        }
        Scratch s = Scratch.get();
        long sa = Buffers.address(sendbuf, t, n, s, Scratch.SEND, true);
        long ra = isRoot ? Buffers.address(recvbuf, t, n * size, s, Scratch.RECV, false) : 0L;
        int rc = abi.jpar_gather(sa, n, ra, n, t.code, root, handle);
        Reference.reachabilityFence(sendbuf);
        Reference.reachabilityFence(recvbuf);
        check(rc, "gather");
        if (isRoot) {
            Buffers.copyBack(recvbuf, t, n * size, s, Scratch.RECV);
        }
    }

    /**
     * Collects {@code sendbuf}s of different lengths into {@code root}'s {@code recvbuf}, laid
     * out back to back in rank order (MPI_Gatherv). {@code counts} is read on the root only.
     *
     * @see #gatherv(Object, Object, int[], int[], int)
     */
    public void gatherv(Object sendbuf, Object recvbuf, int[] counts, int root) {
        gatherv(sendbuf, recvbuf, counts, null, root);
    }

    /**
     * Collects {@code sendbuf}s of different lengths (MPI_Gatherv): rank i's elements land at
     * {@code displs[i]} of {@code root}'s {@code recvbuf}. {@code recvbuf}, {@code counts} and
     * {@code displs} are read on the root only; {@code displs} null means back to back.
     *
     * @throws IllegalArgumentException if counts or displs don't have {@code size()} entries,
     *     are negative, reach beyond recvbuf's remaining elements, or the root's own count is
     *     not its sendbuf's
     */
    public void gatherv(Object sendbuf, Object recvbuf, int[] counts, int[] displs, int root) {
        ElementType t = ElementType.of(sendbuf, "sendbuf");
        checkCollective("gatherv");
        checkRank(root, "root", false);
        int n = Buffers.count(sendbuf);
        boolean isRoot = rank == root;
        int total = 0;
        if (isRoot) {
            displs = CollectiveArgs.checkLayout(counts, displs, n, "counts", rank, size);
            total = CollectiveArgs.extent(counts, displs);
            CollectiveArgs.checkRecv(recvbuf, t, total, "gatherv");
        }
        Scratch s = Scratch.get();
        long sa = Buffers.address(sendbuf, t, n, s, Scratch.SEND, true);
        long ra = isRoot ? Buffers.address(recvbuf, t, total, s, Scratch.RECV, false) : 0L;
        long ca = isRoot ? s.countsAndDispls(counts, displs) : 0L;
        int rc = abi.jpar_gatherv(sa, n, ra, ca, ca + 4L * size, t.code, root, handle);
        Reference.reachabilityFence(sendbuf);
        Reference.reachabilityFence(recvbuf);
        check(rc, "gatherv");
        if (isRoot) {
            Buffers.copyBack(recvbuf, t, total, s, Scratch.RECV);
        }
    }

    /**
     * Collects every rank's {@code sendbuf}, all of one length, into every rank's
     * {@code recvbuf} in rank order (MPI_Allgather).
     *
     * @throws IllegalArgumentException as {@link #gather}
     */
    public void allgather(Object sendbuf, Object recvbuf) {
        ElementType t = ElementType.of(sendbuf, "sendbuf");
        checkCollective("allgather");
        int n = Buffers.count(sendbuf);
        CollectiveArgs.checkRecv(recvbuf, t, (long) n * size, "allgather");
        Scratch s = Scratch.get();
        long sa = Buffers.address(sendbuf, t, n, s, Scratch.SEND, true);
        long ra = Buffers.address(recvbuf, t, n * size, s, Scratch.RECV, false);
        int rc = abi.jpar_allgather(sa, n, ra, n, t.code, handle);
        Reference.reachabilityFence(sendbuf);
        Reference.reachabilityFence(recvbuf);
        check(rc, "allgather");
        Buffers.copyBack(recvbuf, t, n * size, s, Scratch.RECV);
    }

    /**
     * Collects {@code sendbuf}s of different lengths into every rank's {@code recvbuf}, back to
     * back in rank order (MPI_Allgatherv).
     *
     * @see #allgatherv(Object, Object, int[], int[])
     */
    public void allgatherv(Object sendbuf, Object recvbuf, int[] counts) {
        allgatherv(sendbuf, recvbuf, counts, null);
    }

    /**
     * Collects {@code sendbuf}s of different lengths into every rank's {@code recvbuf}, rank i's
     * at {@code displs[i]} (MPI_Allgatherv); {@code displs} null means back to back.
     *
     * @throws IllegalArgumentException as {@link #gatherv(Object, Object, int[], int[], int)}
     */
    public void allgatherv(Object sendbuf, Object recvbuf, int[] counts, int[] displs) {
        ElementType t = ElementType.of(sendbuf, "sendbuf");
        checkCollective("allgatherv");
        int n = Buffers.count(sendbuf);
        displs = CollectiveArgs.checkLayout(counts, displs, n, "counts", rank, size);
        int total = CollectiveArgs.extent(counts, displs);
        CollectiveArgs.checkRecv(recvbuf, t, total, "allgatherv");
        Scratch s = Scratch.get();
        long sa = Buffers.address(sendbuf, t, n, s, Scratch.SEND, true);
        long ra = Buffers.address(recvbuf, t, total, s, Scratch.RECV, false);
        long ca = s.countsAndDispls(counts, displs);
        int rc = abi.jpar_allgatherv(sa, n, ra, ca, ca + 4L * size, t.code, handle);
        Reference.reachabilityFence(sendbuf);
        Reference.reachabilityFence(recvbuf);
        check(rc, "allgatherv");
        Buffers.copyBack(recvbuf, t, total, s, Scratch.RECV);
    }

    /**
     * Splits {@code root}'s {@code sendbuf} into {@code size()} equal blocks and gives block i to
     * rank i's {@code recvbuf} (MPI_Scatter). The block length is {@code recvbuf}'s count;
     * {@code sendbuf} may be null off the root.
     *
     * @throws IllegalArgumentException if the root's sendbuf holds fewer than
     *     {@code size() * recvbuf's count} elements, or the types differ
     */
    public void scatter(Object sendbuf, Object recvbuf, int root) {
        ElementType t = ElementType.of(recvbuf, "recvbuf");
        Buffers.checkWritable(recvbuf, "recvbuf");
        checkCollective("scatter");
        checkRank(root, "root", false);
        int n = Buffers.count(recvbuf);
        boolean isRoot = rank == root;
        if (isRoot) {
            CollectiveArgs.checkSend(sendbuf, t, (long) n * size, "scatter");
        }
        Scratch s = Scratch.get();
        long sa = isRoot ? Buffers.address(sendbuf, t, n * size, s, Scratch.SEND, true) : 0L;
        long ra = Buffers.address(recvbuf, t, n, s, Scratch.RECV, false);
        int rc = abi.jpar_scatter(sa, n, ra, n, t.code, root, handle);
        Reference.reachabilityFence(sendbuf);
        Reference.reachabilityFence(recvbuf);
        check(rc, "scatter");
        Buffers.copyBack(recvbuf, t, n, s, Scratch.RECV);
    }

    /**
     * Gives rank i {@code counts[i]} elements of {@code root}'s {@code sendbuf}, taken back to
     * back (MPI_Scatterv).
     *
     * @see #scatterv(Object, int[], int[], Object, int)
     */
    public void scatterv(Object sendbuf, int[] counts, Object recvbuf, int root) {
        scatterv(sendbuf, counts, null, recvbuf, root);
    }

    /**
     * Gives rank i the {@code counts[i]} elements at {@code displs[i]} of {@code root}'s
     * {@code sendbuf} (MPI_Scatterv). Each rank receives into its {@code recvbuf}, whose count
     * must equal its {@code counts} entry; {@code sendbuf}, {@code counts} and {@code displs}
     * are read on the root only, {@code displs} null means back to back.
     *
     * @throws IllegalArgumentException as {@link #gatherv(Object, Object, int[], int[], int)}
     */
    public void scatterv(Object sendbuf, int[] counts, int[] displs, Object recvbuf, int root) {
        ElementType t = ElementType.of(recvbuf, "recvbuf");
        Buffers.checkWritable(recvbuf, "recvbuf");
        checkCollective("scatterv");
        checkRank(root, "root", false);
        int n = Buffers.count(recvbuf);
        boolean isRoot = rank == root;
        int total = 0;
        if (isRoot) {
            displs = CollectiveArgs.checkLayout(counts, displs, n, "counts", rank, size);
            total = CollectiveArgs.extent(counts, displs);
            CollectiveArgs.checkSend(sendbuf, t, total, "scatterv");
        }
        Scratch s = Scratch.get();
        long sa = isRoot ? Buffers.address(sendbuf, t, total, s, Scratch.SEND, true) : 0L;
        long ra = Buffers.address(recvbuf, t, n, s, Scratch.RECV, false);
        long ca = isRoot ? s.countsAndDispls(counts, displs) : 0L;
        int rc = abi.jpar_scatterv(sa, ca, ca + 4L * size, ra, n, t.code, root, handle);
        Reference.reachabilityFence(sendbuf);
        Reference.reachabilityFence(recvbuf);
        check(rc, "scatterv");
        Buffers.copyBack(recvbuf, t, n, s, Scratch.RECV);
    }

    /**
     * Every rank sends block j of its {@code sendbuf} to rank j, which stores it as block i of
     * its {@code recvbuf} (MPI_Alltoall). {@code sendbuf}'s count must divide by {@code size()}.
     *
     * @throws IllegalArgumentException if it doesn't, if recvbuf is smaller, or the types differ
     */
    public void alltoall(Object sendbuf, Object recvbuf) {
        ElementType t = ElementType.of(sendbuf, "sendbuf");
        checkCollective("alltoall");
        int n = Buffers.count(sendbuf);
        if (n % size != 0) {
            throw new IllegalArgumentException("alltoall: sendbuf's count must divide by size: "
                + "count=" + n + ", size=" + size);
        }
        CollectiveArgs.checkRecv(recvbuf, t, n, "alltoall");
        Scratch s = Scratch.get();
        long sa = Buffers.address(sendbuf, t, n, s, Scratch.SEND, true);
        long ra = Buffers.address(recvbuf, t, n, s, Scratch.RECV, false);
        int rc = abi.jpar_alltoall(sa, n / size, ra, n / size, t.code, handle);
        Reference.reachabilityFence(sendbuf);
        Reference.reachabilityFence(recvbuf);
        check(rc, "alltoall");
        Buffers.copyBack(recvbuf, t, n, s, Scratch.RECV);
    }

    // ------------------------------------------------------------------------------ objects

    /**
     * Sends a serializable object (mpi4py's {@code send}).
     *
     * @throws IllegalArgumentException naming the class if it is not serializable; nothing is
     *     sent then
     */
    public void sendObject(Object value, int dest, int tag) {
        checkOpen("sendObject");
        checkRank(dest, "dest", false);
        checkTag(tag, false);
        ObjectMessages.send(this, value, dest, tag);
    }

    /**
     * Receives an object sent with {@link #sendObject} (mpi4py's {@code recv}).
     *
     * @throws MpiException naming the class if this rank cannot deserialize it; the message is
     *     consumed and the next one can be received
     */
    public <T> T recvObject(int source, int tag) {
        checkOpen("recvObject");
        checkRank(source, "source", true);
        checkTag(tag, true);
        return ObjectMessages.recv(this, source, tag);
    }

    /**
     * Returns {@code root}'s {@code value} on every rank (mpi4py's {@code bcast}); {@code value}
     * is ignored off the root.
     *
     * @throws IllegalArgumentException on the root if the value is not serializable; the other
     *     ranks then throw {@link MpiException}
     */
    public <T> T bcastObject(T value, int root) {
        checkCollective("bcastObject");
        checkRank(root, "root", false);
        return ObjectMessages.bcast(this, value, root);
    }

    /**
     * Collects every rank's value into a list in rank order on {@code root}; returns null
     * elsewhere (mpi4py's {@code gather}).
     */
    public <T> java.util.List<T> gatherObject(T value, int root) {
        checkCollective("gatherObject");
        checkRank(root, "root", false);
        return ObjectMessages.gather(this, value, root);
    }

    /** Collects every rank's value into a list in rank order on every rank. */
    public <T> java.util.List<T> allgatherObject(T value) {
        checkCollective("allgatherObject");
        return ObjectMessages.allgather(this, value);
    }

    /**
     * Gives rank i element i of {@code root}'s list (mpi4py's {@code scatter}); {@code values}
     * is ignored off the root.
     *
     * @throws IllegalArgumentException on the root if the list is null or its size is not
     *     {@code size()}; the other ranks then throw {@link MpiException}
     */
    public <T> T scatterObject(java.util.List<T> values, int root) {
        checkCollective("scatterObject");
        checkRank(root, "root", false);
        return ObjectMessages.scatter(this, values, root);
    }

    /**
     * Combines every rank's value with {@code op}, in rank order, and returns the result on
     * every rank. Every rank applies {@code op} itself, so it need not be serializable.
     *
     * @throws NullPointerException if {@code op} is null
     */
    public <T> T allreduceObject(T value, java.util.function.BinaryOperator<T> op) {
        if (op == null) {
            throw new NullPointerException("op must not be null");
        }
        java.util.List<T> all = allgatherObject(value);
        T result = all.get(0);
        for (int i = 1; i < all.size(); i++) {
            result = op.apply(result, all.get(i));
        }
        return result;
    }

    // --------------------------------------------------------------------- communicators

    /** A new communicator with the same ranks (MPI_Comm_dup); free it when done. */
    public Comm dup() {
        checkOpen("dup");
        Scratch s = Scratch.get();
        check(abi.jpar_comm_dup(handle, s.outAddress + Scratch.HANDLE), "dup");
        return new Comm(mpi, s.out.getLong(Scratch.HANDLE), false);
    }

    /**
     * Splits the ranks by {@code color} (MPI_Comm_split): ranks with one colour form a new
     * communicator, ordered by {@code key}, then by rank here.
     *
     * @param color a colour (non-negative) or {@link #UNDEFINED} to join none
     * @return the new communicator, or null for {@link #UNDEFINED}
     * @throws IllegalArgumentException for a negative colour other than {@link #UNDEFINED}
     */
    public Comm split(int color, int key) {
        if (color < 0 && color != UNDEFINED) {
            throw new IllegalArgumentException("color must be >= 0 or UNDEFINED: color=" + color);
        }
        checkOpen("split");
        Scratch s = Scratch.get();
        check(abi.jpar_comm_split(handle, color, key, s.outAddress + Scratch.HANDLE), "split");
        long h = s.out.getLong(Scratch.HANDLE);
        return h == abi.jpar_comm_null() ? null : new Comm(mpi, h, false);
    }

    /**
     * Starts {@code maxprocs} processes running {@code command} with {@code args}
     * (MPI_Comm_spawn, collective over this communicator) and returns an intercommunicator
     * whose remote group is the new processes; they find theirs with {@link Mpi#parent()}.
     * {@code info} holds MPI_Info keys and values, such as Open MPI's {@code map_by}.
     *
     * @throws IllegalArgumentException for a bad root or maxprocs, or a null or empty command
     * @throws UnsupportedOperationException on a backend other than native
     * @throws MpiException if MPI cannot start them (the message has MPI's reason)
     */
    public Comm spawn(String command, java.util.List<String> args, int maxprocs,
                      java.util.Map<String, String> info, int root) {
        if (command == null || command.isEmpty()) {
            throw new IllegalArgumentException("command must not be empty");
        }
        if (maxprocs < 1) {
            throw new IllegalArgumentException("maxprocs must be at least 1: maxprocs=" + maxprocs);
        }
        checkCollective("spawn");
        checkRank(root, "root", false);
        if (!mpi.backend().equals(BackendChoice.NATIVE)) {
            throw new UnsupportedOperationException("spawn needs the native backend: backend="
                + mpi.backend());
        }
        java.util.List<String> infoList = new java.util.ArrayList<>();
        if (info != null) {
            info.forEach((k, v) -> {
                infoList.add(k);
                infoList.add(v);
            });
        }
        java.nio.ByteBuffer cmd = strings(java.util.List.of(command));
        java.nio.ByteBuffer argv = strings(args == null ? java.util.List.of() : args);
        java.nio.ByteBuffer infoBytes = strings(infoList);
        java.nio.ByteBuffer errcodes = java.nio.ByteBuffer.allocateDirect(4 * maxprocs);
        Scratch s = Scratch.get();
        int rc = abi.jpar_comm_spawn(Memory.address(cmd), Memory.address(argv), maxprocs,
            Memory.address(infoBytes), root, handle, s.outAddress + Scratch.HANDLE,
            Memory.address(errcodes));
        Reference.reachabilityFence(cmd);
        Reference.reachabilityFence(argv);
        Reference.reachabilityFence(infoBytes);
        Reference.reachabilityFence(errcodes);
        check(rc, "spawn");
        return new Comm(mpi, s.out.getLong(Scratch.HANDLE), false);
    }

    /** NUL-terminated strings followed by an empty one, in native memory, as jpar.h wants. */
    private static java.nio.ByteBuffer strings(java.util.List<String> values) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (String v : values) {
            if (v == null || v.isEmpty() || v.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("arguments and info must be non-empty strings "
                    + "without NUL: " + v);
            }
            bytes.writeBytes(v.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            bytes.write(0);
        }
        bytes.write(0);
        byte[] all = bytes.toByteArray();
        return java.nio.ByteBuffer.allocateDirect(all.length).put(all).flip();
    }

    /**
     * Ends the connection of an intercommunicator from {@link #spawn} or {@link Mpi#parent()}
     * (MPI_Comm_disconnect, collective over both groups); later calls on it throw
     * {@link IllegalStateException}. Idempotent.
     *
     * @throws IllegalStateException on an intracommunicator
     */
    public void disconnect() {
        if (!isInter()) {
            throw new IllegalStateException("disconnect is for intercommunicators; use free");
        }
        release("disconnect", true);
    }

    /**
     * Frees a communicator made by {@link #dup} or {@link #split} (MPI_Comm_free); later calls
     * on it throw {@link IllegalStateException}. Idempotent.
     *
     * @throws IllegalStateException for the world and self communicators
     */
    public void free() {
        if (predefined) {
            throw new IllegalStateException("the world and self communicators cannot be freed");
        }
        release("free", false);
    }

    /** Frees or disconnects once; the handle reads as 0 afterwards, so later calls fail. */
    private synchronized void release(String call, boolean disconnect) {
        if (handle == 0L) {
            return;
        }
        checkOpen(call);
        Scratch s = Scratch.get();
        s.out.putLong(Scratch.HANDLE, handle);
        handle = 0L;
        long at = s.outAddress + Scratch.HANDLE;
        check(disconnect ? abi.jpar_comm_disconnect(at) : abi.jpar_comm_free(at), call);
    }

    @Override
    public String toString() {
        return "Comm[rank=" + rank + ", size=" + size + (handle == 0L ? ", freed" : "") + "]";
    }

    // ------------------------------------------------------------------------------ checks

    /** Collectives on intercommunicators follow other rules (MPI_ROOT); jpar has none yet. */
    private void checkCollective(String call) {
        checkOpen(call);
        if (isInter()) {
            throw new UnsupportedOperationException(call + " on an intercommunicator is not "
                + "supported: use point-to-point or object messages");
        }
    }

    void checkOpen(String call) {
        mpi.checkOpen(call);
        if (handle == 0L) {
            throw new IllegalStateException("communicator is freed: call=" + call);
        }
    }

    void check(int rc, String call) {
        if (rc != 0) {
            throw MpiErrors.exception(abi, rc, call);
        }
    }

    MpiAbi abi() {
        return abi;
    }

    private void checkRank(int r, String name, boolean wildcard) {
        int peers = isInter() && !name.equals("root") ? remoteSize : size;
        if ((r < 0 || r >= peers) && r != PROC_NULL && !(wildcard && r == ANY_SOURCE)) {
            throw new IllegalArgumentException(name + " must be a rank from 0 to " + (peers - 1)
                + (wildcard ? ", ANY_SOURCE" : "") + " or PROC_NULL: " + name + "=" + r);
        }
    }

    private void checkTag(int tag, boolean wildcard) {
        if ((tag < 0 || tag > tagUpperBound) && !(wildcard && tag == ANY_TAG)) {
            throw new IllegalArgumentException("tag must be from 0 to " + tagUpperBound
                + (wildcard ? " or ANY_TAG" : "") + ": tag=" + tag);
        }
    }

    /** Reads a status in jpar.h's layout: source, tag, error, byte count. */
    static Status status(java.nio.ByteBuffer out, int at, ElementType t) {
        int bytes = out.getInt(at + 12);
        return new Status(out.getInt(at), out.getInt(at + 4), bytes < 0 ? bytes : bytes / t.bytes,
            bytes);
    }
}
