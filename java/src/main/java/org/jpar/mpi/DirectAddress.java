package org.jpar.mpi;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.lang.reflect.Field;
import java.nio.Buffer;

/**
 * Reads the native address of a direct buffer without allocating: the {@code address} field of
 * {@link Buffer}, read through {@code sun.misc.Unsafe} (as Netty and Agrona do). Where that field
 * cannot be read, JNA's {@code getDirectBufferPointer} is used instead, which allocates a little.
 */
final class DirectAddress {
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
            unsafe = null;
        }
        UNSAFE = unsafe;
        ADDRESS_OFFSET = offset;
    }

    private DirectAddress() {
    }

    /** The address of element 0 of a direct buffer (not of its position). */
    static long of(Buffer direct) {
        if (UNSAFE != null) {
            return UNSAFE.getLong(direct, ADDRESS_OFFSET);
        }
        return Pointer.nativeValue(Native.getDirectBufferPointer(direct));
    }
}
