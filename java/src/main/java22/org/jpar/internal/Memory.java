package org.jpar.internal;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_CHAR_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

import java.lang.foreign.MemorySegment;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.ShortBuffer;
import java.nio.IntBuffer;
import java.nio.FloatBuffer;

/**
 * Raw memory access on JDK 22 and later, through {@code java.lang.foreign} (the jar's
 * {@code META-INF/versions/22} copy of this class): JDK 24 and later warn on the first use of
 * {@code sun.misc.Unsafe}'s memory methods, which the JDK 17 copy uses. The same methods as that
 * copy; internal to jpar, not an API.
 */
public final class Memory {
    /** All of the address space: the reads and writes name absolute addresses. */
    private static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    private Memory() {
    }

    /** The address of element 0 of a direct buffer (not of its position). */
    public static long address(Buffer direct) {
        return MemorySegment.ofBuffer(direct).address() - (long) direct.position() * width(direct);
    }

    /**
     * The address of a direct buffer's element at its position, elements being {@code width}
     * bytes: where {@code MemorySegment.ofBuffer} starts.
     */
    public static long positionAddress(Buffer direct, int width) {
        return MemorySegment.ofBuffer(direct).address();
    }

    private static int width(Buffer b) {
        if (b instanceof ByteBuffer) {
            return 1;
        }
        if (b instanceof CharBuffer || b instanceof ShortBuffer) {
            return 2;
        }
        return b instanceof IntBuffer || b instanceof FloatBuffer ? 4 : 8;
    }

    /** A direct buffer over {@code bytes} bytes at {@code address}, in native byte order. */
    public static ByteBuffer wrap(long address, int bytes) {
        return ALL.asSlice(address, bytes).asByteBuffer().order(java.nio.ByteOrder.nativeOrder());
    }

    public static void copy(long from, long to, long bytes) {
        if (bytes > 0) {
            MemorySegment.copy(ALL, from, ALL, to, bytes);
        }
    }

    public static void putByte(long address, byte value) {
        ALL.set(JAVA_BYTE, address, value);
    }

    public static int getInt(long address) {
        return ALL.get(JAVA_INT_UNALIGNED, address);
    }

    public static void putInt(long address, int value) {
        ALL.set(JAVA_INT_UNALIGNED, address, value);
    }

    public static long getLong(long address) {
        return ALL.get(JAVA_LONG_UNALIGNED, address);
    }

    public static void putLong(long address, long value) {
        ALL.set(JAVA_LONG_UNALIGNED, address, value);
    }

    /**
     * Writes {@code text} as UTF-8 and a NUL at {@code address}, at most {@code max - 1} bytes of
     * it, and returns how many bytes of text it wrote.
     */
    public static int putText(long address, String text, int max) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int n = Math.min(bytes.length, max - 1);
        MemorySegment.copy(bytes, 0, ALL, JAVA_BYTE, address, n);
        ALL.set(JAVA_BYTE, address + n, (byte) 0);
        return n;
    }

    public static byte getByte(long address) {
        return ALL.get(JAVA_BYTE, address);
    }

    public static short getShort(long address) {
        return ALL.get(JAVA_SHORT_UNALIGNED, address);
    }

    public static void putShort(long address, short value) {
        ALL.set(JAVA_SHORT_UNALIGNED, address, value);
    }

    public static char getChar(long address) {
        return ALL.get(JAVA_CHAR_UNALIGNED, address);
    }

    public static void putChar(long address, char value) {
        ALL.set(JAVA_CHAR_UNALIGNED, address, value);
    }

    public static float getFloat(long address) {
        return ALL.get(JAVA_FLOAT_UNALIGNED, address);
    }

    public static void putFloat(long address, float value) {
        ALL.set(JAVA_FLOAT_UNALIGNED, address, value);
    }

    public static double getDouble(long address) {
        return ALL.get(JAVA_DOUBLE_UNALIGNED, address);
    }

    public static void putDouble(long address, double value) {
        ALL.set(JAVA_DOUBLE_UNALIGNED, address, value);
    }
}
