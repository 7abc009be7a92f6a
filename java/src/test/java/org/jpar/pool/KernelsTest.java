package org.jpar.pool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class KernelsTest {
    private static DoubleBuffer doubles(int n, long seed) {
        DoubleBuffer b = ByteBuffer.allocateDirect(n * 8).order(ByteOrder.nativeOrder())
            .asDoubleBuffer();
        Random r = new Random(seed);
        for (int i = 0; i < n; i++) {
            b.put(i, r.nextDouble() - 0.5);
        }
        return b;
    }

    private static DoubleBuffer zeros(int n) {
        return ByteBuffer.allocateDirect(n * 8).order(ByteOrder.nativeOrder()).asDoubleBuffer();
    }

    private static FloatBuffer floats(int n, long seed) {
        FloatBuffer b = ByteBuffer.allocateDirect(n * 4).order(ByteOrder.nativeOrder())
            .asFloatBuffer();
        Random r = new Random(seed);
        for (int i = 0; i < n; i++) {
            b.put(i, r.nextFloat() - 0.5f);
        }
        return b;
    }

    private static double[] array(DoubleBuffer b) {
        double[] a = new double[b.remaining()];
        b.get(b.position(), a);
        return a;
    }

    @ParameterizedTest
    @EnumSource(PoolBackend.class)
    void kernelsMatchPlainLoops(PoolBackend backend) throws Exception {
        int n = 200_003;
        DoubleBuffer x = doubles(n, 1);
        DoubleBuffer y = doubles(n, 2);
        double sum = 0;
        double dot = 0;
        for (int i = 0; i < n; i++) {
            sum += x.get(i);
            dot += x.get(i) * y.get(i);
        }
        FloatBuffer fx = floats(n, 3);
        FloatBuffer fy = floats(n, 4);
        double fsum = 0;
        double fdot = 0;
        for (int i = 0; i < n; i++) {
            fsum += fx.get(i);
            fdot += (double) fx.get(i) * fy.get(i);
        }
        try (Pool pool = Pool.create(3, backend)) {
            Kernels k = Kernels.of(pool);
            assertEquals(sum, k.sum(x), 1e-9);
            assertEquals(dot, k.dot(x, y), 1e-9);
            assertEquals(fsum, k.sum(fx), 1e-6);
            assertEquals(fdot, k.dot(fx, fy), 1e-6);

            DoubleBuffer z = doubles(n, 2);
            k.axpy(2.5, x, z);
            for (int i = 0; i < n; i += 997) {
                assertEquals(2.5 * x.get(i) + y.get(i), z.get(i), 0.0);
            }
            k.scale(-3, z);
            for (int i = 0; i < n; i += 997) {
                assertEquals(-3 * (2.5 * x.get(i) + y.get(i)), z.get(i), 0.0);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7})
    void bothBackendsGiveTheSameBits(int workers) throws Exception {
        int n = 100_001;
        DoubleBuffer x = doubles(n, 5);
        DoubleBuffer y = doubles(n, 6);
        FloatBuffer fx = floats(n, 7);
        int rows = 301;
        int cols = 257;
        DoubleBuffer a = doubles(rows * cols, 8);
        DoubleBuffer v = doubles(cols, 9);
        double[][] results = new double[2][];
        for (PoolBackend backend : PoolBackend.values()) {
            try (Pool pool = Pool.create(workers, backend)) {
                Kernels k = Kernels.of(pool);
                DoubleBuffer out = doubles(rows, 0);
                k.matvec(a, v, out);
                double[] mv = array(out);
                double[] r = new double[4 + rows];
                r[0] = k.sum(x);
                r[1] = k.dot(x, y);
                r[2] = k.sum(fx);
                r[3] = k.sum(x.duplicate().limit(1000));
                System.arraycopy(mv, 0, r, 4, rows);
                results[backend.ordinal()] = r;
            }
        }
        assertArrayEquals(results[0], results[1], "threads and pthreads, " + workers + " workers");
    }

    @ParameterizedTest
    @EnumSource(PoolBackend.class)
    void matvecComputesEveryRow(PoolBackend backend) throws Exception {
        int rows = 500;
        int cols = 300;
        DoubleBuffer a = doubles(rows * cols, 10);
        DoubleBuffer x = doubles(cols, 11);
        DoubleBuffer y = doubles(rows, 0);
        try (Pool pool = Pool.create(2, backend)) {
            Kernels.of(pool).matvec(a, x, y);
        }
        for (int r = 0; r < rows; r++) {
            double expected = 0;
            for (int c = 0; c < cols; c++) {
                expected += a.get(r * cols + c) * x.get(c);
            }
            assertEquals(expected, y.get(r), 1e-12);
        }
    }

    @ParameterizedTest
    @EnumSource(PoolBackend.class)
    void kernelsUsePositionToLimitAndLeavePositionsAlone(PoolBackend backend) throws Exception {
        DoubleBuffer x = zeros(10);
        for (int i = 0; i < 10; i++) {
            x.put(i, i);
        }
        x.position(2).limit(6);
        DoubleBuffer y = zeros(10);
        y.position(5).limit(9);
        try (Pool pool = Pool.create(2, backend)) {
            Kernels k = Kernels.of(pool);
            assertEquals(2 + 3 + 4 + 5, k.sum(x), 0.0);
            k.axpy(1, x, y);
            assertEquals(2, x.position());
            assertEquals(5, y.position());
            DoubleBuffer all = y.duplicate().clear();
            assertEquals(0.0, all.get(4), "before the position");
            assertEquals(2.0, all.get(5));
            assertEquals(5.0, all.get(8));
            assertEquals(0.0, all.get(9), "past the limit");
        }
    }

    @ParameterizedTest
    @EnumSource(PoolBackend.class)
    void badBuffersAreRefused(PoolBackend backend) throws Exception {
        Pool pool = Pool.create(2, backend);
        Kernels k = Kernels.of(pool);
        String m = assertThrows(IllegalArgumentException.class,
            () -> k.sum(DoubleBuffer.allocate(10))).getMessage();
        assertTrue(m.contains("direct"), m);
        assertThrows(IllegalArgumentException.class, () -> k.dot(doubles(3, 0), doubles(4, 0)));
        assertThrows(IllegalArgumentException.class, () -> k.axpy(1, doubles(3, 0), doubles(4, 0)));
        assertThrows(IllegalArgumentException.class,
            () -> k.scale(2, doubles(3, 0).asReadOnlyBuffer()));
        assertThrows(IllegalArgumentException.class,
            () -> k.matvec(doubles(11, 0), doubles(3, 0), doubles(4, 0)));
        assertThrows(IllegalArgumentException.class, () -> k.sum(ByteBuffer.allocateDirect(16)
            .order(ByteOrder.BIG_ENDIAN).asDoubleBuffer()));
        assertThrows(NullPointerException.class, () -> k.sum((DoubleBuffer) null));
        assertThrows(NullPointerException.class, () -> Kernels.of(null));
        assertEquals(0.0, k.sum(doubles(0, 0)));
        pool.close();
        assertThrows(IllegalStateException.class, () -> k.sum(doubles(3, 0)));
    }

    @Test
    void largeInputsSplitIntoOneChunkPerWorker() {
        assertEquals(1, JavaKernels.chunks(Kernels.MIN_PARALLEL - 1, Kernels.MIN_PARALLEL, 4));
        assertEquals(4, JavaKernels.chunks(Kernels.MIN_PARALLEL, Kernels.MIN_PARALLEL, 4));
        assertEquals(0, JavaKernels.start(10, 0, 3));
        assertEquals(3, JavaKernels.start(10, 1, 3));
        assertEquals(10, JavaKernels.start(10, 3, 3));
    }
}
