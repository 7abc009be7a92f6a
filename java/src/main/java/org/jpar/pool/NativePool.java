package org.jpar.pool;

import org.jpar.internal.NativeLoader;

/** The pool and kernel functions of libjpar.so (jpar.h), by JNA direct mapping. */
final class NativePool {
    /** jpar.h's JPAR_POOL_WORKER_START and JPAR_POOL_WORKER_EXIT. */
    static final long WORKER_START = -1;
    static final long WORKER_EXIT = -2;

    private static boolean loaded;

    private NativePool() {
    }

    /** Binds the natives once; throws UnsatisfiedLinkError saying what to do when it can't. */
    static synchronized void load() {
        if (!loaded) {
            NativeLoader.register(NativePool.class);
            loaded = true;
        }
    }

    /** {@code callback}: a jpar_pool_callback, from {@link WorkerEntry#functionPointer}. */
    static native int jpar_pool_create(int workers, long spinNs, long callback, long pool);
    static native int jpar_pool_submit(long pool, long task);
    static native int jpar_pool_close(long pool);
    static native int jpar_pool_terminate(long pool);
    static native int jpar_pool_free(long pool, int join);
    static native long jpar_thread_id();
    static native int jpar_cpu_count();

    static native int jpar_sum_f64(long pool, long x, long n, long minParallel, long out);
    static native int jpar_sum_f32(long pool, long x, long n, long minParallel, long out);
    static native int jpar_dot_f64(long pool, long x, long y, long n, long minParallel, long out);
    static native int jpar_dot_f32(long pool, long x, long y, long n, long minParallel, long out);
    static native int jpar_axpy_f64(long pool, double a, long x, long y, long n, long minParallel);
    static native int jpar_scale_f64(long pool, double a, long x, long n, long minParallel);
    static native int jpar_matvec_f64(long pool, long a, long x, long y, long rows, long cols,
                                      long minParallel);
}
