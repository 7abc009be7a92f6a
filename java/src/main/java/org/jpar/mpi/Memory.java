package org.jpar.mpi;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.lang.reflect.Field;
import java.nio.Buffer;

/**
 * Raw memory access through {@code sun.misc.Unsafe}, as Netty and Agrona do: the address of a
 * direct buffer without allocating (the {@code address} field of {@link Buffer}), and the reads,
 * writes and copies at addresses that the pure-Java backend performs in place of MPI.
 */
final class Memory {
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
    static long address(Buffer direct) {
        if (ADDRESS_OFFSET >= 0) {
            return UNSAFE.getLong(direct, ADDRESS_OFFSET);
        }
        return Pointer.nativeValue(Native.getDirectBufferPointer(direct));
    }

    static void copy(long from, long to, long bytes) {
        if (bytes > 0) {
            UNSAFE.copyMemory(from, to, bytes);
        }
    }

    static void putByte(long address, byte value) {
        UNSAFE.putByte(address, value);
    }

    static int getInt(long address) {
        return UNSAFE.getInt(address);
    }

    static void putInt(long address, int value) {
        UNSAFE.putInt(address, value);
    }

    static long getLong(long address) {
        return UNSAFE.getLong(address);
    }

    static void putLong(long address, long value) {
        UNSAFE.putLong(address, value);
    }

    /** Element {@code i} of an array of {@code type} at {@code base}, widened to a long. */
    static long getIntegral(long base, int i, ElementType type) {
        long at = base + (long) i * type.bytes;
        return switch (type) {
            case BYTE -> UNSAFE.getByte(at);
            case SHORT -> UNSAFE.getShort(at);
            case INT -> UNSAFE.getInt(at);
            case LONG -> UNSAFE.getLong(at);
            case CHAR -> UNSAFE.getChar(at);
            default -> throw new IllegalArgumentException("not integral: " + type);
        };
    }

    /** Stores {@code value}, narrowed to {@code type}, as element {@code i}. */
    static void putIntegral(long base, int i, ElementType type, long value) {
        long at = base + (long) i * type.bytes;
        switch (type) {
            case BYTE -> UNSAFE.putByte(at, (byte) value);
            case SHORT -> UNSAFE.putShort(at, (short) value);
            case INT -> UNSAFE.putInt(at, (int) value);
            case LONG -> UNSAFE.putLong(at, value);
            case CHAR -> UNSAFE.putChar(at, (char) value);
            default -> throw new IllegalArgumentException("not integral: " + type);
        }
    }

    static double getFloating(long base, int i, ElementType type) {
        long at = base + (long) i * type.bytes;
        return type == ElementType.FLOAT ? UNSAFE.getFloat(at) : UNSAFE.getDouble(at);
    }

    static void putFloating(long base, int i, ElementType type, double value) {
        long at = base + (long) i * type.bytes;
        if (type == ElementType.FLOAT) {
            UNSAFE.putFloat(at, (float) value);
        } else {
            UNSAFE.putDouble(at, value);
        }
    }
}
