package org.jpar.mpi.internal;

import java.nio.ByteBuffer;
import org.jpar.internal.Memory;
import org.jpar.mpi.DirectBuffers;

/**
 * One buffer argument of an MPI call as MPI sees it (mpi4py's message buffer): the address MPI
 * reads or writes, the element type and count, the Java buffer kept reachable while MPI may use
 * its memory, and, for heap storage, the staging copy that is copied in before the call or back
 * after it. A direct buffer is used in place.
 *
 * <p>Each thread reuses two of these for blocking calls ({@link Scratch#send},
 * {@link Scratch#recv}), staged in its scratch slots, so a blocking call allocates nothing; a
 * nonblocking {@link Request} owns its own, with staging it keeps until it completes.
 */
public final class MessageBuffer {
    private final Scratch scratch;
    private final int slot;
    private Object buf;
    private ElementType type;
    private int count;
    private long address;
    private ByteBuffer staging;

    /** A message staged in {@code slot} of this thread's scratch. */
    public MessageBuffer(Scratch scratch, int slot) {
        this.scratch = scratch;
        this.slot = slot;
    }

    /** A message with staging of its own, for a request that outlives the call. */
    public static MessageBuffer owned() {
        return new MessageBuffer(null, -1);
    }

    /**
     * Takes {@code count} elements of {@code buf} from its position, as a call's input: heap
     * storage is copied into staging now.
     */
    public MessageBuffer in(Object buf, ElementType type, int count) {
        set(buf, type, count);
        if (staging != null) {
            Buffers.copy(buf, Buffers.position(buf), staging, 0, count, type);
        }
        return this;
    }

    /** Takes {@code count} elements of {@code buf} from its position, as a call's output. */
    public MessageBuffer out(Object buf, ElementType type, int count) {
        set(buf, type, count);
        return this;
    }

    /** No buffer: the side of a call that this rank does not take part in (address 0). */
    public MessageBuffer none() {
        buf = null;
        type = ElementType.BYTE;
        count = 0;
        address = 0L;
        staging = null;
        return this;
    }

    private void set(Object buf, ElementType type, int count) {
        this.buf = buf;
        this.type = type;
        this.count = count;
        if (Buffers.isDirect(buf)) {
            staging = null;
            address = Buffers.address(buf, type);
        } else {
            long bytes = (long) count * type.bytes;
            staging = scratch != null ? scratch.slot(slot, bytes) : DirectBuffers.allocate(
                (int) Math.max(1, Math.min(Integer.MAX_VALUE - DirectBuffers.CACHE_LINE, bytes)));
            address = Memory.address(staging);
        }
    }

    public long address() {
        return address;
    }

    public int count() {
        return count;
    }

    public ElementType type() {
        return type;
    }

    public int typeCode() {
        return type.code;
    }

    /**
     * After the call: copies the first {@code received} elements back into heap storage (none
     * when {@code received} is 0 or negative, or for a direct buffer) and lets go of the buffer.
     */
    public void done(int received) {
        Object target = buf;
        ByteBuffer copy = staging;
        buf = null;
        staging = null;
        if (copy != null && received > 0) {
            Buffers.copyBack(copy, target, type, Math.min(count, received));
        }
    }

    /** After a failed call, or for an input: lets go of the buffer, copying nothing. */
    public void release() {
        buf = null;
        staging = null;
    }
}
