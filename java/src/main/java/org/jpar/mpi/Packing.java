package org.jpar.mpi;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jpar.mpi.internal.Buffers;
import org.jpar.mpi.internal.ElementType;
import org.jpar.mpi.internal.Packable;
import org.jpar.mpi.internal.TypedStorage;

/**
 * MPI_Pack, MPI_Unpack and MPI_Pack_size for {@link Comm}, done in Java on every backend: a
 * message's elements go back to back, in native byte order, in a region of bytes, which is how
 * MPI lays out a message of their datatype on one machine (the conformance suite sends packed
 * bytes and receives them as the datatype, and back). The region is a {@code ByteBuffer}'s bytes
 * from its position to its limit, or a {@code byte[]} whole; positions count from its start.
 */
final class Packing {
    private Packing() {
    }

    /** Packs {@code inbuf}'s elements into {@code outbuf} at {@code position}; returns the end. */
    static int pack(Comm c, Object inbuf, Object outbuf, int position) {
        c.checkOpen("pack");
        ElementType t = elementType(inbuf, "inbuf");
        int count = Buffers.count(inbuf);
        ByteBuffer region = region(outbuf, "outbuf");
        Buffers.checkWritable(outbuf, "outbuf");
        int bytes = bytes(count, t);
        int end = end(region, position, bytes, "pack", "outbuf has");
        boolean staged = staged(region, inbuf);
        ByteBuffer target = staged ? DirectBuffers.allocate(bytes)
            : window(region, position, bytes);
        Buffers.copy(inbuf, Buffers.position(inbuf), target, 0, count, t);
        if (staged) {
            region.put(position, target, 0, bytes);
        }
        return end;
    }

    /** Unpacks {@code outbuf}'s elements from {@code inbuf} at {@code position}; returns the end. */
    static int unpack(Comm c, Object inbuf, int position, Object outbuf) {
        c.checkOpen("unpack");
        ElementType t = elementType(outbuf, "outbuf");
        Buffers.checkWritable(outbuf, "outbuf");
        int count = Buffers.count(outbuf);
        ByteBuffer region = region(inbuf, "inbuf");
        int bytes = bytes(count, t);
        int end = end(region, position, bytes, "unpack", "inbuf holds");
        ByteBuffer source = staged(region, outbuf)
            ? DirectBuffers.allocate(bytes).put(0, region, position, bytes)
            : window(region, position, bytes);
        Buffers.copyBack(source, outbuf, t, count);
        return end;
    }

    /** The bytes {@code count} elements of {@code type} take packed. */
    static int packSize(Comm c, int count, Datatype type) {
        c.checkOpen("packSize");
        if (type == null) {
            throw new NullPointerException("type must not be null");
        }
        type.usable();
        if (count < 0) {
            throw new IllegalArgumentException("packSize: count must not be negative: count="
                + count);
        }
        long bytes = (long) count * type.size();
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("packSize: " + count + " elements of " + type
                + " take " + bytes + " bytes, more than a buffer holds");
        }
        return (int) bytes;
    }

    private static ElementType elementType(Object buf, String name) {
        if (buf instanceof TypedStorage || buf instanceof PairBuffer) {
            throw new IllegalArgumentException(name + " must be a java.nio buffer, a primitive "
                + "array or a TypedBuffer: " + name + "=" + buf);
        }
        return ElementType.of(buf, name);
    }

    private static int bytes(int count, ElementType t) {
        long bytes = (long) count * t.bytes;
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(count + " elements take " + bytes
                + " bytes, more than a buffer holds");
        }
        return (int) bytes;
    }

    /** The region of bytes a packed buffer is: from a ByteBuffer's position, or a byte[]. */
    private static ByteBuffer region(Object buf, String name) {
        if (buf == null) {
            throw new NullPointerException(name + " must not be null");
        }
        if (buf instanceof ByteBuffer b) {
            return b.slice().order(ByteOrder.nativeOrder());
        }
        if (buf instanceof byte[] a) {
            return ByteBuffer.wrap(a).order(ByteOrder.nativeOrder());
        }
        throw new IllegalArgumentException(name + " must be a ByteBuffer or a byte[]: " + name
            + "=" + (buf instanceof Buffer ? buf : buf.getClass().getName()));
    }

    private static int end(ByteBuffer region, int position, int bytes, String call, String has) {
        if (position < 0 || position > region.limit()) {
            throw new IllegalArgumentException(call + ": position must be from 0 to "
                + region.limit() + ", the region's bytes: position=" + position);
        }
        if (bytes > region.limit() - position) {
            throw new IllegalArgumentException(call + ": " + bytes + " bytes from position "
                + position + ", but " + has + " " + region.limit() + " bytes");
        }
        return position + bytes;
    }

    /**
     * Whether the elements go through direct memory of their own: a type map packs into direct
     * memory only, and a heap region has none.
     */
    private static boolean staged(ByteBuffer region, Object elements) {
        return elements instanceof Packable && !region.isDirect();
    }

    /** {@code bytes} bytes of a region from {@code position}, as a buffer of their own. */
    private static ByteBuffer window(ByteBuffer region, int position, int bytes) {
        return region.slice(position, bytes).order(ByteOrder.nativeOrder());
    }
}
