package org.jpar.pool;

import org.jpar.internal.BindingChoice;
import org.jpar.internal.NativeLoader;

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
            loaded = choose();
        }
        return loaded;
    }

    /** "ffm" or "jna": which binding {@code abi} is. */
    static String name(PoolAbi abi) {
        return abi.getClass().getName().equals(FFM_CLASS) ? "ffm" : "jna";
    }

    private static PoolAbi choose() {
        Class<?> ffm = BindingChoice.ffmClass(FFM_CLASS);
        if (ffm == null) {
            return JnaPoolAbi.load();
        }
        // Found here, so that a missing library is this clear error, not a class-init failure.
        NativeLoader.libraryFile();
        try {
            return (PoolAbi) ffm.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start the FFM pool binding: " + e, e);
        }
    }
}
