package org.jpar.mpi;

import java.nio.ByteBuffer;
import org.jpar.internal.Memory;
import org.jpar.mpi.internal.Buffers;
import org.jpar.mpi.internal.CollectiveArgs;
import org.jpar.mpi.internal.ElementType;
import org.jpar.mpi.internal.MessageBuffer;
import org.jpar.mpi.internal.Scratch;
import org.jpar.mpi.internal.UserOps;

/**
 * The buffer collectives of {@link Intracomm}, each in one method for its blocking and its
 * nonblocking form: the checks, the messages and one native call. With {@code start} false
 * (a constant at each public method, so the JIT drops the other branch) heap storage and count
 * arrays are staged in the thread's {@link Scratch} and the call completes here; with
 * {@code start} true they get staging of their own, which the returned {@link Request} holds
 * until it completes.
 */
final class Collectives {
    private Collectives() {
    }

    private static boolean inPlace(Object buf) {
        return buf == Intracomm.IN_PLACE;
    }

    /** The element type of the buffer that carries the data: recvbuf when sendbuf is in place. */
    private static ElementType dataType(boolean inPlace, Object sendbuf, Object recvbuf) {
        return inPlace ? ElementType.of(recvbuf, "recvbuf") : ElementType.of(sendbuf, "sendbuf");
    }

    /** The input message, or MPI_IN_PLACE. */
    private static MessageBuffer input(boolean inPlace, Object sendbuf, ElementType t, int n,
                                       Scratch st) {
        return inPlace ? MessageBuffer.IN_PLACE : MessageBuffer.in(sendbuf, t, n, st, Scratch.SEND);
    }

    /**
     * The output message, staged in as well as out when it carries the input in place (or, with
     * {@code gaps}, when the copy back must keep what lies between blocks).
     */
    static MessageBuffer output(boolean stageIn, Object recvbuf, ElementType t, int n,
                                        Scratch st) {
        return stageIn ? MessageBuffer.in(recvbuf, t, n, st, Scratch.RECV)
            : MessageBuffer.out(recvbuf, t, n, st, Scratch.RECV);
    }

    /** A rooted collective's in-place marker belongs on the root only. */
    private static void checkRootOnly(boolean inPlace, boolean isRoot, String call, String what) {
        if (inPlace && !isRoot) {
            throw new IllegalArgumentException(call + ": IN_PLACE is the root's " + what
                + " only");
        }
    }

    /** {@code count} split into {@code size} blocks, or an exception naming the call. */
    private static int block(int count, int size, String call) {
        if (count % size != 0) {
            throw new IllegalArgumentException(call + ": recvbuf's count must divide by size: "
                + "count=" + count + ", size=" + size);
        }
        return count / size;
    }

    /** This rank's entry of a v-variant's counts, once the counts and displs are checked. */
    private static int ownCount(Intracomm c, int[] counts, int[] displs) {
        CollectiveArgs.layout(counts, displs, "counts", c.size);
        return counts[c.rank];
    }

    /** Staging for the messages: the thread's scratch, or the request's own (null). */
    static Scratch staging(Scratch s, boolean start) {
        return start ? null : s;
    }

    /** Count and displacement arrays as native ints: in the scratch, or in the request's own. */
    static final class Layout {
        final long address;
        final ByteBuffer own;

        Layout(Scratch s, boolean start, int[]... arrays) {
            if (!start) {
                address = s.layouts(arrays);
                own = null;
                return;
            }
            long ints = 0;
            for (int[] a : arrays) {
                ints += a.length;
            }
            own = DirectBuffers.allocate((int) Math.max(4, 4 * ints));
            java.nio.IntBuffer b = own.asIntBuffer();
            for (int[] a : arrays) {
                b.put(a);
            }
            address = Memory.address(own);
        }

        long at(int array, int size) {
            return address + 4L * size * array;
        }
    }

    /**
     * The end of a collective: completes a blocking one (copying {@code received} elements of
     * the output back), or returns the request that owns the messages of a started one.
     */
    static Request finish(Comm c, String call, int rc, MessageBuffer in,
                                  MessageBuffer out, int received, Object keep, Scratch s,
                                  boolean start) {
        if (start) {
            return c.startedCollective("i" + call, rc, in, out, received, keep, s);
        }
        c.complete(call, rc, in, out, received);
        UserOps.rethrow();
        return null;
    }

    static Request barrier(Intracomm c, boolean start) {
        c.checkOpen("barrier");
        if (!start) {
            c.check(c.abi.jpar_barrier(c.handle), "barrier");
            return null;
        }
        Scratch s = Scratch.get();
        return finish(c, "barrier", c.abi.jpar_ibarrier(c.handle, s.outAddress + Scratch.HANDLE),
            MessageBuffer.NONE, MessageBuffer.NONE, 0, null, s, true);
    }

    static Request bcast(Intracomm c, Object buf, int root, boolean start) {
        ElementType t = ElementType.of(buf, "buf");
        c.checkRoot("bcast", root);
        boolean isRoot = c.rank == root;
        if (!isRoot) {
            Buffers.checkWritable(buf, "buf");
        }
        Scratch s = Scratch.get();
        Scratch st = staging(s, start);
        int n = Buffers.count(buf);
        MessageBuffer m = isRoot ? MessageBuffer.in(buf, t, n, st, Scratch.RECV)
            : MessageBuffer.out(buf, t, n, st, Scratch.RECV);
        int rc = start
            ? c.abi.jpar_ibcast(m.address(), n, t.code, root, c.handle,
                s.outAddress + Scratch.HANDLE)
            : c.abi.jpar_bcast(m.address(), n, t.code, root, c.handle);
        return finish(c, "bcast", rc, null, m, isRoot ? 0 : n, null, s, start);
    }

    static Request reduce(Intracomm c, Object sendbuf, Object recvbuf, Op op, int root,
                          boolean start) {
        boolean inPlace = inPlace(sendbuf);
        ElementType t = dataType(inPlace, sendbuf, recvbuf);
        c.checkRoot("reduce", root);
        int o = Op.code(op, t, c.abi);
        boolean isRoot = c.rank == root;
        checkRootOnly(inPlace, isRoot, "reduce", "sendbuf");
        int n = Buffers.count(inPlace ? recvbuf : sendbuf);
        if (isRoot) {
            CollectiveArgs.checkRecv(recvbuf, t, n, "reduce");
        }
        Scratch s = Scratch.get();
        Scratch st = staging(s, start);
        MessageBuffer in = input(inPlace, sendbuf, t, n, st);
        MessageBuffer out = isRoot ? output(inPlace, recvbuf, t, n, st) : MessageBuffer.NONE;
        int rc = start
            ? c.abi.jpar_ireduce(in.address(), out.address(), n, t.code, o, root, c.handle,
                s.outAddress + Scratch.HANDLE)
            : c.abi.jpar_reduce(in.address(), out.address(), n, t.code, o, root, c.handle);
        return finish(c, "reduce", rc, in, out, isRoot ? n : 0, null, s, start);
    }

    static Request allreduce(Intracomm c, Object sendbuf, Object recvbuf, Op op, boolean start) {
        boolean inPlace = inPlace(sendbuf);
        ElementType t = dataType(inPlace, sendbuf, recvbuf);
        c.checkOpen("allreduce");
        int o = Op.code(op, t, c.abi);
        int n = Buffers.count(inPlace ? recvbuf : sendbuf);
        CollectiveArgs.checkRecv(recvbuf, t, n, "allreduce");
        Scratch s = Scratch.get();
        Scratch st = staging(s, start);
        MessageBuffer in = input(inPlace, sendbuf, t, n, st);
        MessageBuffer out = output(inPlace, recvbuf, t, n, st);
        int rc = start
            ? c.abi.jpar_iallreduce(in.address(), out.address(), n, t.code, o, c.handle,
                s.outAddress + Scratch.HANDLE)
            : c.abi.jpar_allreduce(in.address(), out.address(), n, t.code, o, c.handle);
        return finish(c, "allreduce", rc, in, out, n, null, s, start);
    }

    /** scan, or exscan when {@code exclusive}: rank 0's exscan output is left alone. */
    static Request prefix(Intracomm c, String call, Object sendbuf, Object recvbuf, Op op,
                          boolean exclusive, boolean start) {
        boolean inPlace = inPlace(sendbuf);
        ElementType t = dataType(inPlace, sendbuf, recvbuf);
        c.checkOpen(call);
        int o = Op.code(op, t, c.abi);
        int n = Buffers.count(inPlace ? recvbuf : sendbuf);
        CollectiveArgs.checkRecv(recvbuf, t, n, call);
        Scratch s = Scratch.get();
        Scratch st = staging(s, start);
        MessageBuffer in = input(inPlace, sendbuf, t, n, st);
        MessageBuffer out = output(inPlace, recvbuf, t, n, st);
        long req = s.outAddress + Scratch.HANDLE;
        int rc;
        if (exclusive) {
            rc = start
                ? c.abi.jpar_iexscan(in.address(), out.address(), n, t.code, o, c.handle, req)
                : c.abi.jpar_exscan(in.address(), out.address(), n, t.code, o, c.handle);
        } else {
            rc = start
                ? c.abi.jpar_iscan(in.address(), out.address(), n, t.code, o, c.handle, req)
                : c.abi.jpar_scan(in.address(), out.address(), n, t.code, o, c.handle);
        }
        return finish(c, call, rc, in, out, exclusive && c.rank == 0 ? 0 : n, null, s, start);
    }

    static Request reduceScatterBlock(Comm c, Object sendbuf, Object recvbuf, Op op,
                                      boolean start) {
        boolean inPlace = inPlace(sendbuf);
        ElementType t = ElementType.of(recvbuf, "recvbuf");
        c.checkOpen("reduceScatterBlock");
        int o = Op.code(op, t, c.abi);
        Buffers.checkWritable(recvbuf, "recvbuf");
        // In place, recvbuf holds every block and gets its own in the first.
        int n = inPlace ? block(Buffers.count(recvbuf), c.size, "reduceScatterBlock")
            : Buffers.count(recvbuf);
        if (!inPlace) {
            CollectiveArgs.checkSend(sendbuf, t, (long) n * c.size, "reduceScatterBlock");
        }
        Scratch s = Scratch.get();
        Scratch st = staging(s, start);
        MessageBuffer in = input(inPlace, sendbuf, t, n * c.size, st);
        MessageBuffer out = output(inPlace, recvbuf, t, inPlace ? n * c.size : n, st);
        int rc = start
            ? c.abi.jpar_ireduce_scatter_block(in.address(), out.address(), n, t.code, o,
                c.handle, s.outAddress + Scratch.HANDLE)
            : c.abi.jpar_reduce_scatter_block(in.address(), out.address(), n, t.code, o,
                c.handle);
        return finish(c, "reduceScatterBlock", rc, in, out, n, null, s, start);
    }

    static Request reduceScatter(Comm c, Object sendbuf, Object recvbuf, int[] recvcounts,
                                 Op op, boolean start) {
        recvcounts = inPrimitives(recvcounts, recvbuf);
        boolean inPlace = inPlace(sendbuf);
        ElementType t = dataType(inPlace, sendbuf, recvbuf);
        c.checkOpen("reduceScatter");
        int o = Op.code(op, t, c.abi);
        int total = CollectiveArgs.extent(recvcounts,
            CollectiveArgs.layout(recvcounts, null, "recvcounts", c.size));
        int mine = recvcounts[c.rank];
        if (!inPlace) {
            CollectiveArgs.checkSend(sendbuf, t, total, "reduceScatter");
        }
        CollectiveArgs.checkRecv(recvbuf, t, inPlace ? total : mine, "reduceScatter");
        Scratch s = Scratch.get();
        Scratch st = staging(s, start);
        MessageBuffer in = input(inPlace, sendbuf, t, total, st);
        MessageBuffer out = output(inPlace, recvbuf, t, inPlace ? total : mine, st);
        Layout layout = new Layout(s, start, recvcounts);
        int rc = start
            ? c.abi.jpar_ireduce_scatter(in.address(), out.address(), layout.address, t.code,
                o, c.handle, s.outAddress + Scratch.HANDLE)
            : c.abi.jpar_reduce_scatter(in.address(), out.address(), layout.address, t.code,
                o, c.handle);
        return finish(c, "reduceScatter", rc, in, out, mine, layout.own, s, start);
    }

    static Request gather(Intracomm c, Object sendbuf, Object recvbuf, int root, boolean start) {
        boolean inPlace = inPlace(sendbuf);
        ElementType t = dataType(inPlace, sendbuf, recvbuf);
        c.checkRoot("gather", root);
        boolean isRoot = c.rank == root;
        checkRootOnly(inPlace, isRoot, "gather", "sendbuf");
        int n = inPlace ? block(Buffers.count(recvbuf), c.size, "gather") : Buffers.count(sendbuf);
        if (isRoot) {
            CollectiveArgs.checkRecv(recvbuf, t, (long) n * c.size, "gather");
        }
        Scratch s = Scratch.get();
        Scratch st = staging(s, start);
        MessageBuffer in = input(inPlace, sendbuf, t, n, st);
        MessageBuffer out = isRoot ? output(inPlace, recvbuf, t, n * c.size, st)
            : MessageBuffer.NONE;
        int rc = start
            ? c.abi.jpar_igather(in.address(), n, out.address(), n, t.code, root, c.handle,
                s.outAddress + Scratch.HANDLE)
            : c.abi.jpar_gather(in.address(), n, out.address(), n, t.code, root, c.handle);
        return finish(c, "gather", rc, in, out, out.count(), null, s, start);
    }

    static Request gatherv(Intracomm c, Object sendbuf, Object recvbuf, int[] counts,
                           int[] displs, int root, boolean start) {
        counts = inPrimitives(counts, recvbuf);
        displs = inPrimitives(displs, recvbuf);
        boolean inPlace = inPlace(sendbuf);
        ElementType t = dataType(inPlace, sendbuf, recvbuf);
        c.checkRoot("gatherv", root);
        boolean isRoot = c.rank == root;
        checkRootOnly(inPlace, isRoot, "gatherv", "sendbuf");
        // Displacements may leave gaps, which the copy back into heap storage must keep; in
        // place, the root's own block is there already.
        boolean gaps = displs != null || inPlace;
        int n = inPlace ? ownCount(c, counts, displs) : Buffers.count(sendbuf);
        int total = 0;
        if (isRoot) {
            displs = CollectiveArgs.checkLayout(counts, displs, n, "counts", c.rank, c.size);
            total = CollectiveArgs.extent(counts, displs);
            CollectiveArgs.checkRecv(recvbuf, t, total, "gatherv");
        }
        Scratch s = Scratch.get();
        Scratch st = staging(s, start);
        MessageBuffer in = input(inPlace, sendbuf, t, n, st);
        MessageBuffer out = isRoot ? output(gaps, recvbuf, t, total, st) : MessageBuffer.NONE;
        Layout layout = isRoot ? new Layout(s, start, counts, displs) : null;
        long at = layout != null ? layout.address : 0L;
        long displsAt = layout != null ? layout.at(1, c.size) : 0L;
        int rc = start
            ? c.abi.jpar_igatherv(in.address(), n, out.address(), at, displsAt, t.code, root,
                c.handle, s.outAddress + Scratch.HANDLE)
            : c.abi.jpar_gatherv(in.address(), n, out.address(), at, displsAt, t.code, root,
                c.handle);
        return finish(c, "gatherv", rc, in, out, total, layout != null ? layout.own : null, s,
            start);
    }

    static Request allgather(Intracomm c, Object sendbuf, Object recvbuf, boolean start) {
        boolean inPlace = inPlace(sendbuf);
        ElementType t = dataType(inPlace, sendbuf, recvbuf);
        c.checkOpen("allgather");
        int n = inPlace ? block(Buffers.count(recvbuf), c.size, "allgather")
            : Buffers.count(sendbuf);
        CollectiveArgs.checkRecv(recvbuf, t, (long) n * c.size, "allgather");
        Scratch s = Scratch.get();
        Scratch st = staging(s, start);
        MessageBuffer in = input(inPlace, sendbuf, t, n, st);
        MessageBuffer out = output(inPlace, recvbuf, t, n * c.size, st);
        int rc = start
            ? c.abi.jpar_iallgather(in.address(), n, out.address(), n, t.code, c.handle,
                s.outAddress + Scratch.HANDLE)
            : c.abi.jpar_allgather(in.address(), n, out.address(), n, t.code, c.handle);
        return finish(c, "allgather", rc, in, out, n * c.size, null, s, start);
    }

    static Request allgatherv(Intracomm c, Object sendbuf, Object recvbuf, int[] counts,
                              int[] displs, boolean start) {
        counts = inPrimitives(counts, recvbuf);
        displs = inPrimitives(displs, recvbuf);
        boolean inPlace = inPlace(sendbuf);
        ElementType t = dataType(inPlace, sendbuf, recvbuf);
        c.checkOpen("allgatherv");
        boolean gaps = displs != null || inPlace;
        int n = inPlace ? ownCount(c, counts, displs) : Buffers.count(sendbuf);
        displs = CollectiveArgs.checkLayout(counts, displs, n, "counts", c.rank, c.size);
        int total = CollectiveArgs.extent(counts, displs);
        CollectiveArgs.checkRecv(recvbuf, t, total, "allgatherv");
        Scratch s = Scratch.get();
        Scratch st = staging(s, start);
        MessageBuffer in = input(inPlace, sendbuf, t, n, st);
        MessageBuffer out = output(gaps, recvbuf, t, total, st);
        Layout layout = new Layout(s, start, counts, displs);
        int rc = start
            ? c.abi.jpar_iallgatherv(in.address(), n, out.address(), layout.address,
                layout.at(1, c.size), t.code, c.handle, s.outAddress + Scratch.HANDLE)
            : c.abi.jpar_allgatherv(in.address(), n, out.address(), layout.address,
                layout.at(1, c.size), t.code, c.handle);
        return finish(c, "allgatherv", rc, in, out, total, layout.own, s, start);
    }

    static Request scatter(Intracomm c, Object sendbuf, Object recvbuf, int root, boolean start) {
        boolean inPlace = inPlace(recvbuf);
        ElementType t = inPlace ? ElementType.of(sendbuf, "sendbuf")
            : ElementType.of(recvbuf, "recvbuf");
        c.checkRoot("scatter", root);
        boolean isRoot = c.rank == root;
        checkRootOnly(inPlace, isRoot, "scatter", "recvbuf");
        if (!inPlace) {
            Buffers.checkWritable(recvbuf, "recvbuf");
        }
        int n = inPlace ? block(Buffers.count(sendbuf), c.size, "scatter")
            : Buffers.count(recvbuf);
        if (isRoot) {
            CollectiveArgs.checkSend(sendbuf, t, (long) n * c.size, "scatter");
        }
        Scratch s = Scratch.get();
        Scratch st = staging(s, start);
        MessageBuffer in = isRoot ? MessageBuffer.in(sendbuf, t, n * c.size, st, Scratch.SEND)
            : MessageBuffer.NONE;
        MessageBuffer out = inPlace ? MessageBuffer.IN_PLACE
            : MessageBuffer.out(recvbuf, t, n, st, Scratch.RECV);
        int rc = start
            ? c.abi.jpar_iscatter(in.address(), n, out.address(), n, t.code, root, c.handle,
                s.outAddress + Scratch.HANDLE)
            : c.abi.jpar_scatter(in.address(), n, out.address(), n, t.code, root, c.handle);
        return finish(c, "scatter", rc, in, out, inPlace ? 0 : n, null, s, start);
    }

    static Request scatterv(Intracomm c, Object sendbuf, int[] counts, int[] displs,
                            Object recvbuf, int root, boolean start) {
        counts = inPrimitives(counts, sendbuf);
        displs = inPrimitives(displs, sendbuf);
        boolean inPlace = inPlace(recvbuf);
        ElementType t = inPlace ? ElementType.of(sendbuf, "sendbuf")
            : ElementType.of(recvbuf, "recvbuf");
        c.checkRoot("scatterv", root);
        boolean isRoot = c.rank == root;
        checkRootOnly(inPlace, isRoot, "scatterv", "recvbuf");
        if (!inPlace) {
            Buffers.checkWritable(recvbuf, "recvbuf");
        }
        int n = inPlace ? ownCount(c, counts, displs) : Buffers.count(recvbuf);
        int total = 0;
        if (isRoot) {
            displs = CollectiveArgs.checkLayout(counts, displs, n, "counts", c.rank, c.size);
            total = CollectiveArgs.extent(counts, displs);
            CollectiveArgs.checkSend(sendbuf, t, total, "scatterv");
        }
        Scratch s = Scratch.get();
        Scratch st = staging(s, start);
        MessageBuffer in = isRoot ? MessageBuffer.in(sendbuf, t, total, st, Scratch.SEND)
            : MessageBuffer.NONE;
        MessageBuffer out = inPlace ? MessageBuffer.IN_PLACE
            : MessageBuffer.out(recvbuf, t, n, st, Scratch.RECV);
        Layout layout = isRoot ? new Layout(s, start, counts, displs) : null;
        long at = layout != null ? layout.address : 0L;
        long displsAt = layout != null ? layout.at(1, c.size) : 0L;
        int rc = start
            ? c.abi.jpar_iscatterv(in.address(), at, displsAt, out.address(), n, t.code, root,
                c.handle, s.outAddress + Scratch.HANDLE)
            : c.abi.jpar_scatterv(in.address(), at, displsAt, out.address(), n, t.code, root,
                c.handle);
        return finish(c, "scatterv", rc, in, out, inPlace ? 0 : n,
            layout != null ? layout.own : null, s, start);
    }

    static Request alltoall(Intracomm c, Object sendbuf, Object recvbuf, boolean start) {
        boolean inPlace = inPlace(sendbuf);
        ElementType t = dataType(inPlace, sendbuf, recvbuf);
        c.checkOpen("alltoall");
        int n = Buffers.count(inPlace ? recvbuf : sendbuf);
        if (n % c.size != 0) {
            throw new IllegalArgumentException("alltoall: sendbuf's count must divide by size: "
                + "count=" + n + ", size=" + c.size);
        }
        CollectiveArgs.checkRecv(recvbuf, t, n, "alltoall");
        Scratch s = Scratch.get();
        Scratch st = staging(s, start);
        MessageBuffer in = input(inPlace, sendbuf, t, n, st);
        MessageBuffer out = output(inPlace, recvbuf, t, n, st);
        int block = n / c.size;
        int rc = start
            ? c.abi.jpar_ialltoall(in.address(), block, out.address(), block, t.code, c.handle,
                s.outAddress + Scratch.HANDLE)
            : c.abi.jpar_alltoall(in.address(), block, out.address(), block, t.code, c.handle);
        return finish(c, "alltoall", rc, in, out, n, null, s, start);
    }

    static Request alltoallv(Comm c, Object sendbuf, int[] sendcounts, int[] sdispls,
                             Object recvbuf, int[] recvcounts, int[] rdispls, boolean start) {
        sendcounts = inPrimitives(sendcounts, sendbuf);
        sdispls = inPrimitives(sdispls, sendbuf);
        recvcounts = inPrimitives(recvcounts, recvbuf);
        rdispls = inPrimitives(rdispls, recvbuf);
        boolean inPlace = inPlace(sendbuf);
        ElementType t = dataType(inPlace, sendbuf, recvbuf);
        c.checkOpen("alltoallv");
        rdispls = CollectiveArgs.layout(recvcounts, rdispls, "recvcounts", c.peers());
        // In place, MPI ignores the send side: it sends what the receive side describes.
        if (inPlace) {
            sendcounts = recvcounts;
            sdispls = rdispls;
        }
        sdispls = CollectiveArgs.layout(sendcounts, sdispls, "sendcounts", c.peers());
        int sent = CollectiveArgs.extent(sendcounts, sdispls);
        int received = CollectiveArgs.extent(recvcounts, rdispls);
        if (!inPlace) {
            CollectiveArgs.checkSend(sendbuf, t, sent, "alltoallv");
        }
        CollectiveArgs.checkRecv(recvbuf, t, received, "alltoallv");
        Scratch s = Scratch.get();
        Scratch st = staging(s, start);
        MessageBuffer in = input(inPlace, sendbuf, t, sent, st);
        // Staged in as well as out: the copy back must keep what lies between the blocks.
        MessageBuffer out = MessageBuffer.in(recvbuf, t, received, st, Scratch.RECV);
        Layout l = new Layout(s, start, sendcounts, sdispls, recvcounts, rdispls);
        int n = c.peers();
        int rc = start
            ? c.abi.jpar_ialltoallv(in.address(), l.at(0, n), l.at(1, n), out.address(),
                l.at(2, n), l.at(3, n), t.code, c.handle, s.outAddress + Scratch.HANDLE)
            : c.abi.jpar_alltoallv(in.address(), l.at(0, n), l.at(1, n), out.address(),
                l.at(2, n), l.at(3, n), t.code, c.handle);
        return finish(c, "alltoallv", rc, in, out, received, l.own, s, start);
    }

    static Request alltoallw(Comm c, Object sendbuf, int[] sendcounts, int[] sdispls,
                             Datatype[] sendtypes, Object recvbuf, int[] recvcounts,
                             int[] rdispls, Datatype[] recvtypes, boolean start) {
        boolean inPlace = inPlace(sendbuf);
        ElementType rt = ElementType.of(recvbuf, "recvbuf");
        ElementType st = inPlace ? rt : ElementType.of(sendbuf, "sendbuf");
        Buffers.checkWritable(recvbuf, "recvbuf");
        c.checkOpen("alltoallw");
        if (inPlace) {
            sendcounts = recvcounts;
            sdispls = rdispls;
            sendtypes = recvtypes;
        }
        int[] sendTypeCodes = typeCodes(sendtypes, "sendtypes", c.peers());
        int[] recvTypeCodes = typeCodes(recvtypes, "recvtypes", c.peers());
        long sentBytes = CollectiveArgs.byteExtent(sendcounts, sdispls, sendtypes, "send");
        long receivedBytes = CollectiveArgs.byteExtent(recvcounts, rdispls, recvtypes, "recv");
        int sent = inPlace ? 0
            : CollectiveArgs.elementsFor(sentBytes, sendbuf, st, "sendbuf", "alltoallw");
        int received = CollectiveArgs.elementsFor(receivedBytes, recvbuf, rt, "recvbuf",
            "alltoallw");
        Scratch s = Scratch.get();
        Scratch staging = staging(s, start);
        MessageBuffer in = input(inPlace, sendbuf, st, sent, staging);
        MessageBuffer out = MessageBuffer.in(recvbuf, rt, received, staging, Scratch.RECV);
        Layout l = new Layout(s, start, sendcounts, sdispls, sendTypeCodes, recvcounts, rdispls,
            recvTypeCodes);
        int n = c.peers();
        int rc;
        Object keep = l.own;
        if (start) {
            ByteBuffer workspace = DirectBuffers.allocate(16 * n);
            keep = new Object[] {l.own, workspace};
            rc = c.abi.jpar_ialltoallw(in.address(), l.at(0, n), l.at(1, n), l.at(2, n),
                out.address(), l.at(3, n), l.at(4, n), l.at(5, n), c.handle,
                Memory.address(workspace), s.outAddress + Scratch.HANDLE);
        } else {
            rc = c.abi.jpar_alltoallw(in.address(), l.at(0, n), l.at(1, n), l.at(2, n),
                out.address(), l.at(3, n), l.at(4, n), l.at(5, n), c.handle);
        }
        return finish(c, "alltoallw", rc, in, out, received, keep, s, start);
    }

    /**
     * Counts or displacements in elements of {@code buf}'s type as counts of the primitives a
     * call moves: a {@link TypedBuffer}'s elements pack into that many each.
     */
    static int[] inPrimitives(int[] a, Object buf) {
        if (a == null || !(buf instanceof TypedBuffer tb) || tb.type().map.primitives == 1) {
            return a;
        }
        long k = tb.type().map.primitives;
        int[] scaled = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            scaled[i] = Math.toIntExact(a[i] * k);
        }
        return scaled;
    }

    static int[] typeCodes(Datatype[] types, String name, int size) {
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
            if (!types[i].isPredefined()) {
                throw new UnsupportedOperationException("the w-collectives take predefined types"
                    + " only; a derived type goes as a TypedBuffer in the v-collectives: " + name
                    + "[" + i + "]=" + types[i]);
            }
            codes[i] = types[i].element.code;
        }
        return codes;
    }
}
