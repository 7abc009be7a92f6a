package org.jpar.mpi.conformance;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.jpar.mpi.Comm;
import org.jpar.mpi.Datatype;
import org.jpar.mpi.Intracomm;
import org.jpar.mpi.MpiException;
import org.jpar.mpi.Op;
import org.jpar.mpi.Prequest;
import org.jpar.mpi.Request;

/**
 * Bad input: each is a clear exception on the calling rank, after which the communicator still
 * works. Every rank makes the same mistake, as an SPMD program would.
 */
final class BadInputChecks {
    private BadInputChecks() {
    }

    static void register(Map<String, Consumer<Intracomm>> checks) {
        checks.put("bad_ranks_and_tags", BadInputChecks::ranksAndTags);
        checks.put("bad_buffers", BadInputChecks::buffers);
        checks.put("bad_collective_shapes", BadInputChecks::collectiveShapes);
        checks.put("bad_objects", BadInputChecks::objects);
        checks.put("bad_requests_and_modes", BadInputChecks::requestsAndModes);
        checks.put("bad_alltoallv_w_scan_and_reduce_scatter", BadInputChecks::moreCollectives);
        checks.put("still_usable_after_bad_input", BadInputChecks::stillUsable);
    }

    static void ranksAndTags(Intracomm c) {
        int[] buf = new int[1];
        String m = Check.raises(IllegalArgumentException.class, () -> c.send(buf, c.size(), 0),
            "dest = size").getMessage();
        Check.isTrue(m.contains("dest=" + c.size()), "message names dest: " + m);
        Check.raises(IllegalArgumentException.class, () -> c.send(buf, -5, 0), "dest < 0");
        Check.raises(IllegalArgumentException.class, () -> c.send(buf, Comm.ANY_SOURCE, 0),
            "ANY_SOURCE as dest");
        Check.raises(IllegalArgumentException.class, () -> c.recv(buf, c.size() + 3, 0), "source");
        m = Check.raises(IllegalArgumentException.class, () -> c.send(buf, 0, -2), "tag < 0")
            .getMessage();
        Check.isTrue(m.contains("tag=-2"), "message names tag: " + m);
        Check.raises(IllegalArgumentException.class, () -> c.send(buf, 0, Comm.ANY_TAG),
            "ANY_TAG on a send");
        m = Check.raises(IllegalArgumentException.class, () -> c.ssend(buf, c.size(), 0),
            "ssend to dest = size").getMessage();
        Check.isTrue(m.contains("dest=" + c.size()), "message names dest: " + m);
        Check.raises(IllegalArgumentException.class, () -> c.ssend(buf, 0, -2), "ssend tag < 0");
        if (c.tagUpperBound() < Integer.MAX_VALUE) {
            Check.raises(IllegalArgumentException.class,
                () -> c.send(buf, 0, c.tagUpperBound() + 1), "tag > MPI_TAG_UB");
        }
        Check.raises(IllegalArgumentException.class, () -> c.bcast(buf, c.size()), "root");
        Check.raises(IllegalArgumentException.class, () -> c.split(-7, 0), "negative colour");
    }

    /** The send modes, persistent requests and matched probes check like send and recv. */
    static void requestsAndModes(Intracomm c) {
        int[] buf = new int[1];
        List<IntConsumer> sends = List.of(
            d -> c.bsend(buf, d, 0), d -> c.rsend(buf, d, 0), d -> c.issend(buf, d, 0),
            d -> c.ibsend(buf, d, 0), d -> c.irsend(buf, d, 0), d -> c.sendInit(buf, d, 0),
            d -> c.ssendInit(buf, d, 0), d -> c.bsendInit(buf, d, 0), d -> c.rsendInit(buf, d, 0));
        for (var send : sends) {
            String m = Check.raises(IllegalArgumentException.class, () -> send.accept(c.size()),
                "a send mode to dest = size").getMessage();
            Check.isTrue(m.contains("dest=" + c.size()), "message names dest: " + m);
        }
        Check.raises(IllegalArgumentException.class, () -> c.recvInit(buf, c.size(), 0),
            "recvInit source");
        Check.raises(IllegalArgumentException.class, () -> c.mprobe(c.size(), 0), "mprobe source");
        Check.raises(IllegalArgumentException.class, () -> c.improbe(0, -4), "improbe tag");
        ByteBuffer readOnly = ByteBuffer.allocateDirect(8).asReadOnlyBuffer();
        Check.raises(IllegalArgumentException.class, () -> c.recvInit(readOnly, 0, 0),
            "recvInit into a read-only buffer");
        Check.raises(IllegalArgumentException.class,
            () -> c.sendrecvReplace(readOnly, 0, 0, 0, 0), "sendrecvReplace read-only");
        Check.raises(NullPointerException.class, () -> c.sendInit(null, 0, 0), "null buffer");
        Check.raises(NullPointerException.class,
            () -> Request.testAll((Request) null), "null request");
        Check.raises(NullPointerException.class,
            () -> Prequest.startAll((Prequest) null), "null prequest");
    }

    static void moreCollectives(Intracomm c) {
        int n = c.size();
        int[] ones = new int[n];
        Arrays.fill(ones, 1);
        Check.raises(IllegalArgumentException.class,
            () -> c.alltoallv(new int[n], new int[n + 1], null, new int[n], ones, null),
            "alltoallv counts of the wrong length");
        Check.raises(IllegalArgumentException.class,
            () -> c.alltoallv(new int[n], ones, null, new int[n - 1], ones, null),
            "alltoallv recvbuf too short");
        Datatype[] types = new Datatype[n];
        Check.raises(NullPointerException.class, () -> c.alltoallw(new int[n], ones, new int[n],
            types, new int[n], ones, new int[n], types), "alltoallw null types");
        Check.raises(IllegalArgumentException.class,
            () -> c.scan(new double[1], new double[1], Op.BXOR), "scan: bxor on doubles");
        Check.raises(IllegalArgumentException.class,
            () -> c.exscan(new int[2], new long[2], Op.SUM), "exscan: types differ");
        int[] negative = new int[n];
        negative[0] = -1;
        Check.raises(IllegalArgumentException.class,
            () -> c.reduceScatter(new int[n], new int[1], negative, Op.SUM),
            "reduceScatter negative count");
        Check.raises(IllegalArgumentException.class,
            () -> c.reduceScatterBlock(new int[n * 2 - 1], new int[2], Op.SUM),
            "reduceScatterBlock sendbuf too short");
    }

    static void buffers(Intracomm c) {
        Check.raises(NullPointerException.class, () -> c.send(null, 0, 0), "null buffer");
        Check.raises(NullPointerException.class, () -> c.recv(null, 0, 0), "null buffer");
        Check.raises(NullPointerException.class, () -> c.ssend(null, 0, 0), "null ssend buffer");
        String m = Check.raises(IllegalArgumentException.class, () -> c.send("text", 0, 0),
            "not a buffer").getMessage();
        Check.isTrue(m.contains("java.lang.String"), "names the class: " + m);
        m = Check.raises(IllegalArgumentException.class,
            () -> c.recv(ByteBuffer.allocateDirect(8).asReadOnlyBuffer(), 0, 0), "read-only")
            .getMessage();
        Check.isTrue(m.contains("read-only"), "says read-only: " + m);
        Check.raises(IllegalArgumentException.class,
            () -> c.irecv(DoubleBuffer.allocate(2).asReadOnlyBuffer(), 0, 0), "read-only irecv");
        DoubleBuffer bigEndian = ByteBuffer.allocateDirect(16).order(ByteOrder.BIG_ENDIAN)
            .asDoubleBuffer();
        if (ByteOrder.nativeOrder() != ByteOrder.BIG_ENDIAN) {
            Check.raises(IllegalArgumentException.class, () -> c.send(bigEndian, 0, 0),
                "a direct view in foreign byte order");
        }
    }

    static void collectiveShapes(Intracomm c) {
        int size = c.size();
        String m = Check.raises(IllegalArgumentException.class,
            () -> c.allreduce(new int[2], new double[2], Op.SUM), "type mismatch").getMessage();
        Check.isTrue(m.contains("sendbuf=int") && m.contains("recvbuf=double"), m);
        Check.raises(IllegalArgumentException.class,
            () -> c.allgather(new long[2], new int[2 * size]), "allgather type mismatch");
        m = Check.raises(IllegalArgumentException.class,
            () -> c.allgather(new int[2], new int[2 * size - 1]), "recvbuf too small").getMessage();
        Check.isTrue(m.contains("count beyond"), m);
        int[] counts = new int[size];
        java.util.Arrays.fill(counts, 1);
        counts[c.rank()] = 1;
        int[] displs = new int[size];
        displs[size - 1] = size;
        Check.raises(IllegalArgumentException.class,
            () -> c.allgatherv(new int[1], new int[size], counts, displs), "displs beyond remaining");
        Check.raises(IllegalArgumentException.class,
            () -> c.allgatherv(new int[1], new int[size], new int[size + 1]), "counts length");
        Check.raises(IllegalArgumentException.class,
            () -> c.allgatherv(new int[2], new int[2 * size], counts), "own count differs");
        Check.raises(IllegalArgumentException.class,
            () -> c.allreduce(new double[1], new double[1], Op.BAND), "bitwise op on doubles");
        Check.raises(NullPointerException.class,
            () -> c.allreduce(new int[1], new int[1], null), "null op");
        if (size > 1) {
            Check.raises(IllegalArgumentException.class,
                () -> c.alltoall(new int[size + 1], new int[size + 1]), "alltoall uneven");
        }
    }

    /** Holds a field that cannot be serialized. */
    static final class Unserializable implements Serializable {
        private static final long serialVersionUID = 1L;
        final Object inner = new Object();
    }

    static void objects(Intracomm c) {
        String m = Check.raises(IllegalArgumentException.class,
            () -> c.sendObject(new Object(), 0, 0), "not serializable").getMessage();
        Check.isTrue(m.contains("java.lang.Object"), "names the class: " + m);
        m = Check.raises(IllegalArgumentException.class,
            () -> c.sendObject(new Unserializable(), 0, 0), "nested").getMessage();
        Check.isTrue(m.contains("java.lang.Object"), "names the class: " + m);
        Check.raises(NullPointerException.class, () -> c.allreduceObject(1, null), "null op");

        int root = c.size() - 1;
        if (c.rank() == root) {
            Check.raises(IllegalArgumentException.class, () -> c.bcastObject(new Object(), root),
                "root's value not serializable");
        } else {
            m = Check.raises(MpiException.class, () -> c.bcastObject(null, root),
                "peers learn of it").getMessage();
            Check.isTrue(m.contains("[" + root + "]"), "names the root: " + m);
        }
        if (c.rank() == 0) {
            Check.raises(IllegalArgumentException.class, () -> c.allgatherObject(new Object()),
                "own value");
        } else {
            Check.raises(MpiException.class, () -> c.allgatherObject(c.rank()), "rank 0's value");
        }
        if (c.rank() == root) {
            Check.raises(IllegalArgumentException.class,
                () -> c.scatterObject(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9).subList(0, c.size() + 1), root),
                "list of the wrong size");
        } else {
            Check.raises(MpiException.class, () -> c.scatterObject(null, root), "root failed");
        }
    }

    static void stillUsable(Intracomm c) {
        long[] sum = new long[1];
        c.allreduce(new long[] {c.rank() + 1}, sum, Op.SUM);
        Check.equal((long) c.size() * (c.size() + 1) / 2, sum[0], "allreduce after bad input");
        Check.equal("ok", c.bcastObject("ok", 0), "object call after bad input");
    }
}
