package org.jpar.mpi.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jpar.internal.Memory;
import org.jpar.mpi.DirectBuffers;
import org.jpar.mpi.Status;

/**
 * Native memory that one thread reuses across calls: a small area for out-parameters (status,
 * handles, flags) and staging slots for heap data, grown on demand and never shrunk, so that
 * the steady state allocates nothing.
 */
public final class Scratch {
    /** Staging slot for what a call sends. */
    public static final int SEND = 0;
    /** Staging slot for what a call receives. */
    public static final int RECV = 1;
    /** Staging slot for count and displacement arrays. */
    public static final int COUNTS = 2;
    /** Staging slot for serialized objects. */
    public static final int OBJECT = 3;
    /**
     * Slot for text MPI writes (error strings, the processor name): its own, so that turning an
     * error into an exception leaves the statuses in the other slots intact.
     */
    public static final int TEXT = 4;
    private static final int SLOTS = 5;

    /** Offsets in the out-parameter area. */
    public static final int STATUS = 0;
    public static final int HANDLE = (STATUS + StatusLayout.BYTES + 7) & ~7;
    public static final int INT = HANDLE + 8;
    /** A second int, for calls with two int out-parameters (a flag beside an index). */
    public static final int FLAG = INT + 4;
    /** A second handle, for calls that take one handle and give another. */
    public static final int HANDLE2 = FLAG + 4;
    private static final int OUT_BYTES = 64;

    /** The largest slot: a buffer's limit, less the room {@link DirectBuffers} aligns in. */
    private static final int MAX_SLOT_BYTES = Integer.MAX_VALUE - DirectBuffers.CACHE_LINE;

    private static final ThreadLocal<Scratch> CURRENT = ThreadLocal.withInitial(Scratch::new);

    public final ByteBuffer out = ByteBuffer.allocateDirect(OUT_BYTES).order(ByteOrder.nativeOrder());
    public final long outAddress = Memory.address(out);
    private final ByteBuffer[] slots = new ByteBuffer[SLOTS];
    private final long[] slotAddresses = new long[SLOTS];

    /** The status this thread's last receive returned: see {@link #status}. */
    private Status lastStatus;

    public static Scratch get() {
        return CURRENT.get();
    }

    /** A native-order direct buffer of at least {@code bytes} bytes, positioned at 0. */
    public ByteBuffer slot(int slot, long bytes) {
        ByteBuffer b = slots[slot];
        if (b == null || b.capacity() < bytes) {
            if (bytes > MAX_SLOT_BYTES) {
                throw new IllegalArgumentException("message too large: bytes=" + bytes);
            }
            int capacity = (int) Math.max(256, Math.min(MAX_SLOT_BYTES,
                Long.highestOneBit(Math.max(1, bytes - 1)) << 1));
            // Aligned, so that staged copies on two ranks meet MPI's copy on the same cache-line
            // offset (DirectBuffers).
            b = DirectBuffers.allocate(capacity);
            slots[slot] = b;
            slotAddresses[slot] = Memory.address(b);
        }
        b.clear();
        return b;
    }

    /** Like {@link #slot}, keeping the first {@code keep} bytes of what the slot held. */
    public ByteBuffer grow(int slot, long bytes, int keep) {
        ByteBuffer old = slots[slot];
        if (old != null && old.capacity() >= bytes) {
            return old;
        }
        ByteBuffer grown = slot(slot, bytes);
        if (old != null && keep > 0) {
            grown.put(0, old, 0, keep);
        }
        return grown;
    }

    /**
     * The status in the out-parameter area, counted in {@code t}'s elements. A receive that gets
     * the same source, tag and count as this thread's previous one returns the same (immutable)
     * record: a receive loop allocates nothing even where the JIT cannot prove the status unused.
     */
    public Status status(ElementType t) {
        lastStatus = StatusLayout.read(out, STATUS, t, lastStatus);
        return lastStatus;
    }

    public long slotAddress(int slot) {
        return slotAddresses[slot];
    }

    /** Copies int arrays back to back into the counts slot, as native ints; returns its address. */
    public long layouts(int[]... arrays) {
        long ints = 0;
        for (int[] a : arrays) {
            ints += a.length;
        }
        java.nio.IntBuffer b = slot(COUNTS, 4 * ints).asIntBuffer();
        for (int[] a : arrays) {
            b.put(a);
        }
        return slotAddresses[COUNTS];
    }

    /** A call that writes at most some bytes of text at one address and its length at another. */
    @FunctionalInterface
    public interface TextCall {
        /** Returns the call's MPI error code. */
        int write(long text, long length);
    }

    /**
     * The text {@code call} writes into the text slot ({@code max} bytes at most), or null when
     * it returns an error code.
     */
    public String text(int max, TextCall call) {
        ByteBuffer text = slot(TEXT, max + 1L);
        if (call.write(slotAddresses[TEXT], outAddress + INT) != 0) {
            return null;
        }
        byte[] bytes = new byte[Math.max(0, Math.min(max, out.getInt(INT)))];
        text.get(0, bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
}
