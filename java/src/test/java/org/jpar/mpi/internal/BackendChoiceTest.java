package org.jpar.mpi.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.jpar.mpi.MpiException;
import org.junit.jupiter.api.Test;

class BackendChoiceTest {
    @Test
    void launchersAreRecognisedByTheirVariables() {
        assertTrue(BackendChoice.launched(Map.of("OMPI_COMM_WORLD_SIZE", "4")));
        assertTrue(BackendChoice.launched(Map.of("PMIX_RANK", "0")));
        assertTrue(BackendChoice.launched(Map.of("PMI_RANK", "3", "PMI_SIZE", "4")));
        assertFalse(BackendChoice.launched(Map.of("HOME", "/root", "SLURM_JOB_ID", "7")));
    }

    @Test
    void aLauncherOfSeveralProcessesWithAWorldOfOneIsRefusedWithTheFix() {
        MpiException e = assertThrows(MpiException.class, () -> BackendChoice.checkWorld(
            Map.of("PMI_SIZE", "4", "PMI_RANK", "2"), 1, "Open MPI v4.1.4, package: Debian\nmore"));
        assertTrue(e.getMessage().contains("PMI_SIZE=4"), e.getMessage());
        assertTrue(e.getMessage().contains("mpiexec.hydra"), e.getMessage());
        assertTrue(e.getMessage().contains("Loaded: Open MPI v4.1.4, package: Debian."),
            e.getMessage());
        assertTrue(e.getMessage().contains("-Djpar.mpi=openmpi or mpich"), e.getMessage());
        assertThrows(MpiException.class, () -> BackendChoice.checkWorld(
            Map.of("OMPI_COMM_WORLD_SIZE", "2"), 1, "MPICH Version: 4.0.2"));
    }

    @Test
    void matchingWorldsSingletonsAndUnreadableCountsPass() {
        BackendChoice.checkWorld(Map.of("OMPI_COMM_WORLD_SIZE", "4"), 4, "x");
        BackendChoice.checkWorld(Map.of("PMI_SIZE", "1"), 1, "x");
        BackendChoice.checkWorld(Map.of(), 1, "x");
        BackendChoice.checkWorld(Map.of("PMI_SIZE", "many"), 1, "x");
    }

    @Test
    void jshellsAgentUnderHydraIsRefusedBeforeMpiStarts() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> BackendChoice.checkLaunchConnection(Map.of("PMI_FD", "6"),
                "jdk.jshell.execution.RemoteExecutionControl 41011"));
        assertTrue(e.getMessage().contains("--execution local"), e.getMessage());
        BackendChoice.checkLaunchConnection(Map.of("PMI_FD", "6"), "org.example.App");
        BackendChoice.checkLaunchConnection(Map.of(),
            "jdk.jshell.execution.RemoteExecutionControl 41011");
        BackendChoice.checkLaunchConnection(Map.of("PMI_FD", "6"), null);
    }
}
