package org.jpar.mpi.conformance;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import org.jpar.mpi.Datatype;
import org.jpar.mpi.DirectBuffers;
import org.jpar.mpi.Intracomm;
import org.jpar.mpi.conformance.Values.Kind;
import org.jpar.mpi.conformance.Values.Type;

/** Alltoallv and alltoallw: uneven, zero and displaced blocks. */
final class AlltoallChecks {
    private AlltoallChecks() {
    }

    static void register(Map<String, Consumer<Intracomm>> checks) {
        checks.put("alltoallv_uneven_and_zero_blocks_every_kind", AlltoallChecks::alltoallv);
        checks.put("alltoallw_a_type_per_peer", AlltoallChecks::alltoallw);
        checks.put("v_variants_keep_the_gaps_of_heap_storage", AlltoallChecks::gaps);
    }

    /**
     * Rank r sends j+r%2 elements (r*100 + j*10 + k) to rank j, so some blocks are empty; the
     * receiver places them in reverse rank order with a gap of one element between blocks.
     */
    static void alltoallv(Intracomm c) {
        int size = c.size();
        int r = c.rank();
        for (Kind kind : Kind.values()) {
            int[] sendcounts = new int[size];
            int[] recvcounts = new int[size];
            for (int j = 0; j < size; j++) {
                sendcounts[j] = j + r % 2;
                recvcounts[j] = r + j % 2;
            }
            int sent = Arrays.stream(sendcounts).sum();
            Object out = Values.make(Type.INT, kind, sent);
            int at = 0;
            for (int j = 0; j < size; j++) {
                for (int k = 0; k < sendcounts[j]; k++) {
                    Values.set(out, at++, r * 100 + j * 10 + k);
                }
            }
            int[] rdispls = new int[size];
            int next = 0;
            for (int j = size - 1; j >= 0; j--) {
                rdispls[j] = next;
                next += recvcounts[j] + 1;
            }
            Object in = Values.filled(Type.INT, kind, next, i -> -1);
            c.alltoallv(out, sendcounts, null, in, recvcounts, rdispls);
            for (int j = 0; j < size; j++) {
                int from = j;
                Check.elements(in, rdispls[j], recvcounts[j], k -> from * 100 + r * 10 + k,
                    kind + " block from " + j);
                Check.equal(-1L, Values.get(in, rdispls[j] + recvcounts[j]), kind + " gap");
            }
        }
    }

    /**
     * Rank r sends rank j one value of its own type, chosen by j: an int to even ranks, a double
     * to odd ones, packed in one byte buffer; byte displacements of 8 per peer.
     */
    static void alltoallw(Intracomm c) {
        int size = c.size();
        int r = c.rank();
        ByteBuffer out = DirectBuffers.allocate(8 * size);
        int[] counts = new int[size];
        int[] displs = new int[size];
        Datatype[] sendtypes = new Datatype[size];
        Datatype[] recvtypes = new Datatype[size];
        for (int j = 0; j < size; j++) {
            counts[j] = 1;
            displs[j] = 8 * j;
            sendtypes[j] = j % 2 == 0 ? Datatype.INT : Datatype.DOUBLE;
            recvtypes[j] = r % 2 == 0 ? Datatype.INT : Datatype.DOUBLE;
            if (j % 2 == 0) {
                out.putInt(8 * j, r * 10 + j);
            } else {
                out.putDouble(8 * j, r * 10 + j + 0.5);
            }
        }
        byte[] in = new byte[8 * size];
        c.alltoallw(out, counts, displs, sendtypes, in, counts, displs, recvtypes);
        ByteBuffer got = ByteBuffer.wrap(in).order(ByteOrder.nativeOrder());
        for (int j = 0; j < size; j++) {
            if (r % 2 == 0) {
                Check.equal(j * 10 + r, got.getInt(8 * j), "int from " + j);
            } else {
                Check.equal(j * 10 + r + 0.5, got.getDouble(8 * j), "double from " + j);
            }
        }
    }

    /** Gathers one value per rank two elements apart: what lies between stays as it was. */
    static void gaps(Intracomm c) {
        int size = c.size();
        int[] counts = new int[size];
        int[] displs = new int[size];
        for (int j = 0; j < size; j++) {
            counts[j] = 1;
            displs[j] = 2 * j;
        }
        long[] all = new long[2 * size];
        Arrays.fill(all, -7);
        c.allgatherv(new long[] {c.rank()}, all, counts, displs);
        long[] atRoot = new long[2 * size];
        Arrays.fill(atRoot, -7);
        c.gatherv(new long[] {c.rank()}, atRoot, counts, displs, 0);
        for (int j = 0; j < size; j++) {
            Check.equal((long) j, all[2 * j], "allgatherv value " + j);
            Check.equal(-7L, all[2 * j + 1], "allgatherv gap " + j);
            if (c.rank() == 0) {
                Check.equal((long) j, atRoot[2 * j], "gatherv value " + j);
                Check.equal(-7L, atRoot[2 * j + 1], "gatherv gap " + j);
            }
        }
    }
}
