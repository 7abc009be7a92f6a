package org.jpar.mpi;

import java.lang.invoke.MethodHandles;
import org.jpar.internal.BindingChoice;

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
            loaded = BindingChoice.abi(MethodHandles.lookup(), MpiAbi.class, FFM_CLASS,
                JnaMpiAbi::load);
        }
        return loaded;
    }

    /** "ffm" or "jna": which binding {@code abi} is. */
    static String name(MpiAbi abi) {
        return abi.getClass().getName().equals(FFM_CLASS) ? "ffm" : "jna";
    }
}
