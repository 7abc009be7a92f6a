package org.jpar.pool;

/**
 * The pool and kernel functions of libjpar.so (jpar.h), one Java method each, every pointer a
 * {@code long}. Bound by JNA ({@link JnaPoolAbi}) or FFM ({@code FfmPoolAbi}, JDK 22+); see
 * {@link NativePool}.
 */
interface PoolAbi {
    /** {@code callback}: a jpar_pool_callback, from {@link WorkerEntry#functionPointer}. */
    int jpar_pool_create(int workers, long spinNs, long callback, long pool);
    int jpar_pool_submit(long pool, long task);
    int jpar_pool_close(long pool);
    int jpar_pool_terminate(long pool);
    int jpar_pool_free(long pool, int join);
    long jpar_thread_id();

    int jpar_sum_f64(long pool, long x, long n, long minParallel, long out);
    int jpar_sum_f32(long pool, long x, long n, long minParallel, long out);
    int jpar_dot_f64(long pool, long x, long y, long n, long minParallel, long out);
    int jpar_dot_f32(long pool, long x, long y, long n, long minParallel, long out);
    int jpar_axpy_f64(long pool, double a, long x, long y, long n, long minParallel);
    int jpar_scale_f64(long pool, double a, long x, long n, long minParallel);
    int jpar_matvec_f64(long pool, long a, long x, long y, long rows, long cols, long minParallel);
}
