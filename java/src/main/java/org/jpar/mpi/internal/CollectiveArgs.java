package org.jpar.mpi.internal;


/**
 * The argument checks that collectives share: element types, ops, buffer sizes and the
 * v-variants' layouts. Each throws IllegalArgumentException or NullPointerException with the
 * offending values, before any native call.
 */
public final class CollectiveArgs {
    private CollectiveArgs() {
    }

    public static ElementType sameType(Object sendbuf, Object recvbuf) {
        ElementType t = ElementType.of(sendbuf, "sendbuf");
        ElementType r = ElementType.of(recvbuf, "recvbuf");
        if (t != r) {
            throw new IllegalArgumentException("sendbuf and recvbuf must have one element type: "
                + "sendbuf=" + t.name().toLowerCase() + ", recvbuf=" + r.name().toLowerCase());
        }
        return t;
    }

    /** The receive side of a collective: writable, same type, at least {@code needed} long. */
    public static void checkRecv(Object recvbuf, ElementType t, long needed, String call) {
        checkOtherSide(recvbuf, "recvbuf", t, "sendbuf", needed, call);
        Buffers.checkWritable(recvbuf, "recvbuf");
    }

    /** The send side of a root's scatter: same type, at least {@code needed} long. */
    public static void checkSend(Object sendbuf, ElementType t, long needed, String call) {
        checkOtherSide(sendbuf, "sendbuf", t, "recvbuf", needed, call);
    }

    /** {@code buf}, named {@code name}, has type {@code t} and at least {@code needed} elements. */
    private static void checkOtherSide(Object buf, String name, ElementType t, String otherName,
                                       long needed, String call) {
        ElementType type = ElementType.of(buf, name);
        if (type != t) {
            throw new IllegalArgumentException(call + ": sendbuf and recvbuf must have one element"
                + " type: " + otherName + "=" + t.name().toLowerCase() + ", " + name + "="
                + type.name().toLowerCase());
        }
        int remaining = Buffers.count(buf);
        if (needed > remaining) {
            throw new IllegalArgumentException(call + ": count beyond " + name
                + "'s remaining elements: count=" + needed + ", remaining=" + remaining);
        }
    }

    /**
     * Checks a v-variant's counts and displacements and returns the displacements, made back
     * to back when null. This rank's own entry must equal {@code ownCount}.
     */
    public static int[] checkLayout(int[] counts, int[] displs, int ownCount, String name, int rank,
                             int size) {
        int[] d = layout(counts, displs, name, size);
        if (counts[rank] != ownCount) {
            throw new IllegalArgumentException(name + "[" + rank + "] must equal this rank's own "
                + "count: " + name + "[" + rank + "]=" + counts[rank] + ", count=" + ownCount);
        }
        return d;
    }

    /**
     * Checks counts (named {@code name}) and displacements of one entry per rank, none negative,
     * and returns the displacements, made back to back when null.
     */
    public static int[] layout(int[] counts, int[] displs, String name, int size) {
        if (counts == null) {
            throw new NullPointerException(name + " must not be null");
        }
        if (counts.length != size) {
            throw new IllegalArgumentException(name + " must have one entry per rank: length="
                + counts.length + ", size=" + size);
        }
        if (displs != null && displs.length != size) {
            throw new IllegalArgumentException("displs must have one entry per rank: length="
                + displs.length + ", size=" + size);
        }
        int[] d = displs != null ? displs : new int[size];
        long next = 0;
        for (int i = 0; i < size; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException(name + " must not be negative: " + name + "["
                    + i + "]=" + counts[i]);
            }
            if (displs == null) {
                if (next > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException(name + " add up to more than 2^31-1");
                }
                d[i] = (int) next;
                next += counts[i];
            } else if (displs[i] < 0) {
                throw new IllegalArgumentException("displs must not be negative: displs[" + i
                    + "]=" + displs[i]);
            }
        }
        return d;
    }

    /** The elements a v-variant layout spans. */
    public static int extent(int[] counts, int[] displs) {
        long end = 0;
        for (int i = 0; i < counts.length; i++) {
            end = Math.max(end, (long) displs[i] + counts[i]);
        }
        if (end > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("counts and displs reach beyond 2^31-1 elements");
        }
        return (int) end;
    }

    /**
     * The bytes an alltoallw side spans: counts of each peer's type from byte displacements.
     *
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException for a negative count or displacement, or arrays of
     *     different lengths
     */
    public static long byteExtent(int[] counts, int[] displs, org.jpar.mpi.Datatype[] types,
                                  String side) {
        if (counts == null || displs == null) {
            throw new NullPointerException(side + "counts and " + side.charAt(0)
                + "displs must not be null");
        }
        if (counts.length != types.length || displs.length != types.length) {
            throw new IllegalArgumentException(side + " counts, displacements and types must have"
                + " one entry per rank: " + counts.length + ", " + displs.length + ", "
                + types.length);
        }
        long end = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0 || displs[i] < 0) {
                throw new IllegalArgumentException(side + " counts and displacements must not be"
                    + " negative: count[" + i + "]=" + counts[i] + ", displ[" + i + "]="
                    + displs[i]);
            }
            end = Math.max(end, displs[i] + (long) counts[i] * types[i].size());
        }
        return end;
    }

    /**
     * The elements of {@code buf} (of type {@code t}) that hold {@code bytes}: the whole
     * remaining buffer must reach that far.
     */
    public static int elementsFor(long bytes, Object buf, ElementType t, String name,
                                  String call) {
        long remaining = (long) Buffers.count(buf) * t.bytes;
        if (bytes > remaining) {
            throw new IllegalArgumentException(call + ": bytes beyond " + name
                + "'s remaining bytes: bytes=" + bytes + ", remaining=" + remaining);
        }
        return (int) ((bytes + t.bytes - 1) / t.bytes);
    }
}
