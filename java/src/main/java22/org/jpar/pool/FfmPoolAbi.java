package org.jpar.pool;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.jpar.internal.Downcalls.handle;
import static org.jpar.internal.Downcalls.rethrow;

import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;

/**
 * The FFM binding of {@link PoolAbi} (JDK 22+). Only jpar_thread_id is a critical downcall: a
 * submit takes the queue's lock and a kernel waits for the workers.
 */
final class FfmPoolAbi implements PoolAbi {
    private static final MethodHandle CREATE = handle("jpar_pool_create", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle SUBMIT = handle("jpar_pool_submit", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle CLOSE = handle("jpar_pool_close", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
    private static final MethodHandle TERMINATE = handle("jpar_pool_terminate", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
    private static final MethodHandle FREE = handle("jpar_pool_free", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT));
    private static final MethodHandle THREAD_ID = handle("jpar_thread_id", true,
        FunctionDescriptor.of(JAVA_LONG));
    private static final MethodHandle SUM_F64 = handle("jpar_sum_f64", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle SUM_F32 = handle("jpar_sum_f32", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle DOT_F64 = handle("jpar_dot_f64", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG,
            JAVA_LONG));
    private static final MethodHandle DOT_F32 = handle("jpar_dot_f32", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG,
            JAVA_LONG));
    private static final MethodHandle AXPY_F64 = handle("jpar_axpy_f64", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_DOUBLE, JAVA_LONG, JAVA_LONG, JAVA_LONG,
            JAVA_LONG));
    private static final MethodHandle SCALE_F64 = handle("jpar_scale_f64", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_DOUBLE, JAVA_LONG, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle MATVEC_F64 = handle("jpar_matvec_f64", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG,
            JAVA_LONG, JAVA_LONG));

    @Override
    public int jpar_pool_create(int workers, long spinNs, long callback, long pool) {
        try {
            return (int) CREATE.invokeExact(workers, spinNs, callback, pool);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_pool_submit(long pool, long task) {
        try {
            return (int) SUBMIT.invokeExact(pool, task);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_pool_close(long pool) {
        try {
            return (int) CLOSE.invokeExact(pool);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_pool_terminate(long pool) {
        try {
            return (int) TERMINATE.invokeExact(pool);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_pool_free(long pool, int join) {
        try {
            return (int) FREE.invokeExact(pool, join);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public long jpar_thread_id() {
        try {
            return (long) THREAD_ID.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_sum_f64(long pool, long x, long n, long minParallel, long out) {
        try {
            return (int) SUM_F64.invokeExact(pool, x, n, minParallel, out);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_sum_f32(long pool, long x, long n, long minParallel, long out) {
        try {
            return (int) SUM_F32.invokeExact(pool, x, n, minParallel, out);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_dot_f64(long pool, long x, long y, long n, long minParallel, long out) {
        try {
            return (int) DOT_F64.invokeExact(pool, x, y, n, minParallel, out);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_dot_f32(long pool, long x, long y, long n, long minParallel, long out) {
        try {
            return (int) DOT_F32.invokeExact(pool, x, y, n, minParallel, out);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_axpy_f64(long pool, double a, long x, long y, long n, long minParallel) {
        try {
            return (int) AXPY_F64.invokeExact(pool, a, x, y, n, minParallel);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_scale_f64(long pool, double a, long x, long n, long minParallel) {
        try {
            return (int) SCALE_F64.invokeExact(pool, a, x, n, minParallel);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_matvec_f64(long pool, long a, long x, long y, long rows, long cols,
                               long minParallel) {
        try {
            return (int) MATVEC_F64.invokeExact(pool, a, x, y, rows, cols, minParallel);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }
}
