package org.jpar.mpi.internal;

import java.nio.ByteBuffer;
import org.jpar.internal.JparH;
import org.jpar.internal.Memory;
import org.jpar.mpi.Status;

/**
 * jpar.h's status layout (JPAR_STATUS_*: source, tag, error, byte count, cancelled as int32_t), read into
 * a {@link Status} in one place and written by the Java backends in one. Internal to jpar:
 * public only so that its packages can share it.
 */
public final class StatusLayout {
    /** The size of one status. */
    public static final int BYTES = 4 * JparH.STATUS_INTS;

    private StatusLayout() {
    }

    /**
     * Decodes the status at {@code at} in {@code area}, counting in {@code t}'s elements. Returns
     * {@code last} when it holds the same values, so a receive loop allocates nothing.
     */
    public static Status read(ByteBuffer area, int at, ElementType t, Status last) {
        int source = area.getInt(at + 4 * JparH.STATUS_SOURCE);
        int tag = area.getInt(at + 4 * JparH.STATUS_TAG);
        int bytes = area.getInt(at + 4 * JparH.STATUS_BYTES);
        boolean cancelled = area.getInt(at + 4 * JparH.STATUS_CANCELLED) != 0;
        int count = bytes < 0 ? bytes : bytes / t.size;
        if (last != null && last.source() == source && last.tag() == tag && last.count() == count
                && last.bytes() == bytes && last.cancelled() == cancelled) {
            return last;
        }
        return new Status(source, tag, count, bytes, cancelled);
    }

    /** Sets the error code of the status at {@code address}. */
    public static void writeError(long address, int error) {
        Memory.putInt(address + 4 * JparH.STATUS_ERROR, error);
    }

    /** The error code of the status at {@code at} in {@code area}. */
    public static int error(ByteBuffer area, int at) {
        return area.getInt(at + 4 * JparH.STATUS_ERROR);
    }

    /** Writes a status at {@code address}, nothing when it is 0: how the Java backends answer. */
    public static void write(long address, int source, int tag, int error, long bytes) {
        write(address, source, tag, error, bytes, false);
    }

    /** {@link #write(long, int, int, int, long)} of a request that may have been cancelled. */
    public static void write(long address, int source, int tag, int error, long bytes,
                             boolean cancelled) {
        if (address != 0) {
            Memory.putInt(address + 4 * JparH.STATUS_CANCELLED, cancelled ? 1 : 0);
            Memory.putInt(address + 4 * JparH.STATUS_SOURCE, source);
            Memory.putInt(address + 4 * JparH.STATUS_TAG, tag);
            Memory.putInt(address + 4 * JparH.STATUS_ERROR, error);
            Memory.putInt(address + 4 * JparH.STATUS_BYTES, (int) bytes);
        }
    }
}
