package org.jpar.internal;

import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Finds libjpar.so, opens it once through libjpar-load.so (which keeps the JVM's signal
 * handlers from the constructors of MPI's transports, native/include/jpar_load.h), and binds a
 * class's native methods to that file (JNA direct mapping), with one clear error when the
 * library cannot load. Internal to jpar: public only so that its packages can share it.
 */
public final class NativeLoader {
    private static final String LIBRARY = "jpar";
    private static final String LOADER = "jpar-load";

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
            String file = findLibraryFile();
            openKeepingSignals(file);
            libraryFile = file;
        }
        return libraryFile;
    }

    /**
     * Opens {@code file} with libjpar-load.so's jpar_load: the one beside it (a build folder has
     * both), else the jar's copy, which links no MPI and so serves any libjpar.so.
     */
    private static void openKeepingSignals(String file) {
        File beside = new File(new File(file).getParentFile(), "lib" + LOADER + ".so");
        String loader;
        try {
            loader = beside.isFile() ? beside.getAbsolutePath()
                : Native.extractFromResourcePath(LOADER).getAbsolutePath();
        } catch (IOException | UnsatisfiedLinkError e) {
            throw failure(e);
        }
        Function load = NativeLibrary.getInstance(loader).getFunction("jpar_load");
        byte[] error = new byte[1024];
        if (load.invokeInt(new Object[] {file, error, error.length}) != 0) {
            int end = 0;
            while (end < error.length && error[end] != 0) {
                end++;
            }
            throw failure(new UnsatisfiedLinkError(new String(error, 0, end,
                StandardCharsets.UTF_8)));
        }
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
        String file = libraryFile();
        try {
            Native.register(type, NativeLibrary.getInstance(file));
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
