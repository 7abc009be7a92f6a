package org.jpar.internal;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.lang.reflect.Field;
import java.nio.Buffer;

/**
 * Raw memory access through {@code sun.misc.Unsafe}, as Netty and Agrona do (on JDK 17-21; the
 * jar's {@code META-INF/versions/22} copy uses {@code java.lang.foreign}): the address of a
 * direct buffer without allocating (the {@code address} field of {@link Buffer}), and the reads,
 * writes and copies at addresses that the pure-Java backend performs in place of MPI. Internal to
 * jpar: public only so that its packages can share it; not an API.
 */
public final class Memory {
    private static final sun.misc.Unsafe UNSAFE;
    private static final long ADDRESS_OFFSET;

    static {
        sun.misc.Unsafe unsafe = null;
        long offset = -1;
        try {
            Field theUnsafe = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            theUnsafe.setAccessible(true);
            unsafe = (sun.misc.Unsafe) theUnsafe.get(null);
            offset = unsafe.objectFieldOffset(Buffer.class.getDeclaredField("address"));
        } catch (ReflectiveOperationException | RuntimeException e) {
            offset = -1;
        }
        UNSAFE = unsafe;
        ADDRESS_OFFSET = offset;
    }

    private Memory() {
    }

    /**
     * The address of element 0 of a direct buffer (not of its position). Where the field cannot
     * be read, JNA's {@code getDirectBufferPointer} answers instead, allocating a little.
     */
    public static long address(Buffer direct) {
        if (ADDRESS_OFFSET >= 0) {
            return UNSAFE.getLong(direct, ADDRESS_OFFSET);
        }
        return Pointer.nativeValue(Native.getDirectBufferPointer(direct));
    }

    /** The address of a direct buffer's element at its position, of {@code width} bytes each. */
    public static long positionAddress(Buffer direct, int width) {
        return address(direct) + (long) direct.position() * width;
    }

    /** A direct buffer over {@code bytes} bytes at {@code address}, in native byte order. */
    public static java.nio.ByteBuffer wrap(long address, int bytes) {
        return new Pointer(address).getByteBuffer(0, bytes).order(java.nio.ByteOrder.nativeOrder());
    }

    public static void copy(long from, long to, long bytes) {
        if (bytes > 0) {
            UNSAFE.copyMemory(from, to, bytes);
        }
    }

    public static void putByte(long address, byte value) {
        UNSAFE.putByte(address, value);
    }

    public static int getInt(long address) {
        return UNSAFE.getInt(address);
    }

    public static void putInt(long address, int value) {
        UNSAFE.putInt(address, value);
    }

    public static long getLong(long address) {
        return UNSAFE.getLong(address);
    }

    public static void putLong(long address, long value) {
        UNSAFE.putLong(address, value);
    }

    /**
     * Writes {@code text} as UTF-8 and a NUL at {@code address}, at most {@code max - 1} bytes of
     * it, and returns how many bytes of text it wrote.
     */
    public static int putText(long address, String text, int max) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int n = Math.min(bytes.length, max - 1);
        for (int i = 0; i < n; i++) {
            UNSAFE.putByte(address + i, bytes[i]);
        }
        UNSAFE.putByte(address + n, (byte) 0);
        return n;
    }

    public static byte getByte(long address) {
        return UNSAFE.getByte(address);
    }

    public static short getShort(long address) {
        return UNSAFE.getShort(address);
    }

    public static void putShort(long address, short value) {
        UNSAFE.putShort(address, value);
    }

    public static char getChar(long address) {
        return UNSAFE.getChar(address);
    }

    public static void putChar(long address, char value) {
        UNSAFE.putChar(address, value);
    }

    public static float getFloat(long address) {
        return UNSAFE.getFloat(address);
    }

    public static void putFloat(long address, float value) {
        UNSAFE.putFloat(address, value);
    }

    public static double getDouble(long address) {
        return UNSAFE.getDouble(address);
    }

    public static void putDouble(long address, double value) {
        UNSAFE.putDouble(address, value);
    }
}
