package org.jpar.mpi.internal;

import java.util.List;
import java.util.Map;
import org.jpar.mpi.MpiException;
import org.jpar.mpi.binding.MpiAbi;

/**
 * Which backend {@code Mpi.init} and {@code Mpi.run} use. {@code -Djpar.backend=native|local|
 * openmpi} decides when set. Otherwise a process that a launcher started (Open MPI's mpirun,
 * PMIx, Hydra or Slurm's PMI) is a native rank, and a plain {@code java} run is a native
 * singleton where libjpar.so and MPI load, else a local rank. Internal to jpar: public only so
 * that its packages can share it.
 */
public final class BackendChoice {
    /** libjpar.so over the MPI library. */
    public static final String NATIVE = "native";
    /** Ranks that are threads of this JVM. */
    public static final String LOCAL = "local";
    /** Open MPI's own Java bindings. */
    public static final String OPENMPI = "openmpi";
    /** The system property that names a backend. */
    public static final String PROPERTY = "jpar.backend";
    /** The system property that sets the number of local ranks of {@code Mpi.run}. */
    public static final String RANKS_PROPERTY = "jpar.ranks";
    private static final String OPENMPI_CLASS = "org.jpar.mpi.openmpi.OpenMpiAbi";

    /** Variables in which launchers give the number of processes, and the launchers' names. */
    private static final List<String[]> LAUNCHER_SIZES = List.of(
        new String[] {"OMPI_COMM_WORLD_SIZE", "Open MPI's mpirun"},
        new String[] {"PMI_SIZE", "a PMI launcher (MPICH's mpiexec.hydra, Slurm's srun)"});

    /** Environment variables that MPI launchers set in the processes they start. */
    private static final List<String> LAUNCHER_VARIABLES =
        List.of("OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK", "PMI_SIZE");

    private BackendChoice() {
    }

    /** The backend asked for by property, or null to decide by the environment. */
    public static String requested() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return null;
        }
        String name = value.strip().toLowerCase(java.util.Locale.ROOT);
        if (!List.of(NATIVE, LOCAL, OPENMPI).contains(name)) {
            throw new IllegalArgumentException("jpar.backend must be native, local or openmpi: "
                + "jpar.backend=" + value);
        }
        return name;
    }

    public static boolean launched(Map<String, String> environment) {
        return LAUNCHER_VARIABLES.stream().anyMatch(environment::containsKey);
    }

    /** The number of local ranks {@code -Djpar.ranks} asks for; 1 when unset. */
    public static int localRanks() {
        String value = System.getProperty(RANKS_PROPERTY);
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            int ranks = Integer.parseInt(value.strip());
            if (ranks >= 1) {
                return ranks;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("jpar.ranks must be a positive integer: jpar.ranks="
            + value);
    }

    /**
     * The backend to use: {@code -Djpar.backend} when set; else native in a process a launcher
     * started, or where libjpar.so and MPI load; else local.
     *
     * @throws IllegalArgumentException for an unknown {@code jpar.backend}
     */
    public static String choose() {
        String requested = requested();
        if (requested != null) {
            return requested;
        }
        if (launched(System.getenv())) {
            return NATIVE;
        }
        try {
            MpiAbi.load();
            return NATIVE;
        } catch (UnsatisfiedLinkError e) {
            return LOCAL;
        }
    }

    /**
     * The ABI of a backend whose ranks are processes: native or openmpi.
     *
     * @throws UnsupportedOperationException for openmpi where jpar was built without mpi.jar
     * @throws UnsatisfiedLinkError if the native backend cannot load
     */
    public static MpiAbi processAbi(String backend) {
        if (backend.equals(NATIVE)) {
            return MpiAbi.load();
        }
        try {
            // Compiled only where mpi.jar was present at build time (the openmpi profile).
            return (MpiAbi) Class.forName(OPENMPI_CLASS).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new UnsupportedOperationException("the openmpi backend needs Open MPI's Java "
                + "bindings (mpi.jar and libmpi_java.so) and a jpar built with them; see the "
                + "README: " + e, e);
        }
    }

    /**
     * Refuses to initialize MPI in jshell's agent JVM (the default execution mode, whose main
     * class is {@code command}) under MPICH's mpiexec: hydra hands each rank its connection as
     * an inherited file descriptor ({@code PMI_FD}), which a JVM that another JVM started never
     * has, and MPICH would end the agent at its first word to the launcher.
     *
     * @throws IllegalStateException in that case, saying what to do instead
     */
    public static void checkLaunchConnection(Map<String, String> environment, String command) {
        if (environment.containsKey("PMI_FD") && command != null
                && command.startsWith("jdk.jshell.execution.")) {
            throw new IllegalStateException("jshell runs snippets in an agent JVM that does not "
                + "inherit mpiexec.mpich's connection (PMI_FD=" + environment.get("PMI_FD")
                + "), so MPI cannot start there: run jshell with --execution local under "
                + "mpiexec.mpich");
        }
    }

    /**
     * Refuses a job in which the launcher started several processes but MPI gave this one a
     * world of its own: a libjpar.so built against another MPI than the launcher's runs every
     * rank as a singleton, silently. The launcher's own count comes from its environment.
     *
     * @param library MPI_Get_library_version's text, for the message
     * @throws MpiException naming the launcher, the library and the fix
     */
    public static void checkWorld(Map<String, String> environment, int worldSize,
                                  String library) {
        for (String[] launcher : LAUNCHER_SIZES) {
            String value = environment.get(launcher[0]);
            int size;
            try {
                size = value == null ? 0 : Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                continue;
            }
            if (size > 1 && worldSize == 1) {
                throw new MpiException("init", launcher[1] + " started " + size + " processes ("
                    + launcher[0] + "=" + size + "), but the MPI library jpar loaded gives this one "
                    + "a world of 1, so every rank would run alone. Loaded: "
                    + library.strip().lines().findFirst().orElse("(unknown)") + ". Let jpar "
                    + "pick the launcher's MPI (no -Djpar.mpi), name it (-Djpar.mpi=openmpi or "
                    + "mpich), or build libjpar.so against it (cmake -DMPI_C_COMPILER=<its mpicc>)"
                    + " and name that (-Djpar.mpi=PATH); README, Which MPI", null);
            }
        }
    }
}
