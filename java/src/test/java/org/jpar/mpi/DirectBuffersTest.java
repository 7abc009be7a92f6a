package org.jpar.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class DirectBuffersTest {
    @Test
    void buffersStartAlignedAndHoldExactlyTheBytesAsked() {
        for (int alignment : new int[] {1, 8, 64, 4096}) {
            for (int bytes : new int[] {0, 1, 8, 1000, 1 << 20}) {
                ByteBuffer b = DirectBuffers.allocate(bytes, alignment);
                String what = "bytes=" + bytes + ", alignment=" + alignment;
                assertTrue(b.isDirect(), what);
                assertEquals(bytes, b.capacity(), what);
                assertEquals(0, b.position(), what);
                assertEquals(bytes, b.limit(), what);
                assertEquals(0, b.alignmentOffset(0, alignment), what);
                assertEquals(ByteOrder.nativeOrder(), b.order(), what);
            }
        }
    }

    @Test
    void theDefaultIsACacheLineAndTheBytesAreZeroedAndWritable() {
        ByteBuffer b = DirectBuffers.allocate(4096);
        assertEquals(0, b.alignmentOffset(0, DirectBuffers.CACHE_LINE));
        for (int i = 0; i < b.capacity(); i++) {
            assertEquals(0, b.get(i));
        }
        b.putDouble(4088, 2.5);
        assertEquals(2.5, b.getDouble(4088));
        assertThrows(IndexOutOfBoundsException.class, () -> b.put(4096, (byte) 1));
    }

    @Test
    void badSizesAndAlignmentsAreClearErrors() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DirectBuffers.allocate(-1))
            .getMessage().contains("bytes=-1"));
        for (int alignment : new int[] {0, -64, 3, 48}) {
            assertTrue(assertThrows(IllegalArgumentException.class,
                () -> DirectBuffers.allocate(8, alignment))
                .getMessage().contains("alignment=" + alignment));
        }
        assertTrue(assertThrows(IllegalArgumentException.class,
            () -> DirectBuffers.allocate(Integer.MAX_VALUE - 10))
            .getMessage().contains("Too large"));
    }
}
