package org.jpar.pool;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.jpar.internal.Memory;

/**
 * Parallel kernels over direct buffers, run on a pool's workers: in C on a
 * {@link PoolBackend#PTHREADS} pool, in Java on a {@link PoolBackend#THREADS} pool. A kernel uses
 * a buffer's elements from position to limit, as jpar's MPI calls do, and leaves positions alone.
 *
 * <p>Results are reproducible: the range splits into one contiguous chunk per worker, each chunk
 * adds with four accumulators, and chunks combine in order, the same way on both backends (so a
 * pthreads pool and a threads pool of one size give the same bits). Inputs shorter than
 * {@link #MIN_PARALLEL} elements run on the calling thread, where a dispatch would cost more
 * than it saves.
 *
 * <p>Buffers must be direct (heap buffers throw {@link IllegalArgumentException}: use
 * {@code ByteBuffer.allocateDirect(n).order(ByteOrder.nativeOrder()).asDoubleBuffer()}).
 */
public final class Kernels {
    /** Shorter inputs run on the calling thread. */
    public static final int MIN_PARALLEL = 1 << 15;

    private static final ThreadLocal<ByteBuffer> OUT = ThreadLocal.withInitial(
        () -> ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder()));

    private final Pool pool;
    private final long nativePool;
    private final PoolAbi abi;

    private Kernels(Pool pool) {
        this.pool = pool;
        this.nativePool = pool.workers() instanceof PthreadWorkers p ? p.handle() : 0L;
        this.abi = nativePool != 0 ? PoolAbi.load() : null;
    }

    /**
     * Kernels that run on {@code pool}.
     *
     * @throws NullPointerException if {@code pool} is null
     */
    public static Kernels of(Pool pool) {
        if (pool == null) {
            throw new NullPointerException("pool must not be null");
        }
        return new Kernels(pool);
    }

    /**
     * The sum of {@code x}'s elements.
     *
     * @throws IllegalArgumentException for a heap buffer
     * @throws IllegalStateException if the pool is closed
     */
    public double sum(DoubleBuffer x) throws InterruptedException {
        check(x, "x", false);
        int n = x.remaining();
        if (nativePool != 0) {
            long out = outAddress();
            nativeCall(abi.jpar_sum_f64(nativePool, address(x, 8), n, MIN_PARALLEL, out), x);
            return Memory.getDouble(out);
        }
        int base = x.position();
        return JavaKernels.total(JavaKernels.parallel(pool, chunks(n),
            c -> JavaKernels.sum(x, base, start(n, c, chunks(n)), start(n, c + 1, chunks(n)))));
    }

    /** The sum of {@code x}'s elements, added in double precision. */
    public double sum(FloatBuffer x) throws InterruptedException {
        check(x, "x", false);
        int n = x.remaining();
        if (nativePool != 0) {
            long out = outAddress();
            nativeCall(abi.jpar_sum_f32(nativePool, address(x, 4), n, MIN_PARALLEL, out), x);
            return Memory.getDouble(out);
        }
        int base = x.position();
        return JavaKernels.total(JavaKernels.parallel(pool, chunks(n),
            c -> JavaKernels.sum(x, base, start(n, c, chunks(n)), start(n, c + 1, chunks(n)))));
    }

    /**
     * The dot product of {@code x} and {@code y}.
     *
     * @throws IllegalArgumentException if their lengths differ, or for a heap buffer
     */
    public double dot(DoubleBuffer x, DoubleBuffer y) throws InterruptedException {
        check(x, "x", false);
        check(y, "y", false);
        int n = sameLength(x, y);
        if (nativePool != 0) {
            long out = outAddress();
            nativeCall(abi.jpar_dot_f64(nativePool, address(x, 8), address(y, 8), n,
                MIN_PARALLEL, out), x, y);
            return Memory.getDouble(out);
        }
        int xb = x.position();
        int yb = y.position();
        return JavaKernels.total(JavaKernels.parallel(pool, chunks(n),
            c -> JavaKernels.dot(x, xb, y, yb, start(n, c, chunks(n)), start(n, c + 1, chunks(n)))));
    }

    /** The dot product of {@code x} and {@code y}, in double precision. */
    public double dot(FloatBuffer x, FloatBuffer y) throws InterruptedException {
        check(x, "x", false);
        check(y, "y", false);
        int n = sameLength(x, y);
        if (nativePool != 0) {
            long out = outAddress();
            nativeCall(abi.jpar_dot_f32(nativePool, address(x, 4), address(y, 4), n,
                MIN_PARALLEL, out), x, y);
            return Memory.getDouble(out);
        }
        int xb = x.position();
        int yb = y.position();
        return JavaKernels.total(JavaKernels.parallel(pool, chunks(n),
            c -> JavaKernels.dot(x, xb, y, yb, start(n, c, chunks(n)), start(n, c + 1, chunks(n)))));
    }

    /**
     * {@code y = a * x + y}, element-wise.
     *
     * @throws IllegalArgumentException if the lengths differ, {@code y} is read-only, or a
     *     buffer is on the heap
     */
    public void axpy(double a, DoubleBuffer x, DoubleBuffer y) throws InterruptedException {
        check(x, "x", false);
        check(y, "y", true);
        int n = sameLength(x, y);
        if (nativePool != 0) {
            nativeCall(abi.jpar_axpy_f64(nativePool, a, address(x, 8), address(y, 8), n,
                MIN_PARALLEL), x, y);
            return;
        }
        int xb = x.position();
        int yb = y.position();
        JavaKernels.parallel(pool, chunks(n), c -> {
            for (long i = start(n, c, chunks(n)); i < start(n, c + 1, chunks(n)); i++) {
                y.put(yb + (int) i, a * x.get(xb + (int) i) + y.get(yb + (int) i));
            }
            return 0;
        });
    }

    /**
     * {@code x = a * x}, element-wise.
     *
     * @throws IllegalArgumentException if {@code x} is read-only or on the heap
     */
    public void scale(double a, DoubleBuffer x) throws InterruptedException {
        check(x, "x", true);
        int n = x.remaining();
        if (nativePool != 0) {
            nativeCall(abi.jpar_scale_f64(nativePool, a, address(x, 8), n, MIN_PARALLEL), x);
            return;
        }
        int base = x.position();
        JavaKernels.parallel(pool, chunks(n), c -> {
            for (long i = start(n, c, chunks(n)); i < start(n, c + 1, chunks(n)); i++) {
                x.put(base + (int) i, a * x.get(base + (int) i));
            }
            return 0;
        });
    }

    /**
     * {@code y = A x} for a row-major {@code A} of {@code y.remaining()} rows and
     * {@code x.remaining()} columns; rows split into one chunk per worker.
     *
     * @throws IllegalArgumentException if {@code a.remaining()} is not rows × columns, {@code y}
     *     is read-only, or a buffer is on the heap
     */
    public void matvec(DoubleBuffer a, DoubleBuffer x, DoubleBuffer y) throws InterruptedException {
        check(a, "a", false);
        check(x, "x", false);
        check(y, "y", true);
        int rows = y.remaining();
        int cols = x.remaining();
        if ((long) rows * cols != a.remaining()) {
            throw new IllegalArgumentException("a must hold rows × cols elements: a.remaining()="
                + a.remaining() + ", rows=" + rows + ", cols=" + cols);
        }
        long minRows = Math.max(1, MIN_PARALLEL / Math.max(1, cols));
        if (nativePool != 0) {
            nativeCall(abi.jpar_matvec_f64(nativePool, address(a, 8), address(x, 8),
                address(y, 8), rows, cols, minRows), a, x, y);
            return;
        }
        int ab = a.position();
        int xb = x.position();
        int yb = y.position();
        int chunks = JavaKernels.chunks(rows, minRows, pool.processes());
        JavaKernels.parallel(pool, chunks, c -> {
            for (long r = start(rows, c, chunks); r < start(rows, c + 1, chunks); r++) {
                y.put(yb + (int) r, JavaKernels.dot(a, ab + (int) (r * cols), x, xb, 0, cols));
            }
            return 0;
        });
    }

    private int chunks(long n) {
        return JavaKernels.chunks(n, MIN_PARALLEL, pool.processes());
    }

    private static long start(long n, int chunk, int chunks) {
        return JavaKernels.start(n, chunk, chunks);
    }

    private void check(Buffer b, String name, boolean written) {
        if (b == null) {
            throw new NullPointerException(name + " must not be null");
        }
        if (!b.isDirect()) {
            throw new IllegalArgumentException(name + " must be a direct buffer (kernels read "
                + "native memory; use ByteBuffer.allocateDirect): " + name + "=" + b);
        }
        ByteOrder order = b instanceof DoubleBuffer d ? d.order() : ((FloatBuffer) b).order();
        if (order != ByteOrder.nativeOrder()) {
            throw new IllegalArgumentException(name + " must be in native byte order: order="
                + order);
        }
        if (written && b.isReadOnly()) {
            throw new IllegalArgumentException(name + " is read-only and cannot hold the result");
        }
        pool.checkOpen();
    }

    private static int sameLength(Buffer x, Buffer y) {
        if (x.remaining() != y.remaining()) {
            throw new IllegalArgumentException("x and y must have the same length: x.remaining()="
                + x.remaining() + ", y.remaining()=" + y.remaining());
        }
        return x.remaining();
    }

    private static long address(Buffer b, int width) {
        return Memory.positionAddress(b, width);
    }

    private static long outAddress() {
        return Memory.address(OUT.get());
    }

    /** Keeps the buffers reachable through the native call and reports a failure. */
    private static void nativeCall(int rc, Object... keepAlive) {
        java.lang.ref.Reference.reachabilityFence(keepAlive);
        if (rc != 0) {
            throw new IllegalStateException("native kernel failed: errno=" + -rc);
        }
    }
}
