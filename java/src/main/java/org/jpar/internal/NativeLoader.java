package org.jpar.internal;

import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Binds a class's native methods to libjpar.so (JNA direct mapping), with one clear error when
 * the library cannot load. Internal to jpar: public only so that its packages can share it.
 */
public final class NativeLoader {
    private static final String LIBRARY = "jpar";

    private NativeLoader() {
    }

    /**
     * Registers {@code type}'s native methods.
     *
     * @throws UnsatisfiedLinkError saying what was tried and what to do
     */
    public static void register(Class<?> type) {
        try {
            Native.register(type, LIBRARY);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            UnsatisfiedLinkError error = new UnsatisfiedLinkError(
                "jpar: cannot load libjpar.so. Tried jna.library.path="
                    + System.getProperty("jna.library.path", "(unset)")
                    + ", the system library path, and the copy inside the jar ("
                    + Platform.RESOURCE_PREFIX + "/libjpar.so). libjpar.so needs the MPI library"
                    + " it was built against (Open MPI's libmpi.so.40 on Debian: apt-get install "
                    + "openmpi-bin libopenmpi-dev, or run ci/setup). Cause: " + e.getMessage());
            error.initCause(e);
            throw error;
        }
    }
}
