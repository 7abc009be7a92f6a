package org.jpar.mpi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Direct buffers whose first byte sits at an aligned address, in native byte order: the buffers
 * to hand to MPI for large messages. {@code ByteBuffer.allocateDirect} only promises malloc's
 * 16-byte alignment, so a sender's and a receiver's buffers often start at different offsets
 * within a cache line, and Open MPI's shared-memory copy between them runs slower (on the
 * benchmarks' machine, 12-16 % at 1 MiB, 5 % at 4 MiB; benchmarks/README.md).
 */
public final class DirectBuffers {
    /** A cache line on x86-64 and most ARM cores: what {@link #allocate(int)} aligns to. */
    public static final int CACHE_LINE = 64;

    private DirectBuffers() {
    }

    /**
     * A zeroed direct buffer of {@code bytes} bytes in native order, starting on a cache line.
     *
     * @throws IllegalArgumentException if {@code bytes} is negative or too large for a buffer
     */
    public static ByteBuffer allocate(int bytes) {
        return allocate(bytes, CACHE_LINE);
    }

    /**
     * A zeroed direct buffer of {@code bytes} bytes in native order whose address is a multiple
     * of {@code alignment}.
     *
     * @throws IllegalArgumentException if {@code bytes} is negative, {@code alignment} is not a
     * power of 2, or the two together do not fit in a buffer
     */
    public static ByteBuffer allocate(int bytes, int alignment) {
        if (bytes < 0) {
            throw new IllegalArgumentException("Must not be negative: bytes=" + bytes);
        }
        if (alignment <= 0 || Integer.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("Must be a power of 2: alignment=" + alignment);
        }
        if (bytes > Integer.MAX_VALUE - (alignment - 1)) {
            throw new IllegalArgumentException(
                "Too large for one buffer: bytes=" + bytes + ", alignment=" + alignment);
        }
        ByteBuffer raw = ByteBuffer.allocateDirect(bytes + alignment - 1);
        // alignedSlice would also round the end down; we want exactly bytes from the aligned start.
        int skip = (alignment - raw.alignmentOffset(0, alignment)) % alignment;
        return raw.position(skip).limit(skip + bytes).slice().order(ByteOrder.nativeOrder());
    }
}
