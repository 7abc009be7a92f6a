package org.jpar.pool;

import java.lang.invoke.MethodHandles;
import org.jpar.internal.BindingChoice;

/**
 * Chooses the binding of libjpar's pool and kernels as {@code -Djpar.binding} does for MPI: FFM
 * ({@code FfmPoolAbi}, in the jar's {@code META-INF/versions/22}) on JDK 22 and later, JNA
 * direct mapping ({@link JnaPoolAbi}) before that.
 */
final class NativePool {
    /** jpar.h's JPAR_POOL_WORKER_START and JPAR_POOL_WORKER_EXIT. */
    static final long WORKER_START = -1;
    static final long WORKER_EXIT = -2;
    private static final String FFM_CLASS = "org.jpar.pool.FfmPoolAbi";

    private static PoolAbi loaded;

    private NativePool() {
    }

    /**
     * The binding, loaded once.
     *
     * @throws UnsatisfiedLinkError saying what to do, if libjpar.so cannot load
     */
    static synchronized PoolAbi abi() {
        if (loaded == null) {
            loaded = BindingChoice.abi(MethodHandles.lookup(), PoolAbi.class, FFM_CLASS,
                JnaPoolAbi::load);
        }
        return loaded;
    }

    /** "ffm" or "jna": which binding {@code abi} is. */
    static String name(PoolAbi abi) {
        return abi.getClass().getName().equals(FFM_CLASS) ? "ffm" : "jna";
    }
}
