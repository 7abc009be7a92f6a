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
        if (counts[rank] != ownCount) {
            throw new IllegalArgumentException(name + "[" + rank + "] must equal this rank's own "
                + "count: " + name + "[" + rank + "]=" + counts[rank] + ", count=" + ownCount);
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
}
