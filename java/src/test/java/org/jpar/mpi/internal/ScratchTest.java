package org.jpar.mpi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jpar.mpi.DirectBuffers;
import org.jpar.mpi.Status;
import org.junit.jupiter.api.Test;

class ScratchTest {
    private static void receive(Scratch s, int source, int tag, int bytes) {
        s.out.putInt(Scratch.STATUS, source).putInt(Scratch.STATUS + 4, tag)
            .putInt(Scratch.STATUS + 8, 0).putInt(Scratch.STATUS + 12, bytes);
    }

    @Test
    void aRepeatedStatusIsTheSameRecordAndAChangedOneIsNew() {
        Scratch s = new Scratch();
        receive(s, 1, 7, 64);
        Status first = s.status(ElementType.DOUBLE);
        assertEquals(new Status(1, 7, 8, 64), first);
        receive(s, 1, 7, 64);
        assertSame(first, s.status(ElementType.DOUBLE));

        // Same bytes, other element type: another count, so another record.
        Status asInts = s.status(ElementType.INT);
        assertEquals(new Status(1, 7, 16, 64), asInts);
        for (int[] change : new int[][] {{2, 7, 64}, {2, 8, 64}, {2, 8, 32}}) {
            receive(s, change[0], change[1], change[2]);
            Status next = s.status(ElementType.INT);
            assertEquals(new Status(change[0], change[1], change[2] / 4, change[2]), next);
            assertNotSame(asInts, next);
            asInts = next;
        }
    }

    @Test
    void stagingSlotsStartOnACacheLineAndGrowToFit() {
        Scratch s = new Scratch();
        for (long bytes : new long[] {1, 300, 100_000, 1 << 20}) {
            java.nio.ByteBuffer slot = s.slot(Scratch.SEND, bytes);
            assertTrue(slot.capacity() >= bytes);
            assertEquals(0, slot.alignmentOffset(0, DirectBuffers.CACHE_LINE));
        }
    }
}
