package org.jpar.mpi;

import java.nio.ByteBuffer;
import org.jpar.internal.JparH;
import org.jpar.internal.Memory;

/**
 * What a receive or probe found.
 *
 * @param source the rank that sent the message
 * @param tag the message's tag
 * @param count the elements received (a receive), or the message's size in bytes (a probe)
 * @param bytes the message's size in bytes
 */
public record Status(int source, int tag, int count, int bytes) {
    /** The size of a status in jpar.h's layout (JPAR_STATUS_INTS int32_t). */
    static final int BYTES = 4 * JparH.STATUS_INTS;

    /**
     * Decodes the status at {@code at} in {@code area}, in jpar.h's layout, counting in
     * {@code t}'s elements: the one place that reads that layout. Returns {@code last} when it
     * holds the same values, so a receive loop allocates nothing.
     */
    static Status read(ByteBuffer area, int at, ElementType t, Status last) {
        int source = area.getInt(at + 4 * JparH.STATUS_SOURCE);
        int tag = area.getInt(at + 4 * JparH.STATUS_TAG);
        int bytes = area.getInt(at + 4 * JparH.STATUS_BYTES);
        int count = bytes < 0 ? bytes : bytes / t.bytes;
        if (last != null && last.source == source && last.tag == tag && last.count == count
                && last.bytes == bytes) {
            return last;
        }
        return new Status(source, tag, count, bytes);
    }

    /**
     * Writes a status in jpar.h's layout at {@code address} (nothing when it is 0): how the
     * Java backends answer as the native shim does.
     */
    static void write(long address, int source, int tag, int error, long bytes) {
        if (address != 0) {
            Memory.putInt(address + 4 * JparH.STATUS_SOURCE, source);
            Memory.putInt(address + 4 * JparH.STATUS_TAG, tag);
            Memory.putInt(address + 4 * JparH.STATUS_ERROR, error);
            Memory.putInt(address + 4 * JparH.STATUS_BYTES, (int) bytes);
        }
    }

    /** The error code of the status at {@code at} in {@code area}. */
    static int error(ByteBuffer area, int at) {
        return area.getInt(at + 4 * JparH.STATUS_ERROR);
    }
}
