package org.jpar.mpi;

import org.jpar.mpi.internal.ElementType;

/**
 * An MPI datatype (MPI_Datatype): here, the element types of Java's buffers and arrays, which a
 * buffer call takes from the buffer itself, and which a {@link Status} counts received elements
 * in.
 */
public final class Datatype {
    /** Bytes ({@code ByteBuffer}, {@code byte[]}): MPI_INT8_T. */
    public static final Datatype BYTE = new Datatype(ElementType.BYTE);
    /** {@code short}: MPI_INT16_T. */
    public static final Datatype SHORT = new Datatype(ElementType.SHORT);
    /** {@code int}: MPI_INT32_T. */
    public static final Datatype INT = new Datatype(ElementType.INT);
    /** {@code long}: MPI_INT64_T. */
    public static final Datatype LONG = new Datatype(ElementType.LONG);
    /** {@code float}: MPI_FLOAT. */
    public static final Datatype FLOAT = new Datatype(ElementType.FLOAT);
    /** {@code double}: MPI_DOUBLE. */
    public static final Datatype DOUBLE = new Datatype(ElementType.DOUBLE);
    /** Java's {@code char}, a 16-bit unsigned integer: MPI_UINT16_T. */
    public static final Datatype CHAR = new Datatype(ElementType.CHAR);

    final ElementType element;

    private Datatype(ElementType element) {
        this.element = element;
    }

    /** The bytes of data in one element (MPI_Type_size). */
    public int size() {
        return element.bytes;
    }

    @Override
    public String toString() {
        return element.name();
    }
}
