package org.jpar.mpi.internal;

import java.nio.ByteBuffer;

/**
 * A buffer argument whose elements lie apart, such as a {@code TypedBuffer} of a derived
 * datatype: buffer calls take it where they take a NIO buffer, and move it as they move heap
 * storage, packed back to back into native memory. Internal to jpar.
 */
public interface Packable {
    /**
     * The element type of the packed data. Internal to jpar.
     *
     * @throws IllegalStateException if its datatype is not committed or is freed
     */
    ElementType elementType();

    /** The packed data's elements. Internal to jpar. */
    int baseCount();

    /** The memory it lies in, a NIO buffer or an array. Internal to jpar. */
    Object storage();

    /** Packs the first {@code limit} elements into {@code to}. Internal to jpar. */
    void pack(ByteBuffer to, int limit);

    /** Unpacks the first {@code limit} elements from {@code from}. Internal to jpar. */
    void unpack(ByteBuffer from, int limit);
}
