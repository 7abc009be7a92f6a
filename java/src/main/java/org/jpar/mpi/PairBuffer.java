package org.jpar.mpi;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.jpar.mpi.internal.ElementType;
import org.jpar.mpi.internal.TypedStorage;

/**
 * Value-index pairs in MPI's layout, for {@link Op#MINLOC} and {@link Op#MAXLOC}: a direct,
 * native-order buffer of {@code count} C structs {@code {value; int index;}} of one of the pair
 * types ({@link Datatype#DOUBLE_INT}, {@link Datatype#FLOAT_INT}, {@link Datatype#LONG_INT},
 * {@link Datatype#INT_INT}, {@link Datatype#SHORT_INT}). Every buffer call takes one where it
 * takes a buffer, as its type's elements:
 *
 * <pre>{@code
 * PairBuffer mine = PairBuffer.allocate(Datatype.DOUBLE_INT, 1).put(0, localMin, comm.rank());
 * PairBuffer min = PairBuffer.allocate(Datatype.DOUBLE_INT, 1);
 * comm.allreduce(mine, min, Op.MINLOC);   // min.index(0): the rank holding the smallest value
 * }</pre>
 */
public final class PairBuffer implements TypedStorage {
    private final Datatype type;
    private final ByteBuffer bytes;
    private final int count;

    private PairBuffer(Datatype type, int count) {
        this.type = type;
        this.count = count;
        this.bytes = DirectBuffers.allocate(Math.max(1, Math.multiplyExact(count, type.element.bytes)));
    }

    /**
     * {@code count} pairs of {@code type}, all zero.
     *
     * @throws NullPointerException if {@code type} is null
     * @throws IllegalArgumentException if {@code type} is not a pair type or count is negative
     */
    public static PairBuffer allocate(Datatype type, int count) {
        Objects.requireNonNull(type, "type must not be null");
        if (!type.isPair()) {
            throw new IllegalArgumentException("type must be a value-index pair type: type="
                + type);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: count=" + count);
        }
        return new PairBuffer(type, count);
    }

    /** The pair type. */
    public Datatype type() {
        return type;
    }

    /** The number of pairs. */
    public int count() {
        return count;
    }

    /**
     * Sets pair {@code i}; the value is converted to the pair's value type as a Java cast does.
     *
     * @return this buffer
     * @throws IndexOutOfBoundsException for {@code i} outside {@code [0, count)}
     */
    public PairBuffer put(int i, double value, int index) {
        int at = at(i);
        ElementType v = type.element.value;
        switch (v) {
            case DOUBLE -> bytes.putDouble(at, value);
            case FLOAT -> bytes.putFloat(at, (float) value);
            default -> putIntegral(at, v, (long) value);
        }
        bytes.putInt(at + type.element.indexOffset, index);
        return this;
    }

    /** Sets pair {@code i} with an integral value, exact for {@link Datatype#LONG_INT}. */
    public PairBuffer put(int i, long value, int index) {
        int at = at(i);
        ElementType v = type.element.value;
        switch (v) {
            case DOUBLE -> bytes.putDouble(at, value);
            case FLOAT -> bytes.putFloat(at, value);
            default -> putIntegral(at, v, value);
        }
        bytes.putInt(at + type.element.indexOffset, index);
        return this;
    }

    private void putIntegral(int at, ElementType v, long value) {
        switch (v) {
            case LONG -> bytes.putLong(at, value);
            case INT -> bytes.putInt(at, (int) value);
            default -> bytes.putShort(at, (short) value);
        }
    }

    /** Pair {@code i}'s value, widened to a double. */
    public double value(int i) {
        int at = at(i);
        return switch (type.element.value) {
            case DOUBLE -> bytes.getDouble(at);
            case FLOAT -> bytes.getFloat(at);
            default -> longValue(i);
        };
    }

    /** Pair {@code i}'s value as a long: exact for the integral pair types. */
    public long longValue(int i) {
        int at = at(i);
        return switch (type.element.value) {
            case LONG -> bytes.getLong(at);
            case INT -> bytes.getInt(at);
            case SHORT -> bytes.getShort(at);
            default -> (long) value(i);
        };
    }

    /** Pair {@code i}'s index. */
    public int index(int i) {
        return bytes.getInt(at(i) + type.element.indexOffset);
    }

    /** The pairs' memory: {@link Datatype#extent()} bytes each, native byte order. */
    public ByteBuffer buffer() {
        return bytes.duplicate().order(bytes.order());
    }

    private int at(int i) {
        Objects.checkIndex(i, count);
        return i * type.element.bytes;
    }

    @Override
    public ElementType elementType() {
        return type.element;
    }

    @Override
    public ByteBuffer storage() {
        return bytes;
    }

    @Override
    public String toString() {
        return "PairBuffer[" + type + " x " + count + "]";
    }
}
