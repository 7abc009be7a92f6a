package org.jpar.mpi.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jpar.mpi.MpiException;
import org.jpar.mpi.binding.MpiAbi;

/**
 * Object messages: Java serialization over byte messages, as mpi4py's lowercase calls pickle.
 * Collectives first exchange lengths, with -1 marking a rank that could not serialize its value,
 * so that every rank completes the same MPI calls and the communicator stays usable.
 */
public final class ObjectMessages {
    private static final int BYTE = ElementType.BYTE.code;
    private static final int INT = ElementType.INT.code;
    private static final int FAILED = -1;

    private ObjectMessages() {
    }

    public static void send(MpiAbi abi, long comm, Object value, int dest, int tag) {
        Scratch s = Scratch.get();
        int length = ObjectCodec.write(value, s, 0);
        MpiErrors.check(abi, abi.jpar_send(s.slotAddress(Scratch.OBJECT), length, BYTE, dest,
            tag, comm), "sendObject");
    }

    /** Matched probe then receive, so that two threads receiving at once can't swap messages. */
    @SuppressWarnings("unchecked")
    public static <T> T recv(MpiAbi abi, long comm, int source, int tag) {
        Scratch s = Scratch.get();
        long message = s.outAddress + Scratch.HANDLE;
        long status = s.outAddress + Scratch.STATUS;
        MpiErrors.check(abi, abi.jpar_mprobe(source, tag, comm, message, status), "recvObject");
        int length = s.status(ElementType.BYTE).bytes();
        ByteBuffer bytes = s.slot(Scratch.OBJECT, length);
        MpiErrors.check(abi, abi.jpar_mrecv(s.slotAddress(Scratch.OBJECT), length, BYTE,
            message, status),
            "recvObject");
        return (T) ObjectCodec.read(bytes, 0, length, "recvObject");
    }

    @SuppressWarnings("unchecked")
    public static <T> T bcast(MpiAbi abi, long comm, int rank, T value, int root) {
        Scratch s = Scratch.get();
        boolean isRoot = rank == root;
        RuntimeException failure = null;
        int length = 0;
        if (isRoot) {
            try {
                length = ObjectCodec.write(value, s, 0);
            } catch (IllegalArgumentException e) {
                failure = e;
                length = FAILED;
            }
            s.out.putInt(Scratch.INT, length);
        }
        MpiErrors.check(abi, abi.jpar_bcast(s.outAddress + Scratch.INT, 1, INT, root, comm),
            "bcastObject");
        length = s.out.getInt(Scratch.INT);
        if (length == FAILED) {
            throw failure != null ? failure : peerFailed("bcastObject", List.of(root));
        }
        ByteBuffer bytes = isRoot ? null : s.slot(Scratch.OBJECT, length);
        MpiErrors.check(abi, abi.jpar_bcast(s.slotAddress(Scratch.OBJECT), length, BYTE, root,
            comm), "bcastObject");
        return isRoot ? value : (T) ObjectCodec.read(bytes, 0, length, "bcastObject");
    }

    public static <T> List<T> gather(MpiAbi abi, long comm, int rank, int size, T value,
                                     int root) {
        Scratch s = Scratch.get();
        boolean isRoot = rank == root;
        RuntimeException failure = null;
        int length;
        try {
            length = ObjectCodec.write(value, s, 0);
        } catch (IllegalArgumentException e) {
            failure = e;
            length = FAILED;
        }
        s.out.putInt(Scratch.INT, length);
        ByteBuffer lengthArea = isRoot ? s.slot(Scratch.COUNTS, 4L * size) : null;
        MpiErrors.check(abi, abi.jpar_gather(s.outAddress + Scratch.INT, 1,
            isRoot ? s.slotAddress(Scratch.COUNTS) : 0L, 1, INT, root, comm),
            "gatherObject");
        int[] lengths = isRoot ? readInts(lengthArea, size) : null;
        int[] counts = isRoot ? nonNegative(lengths) : null;
        int[] displs = isRoot ? offsets(counts) : null;
        int total = isRoot ? displs[size - 1] + counts[size - 1] : 0;
        ByteBuffer bytes = isRoot ? s.slot(Scratch.RECV, total) : null;
        long layout = isRoot ? s.layouts(counts, displs) : 0L;
        MpiErrors.check(abi, abi.jpar_gatherv(s.slotAddress(Scratch.OBJECT),
            Math.max(0, length),
            isRoot ? s.slotAddress(Scratch.RECV) : 0L, layout, layout + 4L * size, BYTE, root,
            comm), "gatherObject");
        if (failure != null) {
            throw failure;
        }
        if (!isRoot) {
            return null;
        }
        checkPeers(lengths, "gatherObject");
        return decode(bytes, counts, displs, rank, value, "gatherObject");
    }

    public static <T> List<T> allgather(MpiAbi abi, long comm, int rank, int size, T value) {
        Scratch s = Scratch.get();
        RuntimeException failure = null;
        int length;
        try {
            length = ObjectCodec.write(value, s, 0);
        } catch (IllegalArgumentException e) {
            failure = e;
            length = FAILED;
        }
        s.out.putInt(Scratch.INT, length);
        ByteBuffer lengthArea = s.slot(Scratch.COUNTS, 4L * size);
        MpiErrors.check(abi, abi.jpar_allgather(s.outAddress + Scratch.INT, 1,
            s.slotAddress(Scratch.COUNTS), 1, INT, comm), "allgatherObject");
        int[] lengths = readInts(lengthArea, size);
        int[] counts = nonNegative(lengths);
        int[] displs = offsets(counts);
        ByteBuffer bytes = s.slot(Scratch.RECV, displs[size - 1] + (long) counts[size - 1]);
        long layout = s.layouts(counts, displs);
        MpiErrors.check(abi, abi.jpar_allgatherv(s.slotAddress(Scratch.OBJECT),
            Math.max(0, length),
            s.slotAddress(Scratch.RECV), layout, layout + 4L * size, BYTE, comm),
            "allgatherObject");
        if (failure != null) {
            throw failure;
        }
        checkPeers(lengths, "allgatherObject");
        return decode(bytes, counts, displs, rank, value, "allgatherObject");
    }

    @SuppressWarnings("unchecked")
    public static <T> T scatter(MpiAbi abi, long comm, int rank, int size, List<T> values,
                                int root) {
        Scratch s = Scratch.get();
        boolean isRoot = rank == root;
        RuntimeException failure = null;
        int[] lengths = null;
        if (isRoot) {
            lengths = new int[size];
            try {
                if (values == null) {
                    throw new NullPointerException("values must not be null on the root");
                }
                if (values.size() != size) {
                    throw new IllegalArgumentException("values must have one element per rank: "
                        + "values.size()=" + values.size() + ", size=" + size);
                }
                int at = 0;
                for (int i = 0; i < size; i++) {
                    lengths[i] = ObjectCodec.write(values.get(i), s, at);
                    at += lengths[i];
                }
            } catch (IllegalArgumentException | NullPointerException e) {
                failure = e;
                Arrays.fill(lengths, FAILED);
            }
            s.slot(Scratch.COUNTS, 4L * size).asIntBuffer().put(lengths);
        }
        MpiErrors.check(abi, abi.jpar_scatter(isRoot ? s.slotAddress(Scratch.COUNTS) : 0L, 1,
            s.outAddress + Scratch.INT, 1, INT, root, comm), "scatterObject");
        int length = s.out.getInt(Scratch.INT);
        if (length == FAILED) {
            throw failure != null ? failure : peerFailed("scatterObject", List.of(root));
        }
        ByteBuffer bytes = s.slot(Scratch.RECV, length);
        long layout = isRoot ? s.layouts(lengths, offsets(lengths)) : 0L;
        MpiErrors.check(abi, abi.jpar_scatterv(isRoot ? s.slotAddress(Scratch.OBJECT) : 0L,
            layout,
            layout + 4L * size, s.slotAddress(Scratch.RECV), length, BYTE, root, comm),
            "scatterObject");
        return isRoot ? values.get(root) : (T) ObjectCodec.read(bytes, 0, length, "scatterObject");
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> decode(ByteBuffer bytes, int[] counts, int[] displs, int self,
                                      T own, String call) {
        List<T> out = new ArrayList<>(counts.length);
        for (int i = 0; i < counts.length; i++) {
            out.add(i == self ? own : (T) ObjectCodec.read(bytes, displs[i], counts[i], call));
        }
        return out;
    }

    private static void checkPeers(int[] lengths, String call) {
        List<Integer> failed = new ArrayList<>();
        for (int i = 0; i < lengths.length; i++) {
            if (lengths[i] == FAILED) {
                failed.add(i);
            }
        }
        if (!failed.isEmpty()) {
            throw peerFailed(call, failed);
        }
    }

    private static MpiException peerFailed(String call, List<Integer> ranks) {
        return new MpiException(call, "rank(s) " + ranks + " could not serialize their value",
            null);
    }

    private static int[] readInts(ByteBuffer area, int n) {
        int[] values = new int[n];
        area.asIntBuffer().get(values);
        return values;
    }

    private static int[] nonNegative(int[] lengths) {
        int[] counts = new int[lengths.length];
        for (int i = 0; i < lengths.length; i++) {
            counts[i] = Math.max(0, lengths[i]);
        }
        return counts;
    }

    private static int[] offsets(int[] counts) {
        int[] displs = new int[counts.length];
        for (int i = 1; i < counts.length; i++) {
            displs[i] = displs[i - 1] + counts[i - 1];
        }
        return displs;
    }
}
