package org.jpar.mpi;

import java.nio.ByteBuffer;
import org.jpar.internal.Memory;
import org.jpar.mpi.internal.Buffers;
import org.jpar.mpi.internal.CollectiveArgs;
import org.jpar.mpi.internal.ElementType;
import org.jpar.mpi.internal.MessageBuffer;
import org.jpar.mpi.internal.Scratch;

/**
 * The neighbour collectives of {@link Topocomm}, each once for its blocking and nonblocking
 * form, as {@link Collectives}. The receive side is staged in as well as out for heap storage:
 * a {@link Comm#PROC_NULL} neighbour leaves its block as it was.
 */
final class NeighborCollectives {
    private NeighborCollectives() {
    }

    static Request allgather(Topocomm c, Object sendbuf, Object recvbuf, boolean start) {
        ElementType t = ElementType.of(sendbuf, "sendbuf");
        c.checkOpen("neighborAllgather");
        int k = c.inDegree();
        int n = Buffers.count(sendbuf);
        CollectiveArgs.checkRecv(recvbuf, t, (long) n * k, "neighborAllgather");
        Scratch s = Scratch.get();
        Scratch st = Collectives.staging(s, start);
        MessageBuffer in = MessageBuffer.in(sendbuf, t, n, st, Scratch.SEND);
        MessageBuffer out = Collectives.output(true, recvbuf, t, n * k, st);
        int rc = start
            ? c.abi.jpar_ineighbor_allgather(in.address(), n, out.address(), n, t.code, c.handle,
                s.outAddress + Scratch.HANDLE)
            : c.abi.jpar_neighbor_allgather(in.address(), n, out.address(), n, t.code, c.handle);
        return Collectives.finish(c, "neighborAllgather", rc, in, out, n * k, null, s, start);
    }

    static Request allgatherv(Topocomm c, Object sendbuf, Object recvbuf, int[] counts,
                              int[] displs, boolean start) {
        counts = Collectives.inPrimitives(counts, recvbuf);
        displs = Collectives.inPrimitives(displs, recvbuf);
        ElementType t = ElementType.of(sendbuf, "sendbuf");
        c.checkOpen("neighborAllgatherv");
        int k = c.inDegree();
        int n = Buffers.count(sendbuf);
        displs = CollectiveArgs.layout(counts, displs, "counts", k);
        int total = CollectiveArgs.extent(counts, displs);
        CollectiveArgs.checkRecv(recvbuf, t, total, "neighborAllgatherv");
        Scratch s = Scratch.get();
        Scratch st = Collectives.staging(s, start);
        MessageBuffer in = MessageBuffer.in(sendbuf, t, n, st, Scratch.SEND);
        MessageBuffer out = Collectives.output(true, recvbuf, t, total, st);
        Collectives.Layout l = new Collectives.Layout(s, start, counts, displs);
        int rc = start
            ? c.abi.jpar_ineighbor_allgatherv(in.address(), n, out.address(), l.address,
                l.at(1, k), t.code, c.handle, s.outAddress + Scratch.HANDLE)
            : c.abi.jpar_neighbor_allgatherv(in.address(), n, out.address(), l.address,
                l.at(1, k), t.code, c.handle);
        return Collectives.finish(c, "neighborAllgatherv", rc, in, out, total, l.own, s, start);
    }

    static Request alltoall(Topocomm c, Object sendbuf, Object recvbuf, boolean start) {
        ElementType t = ElementType.of(sendbuf, "sendbuf");
        c.checkOpen("neighborAlltoall");
        int out = c.outDegree();
        int in = c.inDegree();
        int n = Buffers.count(sendbuf);
        if (out == 0 ? n != 0 : n % out != 0) {
            throw new IllegalArgumentException("neighborAlltoall: sendbuf's count must divide by"
                + " the destinations: count=" + n + ", destinations=" + out);
        }
        // With no destinations, the block length comes from the receive side.
        int block = out > 0 ? n / out : in > 0 ? Buffers.count(recvbuf) / in : 0;
        int received = block * in;
        CollectiveArgs.checkRecv(recvbuf, t, received, "neighborAlltoall");
        Scratch s = Scratch.get();
        Scratch st = Collectives.staging(s, start);
        MessageBuffer sent = MessageBuffer.in(sendbuf, t, n, st, Scratch.SEND);
        MessageBuffer got = Collectives.output(true, recvbuf, t, received, st);
        int rc = start
            ? c.abi.jpar_ineighbor_alltoall(sent.address(), block, got.address(), block, t.code,
                c.handle, s.outAddress + Scratch.HANDLE)
            : c.abi.jpar_neighbor_alltoall(sent.address(), block, got.address(), block, t.code,
                c.handle);
        return Collectives.finish(c, "neighborAlltoall", rc, sent, got, received, null, s,
            start);
    }

    static Request alltoallv(Topocomm c, Object sendbuf, int[] sendcounts, int[] sdispls,
                             Object recvbuf, int[] recvcounts, int[] rdispls, boolean start) {
        sendcounts = Collectives.inPrimitives(sendcounts, sendbuf);
        sdispls = Collectives.inPrimitives(sdispls, sendbuf);
        recvcounts = Collectives.inPrimitives(recvcounts, recvbuf);
        rdispls = Collectives.inPrimitives(rdispls, recvbuf);
        ElementType t = ElementType.of(sendbuf, "sendbuf");
        c.checkOpen("neighborAlltoallv");
        int k = c.inDegree();
        int out = c.outDegree();
        sdispls = CollectiveArgs.layout(sendcounts, sdispls, "sendcounts", out);
        rdispls = CollectiveArgs.layout(recvcounts, rdispls, "recvcounts", k);
        int sent = CollectiveArgs.extent(sendcounts, sdispls);
        int received = CollectiveArgs.extent(recvcounts, rdispls);
        CollectiveArgs.checkSend(sendbuf, t, sent, "neighborAlltoallv");
        CollectiveArgs.checkRecv(recvbuf, t, received, "neighborAlltoallv");
        Scratch s = Scratch.get();
        Scratch st = Collectives.staging(s, start);
        MessageBuffer in = MessageBuffer.in(sendbuf, t, sent, st, Scratch.SEND);
        MessageBuffer got = Collectives.output(true, recvbuf, t, received, st);
        Collectives.Layout l = new Collectives.Layout(s, start, sendcounts, sdispls, recvcounts,
            rdispls);
        int rc = start
            ? c.abi.jpar_ineighbor_alltoallv(in.address(), l.address, l.address + 4L * out,
                got.address(), l.address + 8L * out, l.address + 8L * out + 4L * k, t.code,
                c.handle, s.outAddress + Scratch.HANDLE)
            : c.abi.jpar_neighbor_alltoallv(in.address(), l.address, l.address + 4L * out,
                got.address(), l.address + 8L * out, l.address + 8L * out + 4L * k, t.code,
                c.handle);
        return Collectives.finish(c, "neighborAlltoallv", rc, in, got, received, l.own, s,
            start);
    }

    static Request alltoallw(Topocomm c, Object sendbuf, int[] sendcounts, int[] sdispls,
                             Datatype[] sendtypes, Object recvbuf, int[] recvcounts,
                             int[] rdispls, Datatype[] recvtypes, boolean start) {
        ElementType st = ElementType.of(sendbuf, "sendbuf");
        ElementType rt = ElementType.of(recvbuf, "recvbuf");
        Buffers.checkWritable(recvbuf, "recvbuf");
        c.checkOpen("neighborAlltoallw");
        int k = c.inDegree();
        int out = c.outDegree();
        int[] sendTypeCodes = Collectives.typeCodes(sendtypes, "sendtypes", out);
        int[] recvTypeCodes = Collectives.typeCodes(recvtypes, "recvtypes", k);
        long sentBytes = CollectiveArgs.byteExtent(sendcounts, sdispls, sendtypes, "send");
        long receivedBytes = CollectiveArgs.byteExtent(recvcounts, rdispls, recvtypes, "recv");
        int sent = CollectiveArgs.elementsFor(sentBytes, sendbuf, st, "sendbuf",
            "neighborAlltoallw");
        int received = CollectiveArgs.elementsFor(receivedBytes, recvbuf, rt, "recvbuf",
            "neighborAlltoallw");
        Scratch s = Scratch.get();
        Scratch staging = Collectives.staging(s, start);
        MessageBuffer in = MessageBuffer.in(sendbuf, st, sent, staging, Scratch.SEND);
        MessageBuffer got = Collectives.output(true, recvbuf, rt, received, staging);
        Collectives.Layout l = new Collectives.Layout(s, start, sendcounts, sdispls,
            sendTypeCodes, recvcounts, rdispls, recvTypeCodes);
        long send = l.address;
        long recv = l.address + 12L * out;
        int rc;
        Object keep = l.own;
        if (start) {
            ByteBuffer workspace = DirectBuffers.allocate(Math.max(16, 16 * (k + out)));
            keep = new Object[] {l.own, workspace};
            rc = c.abi.jpar_ineighbor_alltoallw(in.address(), send, send + 4L * out,
                send + 8L * out, got.address(), recv, recv + 4L * k, recv + 8L * k, c.handle,
                Memory.address(workspace), s.outAddress + Scratch.HANDLE);
        } else {
            rc = c.abi.jpar_neighbor_alltoallw(in.address(), send, send + 4L * out,
                send + 8L * out, got.address(), recv, recv + 4L * k, recv + 8L * k, c.handle);
        }
        return Collectives.finish(c, "neighborAlltoallw", rc, in, got, received, keep, s, start);
    }
}
