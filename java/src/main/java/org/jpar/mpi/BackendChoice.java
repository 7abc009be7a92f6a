package org.jpar.mpi;

import java.util.List;
import java.util.Map;

/**
 * Which backend {@link Mpi#init} and {@link Mpi#run} use. {@code -Djpar.backend=native|local|
 * openmpi} decides when set. Otherwise a process that a launcher started (Open MPI's mpirun,
 * PMIx, Hydra or Slurm's PMI) is a native rank, and a plain {@code java} run is a native
 * singleton where libjpar.so and MPI load, else a local rank.
 */
final class BackendChoice {
    static final String NATIVE = "native";
    static final String LOCAL = "local";
    static final String OPENMPI = "openmpi";
    static final String PROPERTY = "jpar.backend";
    static final String RANKS_PROPERTY = "jpar.ranks";

    /** Environment variables that MPI launchers set in the processes they start. */
    private static final List<String> LAUNCHER_VARIABLES =
        List.of("OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK", "PMI_SIZE");

    private BackendChoice() {
    }

    /** The backend asked for by property, or null to decide by the environment. */
    static String requested() {
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

    static boolean launched(Map<String, String> environment) {
        return LAUNCHER_VARIABLES.stream().anyMatch(environment::containsKey);
    }

    /** The number of local ranks {@code -Djpar.ranks} asks for; 1 when unset. */
    static int localRanks() {
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
}
