package org.jpar.mpi.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BackendChoiceTest {
    @Test
    void launchersAreRecognisedByTheirVariables() {
        assertTrue(BackendChoice.launched(Map.of("OMPI_COMM_WORLD_SIZE", "4")));
        assertTrue(BackendChoice.launched(Map.of("PMIX_RANK", "0")));
        assertTrue(BackendChoice.launched(Map.of("PMI_RANK", "3", "PMI_SIZE", "4")));
        assertFalse(BackendChoice.launched(Map.of("HOME", "/root", "SLURM_JOB_ID", "7")));
    }
}
