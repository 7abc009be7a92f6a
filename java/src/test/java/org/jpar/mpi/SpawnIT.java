package org.jpar.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jpar.mpi.programs.SpawnParent;
import org.jpar.testing.MpiRunner;
import org.junit.jupiter.api.Test;

/** MPI_Comm_spawn from a plain JVM (a singleton), and intercommunicator messages. */
class SpawnIT {
    @Test
    void aSingletonSpawnsChildrenAndTalksToThem() {
        MpiRunner.Result r = MpiRunner.java(List.of(), SpawnParent.class.getName());
        assertFalse(r.timedOut(), r::toString);
        assertEquals(0, r.exitCode(), r::toString);
        String out = r.output();
        assertTrue(out.contains("parent has no parent: true"), out);
        assertTrue(out.contains("remoteSize 2 localSize 1"), out);
        assertTrue(out.contains("child 0 replied 1000"), out);
        assertTrue(out.contains("child 1 replied 1011"), out);
        assertTrue(out.contains("object from child 1: hello from a spawned JVM of 2"), out);
        assertTrue(out.contains("remote rank checked: dest must be a rank from 0 to 1"), out);
        assertTrue(out.contains("parent disconnected"), out);
    }
}
