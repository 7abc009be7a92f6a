package org.jpar.mpi;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import org.jpar.internal.Memory;
import org.jpar.mpi.internal.BackendChoice;
import org.jpar.mpi.internal.Buffers;
import org.jpar.mpi.internal.CollectiveArgs;
import org.jpar.mpi.internal.ElementType;
import org.jpar.mpi.internal.MessageBuffer;
import org.jpar.mpi.internal.MpiErrors;
import org.jpar.mpi.internal.ObjectMessages;
import org.jpar.mpi.internal.Scratch;

/**
 * A communicator within one group of ranks (MPI's intracommunicator), such as
 * {@link Mpi#world()}: point to point as every {@link Comm}, plus collectives and new
 * communicators. In a collective, the send and receive sides have one element type, and an
 * argument error on one rank leaves the others waiting, as in MPI: give every rank the same
 * shapes.
 */
public final class Intracomm extends Comm {
    Intracomm(Mpi mpi, long handle, boolean predefined) {
        super(mpi, handle, predefined);
    }

    @Override
    int peers() {
        return size;
    }

    // ------------------------------------------------------------------------------ collectives

    /** Blocks until every rank has called it (MPI_Barrier). */
    public void barrier() {
        checkOpen("barrier");
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
        checkRoot("bcast", root);
        boolean isRoot = rank == root;
        if (!isRoot) {
            Buffers.checkWritable(buf, "buf");
        }
        Scratch s = Scratch.get();
        int n = Buffers.count(buf);
        MessageBuffer m = isRoot ? MessageBuffer.in(buf, t, n, s, Scratch.RECV)
            : MessageBuffer.out(buf, t, n, s, Scratch.RECV);
        complete("bcast", abi.jpar_bcast(m.address(), n, t.code, root, handle), null, m,
            isRoot ? 0 : n);
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
        checkOp(op, t);
        checkRoot("reduce", root);
        int n = Buffers.count(sendbuf);
        boolean isRoot = rank == root;
        if (isRoot) {
            CollectiveArgs.checkRecv(recvbuf, t, n, "reduce");
        }
        Scratch s = Scratch.get();
        MessageBuffer in = MessageBuffer.in(sendbuf, t, n, s, Scratch.SEND);
        MessageBuffer out = isRoot ? MessageBuffer.out(recvbuf, t, n, s, Scratch.RECV)
            : MessageBuffer.NONE;
        complete("reduce", abi.jpar_reduce(in.address(), out.address(), n, t.code, op.code, root,
            handle), in, out, n);
    }

    /**
     * Combines every rank's {@code sendbuf} element-wise with {@code op} into every rank's
     * {@code recvbuf} (MPI_Allreduce).
     *
     * @throws IllegalArgumentException as {@link #reduce}
     */
    public void allreduce(Object sendbuf, Object recvbuf, Op op) {
        ElementType t = ElementType.of(sendbuf, "sendbuf");
        checkOp(op, t);
        checkOpen("allreduce");
        int n = Buffers.count(sendbuf);
        CollectiveArgs.checkRecv(recvbuf, t, n, "allreduce");
        Scratch s = Scratch.get();
        MessageBuffer in = MessageBuffer.in(sendbuf, t, n, s, Scratch.SEND);
        MessageBuffer out = MessageBuffer.out(recvbuf, t, n, s, Scratch.RECV);
        complete("allreduce", abi.jpar_allreduce(in.address(), out.address(), n, t.code, op.code,
            handle), in, out, n);
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
        checkRoot("gather", root);
        int n = Buffers.count(sendbuf);
        boolean isRoot = rank == root;
        if (isRoot) {
            CollectiveArgs.checkRecv(recvbuf, t, (long) n * size, "gather");
        }
        Scratch s = Scratch.get();
        MessageBuffer in = MessageBuffer.in(sendbuf, t, n, s, Scratch.SEND);
        MessageBuffer out = isRoot ? MessageBuffer.out(recvbuf, t, n * size, s, Scratch.RECV)
            : MessageBuffer.NONE;
        complete("gather", abi.jpar_gather(in.address(), n, out.address(), n, t.code, root,
            handle), in, out, out.count());
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
        checkRoot("gatherv", root);
        // Displacements may leave gaps, which the copy back into heap storage must keep.
        boolean gaps = displs != null;
        int n = Buffers.count(sendbuf);
        boolean isRoot = rank == root;
        int total = 0;
        if (isRoot) {
            displs = CollectiveArgs.checkLayout(counts, displs, n, "counts", rank, size);
            total = CollectiveArgs.extent(counts, displs);
            CollectiveArgs.checkRecv(recvbuf, t, total, "gatherv");
        }
        Scratch s = Scratch.get();
        MessageBuffer in = MessageBuffer.in(sendbuf, t, n, s, Scratch.SEND);
        MessageBuffer out = !isRoot ? MessageBuffer.NONE : gaps
            ? MessageBuffer.in(recvbuf, t, total, s, Scratch.RECV)
            : MessageBuffer.out(recvbuf, t, total, s, Scratch.RECV);
        long layout = isRoot ? s.countsAndDispls(counts, displs) : 0L;
        complete("gatherv", abi.jpar_gatherv(in.address(), n, out.address(), layout,
            layout + 4L * size, t.code, root, handle), in, out, total);
    }

    /**
     * Collects every rank's {@code sendbuf}, all of one length, into every rank's
     * {@code recvbuf} in rank order (MPI_Allgather).
     *
     * @throws IllegalArgumentException as {@link #gather}
     */
    public void allgather(Object sendbuf, Object recvbuf) {
        ElementType t = ElementType.of(sendbuf, "sendbuf");
        checkOpen("allgather");
        int n = Buffers.count(sendbuf);
        CollectiveArgs.checkRecv(recvbuf, t, (long) n * size, "allgather");
        Scratch s = Scratch.get();
        MessageBuffer in = MessageBuffer.in(sendbuf, t, n, s, Scratch.SEND);
        MessageBuffer out = MessageBuffer.out(recvbuf, t, n * size, s, Scratch.RECV);
        complete("allgather", abi.jpar_allgather(in.address(), n, out.address(), n, t.code,
            handle), in, out, n * size);
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
        checkOpen("allgatherv");
        boolean gaps = displs != null;
        int n = Buffers.count(sendbuf);
        displs = CollectiveArgs.checkLayout(counts, displs, n, "counts", rank, size);
        int total = CollectiveArgs.extent(counts, displs);
        CollectiveArgs.checkRecv(recvbuf, t, total, "allgatherv");
        Scratch s = Scratch.get();
        MessageBuffer in = MessageBuffer.in(sendbuf, t, n, s, Scratch.SEND);
        MessageBuffer out = gaps ? MessageBuffer.in(recvbuf, t, total, s, Scratch.RECV)
            : MessageBuffer.out(recvbuf, t, total, s, Scratch.RECV);
        long layout = s.countsAndDispls(counts, displs);
        complete("allgatherv", abi.jpar_allgatherv(in.address(), n, out.address(), layout,
            layout + 4L * size, t.code, handle), in, out, total);
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
        checkRoot("scatter", root);
        int n = Buffers.count(recvbuf);
        boolean isRoot = rank == root;
        if (isRoot) {
            CollectiveArgs.checkSend(sendbuf, t, (long) n * size, "scatter");
        }
        Scratch s = Scratch.get();
        MessageBuffer in = isRoot ? MessageBuffer.in(sendbuf, t, n * size, s, Scratch.SEND)
            : MessageBuffer.NONE;
        MessageBuffer out = MessageBuffer.out(recvbuf, t, n, s, Scratch.RECV);
        complete("scatter", abi.jpar_scatter(in.address(), n, out.address(), n, t.code, root,
            handle), in, out, n);
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
        checkRoot("scatterv", root);
        int n = Buffers.count(recvbuf);
        boolean isRoot = rank == root;
        int total = 0;
        if (isRoot) {
            displs = CollectiveArgs.checkLayout(counts, displs, n, "counts", rank, size);
            total = CollectiveArgs.extent(counts, displs);
            CollectiveArgs.checkSend(sendbuf, t, total, "scatterv");
        }
        Scratch s = Scratch.get();
        MessageBuffer in = isRoot ? MessageBuffer.in(sendbuf, t, total, s, Scratch.SEND)
            : MessageBuffer.NONE;
        MessageBuffer out = MessageBuffer.out(recvbuf, t, n, s, Scratch.RECV);
        long layout = isRoot ? s.countsAndDispls(counts, displs) : 0L;
        complete("scatterv", abi.jpar_scatterv(in.address(), layout, layout + 4L * size,
            out.address(), n, t.code, root, handle), in, out, n);
    }

    /**
     * Every rank sends block j of its {@code sendbuf} to rank j, which stores it as block i of
     * its {@code recvbuf} (MPI_Alltoall). {@code sendbuf}'s count must divide by {@code size()}.
     *
     * @throws IllegalArgumentException if it doesn't, if recvbuf is smaller, or the types differ
     */
    public void alltoall(Object sendbuf, Object recvbuf) {
        ElementType t = ElementType.of(sendbuf, "sendbuf");
        checkOpen("alltoall");
        int n = Buffers.count(sendbuf);
        if (n % size != 0) {
            throw new IllegalArgumentException("alltoall: sendbuf's count must divide by size: "
                + "count=" + n + ", size=" + size);
        }
        CollectiveArgs.checkRecv(recvbuf, t, n, "alltoall");
        Scratch s = Scratch.get();
        MessageBuffer in = MessageBuffer.in(sendbuf, t, n, s, Scratch.SEND);
        MessageBuffer out = MessageBuffer.out(recvbuf, t, n, s, Scratch.RECV);
        complete("alltoall", abi.jpar_alltoall(in.address(), n / size, out.address(), n / size,
            t.code, handle), in, out, n);
    }

    /**
     * Every rank sends {@code sendcounts[j]} elements at {@code sdispls[j]} of its
     * {@code sendbuf} to rank j, which stores them at its {@code rdispls[i]} (MPI_Alltoallv).
     * Null displacements mean back to back.
     *
     * @throws IllegalArgumentException if the counts or displacements don't have one
     *     non-negative entry per rank or reach beyond a buffer's remaining elements, or the
     *     types differ
     */
    public void alltoallv(Object sendbuf, int[] sendcounts, int[] sdispls, Object recvbuf,
                          int[] recvcounts, int[] rdispls) {
        ElementType t = ElementType.of(sendbuf, "sendbuf");
        checkOpen("alltoallv");
        sdispls = CollectiveArgs.layout(sendcounts, sdispls, "sendcounts", size);
        rdispls = CollectiveArgs.layout(recvcounts, rdispls, "recvcounts", size);
        int sent = CollectiveArgs.extent(sendcounts, sdispls);
        int received = CollectiveArgs.extent(recvcounts, rdispls);
        CollectiveArgs.checkSend(sendbuf, t, sent, "alltoallv");
        CollectiveArgs.checkRecv(recvbuf, t, received, "alltoallv");
        Scratch s = Scratch.get();
        MessageBuffer in = MessageBuffer.in(sendbuf, t, sent, s, Scratch.SEND);
        // Staged in as well as out: the copy back must keep what lies between the blocks.
        MessageBuffer out = MessageBuffer.in(recvbuf, t, received, s, Scratch.RECV);
        long layout = s.layouts(sendcounts, sdispls, recvcounts, rdispls);
        long ints = 4L * size;
        complete("alltoallv", abi.jpar_alltoallv(in.address(), layout, layout + ints,
            out.address(), layout + 2 * ints, layout + 3 * ints, t.code, handle), in, out,
            received);
    }

    /**
     * {@link #alltoallv} with a type per peer (MPI_Alltoallw): rank j gets
     * {@code sendcounts[j]} elements of {@code sendtypes[j]} from byte {@code sdispls[j]} of
     * {@code sendbuf}, which may be any buffer or array, read as bytes; the same on the receive
     * side.
     *
     * @throws IllegalArgumentException if an array doesn't have one entry per rank, a count or
     *     displacement is negative, or a block reaches beyond its buffer's remaining bytes
     * @throws NullPointerException if an array or type is null
     */
    public void alltoallw(Object sendbuf, int[] sendcounts, int[] sdispls, Datatype[] sendtypes,
                          Object recvbuf, int[] recvcounts, int[] rdispls, Datatype[] recvtypes) {
        ElementType st = ElementType.of(sendbuf, "sendbuf");
        ElementType rt = ElementType.of(recvbuf, "recvbuf");
        Buffers.checkWritable(recvbuf, "recvbuf");
        checkOpen("alltoallw");
        int[] sendTypeCodes = typeCodes(sendtypes, "sendtypes");
        int[] recvTypeCodes = typeCodes(recvtypes, "recvtypes");
        long sentBytes = CollectiveArgs.byteExtent(sendcounts, sdispls, sendtypes, "send");
        long receivedBytes = CollectiveArgs.byteExtent(recvcounts, rdispls, recvtypes, "recv");
        int sent = CollectiveArgs.elementsFor(sentBytes, sendbuf, st, "sendbuf", "alltoallw");
        int received = CollectiveArgs.elementsFor(receivedBytes, recvbuf, rt, "recvbuf",
            "alltoallw");
        Scratch s = Scratch.get();
        MessageBuffer in = MessageBuffer.in(sendbuf, st, sent, s, Scratch.SEND);
        MessageBuffer out = MessageBuffer.in(recvbuf, rt, received, s, Scratch.RECV);
        long layout = s.layouts(sendcounts, sdispls, sendTypeCodes, recvcounts, rdispls,
            recvTypeCodes);
        long ints = 4L * size;
        complete("alltoallw", abi.jpar_alltoallw(in.address(), layout, layout + ints,
            layout + 2 * ints, out.address(), layout + 3 * ints, layout + 4 * ints,
            layout + 5 * ints, handle), in, out, received);
    }

    private int[] typeCodes(Datatype[] types, String name) {
        if (types == null) {
            throw new NullPointerException(name + " must not be null");
        }
        if (types.length != size) {
            throw new IllegalArgumentException(name + " must have one entry per rank: length="
                + types.length + ", size=" + size);
        }
        int[] codes = new int[size];
        for (int i = 0; i < size; i++) {
            if (types[i] == null) {
                throw new NullPointerException(name + "[" + i + "] must not be null");
            }
            codes[i] = types[i].element.code;
        }
        return codes;
    }

    /**
     * Rank i's {@code recvbuf} gets the combination with {@code op} of ranks 0 to i's
     * {@code sendbuf}s, in rank order (MPI_Scan).
     *
     * @throws IllegalArgumentException as {@link #allreduce}
     */
    public void scan(Object sendbuf, Object recvbuf, Op op) {
        prefix("scan", sendbuf, recvbuf, op, false);
    }

    /**
     * Rank i's {@code recvbuf} gets the combination with {@code op} of ranks 0 to i-1's
     * {@code sendbuf}s (MPI_Exscan); rank 0's {@code recvbuf} is left as it was.
     *
     * @throws IllegalArgumentException as {@link #allreduce}
     */
    public void exscan(Object sendbuf, Object recvbuf, Op op) {
        prefix("exscan", sendbuf, recvbuf, op, true);
    }

    private void prefix(String call, Object sendbuf, Object recvbuf, Op op, boolean exclusive) {
        ElementType t = ElementType.of(sendbuf, "sendbuf");
        checkOp(op, t);
        checkOpen(call);
        int n = Buffers.count(sendbuf);
        CollectiveArgs.checkRecv(recvbuf, t, n, call);
        Scratch s = Scratch.get();
        MessageBuffer in = MessageBuffer.in(sendbuf, t, n, s, Scratch.SEND);
        MessageBuffer out = MessageBuffer.out(recvbuf, t, n, s, Scratch.RECV);
        int rc = exclusive
            ? abi.jpar_exscan(in.address(), out.address(), n, t.code, op.code, handle)
            : abi.jpar_scan(in.address(), out.address(), n, t.code, op.code, handle);
        complete(call, rc, in, out, exclusive && rank == 0 ? 0 : n);
    }

    /**
     * Combines every rank's {@code sendbuf} with {@code op} and scatters the result in blocks of
     * {@code recvbuf}'s count: rank i gets block i (MPI_Reduce_scatter_block). {@code sendbuf}
     * holds {@code size()} blocks.
     *
     * @throws IllegalArgumentException if sendbuf's count isn't {@code size()} times recvbuf's,
     *     or as {@link #allreduce}
     */
    public void reduceScatterBlock(Object sendbuf, Object recvbuf, Op op) {
        ElementType t = ElementType.of(recvbuf, "recvbuf");
        checkOp(op, t);
        checkOpen("reduceScatterBlock");
        Buffers.checkWritable(recvbuf, "recvbuf");
        int n = Buffers.count(recvbuf);
        CollectiveArgs.checkSend(sendbuf, t, (long) n * size, "reduceScatterBlock");
        Scratch s = Scratch.get();
        MessageBuffer in = MessageBuffer.in(sendbuf, t, n * size, s, Scratch.SEND);
        MessageBuffer out = MessageBuffer.out(recvbuf, t, n, s, Scratch.RECV);
        complete("reduceScatterBlock", abi.jpar_reduce_scatter_block(in.address(), out.address(),
            n, t.code, op.code, handle), in, out, n);
    }

    /**
     * Combines every rank's {@code sendbuf} with {@code op} and scatters the result: rank i gets
     * the next {@code recvcounts[i]} elements (MPI_Reduce_scatter).
     *
     * @throws IllegalArgumentException if recvcounts doesn't have one non-negative entry per
     *     rank, sendbuf holds fewer than their sum, recvbuf fewer than this rank's, or as
     *     {@link #allreduce}
     */
    public void reduceScatter(Object sendbuf, Object recvbuf, int[] recvcounts, Op op) {
        ElementType t = ElementType.of(sendbuf, "sendbuf");
        checkOp(op, t);
        checkOpen("reduceScatter");
        int total = CollectiveArgs.extent(recvcounts,
            CollectiveArgs.layout(recvcounts, null, "recvcounts", size));
        CollectiveArgs.checkSend(sendbuf, t, total, "reduceScatter");
        CollectiveArgs.checkRecv(recvbuf, t, recvcounts[rank], "reduceScatter");
        Scratch s = Scratch.get();
        MessageBuffer in = MessageBuffer.in(sendbuf, t, total, s, Scratch.SEND);
        MessageBuffer out = MessageBuffer.out(recvbuf, t, recvcounts[rank], s, Scratch.RECV);
        complete("reduceScatter", abi.jpar_reduce_scatter(in.address(), out.address(),
            s.layouts(recvcounts), t.code, op.code, handle), in, out, recvcounts[rank]);
    }

    // ------------------------------------------------------------------------ object collectives

    /**
     * Returns {@code root}'s {@code value} on every rank (mpi4py's {@code bcast}); {@code value}
     * is ignored off the root.
     *
     * @throws IllegalArgumentException on the root if the value is not serializable; the other
     *     ranks then throw {@link MpiException}
     */
    public <T> T bcastObject(T value, int root) {
        checkRoot("bcastObject", root);
        return ObjectMessages.bcast(abi, handle, rank, value, root);
    }

    /**
     * Collects every rank's value into a list in rank order on {@code root}; returns null
     * elsewhere (mpi4py's {@code gather}).
     */
    public <T> List<T> gatherObject(T value, int root) {
        checkRoot("gatherObject", root);
        return ObjectMessages.gather(abi, handle, rank, size, value, root);
    }

    /** Collects every rank's value into a list in rank order on every rank. */
    public <T> List<T> allgatherObject(T value) {
        checkOpen("allgatherObject");
        return ObjectMessages.allgather(abi, handle, rank, size, value);
    }

    /**
     * Gives rank i element i of {@code root}'s list (mpi4py's {@code scatter}); {@code values}
     * is ignored off the root.
     *
     * @throws IllegalArgumentException on the root if the list is null or its size is not
     *     {@code size()}; the other ranks then throw {@link MpiException}
     */
    public <T> T scatterObject(List<T> values, int root) {
        checkRoot("scatterObject", root);
        return ObjectMessages.scatter(abi, handle, rank, size, values, root);
    }

    /**
     * Combines every rank's value with {@code op}, in rank order, and returns the result on
     * every rank. Every rank applies {@code op} itself, so it need not be serializable.
     *
     * @throws NullPointerException if {@code op} is null
     */
    public <T> T allreduceObject(T value, BinaryOperator<T> op) {
        if (op == null) {
            throw new NullPointerException("op must not be null");
        }
        List<T> all = allgatherObject(value);
        T result = all.get(0);
        for (int i = 1; i < all.size(); i++) {
            result = op.apply(result, all.get(i));
        }
        return result;
    }

    // --------------------------------------------------------------------- communicators

    /** A new communicator with the same ranks (MPI_Comm_dup); free it when done. */
    public Intracomm dup() {
        checkOpen("dup");
        Scratch s = Scratch.get();
        check(abi.jpar_comm_dup(handle, s.outAddress + Scratch.HANDLE), "dup");
        return new Intracomm(mpi, s.out.getLong(Scratch.HANDLE), false);
    }

    /**
     * Splits the ranks by {@code color} (MPI_Comm_split): ranks with one colour form a new
     * communicator, ordered by {@code key}, then by rank here.
     *
     * @param color a colour (non-negative) or {@link #UNDEFINED} to join none
     * @return the new communicator, or null for {@link #UNDEFINED}
     * @throws IllegalArgumentException for a negative colour other than {@link #UNDEFINED}
     */
    public Intracomm split(int color, int key) {
        if (color < 0 && color != UNDEFINED) {
            throw new IllegalArgumentException("color must be >= 0 or UNDEFINED: color=" + color);
        }
        checkOpen("split");
        Scratch s = Scratch.get();
        check(abi.jpar_comm_split(handle, color, key, s.outAddress + Scratch.HANDLE), "split");
        long h = s.out.getLong(Scratch.HANDLE);
        return h == abi.jpar_comm_null() ? null : new Intracomm(mpi, h, false);
    }

    /**
     * Starts {@code maxprocs} processes running {@code command} with {@code args}
     * (MPI_Comm_spawn, collective over this communicator) and returns an intercommunicator
     * whose remote group is the new processes; they find theirs with {@link Mpi#parent()}.
     * {@code info} holds MPI_Info keys and values, such as Open MPI's {@code map_by}.
     *
     * @throws IllegalArgumentException for a bad root or maxprocs, or a null or empty command
     * @throws UnsupportedOperationException on a backend other than native
     * @throws MpiException if MPI cannot start them (the message has MPI's reason, and says so
     *     where the MPI has no dynamic processes, as MPICH over UCX)
     */
    public Intercomm spawn(String command, List<String> args, int maxprocs,
                           Map<String, String> info, int root) {
        if (command == null || command.isEmpty()) {
            throw new IllegalArgumentException("command must not be empty");
        }
        if (maxprocs < 1) {
            throw new IllegalArgumentException("maxprocs must be at least 1: maxprocs=" + maxprocs);
        }
        checkRoot("spawn", root);
        if (!mpi.backend().equals(BackendChoice.NATIVE)) {
            throw new UnsupportedOperationException("spawn needs the native backend: backend="
                + mpi.backend());
        }
        List<String> infoList = new ArrayList<>();
        if (info != null) {
            info.forEach((k, v) -> {
                infoList.add(k);
                infoList.add(v);
            });
        }
        ByteBuffer cmd = strings(List.of(command));
        ByteBuffer argv = strings(args == null ? List.of() : args);
        ByteBuffer infoBytes = strings(infoList);
        ByteBuffer errcodes = ByteBuffer.allocateDirect(4 * maxprocs);
        Scratch s = Scratch.get();
        int rc = abi.jpar_comm_spawn(Memory.address(cmd), Memory.address(argv), maxprocs,
            Memory.address(infoBytes), root, handle, s.outAddress + Scratch.HANDLE,
            Memory.address(errcodes));
        java.lang.ref.Reference.reachabilityFence(cmd);
        java.lang.ref.Reference.reachabilityFence(argv);
        java.lang.ref.Reference.reachabilityFence(infoBytes);
        java.lang.ref.Reference.reachabilityFence(errcodes);
        if (rc != 0) {
            throw spawnFailure(MpiErrors.exception(abi, rc, "spawn"));
        }
        return new Intercomm(mpi, s.out.getLong(Scratch.HANDLE));
    }

    /** MPI's failure of a spawn, with the reason where the MPI has no dynamic processes. */
    private MpiException spawnFailure(MpiException e) {
        String library = mpi.libraryVersion();
        if (!library.contains("MPICH") || !library.contains("ch4:ucx")) {
            return e;
        }
        MpiException explained = new MpiException("spawn", e.errorCode(), e.errorClass(),
            e.errorClassName(), "MPICH on the ch4:ucx device (Debian's MPICH 4) cannot start "
                + "processes (no dynamic processes over UCX: MPI_Comm_spawn and MPI_Open_port "
                + "fail); start every process with mpiexec instead (Cluster.fromWorld), or use "
                + "an MPI that has them (Open MPI). MPI said: " + e.getMessage());
        explained.initCause(e);
        return explained;
    }

    /** NUL-terminated strings followed by an empty one, in native memory, as jpar.h wants. */
    private static ByteBuffer strings(List<String> values) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String v : values) {
            if (v == null || v.isEmpty() || v.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("arguments and info must be non-empty strings "
                    + "without NUL: " + v);
            }
            bytes.writeBytes(v.getBytes(StandardCharsets.UTF_8));
            bytes.write(0);
        }
        bytes.write(0);
        byte[] all = bytes.toByteArray();
        return ByteBuffer.allocateDirect(all.length).put(all).flip();
    }

    static void checkOp(Op op, ElementType t) {
        if (op == null) {
            throw new NullPointerException("op must not be null");
        }
        if (!op.supports(t)) {
            throw new IllegalArgumentException("op " + op + " needs an integer element type: type="
                + t.name().toLowerCase());
        }
    }

    private void checkRoot(String call, int root) {
        checkOpen(call);
        checkRank(root, "root", size, false);
    }
}
