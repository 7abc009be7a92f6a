package org.jpar.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLoaderTest {
    @Test
    void theLaunchersMpiComesFirst() {
        assertEquals(List.of("jar:openmpi", "jar:mpich"), NativeLoader.candidates(null, null,
            Map.of("OMPI_COMM_WORLD_SIZE", "4", "PMIX_RANK", "0")));
        assertEquals(List.of("jar:mpich", "jar:openmpi"), NativeLoader.candidates(null, null,
            Map.of("PMI_RANK", "1", "PMI_SIZE", "4", "PMI_FD", "7")));
        assertEquals(List.of("jar:openmpi", "jar:mpich"), NativeLoader.candidates("", null,
            Map.of()));
        // A user's own Open MPI settings are not Open MPI's launcher.
        assertEquals(List.of("jar:mpich", "jar:openmpi"), NativeLoader.candidates(null, null,
            Map.of("OMPI_ALLOW_RUN_AS_ROOT", "1", "OMPI_MCA_btl", "self", "PMI_RANK", "0")));
    }

    @Test
    void jparMpiForcesOneShim() {
        assertEquals(List.of("jar:mpich"), NativeLoader.candidates(" MPICH ", null,
            Map.of("OMPI_COMM_WORLD_SIZE", "2")));
        assertEquals(List.of("/opt/site/libjpar.so"), NativeLoader.candidates(
            "/opt/site/libjpar.so", "/elsewhere", Map.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> NativeLoader.candidates("intel", null, Map.of()));
        assertTrue(e.getMessage().contains("jpar.mpi=intel"), e.getMessage());
    }

    @Test
    void aSitesLibjparInJnaLibraryPathComesBeforeTheJars(@TempDir Path dir) throws Exception {
        Path site = Files.createFile(dir.resolve("libjpar.so"));
        assertEquals(List.of(site.toString(), "jar:openmpi", "jar:mpich"),
            NativeLoader.candidates(null, "/nowhere:" + dir, Map.of()));
    }
}
