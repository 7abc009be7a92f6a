package org.jpar.mpi;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.jpar.mpi.internal.Buffers;
import org.jpar.internal.Memory;
import org.jpar.mpi.internal.ElementType;
import org.jpar.mpi.internal.MessageBuffer;
import org.jpar.mpi.internal.Packable;

/**
 * A buffer, a count and a datatype: a message of {@code count} elements of any datatype, as
 * mpi4py's {@code [buf, count, datatype]}. Every buffer call takes one where it takes a buffer.
 * The elements start at the buffer's position (an array's start) and lie where the datatype
 * puts them, one extent apart; they must lie within the buffer.
 *
 * <p>The call moves the elements packed back to back, in one copy each way (a receive unpacks
 * into the buffer when it completes), and counts them in the type's primitive elements: a
 * {@link Status#count()} says how many of those arrived, {@link Status#count(Datatype)} how many
 * whole elements of the type. Types whose primitives differ (a struct of an int and a double)
 * need a {@code ByteBuffer} or {@code byte[]}; the others also take a buffer or array of their
 * primitive.
 */
public final class TypedBuffer implements Packable {
    private final Object buffer;
    private final int count;
    private final Datatype type;
    /** Byte offset of the first element: the buffer's position. */
    private final long origin;
    private final int baseCount;
    /** The message {@link #inPlace} made last, and for which MPI. */
    private InPlace inPlace;

    private record InPlace(Mpi mpi, MessageBuffer message) {
    }

    private TypedBuffer(Object buffer, int count, Datatype type, long origin, int baseCount) {
        this.buffer = buffer;
        this.count = count;
        this.type = type;
        this.origin = origin;
        this.baseCount = baseCount;
    }

    /**
     * {@code count} elements of {@code type} in {@code buffer}, a NIO buffer or primitive array.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException for a negative count, a buffer of another primitive than
     *     the type's, a typed view not in native byte order, or elements that would lie outside
     *     the buffer
     * @throws IllegalStateException if the type is freed
     */
    public static TypedBuffer of(Object buffer, int count, Datatype type) {
        Objects.requireNonNull(type, "type must not be null");
        ElementType held = ElementType.of(buffer, "buffer");
        if (buffer instanceof Packable || buffer instanceof PairBuffer) {
            throw new IllegalArgumentException("buffer must be a NIO buffer or an array: "
                + buffer);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: count=" + count);
        }
        type.checkUsableInMessages();
        ElementType base = type.map.base;
        if (held != ElementType.BYTE && held != base && type.map.packedBytes() > 0) {
            throw new IllegalArgumentException("a " + type + " needs a buffer of "
                + base.name().toLowerCase() + " or bytes: buffer holds " + held.name().toLowerCase());
        }
        if (Buffers.isDirect(buffer) && held != ElementType.BYTE) {
            Buffers.address(buffer, held);
        }
        long origin = (long) Buffers.position(buffer) * held.bytes;
        long capacity = (long) (buffer instanceof Buffer b ? b.limit()
            : java.lang.reflect.Array.getLength(buffer)) * held.bytes;
        if (count > 0) {
            long step = (long) (count - 1) * type.map.extent();
            long low = origin + Math.min(0, step) + type.map.trueLb;
            long high = origin + Math.max(0, step) + type.map.trueUb;
            if (low < 0 || high > capacity) {
                throw new IllegalArgumentException(count + " elements of " + type + " span bytes "
                    + low + " to " + high + " of the buffer, which has " + capacity);
            }
            if (type.map.packedBytes() > 0 && (origin + type.map.trueLb) % held.bytes != 0) {
                throw new IllegalArgumentException("elements must start on whole "
                    + held.name().toLowerCase() + "s");
            }
        }
        long packed = Math.multiplyExact(count, type.map.primitives);
        if (packed > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("message too large: " + packed + " elements");
        }
        return new TypedBuffer(buffer, count, type, origin, (int) packed);
    }

    /** The buffer. */
    public Object buffer() {
        return buffer;
    }

    /** The elements of the type. */
    public int count() {
        return count;
    }

    /** The datatype. */
    public Datatype type() {
        return type;
    }

    /** Whether the elements lie in direct memory, where MPI can reach them in place. */
    boolean isDirect() {
        return Buffers.isDirect(buffer);
    }

    /**
     * The message MPI reads or writes in place through the type's MPI datatype: for a native
     * binding and a direct buffer, with no packing.
     */
    MessageBuffer inPlace(Mpi mpi) {
        type.checkUsableInMessages();
        // The same every time for one MPI (the elements' address is fixed): made once, so a
        // loop of calls allocates nothing.
        InPlace last = inPlace;
        if (last == null || last.mpi != mpi) {
            last = new InPlace(mpi, MessageBuffer.derived(buffer, type.map.base, count,
                type.nativeCode(mpi), Memory.address((Buffer) buffer) + origin, baseCount));
            inPlace = last;
        }
        return last.message;
    }

    @Override
    public ElementType elementType() {
        type.checkUsableInMessages();
        return type.map.base;
    }

    @Override
    public int baseCount() {
        return baseCount;
    }

    @Override
    public Object storage() {
        return buffer;
    }

    @Override
    public void pack(ByteBuffer to, int limit) {
        type.map.pack(buffer, origin, count, limit, to);
    }

    @Override
    public void unpack(ByteBuffer from, int limit) {
        type.map.unpack(from, buffer, origin, count, limit);
    }

    @Override
    public String toString() {
        return "TypedBuffer[" + count + " x " + type + " in " + buffer + "]";
    }
}
