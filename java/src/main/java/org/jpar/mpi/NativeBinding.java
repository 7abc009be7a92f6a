package org.jpar.mpi;

import org.jpar.internal.BindingChoice;
import org.jpar.internal.NativeLoader;

/**
 * Chooses the binding of libjpar.so: FFM ({@code FfmMpiAbi}, in the jar's
 * {@code META-INF/versions/22}) on JDK 22 and later, JNA direct mapping ({@link JnaMpiAbi})
 * before that. {@code -Djpar.binding=jna|ffm} forces one.
 */
final class NativeBinding {
    private static final String FFM_CLASS = "org.jpar.mpi.FfmMpiAbi";

    private static MpiAbi loaded;

    private NativeBinding() {
    }

    /**
     * The binding to use, loaded once.
     *
     * @throws IllegalArgumentException for an unknown {@code jpar.binding}
     * @throws UnsupportedOperationException if FFM is forced where it is not available
     * @throws UnsatisfiedLinkError if libjpar.so cannot load
     */
    static synchronized MpiAbi load() {
        if (loaded == null) {
            loaded = choose();
        }
        return loaded;
    }

    /** "ffm" or "jna": which binding {@code abi} is. */
    static String name(MpiAbi abi) {
        return abi.getClass().getName().equals(FFM_CLASS) ? "ffm" : "jna";
    }

    private static MpiAbi choose() {
        Class<?> ffm = BindingChoice.ffmClass(FFM_CLASS);
        if (ffm == null) {
            return JnaMpiAbi.load();
        }
        // Found here, so that a missing library is this clear error, not a class-init failure.
        NativeLoader.libraryFile();
        try {
            return (MpiAbi) ffm.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start the FFM binding: " + e, e);
        }
    }
}
