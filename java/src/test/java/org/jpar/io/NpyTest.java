package org.jpar.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
    @TempDir
    Path dir;

    /** The bytes numpy.save writes for np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.5]]). */
    private static byte[] numpyFile(String descr, String fortran, String shape, ByteOrder order,
                                    double... values) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + fortran + ", 'shape': ("
            + shape + "), }";
        int padded = (10 + dict.length() + 1 + 63) / 64 * 64;
        String header = dict + " ".repeat(padded - 10 - dict.length() - 1) + "\n";
        ByteBuffer b = ByteBuffer.allocate(padded + values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        b.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        b.order(order);
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }

    @Test
    void readsWhatNumpyWrites() throws IOException {
        Path file = dir.resolve("a.npy");
        Files.write(file, numpyFile("<f8", "False", "2, 3", ByteOrder.LITTLE_ENDIAN,
            1, 2, 3, 4, 5, 6.5));
        NpyArray a = Npy.read(file);
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6.5}, a.toArray());
        assertTrue(a.data().isDirect());
    }

    @Test
    void readsBigEndianAndOneDimensional() throws IOException {
        Path file = dir.resolve("b.npy");
        Files.write(file, numpyFile(">f8", "False", "3,", ByteOrder.BIG_ENDIAN, -1, 0.25, 1e300));
        NpyArray a = Npy.read(file);
        assertArrayEquals(new int[] {3}, a.shape());
        assertArrayEquals(new double[] {-1, 0.25, 1e300}, a.toArray());
    }

    @Test
    void writesTheLayoutNumpyReads() throws IOException {
        Path file = dir.resolve("w.npy");
        Npy.write(file, new double[] {1, 2, 3, 4, 5, 6.5}, 2, 3);
        byte[] expected = numpyFile("<f8", "False", "2, 3", ByteOrder.LITTLE_ENDIAN,
            1, 2, 3, 4, 5, 6.5);
        assertArrayEquals(expected, Files.readAllBytes(file));
        assertEquals(0, (Files.size(file) - 6 * 8) % 64, "header aligned to 64 bytes");
    }

    @Test
    void roundTripsADirectBufferFromItsPosition() throws IOException {
        DoubleBuffer data = ByteBuffer.allocateDirect(5 * 8).order(ByteOrder.nativeOrder())
            .asDoubleBuffer();
        for (int i = 0; i < 5; i++) {
            data.put(i, i * 1.5);
        }
        data.position(1);
        Path file = dir.resolve("r.npy");
        Npy.write(file, data, 4);
        assertEquals(1, data.position(), "position untouched");
        assertArrayEquals(new double[] {1.5, 3, 4.5, 6}, Npy.read(file).toArray());
    }

    @Test
    void refusesWhatItCannotRead() throws IOException {
        Path other = dir.resolve("i.npy");
        Files.write(other, numpyFile("<i8", "False", "1,", ByteOrder.LITTLE_ENDIAN, 0));
        assertTrue(assertThrows(IOException.class, () -> Npy.read(other)).getMessage()
            .contains("descr=<i8"));
        Path fortran = dir.resolve("f.npy");
        Files.write(fortran, numpyFile("<f8", "True", "1, 1", ByteOrder.LITTLE_ENDIAN, 0));
        assertTrue(assertThrows(IOException.class, () -> Npy.read(fortran)).getMessage()
            .contains("Fortran"));
        Path notNpy = dir.resolve("n.npy");
        Files.writeString(notNpy, "hello, world");
        assertTrue(assertThrows(IOException.class, () -> Npy.read(notNpy)).getMessage()
            .contains("magic"));
        Path truncated = dir.resolve("t.npy");
        byte[] full = numpyFile("<f8", "False", "4,", ByteOrder.LITTLE_ENDIAN, 1, 2, 3, 4);
        Files.write(truncated, java.util.Arrays.copyOf(full, full.length - 8));
        assertTrue(assertThrows(IOException.class, () -> Npy.read(truncated)).getMessage()
            .contains("truncated"));
    }

    @Test
    void refusesAShapeThatDoesNotMatchTheData() {
        assertThrows(IllegalArgumentException.class,
            () -> Npy.write(dir.resolve("x.npy"), new double[5], 2, 3));
        assertThrows(IllegalArgumentException.class,
            () -> new NpyArray(DoubleBuffer.allocate(1), -1));
    }
}
