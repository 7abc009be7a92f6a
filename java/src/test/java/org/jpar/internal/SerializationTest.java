package org.jpar.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SerializationTest {
    @Test
    void readsAnObjectFromARangeOfALargerArray() throws Exception {
        byte[] value = Serialization.toBytes(List.of(1.0, 2.0, 3.0));
        byte[] framed = new byte[5 + value.length + 3];
        System.arraycopy(value, 0, framed, 5, value.length);
        assertEquals(List.of(1.0, 2.0, 3.0), Serialization.fromBytes(framed, 5, value.length));
        assertEquals(List.of(1.0, 2.0, 3.0), Serialization.fromBytes(value));
    }

    @Test
    void aRangeThatHoldsNoObjectIsAnIOException() throws Exception {
        byte[] value = Serialization.toBytes("text");
        assertThrows(IOException.class, () -> Serialization.fromBytes(value, 1, value.length - 1));
        assertThrows(IOException.class, () -> Serialization.fromBytes(value, 0, 4));
    }
}
