package org.jpar.mpi;

import org.jpar.mpi.internal.ElementType;

/**
 * An MPI datatype (MPI_Datatype): here, the element types of Java's buffers and arrays, which a
 * buffer call takes from the buffer itself and a {@link Status} counts received elements in, and
 * MPI's value-index pairs for {@link Op#MINLOC} and {@link Op#MAXLOC}, which a
 * {@link PairBuffer} holds.
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
    /** A {@code double} value and an {@code int} index: MPI_DOUBLE_INT, 16 bytes apart. */
    public static final Datatype DOUBLE_INT = new Datatype(ElementType.DOUBLE_INT);
    /** A {@code float} value and an {@code int} index: MPI_FLOAT_INT, 8 bytes apart. */
    public static final Datatype FLOAT_INT = new Datatype(ElementType.FLOAT_INT);
    /** A {@code long} value and an {@code int} index: MPI_LONG_INT, 16 bytes apart. */
    public static final Datatype LONG_INT = new Datatype(ElementType.LONG_INT);
    /** An {@code int} value and an {@code int} index: MPI_2INT, 8 bytes apart. */
    public static final Datatype INT_INT = new Datatype(ElementType.INT_INT);
    /** A {@code short} value and an {@code int} index: MPI_SHORT_INT, 8 bytes apart. */
    public static final Datatype SHORT_INT = new Datatype(ElementType.SHORT_INT);

    private static final Datatype[] BY_CODE = {BYTE, SHORT, INT, LONG, FLOAT, DOUBLE, CHAR,
        DOUBLE_INT, FLOAT_INT, LONG_INT, INT_INT, SHORT_INT};

    final ElementType element;

    private Datatype(ElementType element) {
        this.element = element;
    }

    static Datatype of(ElementType element) {
        return BY_CODE[element.code];
    }

    /** The bytes of data in one element (MPI_Type_size): a pair's without its padding. */
    public int size() {
        return element.size;
    }

    /** The bytes from one element to the next in memory (MPI_Type_get_extent). */
    public int extent() {
        return element.bytes;
    }

    /** Whether this is one of MPI's value-index pair types. */
    public boolean isPair() {
        return element.isPair();
    }

    @Override
    public String toString() {
        return element.name();
    }
}
