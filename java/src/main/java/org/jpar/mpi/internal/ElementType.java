package org.jpar.mpi.internal;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;

/**
 * The element types jpar moves, numbered as in jpar.h: Java's primitives, and MPI's value-index
 * pairs for MINLOC and MAXLOC, laid out as C's {@code struct {value; int index;}}.
 */
public enum ElementType {
    BYTE(0, 1, true),
    SHORT(1, 2, true),
    INT(2, 4, true),
    LONG(3, 8, true),
    FLOAT(4, 4, false),
    DOUBLE(5, 8, false),
    CHAR(6, 2, true),
    DOUBLE_INT(7, DOUBLE),
    FLOAT_INT(8, FLOAT),
    LONG_INT(9, LONG),
    INT_INT(10, INT),
    SHORT_INT(11, SHORT);

    public final int code;
    /** The stride from one element to the next in memory (MPI's extent): C's sizeof. */
    public final int bytes;
    /** The bytes of data in one element (MPI_Type_size): {@link #bytes} less a pair's padding. */
    public final int size;
    public final boolean integral;
    /** A pair's value type; null for a primitive. */
    public final ElementType value;
    /** Where a pair's int index lies. */
    public final int indexOffset;

    ElementType(int code, int bytes, boolean integral) {
        this.code = code;
        this.bytes = bytes;
        this.size = bytes;
        this.integral = integral;
        this.value = null;
        this.indexOffset = -1;
    }

    ElementType(int code, ElementType value) {
        this.code = code;
        this.value = value;
        this.integral = false;
        this.indexOffset = Math.max(value.bytes, Integer.BYTES);
        int align = Math.max(value.bytes, Integer.BYTES);
        this.bytes = (indexOffset + Integer.BYTES + align - 1) / align * align;
        this.size = value.bytes + Integer.BYTES;
    }

    /** Whether this is one of MPI's value-index pairs. */
    public boolean isPair() {
        return value != null;
    }

    /** The type with jpar.h's number {@code code}. */
    public static ElementType of(int code) {
        return values()[code];
    }

    /**
     * The element type of a NIO buffer or primitive array.
     *
     * @throws NullPointerException if {@code buf} is null
     * @throws IllegalArgumentException if it is neither
     */
    public static ElementType of(Object buf, String name) {
        if (buf == null) {
            throw new NullPointerException(name + " must not be null");
        }
        if (buf instanceof Buffer) {
            if (buf instanceof DoubleBuffer) return DOUBLE;
            if (buf instanceof ByteBuffer) return BYTE;
            if (buf instanceof IntBuffer) return INT;
            if (buf instanceof LongBuffer) return LONG;
            if (buf instanceof FloatBuffer) return FLOAT;
            if (buf instanceof ShortBuffer) return SHORT;
            if (buf instanceof CharBuffer) return CHAR;
        }
        if (buf instanceof TypedStorage t) return t.elementType();
        if (buf instanceof Packable p) return p.elementType();
        if (buf instanceof double[]) return DOUBLE;
        if (buf instanceof byte[]) return BYTE;
        if (buf instanceof int[]) return INT;
        if (buf instanceof long[]) return LONG;
        if (buf instanceof float[]) return FLOAT;
        if (buf instanceof short[]) return SHORT;
        if (buf instanceof char[]) return CHAR;
        throw new IllegalArgumentException(name + " must be a java.nio buffer or a primitive array"
            + " (use the *Object calls for objects): " + name + "=" + buf.getClass().getName());
    }
}
