package org.jpar.mpi.internal;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import org.jpar.internal.Memory;

/**
 * The buffer convention, in one place. A call uses a NIO buffer's elements from position to
 * limit and leaves the position alone, like NIO's absolute bulk operations; it uses a primitive
 * array whole. A direct buffer's memory goes to MPI as it is; heap storage is copied once
 * through native memory.
 */
public final class Buffers {
    private Buffers() {
    }

    /** The number of elements a call uses. */
    public static int count(Object buf) {
        if (buf instanceof Buffer b) {
            return b.remaining();
        }
        if (buf instanceof TypedStorage t) {
            return t.storage().capacity() / t.elementType().bytes;
        }
        if (buf instanceof Packable p) {
            return p.baseCount();
        }
        return java.lang.reflect.Array.getLength(buf);
    }

    public static boolean isDirect(Object buf) {
        return buf instanceof Buffer b ? b.isDirect() : buf instanceof TypedStorage;
    }

    /** Rejects what MPI must not write into. */
    public static void checkWritable(Object buf, String name) {
        if (buf instanceof Packable p) {
            buf = p.storage();
        }
        if (buf instanceof Buffer && ((Buffer) buf).isReadOnly()) {
            throw new IllegalArgumentException(
                name + " is read-only and cannot receive: " + name + "=" + buf);
        }
    }

    /** The address of a direct buffer's element at its position, for MPI to use in place. */
    public static long address(Object buf, ElementType type) {
        if (buf instanceof TypedStorage t) {
            return Memory.address(t.storage());
        }
        Buffer b = (Buffer) buf;
        checkNativeOrder(b, type);
        return Memory.positionAddress(b, type.bytes);
    }

    /** Copies {@code count} elements from native-order bytes back into heap storage. */
    public static void copyBack(ByteBuffer from, Object buf, ElementType type, int count) {
        if (buf instanceof Packable p) {
            p.unpack(from, count);
            return;
        }
        copyOut(from, 0, buf, position(buf), type, count);
    }

    /** Copies {@code count} elements of heap storage from {@code at} into native-order bytes. */
    public static void copy(Object buf, int at, ByteBuffer to, int toIndex, int count, ElementType type) {
        if (buf instanceof Packable p) {
            p.pack(to, count);
            return;
        }
        int i = toIndex;
        switch (type) {
            case BYTE -> {
                if (buf instanceof byte[] a) to.put(i, a, at, count);
                else to.put(i, (ByteBuffer) buf, at, count);
            }
            case SHORT -> {
                ShortBuffer dst = to.asShortBuffer();
                if (buf instanceof short[] a) dst.put(i, a, at, count);
                else dst.put(i, (ShortBuffer) buf, at, count);
            }
            case INT -> {
                IntBuffer dst = to.asIntBuffer();
                if (buf instanceof int[] a) dst.put(i, a, at, count);
                else dst.put(i, (IntBuffer) buf, at, count);
            }
            case LONG -> {
                LongBuffer dst = to.asLongBuffer();
                if (buf instanceof long[] a) dst.put(i, a, at, count);
                else dst.put(i, (LongBuffer) buf, at, count);
            }
            case FLOAT -> {
                FloatBuffer dst = to.asFloatBuffer();
                if (buf instanceof float[] a) dst.put(i, a, at, count);
                else dst.put(i, (FloatBuffer) buf, at, count);
            }
            case DOUBLE -> {
                DoubleBuffer dst = to.asDoubleBuffer();
                if (buf instanceof double[] a) dst.put(i, a, at, count);
                else dst.put(i, (DoubleBuffer) buf, at, count);
            }
            case CHAR -> {
                CharBuffer dst = to.asCharBuffer();
                if (buf instanceof char[] a) dst.put(i, a, at, count);
                else dst.put(i, (CharBuffer) buf, at, count);
            }
        }
    }

    /**
     * Copies {@code bytes} bytes between heap storage, from byte {@code at} of it (a multiple of
     * its element's width), and {@code packed} from byte {@code packedAt}: into {@code packed}
     * when {@code pack}, out of it otherwise.
     */
    static void moveHeap(Object buf, long at, ByteBuffer packed, long packedAt, long bytes,
                         boolean pack) {
        ElementType t = ElementType.of(buf, "buf");
        int w = t.bytes;
        int from = Math.toIntExact(at / w);
        int to = Math.toIntExact(packedAt / w);
        int count = Math.toIntExact(bytes / w);
        if (pack) {
            copy(buf, from, packed, to, count, t);
        } else {
            copyOut(packed, to, buf, from, t, count);
        }
    }

    /**
     * Copies {@code count} elements of native-order bytes, from element {@code fromIndex} of
     * {@code from}, into heap storage from element {@code at}.
     */
    private static void copyOut(ByteBuffer from, int fromIndex, Object buf, int at, ElementType type,
                                int count) {
        switch (type) {
            case BYTE -> {
                if (buf instanceof byte[] a) from.get(fromIndex, a, at, count);
                else ((ByteBuffer) buf).put(at, from, fromIndex, count);
            }
            case SHORT -> {
                if (buf instanceof short[] a) from.asShortBuffer().get(fromIndex, a, at, count);
                else ((ShortBuffer) buf).put(at, from.asShortBuffer(), fromIndex, count);
            }
            case INT -> {
                if (buf instanceof int[] a) from.asIntBuffer().get(fromIndex, a, at, count);
                else ((IntBuffer) buf).put(at, from.asIntBuffer(), fromIndex, count);
            }
            case LONG -> {
                if (buf instanceof long[] a) from.asLongBuffer().get(fromIndex, a, at, count);
                else ((LongBuffer) buf).put(at, from.asLongBuffer(), fromIndex, count);
            }
            case FLOAT -> {
                if (buf instanceof float[] a) from.asFloatBuffer().get(fromIndex, a, at, count);
                else ((FloatBuffer) buf).put(at, from.asFloatBuffer(), fromIndex, count);
            }
            case DOUBLE -> {
                if (buf instanceof double[] a) from.asDoubleBuffer().get(fromIndex, a, at, count);
                else ((DoubleBuffer) buf).put(at, from.asDoubleBuffer(), fromIndex, count);
            }
            case CHAR -> {
                if (buf instanceof char[] a) from.asCharBuffer().get(fromIndex, a, at, count);
                else ((CharBuffer) buf).put(at, from.asCharBuffer(), fromIndex, count);
            }
            default -> throw new IllegalArgumentException("no heap storage of " + type);
        }
    }

    /** Where a call starts reading or writing: a buffer's position, an array's start. */
    public static int position(Object buf) {
        return buf instanceof Buffer ? ((Buffer) buf).position() : 0;
    }

    /** A typed view in foreign byte order would hand MPI byte-swapped values. */
    private static void checkNativeOrder(Buffer b, ElementType type) {
        if (type != ElementType.BYTE && order(b) != ByteOrder.nativeOrder()) {
            throw new IllegalArgumentException("a direct " + type.name().toLowerCase()
                + " buffer must be in native byte order (ByteBuffer.order(ByteOrder.nativeOrder())"
                + " before asXxxBuffer()): order=" + order(b));
        }
    }

    private static ByteOrder order(Buffer b) {
        if (b instanceof ShortBuffer s) return s.order();
        if (b instanceof IntBuffer s) return s.order();
        if (b instanceof LongBuffer s) return s.order();
        if (b instanceof FloatBuffer s) return s.order();
        if (b instanceof DoubleBuffer s) return s.order();
        if (b instanceof CharBuffer s) return s.order();
        return ByteOrder.nativeOrder();
    }
}
