package org.jpar.pool;

import org.jpar.internal.NativeLoader;

/** The JNA binding of {@link PoolAbi}: direct mapping ({@code Native.register}). */
final class JnaPoolAbi implements PoolAbi {
    private static PoolAbi loaded;

    private JnaPoolAbi() {
    }

    /** Registers the natives once, or throws UnsatisfiedLinkError saying what to do. */
    static synchronized PoolAbi load() {
        if (loaded == null) {
            NativeLoader.register(JnaPoolAbi.class);
            loaded = new JnaPoolAbi();
        }
        return loaded;
    }

    @Override public native int jpar_pool_create(int workers, long spinNs, long callback, long pool);
    @Override public native int jpar_pool_submit(long pool, long task);
    @Override public native int jpar_pool_close(long pool);
    @Override public native int jpar_pool_terminate(long pool);
    @Override public native int jpar_pool_free(long pool, int join);
    @Override public native long jpar_thread_id();

    @Override public native int jpar_sum_f64(long pool, long x, long n, long minParallel, long out);
    @Override public native int jpar_sum_f32(long pool, long x, long n, long minParallel, long out);
    @Override public native int jpar_dot_f64(long pool, long x, long y, long n, long minParallel,
                                             long out);
    @Override public native int jpar_dot_f32(long pool, long x, long y, long n, long minParallel,
                                             long out);
    @Override public native int jpar_axpy_f64(long pool, double a, long x, long y, long n,
                                              long minParallel);
    @Override public native int jpar_scale_f64(long pool, double a, long x, long n, long minParallel);
    @Override public native int jpar_matvec_f64(long pool, long a, long x, long y, long rows,
                                                long cols, long minParallel);
}
