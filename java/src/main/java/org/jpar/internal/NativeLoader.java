package org.jpar.internal;

import com.sun.jna.Native;
import java.io.File;
import java.io.IOException;

/**
 * Finds libjpar.so and binds a class's native methods to it (JNA direct mapping), with one clear
 * error when the library cannot load. Internal to jpar: public only so that its packages can
 * share it.
 */
public final class NativeLoader {
    private static final String LIBRARY = "jpar";

    private static String libraryFile;

    private NativeLoader() {
    }

    /**
     * libjpar.so as JNA would find it: in jna.library.path first, else the jar's copy, extracted
     * once, so that every FFM binding of a process opens the same file.
     *
     * @throws UnsatisfiedLinkError saying what was tried and what to do
     */
    public static synchronized String libraryFile() {
        if (libraryFile == null) {
            libraryFile = findLibraryFile();
        }
        return libraryFile;
    }

    private static String findLibraryFile() {
        String dirs = System.getProperty("jna.library.path");
        if (dirs != null) {
            for (String dir : dirs.split(File.pathSeparator)) {
                File candidate = new File(dir, "libjpar.so");
                if (candidate.isFile()) {
                    return candidate.getAbsolutePath();
                }
            }
        }
        try {
            return Native.extractFromResourcePath(LIBRARY).getAbsolutePath();
        } catch (IOException | UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw failure(e);
        }
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
            throw failure(e);
        }
    }

    /** The error for a libjpar.so that cannot load: what was tried and what to do. */
    public static UnsatisfiedLinkError failure(Throwable cause) {
        UnsatisfiedLinkError error = new UnsatisfiedLinkError(
            "jpar: cannot load libjpar.so. Tried jna.library.path="
                + System.getProperty("jna.library.path", "(unset)")
                + ", the system library path, and the copy inside the jar (linux-x86-64 or "
                + "linux-aarch64/libjpar.so). libjpar.so needs the MPI library it was built "
                + "against (Open MPI's libmpi.so.40 on Debian: apt-get install openmpi-bin "
                + "libopenmpi-dev, or run ci/setup). Cause: " + cause.getMessage());
        error.initCause(cause);
        return error;
    }
}
