package org.jpar.mpi.internal;

import java.nio.ByteBuffer;

/**
 * A buffer argument that names its own element type over direct memory, such as a
 * {@code PairBuffer}: buffer calls take it where they take a NIO buffer. Internal to jpar.
 */
public interface TypedStorage {
    /** The element type. Internal to jpar. */
    ElementType elementType();

    /** The elements' memory: direct, from position 0, whole elements. Internal to jpar. */
    ByteBuffer storage();
}
