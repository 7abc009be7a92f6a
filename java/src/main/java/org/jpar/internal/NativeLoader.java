package org.jpar.internal;

import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds jpar's MPI shim, opens it once through libjpar-load.so (which keeps the JVM's signal
 * handlers from the constructors of MPI's transports, native/include/jpar_load.h), and binds a
 * class's native methods to that file (JNA direct mapping), with one clear error when no shim
 * can load. The jar carries a shim per MPI (libjpar-openmpi.so, libjpar-mpich.so); the one of
 * the launcher's MPI comes first, {@code -Djpar.mpi=openmpi|mpich|PATH} forces one, and a
 * libjpar.so in {@code jna.library.path} (a site's own build) comes before the jar's. Internal
 * to jpar: public only so that its packages can share it.
 */
public final class NativeLoader {
    /** The system property that names the MPI whose shim to load, or a shim's path. */
    public static final String MPI_PROPERTY = "jpar.mpi";
    private static final String LIBRARY = "jpar";
    private static final String LOADER = "jpar-load";
    /** The MPIs whose shims the jar carries, in the order tried without a launcher. */
    private static final List<String> BUNDLED = List.of("openmpi", "mpich");
    /** A candidate that is the jar's shim for an MPI, not a file. */
    private static final String IN_JAR = "jar:";

    private static String libraryFile;

    private NativeLoader() {
    }

    /**
     * The shim this process uses, found and opened once, so that every binding of a process
     * opens the same file.
     *
     * @throws UnsatisfiedLinkError saying what was tried and what to do
     * @throws IllegalArgumentException for a {@code jpar.mpi} that names no MPI jpar knows
     */
    public static synchronized String libraryFile() {
        if (libraryFile == null) {
            List<String> tried = new ArrayList<>();
            for (String candidate : candidates(System.getProperty(MPI_PROPERTY),
                    System.getProperty("jna.library.path"), System.getenv())) {
                try {
                    String file = candidate.startsWith(IN_JAR)
                        ? extract(LIBRARY + "-" + candidate.substring(IN_JAR.length()))
                        : candidate;
                    openKeepingSignals(file);
                    libraryFile = file;
                    break;
                } catch (IOException | UnsatisfiedLinkError e) {
                    tried.add(candidate + " (" + e.getMessage() + ")");
                }
            }
            if (libraryFile == null) {
                throw failure(tried);
            }
        }
        return libraryFile;
    }

    /**
     * The shims to try, in order: {@code mpi} when set (an MPI's name or a path) alone; else a
     * libjpar.so in {@code libraryPath}'s folders, then the jar's, the launcher's MPI first
     * (Open MPI's mpirun sets OMPI_COMM_WORLD_*, MPICH's Hydra PMI_*).
     */
    static List<String> candidates(String mpi, String libraryPath,
                                   java.util.Map<String, String> environment) {
        if (mpi != null && !mpi.isBlank()) {
            String value = mpi.strip();
            if (value.contains("/")) {
                return List.of(value);
            }
            String name = value.toLowerCase(java.util.Locale.ROOT);
            if (!BUNDLED.contains(name)) {
                throw new IllegalArgumentException("jpar.mpi must be openmpi, mpich or the path "
                    + "of a libjpar.so: jpar.mpi=" + value);
            }
            return List.of(IN_JAR + name);
        }
        List<String> out = new ArrayList<>();
        if (libraryPath != null) {
            for (String dir : libraryPath.split(File.pathSeparator)) {
                File candidate = new File(dir, "lib" + LIBRARY + ".so");
                if (candidate.isFile()) {
                    out.add(candidate.getAbsolutePath());
                }
            }
        }
        boolean hydra = environment.containsKey("PMI_RANK") || environment.containsKey("PMI_FD")
            || environment.containsKey("PMI_PORT");
        // Not any OMPI_* variable: users set OMPI_ALLOW_RUN_AS_ROOT and MCA parameters too.
        boolean openMpi = environment.containsKey("OMPI_COMM_WORLD_SIZE")
            || environment.containsKey("OMPI_COMM_WORLD_RANK");
        List<String> order = hydra && !openMpi ? List.of("mpich", "openmpi") : BUNDLED;
        for (String name : order) {
            out.add(IN_JAR + name);
        }
        return out;
    }

    private static String extract(String name) throws IOException {
        try {
            return Native.extractFromResourcePath(name).getAbsolutePath();
        } catch (NoClassDefFoundError e) {
            throw new IOException(e.toString(), e);
        }
    }

    /**
     * Opens {@code file} with libjpar-load.so's jpar_load: the one beside it (a build folder has
     * both), else the jar's copy, which links no MPI and so serves any libjpar.so.
     */
    private static void openKeepingSignals(String file) {
        File beside = new File(new File(file).getParentFile(), "lib" + LOADER + ".so");
        String loader;
        try {
            loader = beside.isFile() ? beside.getAbsolutePath() : extract(LOADER);
        } catch (IOException e) {
            throw new UnsatisfiedLinkError("no lib" + LOADER + ".so beside it or in the jar: " + e);
        }
        Function load = NativeLibrary.getInstance(loader).getFunction("jpar_load");
        byte[] error = new byte[1024];
        if (load.invokeInt(new Object[] {file, error, error.length}) != 0) {
            int end = 0;
            while (end < error.length && error[end] != 0) {
                end++;
            }
            throw new UnsatisfiedLinkError(new String(error, 0, end, StandardCharsets.UTF_8));
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

    /** The error for a shim that cannot load: what was tried and what to do. */
    public static UnsatisfiedLinkError failure(Throwable cause) {
        UnsatisfiedLinkError error = failure(List.of(String.valueOf(cause.getMessage())));
        error.initCause(cause);
        return error;
    }

    private static UnsatisfiedLinkError failure(List<String> tried) {
        return new UnsatisfiedLinkError("jpar: cannot load an MPI shim. Tried: "
            + String.join("; ", tried) + ". jna.library.path="
            + System.getProperty("jna.library.path", "(unset)") + ", jpar.mpi="
            + System.getProperty(MPI_PROPERTY, "(unset)") + ". The jar's shims (linux-x86-64 or "
            + "linux-aarch64/libjpar-openmpi.so, libjpar-mpich.so) need the MPI library they were "
            + "built against (Debian: apt-get install openmpi-bin libopenmpi-dev, or mpich "
            + "libmpich-dev; or run ci/setup); for another MPI, build libjpar.so against it and "
            + "name it with -Djpar.mpi=PATH or -Djna.library.path (README, Which MPI).");
    }
}
