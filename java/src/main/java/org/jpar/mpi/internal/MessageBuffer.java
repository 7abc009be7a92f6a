package org.jpar.mpi.internal;

import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import org.jpar.internal.Memory;
import org.jpar.mpi.DirectBuffers;

/**
 * One buffer argument of an MPI call as MPI sees it (mpi4py's message buffer): the address MPI
 * reads or writes, the element type and count, the Java buffer kept reachable while MPI may use
 * its memory, and, for heap storage, the staging copy that is copied in before the call or back
 * after it. A direct buffer is used in place.
 *
 * <p>A blocking call makes its messages afresh and never lets them escape, so the JIT keeps
 * their fields in registers: no allocation and no stores into a long-lived object on the hot
 * path. Their heap staging is a slot of the thread's {@link Scratch}. A nonblocking
 * {@code Request} holds its message, with staging of its own, until it completes.
 */
public final class MessageBuffer {
    /** The side of a call that this rank does not take part in: no buffer, address 0. */
    public static final MessageBuffer NONE =
        new MessageBuffer(null, ElementType.BYTE, 0, 0L, null);

    /** MPI_IN_PLACE: the call finds this side's data in the other buffer. */
    public static final MessageBuffer IN_PLACE =
        new MessageBuffer(null, ElementType.BYTE, 0, org.jpar.internal.JparH.IN_PLACE, null);

    private final Object buf;
    private final ElementType type;
    private final int count;
    private final long address;
    private final ByteBuffer staging;
    /** jpar.h's type number MPI gets: the element type's, or a derived type's. */
    private final int code;
    /** The elements of {@link #type} the message holds: {@link #count} unless derived. */
    private final int elements;

    private MessageBuffer(Object buf, ElementType type, int count, long address,
                          ByteBuffer staging) {
        this(buf, type, count, address, staging, type.code, count);
    }

    private MessageBuffer(Object buf, ElementType type, int count, long address,
                          ByteBuffer staging, int code, int elements) {
        this.buf = buf;
        this.type = type;
        this.count = count;
        this.address = address;
        this.staging = staging;
        this.code = code;
        this.elements = elements;
    }

    /**
     * {@code count} elements of derived type {@code code} at {@code address}, in direct memory
     * that {@code keep} holds: MPI reads or writes them in place. They are {@code elements}
     * elements of {@code base}.
     */
    public static MessageBuffer derived(Object keep, ElementType base, int count, int code,
                                        long address, int elements) {
        return new MessageBuffer(keep, base, count, address, null, code, elements);
    }

    /**
     * {@code count} elements of {@code buf} from its position, as a call's input: heap storage
     * is copied now into slot {@code slot} of {@code scratch}, or into staging of the message's
     * own when {@code scratch} is null.
     */
    public static MessageBuffer in(Object buf, ElementType type, int count, Scratch scratch,
                                   int slot) {
        // One allocation site, the heap work out of line: the JIT inlines this into the call
        // and removes the object (no allocation, no stores) on either path.
        ByteBuffer staging = Buffers.isDirect(buf) ? null
            : stageIn(buf, type, count, scratch, slot);
        return new MessageBuffer(buf, type, count, address(buf, type, staging, scratch, slot),
            staging);
    }

    /** {@code count} elements of {@code buf} from its position, as a call's output. */
    public static MessageBuffer out(Object buf, ElementType type, int count, Scratch scratch,
                                    int slot) {
        ByteBuffer staging = Buffers.isDirect(buf) ? null : staging(type, count, scratch, slot);
        return new MessageBuffer(buf, type, count, address(buf, type, staging, scratch, slot),
            staging);
    }

    /** The buffer's own address, or its staging's: a scratch slot's is cached (no lookup). */
    private static long address(Object buf, ElementType type, ByteBuffer staging, Scratch scratch,
                                int slot) {
        return staging == null ? Buffers.address(buf, type)
            : scratch != null ? scratch.slotAddress(slot) : Memory.address(staging);
    }

    private static ByteBuffer stageIn(Object buf, ElementType type, int count, Scratch scratch,
                                      int slot) {
        ByteBuffer staging = staging(type, count, scratch, slot);
        Buffers.copy(buf, Buffers.position(buf), staging, 0, count, type);
        return staging;
    }

    private static ByteBuffer staging(ElementType type, int count, Scratch scratch, int slot) {
        long bytes = (long) count * type.bytes;
        if (scratch != null) {
            return scratch.slot(slot, bytes);
        }
        if (bytes > Integer.MAX_VALUE - DirectBuffers.CACHE_LINE) {
            throw new IllegalArgumentException("message too large: bytes=" + bytes);
        }
        return DirectBuffers.allocate((int) Math.max(1, bytes));
    }

    /** For a persistent send: copies heap storage into the staging again before a start. */
    public void restage() {
        if (staging != null) {
            Buffers.copy(buf, Buffers.position(buf), staging, 0, count, type);
        }
    }

    /** Where MPI reads or writes. */
    public long address() {
        return address;
    }

    /** The count the call passes MPI: in elements of the type {@link #typeCode()} names. */
    public int count() {
        return count;
    }

    /** The message's elements of {@link #type()}: as {@link #count()}, unless derived. */
    public int elements() {
        return elements;
    }

    /** The element type. */
    public ElementType type() {
        return type;
    }

    /** jpar.h's number of the type MPI gets. */
    public int typeCode() {
        return code;
    }

    /**
     * After the call: copies the first {@code received} elements back into heap storage (none
     * when {@code received} is 0 or negative, or for a direct buffer). The buffer stays
     * reachable until here.
     */
    public void done(int received) {
        if (staging != null && received > 0) {
            Buffers.copyBack(staging, buf, type, Math.min(count, received));
        }
        Reference.reachabilityFence(buf);
        Reference.reachabilityFence(staging);
    }

    /** After a failed call, or for an input: copies nothing; the buffer stays reachable here. */
    public void release() {
        Reference.reachabilityFence(buf);
        Reference.reachabilityFence(staging);
    }
}
