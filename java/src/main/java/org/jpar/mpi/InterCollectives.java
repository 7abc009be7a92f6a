package org.jpar.mpi;

import java.nio.ByteBuffer;
import org.jpar.internal.Memory;
import org.jpar.mpi.internal.Buffers;
import org.jpar.mpi.internal.CollectiveArgs;
import org.jpar.mpi.internal.ElementType;
import org.jpar.mpi.internal.MessageBuffer;
import org.jpar.mpi.internal.Scratch;

/**
 * The collectives of {@link Intercomm}, each in one method for its blocking and nonblocking
 * form ({@code start}), as {@link Collectives} has them for an intracommunicator. Data goes
 * between the groups: a rooted collective's root passes {@link Comm#ROOT}, the rest of its group
 * {@link Comm#PROC_NULL} (they take no part), and the other group the root's rank; the others
 * send to or receive from every rank of the other group.
 */
final class InterCollectives {
    /**
     * What a rank passes for a buffer MPI ignores (a root's sendbuf, the other group's recvbuf)
     * and, as one byte, for the buffers of a rank that takes no part: Open MPI 4.1 hangs when
     * such a rank passes a count of 0, and MPICH 4.0 refuses a null buffer at a reduce's root.
     * MPI reads and writes none of it.
     */
    private static final ByteBuffer FILLER_MEMORY = DirectBuffers.allocate(64);
    private static final long FILLER = Memory.address(FILLER_MEMORY);

    private InterCollectives() {
    }

    /** Checks a root argument; returns whether this rank is the root (it receives or sends). */
    private static boolean root(Intercomm c, String call, int root) {
        c.checkOpen(call);
        if (root != Comm.ROOT && root != Comm.PROC_NULL && (root < 0 || root >= c.remoteSize())) {
            throw new IllegalArgumentException(call + ": root must be ROOT, PROC_NULL or a rank"
                + " of the other group, from 0 to " + (c.remoteSize() - 1) + ": root=" + root);
        }
        return root == Comm.ROOT;
    }

    private static void notInPlace(Object buf, String call) {
        if (buf == Intracomm.IN_PLACE) {
            throw new IllegalArgumentException(call + ": an intercommunicator has no IN_PLACE");
        }
    }

    /** A message's address, or the filler's for one MPI ignores (NONE). */
    private static long at(MessageBuffer m) {
        return m.address() == 0L ? FILLER : m.address();
    }

    static Request barrier(Intercomm c, boolean start) {
        c.checkOpen("barrier");
        Scratch s = Scratch.get();
        int rc = start ? c.abi.jpar_ibarrier(c.handle, s.outAddress + Scratch.HANDLE)
            : c.abi.jpar_barrier(c.handle);
        return Collectives.finish(c, "barrier", rc, MessageBuffer.NONE, MessageBuffer.NONE, 0,
            null, s, start);
    }

    /** The root sends {@code buf}; the other group receives it into theirs. */
    static Request bcast(Intercomm c, Object buf, int root, boolean start) {
        boolean isRoot = root(c, "bcast", root);
        Scratch s = Scratch.get();
        Scratch st = Collectives.staging(s, start);
        MessageBuffer m = MessageBuffer.NONE;
        int n = 1;
        ElementType t = ElementType.BYTE;
        if (root != Comm.PROC_NULL) {
            t = ElementType.of(buf, "buf");
            n = Buffers.count(buf);
            if (!isRoot) {
                Buffers.checkWritable(buf, "buf");
            }
            m = isRoot ? MessageBuffer.in(buf, t, n, st, Scratch.RECV)
                : MessageBuffer.out(buf, t, n, st, Scratch.RECV);
        }
        int rc = start
            ? c.abi.jpar_ibcast(at(m), n, t.code, root, c.handle, s.outAddress + Scratch.HANDLE)
            : c.abi.jpar_bcast(at(m), n, t.code, root, c.handle);
        return Collectives.finish(c, "bcast", rc, null, m, isRoot || root == Comm.PROC_NULL ? 0
            : n, null, s, start);
    }

    /** The other group's sendbufs, in rank order, into the root's recvbuf. */
    static Request gather(Intercomm c, Object sendbuf, Object recvbuf, int root, boolean start) {
        boolean isRoot = root(c, "gather", root);
        notInPlace(sendbuf, "gather");
        Scratch s = Scratch.get();
        Scratch st = Collectives.staging(s, start);
        MessageBuffer in = MessageBuffer.NONE;
        MessageBuffer out = MessageBuffer.NONE;
        int n = 1;
        ElementType t = ElementType.BYTE;
        if (isRoot) {
            t = ElementType.of(recvbuf, "recvbuf");
            Buffers.checkWritable(recvbuf, "recvbuf");
            n = block(Buffers.count(recvbuf), c.remoteSize(), "gather");
            out = MessageBuffer.out(recvbuf, t, n * c.remoteSize(), st, Scratch.RECV);
        } else if (root != Comm.PROC_NULL) {
            t = ElementType.of(sendbuf, "sendbuf");
            n = Buffers.count(sendbuf);
            in = MessageBuffer.in(sendbuf, t, n, st, Scratch.SEND);
        }
        int rc = start
            ? c.abi.jpar_igather(at(in), n, at(out), n, t.code, root, c.handle,
                s.outAddress + Scratch.HANDLE)
            : c.abi.jpar_gather(at(in), n, at(out), n, t.code, root, c.handle);
        return Collectives.finish(c, "gather", rc, in, out, isRoot ? n * c.remoteSize() : 0, null,
            s, start);
    }

    /** The root's sendbuf, a block for each rank of the other group, into their recvbufs. */
    static Request scatter(Intercomm c, Object sendbuf, Object recvbuf, int root, boolean start) {
        boolean isRoot = root(c, "scatter", root);
        notInPlace(recvbuf, "scatter");
        Scratch s = Scratch.get();
        Scratch st = Collectives.staging(s, start);
        MessageBuffer in = MessageBuffer.NONE;
        MessageBuffer out = MessageBuffer.NONE;
        int n = 1;
        ElementType t = ElementType.BYTE;
        if (isRoot) {
            t = ElementType.of(sendbuf, "sendbuf");
            n = block(Buffers.count(sendbuf), c.remoteSize(), "scatter");
            in = MessageBuffer.in(sendbuf, t, n * c.remoteSize(), st, Scratch.SEND);
        } else if (root != Comm.PROC_NULL) {
            t = ElementType.of(recvbuf, "recvbuf");
            Buffers.checkWritable(recvbuf, "recvbuf");
            n = Buffers.count(recvbuf);
            out = MessageBuffer.out(recvbuf, t, n, st, Scratch.RECV);
        }
        int rc = start
            ? c.abi.jpar_iscatter(at(in), n, at(out), n, t.code, root, c.handle,
                s.outAddress + Scratch.HANDLE)
            : c.abi.jpar_scatter(at(in), n, at(out), n, t.code, root, c.handle);
        return Collectives.finish(c, "scatter", rc, in, out, isRoot || root == Comm.PROC_NULL
            ? 0 : n, null, s, start);
    }

    /** Every rank's sendbuf to every rank of the other group: recvbuf holds theirs, by rank. */
    static Request allgather(Intercomm c, Object sendbuf, Object recvbuf, boolean start) {
        c.checkOpen("allgather");
        notInPlace(sendbuf, "allgather");
        ElementType t = CollectiveArgs.sameType(sendbuf, recvbuf);
        int n = Buffers.count(sendbuf);
        int total = Math.multiplyExact(n, c.remoteSize());
        CollectiveArgs.checkRecv(recvbuf, t, total, "allgather");
        Scratch s = Scratch.get();
        Scratch st = Collectives.staging(s, start);
        MessageBuffer in = MessageBuffer.in(sendbuf, t, n, st, Scratch.SEND);
        MessageBuffer out = MessageBuffer.out(recvbuf, t, total, st, Scratch.RECV);
        int rc = start
            ? c.abi.jpar_iallgather(at(in), n, at(out), n, t.code, c.handle,
                s.outAddress + Scratch.HANDLE)
            : c.abi.jpar_allgather(at(in), n, at(out), n, t.code, c.handle);
        return Collectives.finish(c, "allgather", rc, in, out, total, null, s, start);
    }

    /** Block j of sendbuf to rank j of the other group; recvbuf gets block j from its rank j. */
    static Request alltoall(Intercomm c, Object sendbuf, Object recvbuf, boolean start) {
        c.checkOpen("alltoall");
        notInPlace(sendbuf, "alltoall");
        ElementType t = CollectiveArgs.sameType(sendbuf, recvbuf);
        int total = Buffers.count(sendbuf);
        int n = block(total, c.remoteSize(), "alltoall");
        CollectiveArgs.checkRecv(recvbuf, t, total, "alltoall");
        Scratch s = Scratch.get();
        Scratch st = Collectives.staging(s, start);
        MessageBuffer in = MessageBuffer.in(sendbuf, t, total, st, Scratch.SEND);
        MessageBuffer out = MessageBuffer.out(recvbuf, t, total, st, Scratch.RECV);
        int rc = start
            ? c.abi.jpar_ialltoall(at(in), n, at(out), n, t.code, c.handle,
                s.outAddress + Scratch.HANDLE)
            : c.abi.jpar_alltoall(at(in), n, at(out), n, t.code, c.handle);
        return Collectives.finish(c, "alltoall", rc, in, out, total, null, s, start);
    }

    /**
     * The other group's sendbufs reduced, in its rank order, into the root's recvbuf. Every
     * rank of the root's group names the element type and count: the root by its recvbuf, the
     * others by a sendbuf like the other group's (Open MPI wants them there too).
     */
    static Request reduce(Intercomm c, Object sendbuf, Object recvbuf, Op op, int root,
                          boolean start) {
        boolean isRoot = root(c, "reduce", root);
        notInPlace(sendbuf, "reduce");
        Scratch s = Scratch.get();
        Scratch st = Collectives.staging(s, start);
        MessageBuffer in = MessageBuffer.NONE;
        MessageBuffer out = MessageBuffer.NONE;
        Object data = isRoot ? recvbuf : sendbuf;
        ElementType t = ElementType.of(data, isRoot ? "recvbuf" : "sendbuf");
        int o = Op.code(op, t, c.abi);
        int n = Buffers.count(data);
        if (isRoot) {
            Buffers.checkWritable(recvbuf, "recvbuf");
            out = MessageBuffer.out(recvbuf, t, n, st, Scratch.RECV);
        } else if (root != Comm.PROC_NULL) {
            in = MessageBuffer.in(sendbuf, t, n, st, Scratch.SEND);
        }
        int rc = start
            ? c.abi.jpar_ireduce(at(in), at(out), n, t.code, o, root, c.handle,
                s.outAddress + Scratch.HANDLE)
            : c.abi.jpar_reduce(at(in), at(out), n, t.code, o, root, c.handle);
        return Collectives.finish(c, "reduce", rc, in, out, isRoot ? n : 0, null, s, start);
    }

    /** Each group gets the other group's sendbufs reduced, in that group's rank order. */
    static Request allreduce(Intercomm c, Object sendbuf, Object recvbuf, Op op, boolean start) {
        c.checkOpen("allreduce");
        notInPlace(sendbuf, "allreduce");
        ElementType t = CollectiveArgs.sameType(sendbuf, recvbuf);
        int o = Op.code(op, t, c.abi);
        int n = Buffers.count(sendbuf);
        CollectiveArgs.checkRecv(recvbuf, t, n, "allreduce");
        Scratch s = Scratch.get();
        Scratch st = Collectives.staging(s, start);
        MessageBuffer in = MessageBuffer.in(sendbuf, t, n, st, Scratch.SEND);
        MessageBuffer out = MessageBuffer.out(recvbuf, t, n, st, Scratch.RECV);
        int rc = start
            ? c.abi.jpar_iallreduce(at(in), at(out), n, t.code, o, c.handle,
                s.outAddress + Scratch.HANDLE)
            : c.abi.jpar_allreduce(at(in), at(out), n, t.code, o, c.handle);
        return Collectives.finish(c, "allreduce", rc, in, out, n, null, s, start);
    }

    /**
     * The other group's sendbufs, of different lengths, into the root's recvbuf: rank k's at
     * {@code displs[k]} (back to back when null). Roots as in {@link #gather}.
     */
    static Request gatherv(Intercomm c, Object sendbuf, Object recvbuf, int[] counts,
                           int[] displs, int root, boolean start) {
        boolean isRoot = root(c, "gatherv", root);
        notInPlace(sendbuf, "gatherv");
        Scratch s = Scratch.get();
        Scratch st = Collectives.staging(s, start);
        MessageBuffer in = MessageBuffer.NONE;
        MessageBuffer out = MessageBuffer.NONE;
        Collectives.Layout layout = null;
        int n = 1;
        int total = 0;
        ElementType t = ElementType.BYTE;
        if (isRoot) {
            t = ElementType.of(recvbuf, "recvbuf");
            boolean gaps = displs != null;
            counts = Collectives.inPrimitives(counts, recvbuf);
            displs = CollectiveArgs.layout(counts, Collectives.inPrimitives(displs, recvbuf),
                "counts", c.remoteSize());
            total = CollectiveArgs.extent(counts, displs);
            CollectiveArgs.checkRecv(recvbuf, t, total, "gatherv");
            out = Collectives.output(gaps, recvbuf, t, total, st);
            layout = new Collectives.Layout(s, start, counts, displs);
        } else if (root != Comm.PROC_NULL) {
            t = ElementType.of(sendbuf, "sendbuf");
            n = Buffers.count(sendbuf);
            in = MessageBuffer.in(sendbuf, t, n, st, Scratch.SEND);
        }
        long at = layout != null ? layout.address : 0L;
        long displsAt = layout != null ? layout.at(1, c.remoteSize()) : 0L;
        int rc = start
            ? c.abi.jpar_igatherv(at(in), n, at(out), at, displsAt, t.code, root, c.handle,
                s.outAddress + Scratch.HANDLE)
            : c.abi.jpar_gatherv(at(in), n, at(out), at, displsAt, t.code, root, c.handle);
        return Collectives.finish(c, "gatherv", rc, in, out, total,
            layout != null ? layout.own : null, s, start);
    }

    /**
     * The root's sendbuf to the other group: rank k gets {@code counts[k]} elements from
     * {@code displs[k]} (back to back when null). Roots as in {@link #scatter}.
     */
    static Request scatterv(Intercomm c, Object sendbuf, int[] counts, int[] displs,
                            Object recvbuf, int root, boolean start) {
        boolean isRoot = root(c, "scatterv", root);
        notInPlace(recvbuf, "scatterv");
        Scratch s = Scratch.get();
        Scratch st = Collectives.staging(s, start);
        MessageBuffer in = MessageBuffer.NONE;
        MessageBuffer out = MessageBuffer.NONE;
        Collectives.Layout layout = null;
        int n = 1;
        ElementType t = ElementType.BYTE;
        if (isRoot) {
            t = ElementType.of(sendbuf, "sendbuf");
            counts = Collectives.inPrimitives(counts, sendbuf);
            displs = CollectiveArgs.layout(counts, Collectives.inPrimitives(displs, sendbuf),
                "counts", c.remoteSize());
            int total = CollectiveArgs.extent(counts, displs);
            CollectiveArgs.checkSend(sendbuf, t, total, "scatterv");
            in = MessageBuffer.in(sendbuf, t, total, st, Scratch.SEND);
            layout = new Collectives.Layout(s, start, counts, displs);
        } else if (root != Comm.PROC_NULL) {
            t = ElementType.of(recvbuf, "recvbuf");
            Buffers.checkWritable(recvbuf, "recvbuf");
            n = Buffers.count(recvbuf);
            out = MessageBuffer.out(recvbuf, t, n, st, Scratch.RECV);
        }
        long at = layout != null ? layout.address : 0L;
        long displsAt = layout != null ? layout.at(1, c.remoteSize()) : 0L;
        int rc = start
            ? c.abi.jpar_iscatterv(at(in), at, displsAt, at(out), n, t.code, root, c.handle,
                s.outAddress + Scratch.HANDLE)
            : c.abi.jpar_scatterv(at(in), at, displsAt, at(out), n, t.code, root, c.handle);
        return Collectives.finish(c, "scatterv", rc, in, out, isRoot || root == Comm.PROC_NULL
            ? 0 : n, layout != null ? layout.own : null, s, start);
    }

    /**
     * Every rank's sendbuf, of its own length, to every rank of the other group: recvbuf gets
     * their rank k's at {@code displs[k]} (back to back when null).
     */
    static Request allgatherv(Intercomm c, Object sendbuf, Object recvbuf, int[] counts,
                              int[] displs, boolean start) {
        c.checkOpen("allgatherv");
        notInPlace(sendbuf, "allgatherv");
        ElementType t = CollectiveArgs.sameType(sendbuf, recvbuf);
        boolean gaps = displs != null;
        counts = Collectives.inPrimitives(counts, recvbuf);
        displs = CollectiveArgs.layout(counts, Collectives.inPrimitives(displs, recvbuf),
            "counts", c.remoteSize());
        int n = Buffers.count(sendbuf);
        int total = CollectiveArgs.extent(counts, displs);
        CollectiveArgs.checkRecv(recvbuf, t, total, "allgatherv");
        Scratch s = Scratch.get();
        Scratch st = Collectives.staging(s, start);
        MessageBuffer in = MessageBuffer.in(sendbuf, t, n, st, Scratch.SEND);
        MessageBuffer out = Collectives.output(gaps, recvbuf, t, total, st);
        Collectives.Layout layout = new Collectives.Layout(s, start, counts, displs);
        int rc = start
            ? c.abi.jpar_iallgatherv(at(in), n, at(out), layout.address,
                layout.at(1, c.remoteSize()), t.code, c.handle, s.outAddress + Scratch.HANDLE)
            : c.abi.jpar_allgatherv(at(in), n, at(out), layout.address,
                layout.at(1, c.remoteSize()), t.code, c.handle);
        return Collectives.finish(c, "allgatherv", rc, in, out, total, layout.own, s, start);
    }

    /**
     * Block k of sendbuf, {@code sendcounts[k]} elements from {@code sdispls[k]}, to rank k of
     * the other group; as {@link Collectives#alltoallv} with one entry per rank of that group.
     */
    static Request alltoallv(Intercomm c, Object sendbuf, int[] sendcounts, int[] sdispls,
                             Object recvbuf, int[] recvcounts, int[] rdispls, boolean start) {
        notInPlace(sendbuf, "alltoallv");
        return Collectives.alltoallv(c, sendbuf, sendcounts, sdispls, recvbuf, recvcounts,
            rdispls, start);
    }

    /** {@link #alltoallv} with a type per rank of the other group, byte displacements. */
    static Request alltoallw(Intercomm c, Object sendbuf, int[] sendcounts, int[] sdispls,
                             Datatype[] sendtypes, Object recvbuf, int[] recvcounts,
                             int[] rdispls, Datatype[] recvtypes, boolean start) {
        notInPlace(sendbuf, "alltoallw");
        return Collectives.alltoallw(c, sendbuf, sendcounts, sdispls, sendtypes, recvbuf,
            recvcounts, rdispls, recvtypes, start);
    }

    /**
     * The other group's sendbufs reduced, then scattered over this group by {@code recvcounts}
     * (one entry per rank of this group): each group's sendbufs hold the sum of its counts.
     */
    static Request reduceScatter(Intercomm c, Object sendbuf, Object recvbuf, int[] recvcounts,
                                 Op op, boolean start) {
        notInPlace(sendbuf, "reduceScatter");
        return Collectives.reduceScatter(c, sendbuf, recvbuf, recvcounts, op, start);
    }

    /** {@link #reduceScatter} in blocks of recvbuf's count, sendbufs of size() blocks. */
    static Request reduceScatterBlock(Intercomm c, Object sendbuf, Object recvbuf, Op op,
                                      boolean start) {
        notInPlace(sendbuf, "reduceScatterBlock");
        return Collectives.reduceScatterBlock(c, sendbuf, recvbuf, op, start);
    }

    private static int block(int count, int blocks, String call) {
        if (count % blocks != 0) {
            throw new IllegalArgumentException(call + ": the buffer's count must divide by the"
                + " other group's size: count=" + count + ", remoteSize=" + blocks);
        }
        return count / blocks;
    }
}
