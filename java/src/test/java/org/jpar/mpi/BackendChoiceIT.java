package org.jpar.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jpar.examples.Psum;
import org.jpar.mpi.programs.ShowBackend;
import org.jpar.testing.MpiRunner;
import org.junit.jupiter.api.Test;

/** How a program finds its backend: launcher, plain java, or -Djpar.backend. */
class BackendChoiceIT {
    /** Runs a main class with JVM options (the arguments before the class name). */
    private static MpiRunner.Result java(String... args) {
        List<String> all = List.of(args);
        int main = 0;
        while (all.get(main).startsWith("-")) {
            main++;
        }
        return MpiRunner.java(all.subList(0, main), all.get(main),
            all.subList(main + 1, all.size()).toArray(String[]::new));
    }

    @Test
    void underMpirunItIsNative() {
        MpiRunner.Result r = MpiRunner.run(2, ShowBackend.class.getName());
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(2, r.lines("backend=native ").size(), r::toString);
        assertEquals(2, r.lines("library=Open MPI v").size(), r::toString);
    }

    @Test
    void plainJavaIsANativeSingleton() {
        MpiRunner.Result r = java(ShowBackend.class.getName());
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("backend=native rank=0 size=1 binding=" + defaultBinding()),
            r.lines("backend="), r::toString);
    }

    /** jna.noclasspath hides the bundled libjpar.so, as a machine without MPI would. */
    /**
     * A PMI launcher's variables (as MPICH's Hydra sets them) with the shim forced to Open
     * MPI's: its MPI starts a singleton, which init refuses instead of running alone.
     */
    @Test
    void aLaunchOfSeveralProcessesThatMpiSeesAsOneIsRefused() {
        MpiRunner.Result r = MpiRunner.java(Map.of("PMI_SIZE", "2", "PMI_RANK", "0"),
            List.of("-Djpar.mpi=openmpi"), ShowBackend.class.getName());
        assertNotEquals(0, r.exitCode(), r::toString);
        assertTrue(r.output().contains("started 2 processes (PMI_SIZE=2)"), r::toString);
        assertTrue(r.output().contains("a world of 1"), r::toString);
        assertTrue(r.lines("backend=").isEmpty(), r::toString);
    }

    @Test
    void plainJavaFallsBackToLocalWhereTheNativeLibraryCannotLoad() {
        MpiRunner.Result r = java("-Djna.noclasspath=true", ShowBackend.class.getName());
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("backend=local rank=0 size=1 binding=none"), r.lines("backend="),
            r::toString);

        MpiRunner.Result forced = java("-Djpar.backend=native", "-Djna.noclasspath=true",
            ShowBackend.class.getName());
        assertNotEquals(0, forced.exitCode(), forced::toString);
        assertTrue(forced.output().contains("jpar: cannot load an MPI shim. Tried"),
            forced::toString);
    }

    @Test
    void localRanksRunTheSeedProgramsWithoutMpirun() {
        MpiRunner.Result r = java("-Djpar.backend=local", "-Djpar.ranks=4",
            ShowBackend.class.getName());
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(4, r.lines("backend=local ").stream().filter(l -> l.contains("size=4"))
            .count(), r::toString);

        MpiRunner.Result mpiTest = java("-Djpar.backend=local", "-Djpar.ranks=2",
            org.jpar.examples.MpiTest.class.getName());
        assertEquals(List.of("rank = 1 : data = [1.0, 2.0, 3.0, 4.0]"), mpiTest.lines("rank = "),
            mpiTest::toString);
        MpiRunner.Result matVec = java("-Djpar.backend=local", "-Djpar.ranks=3",
            org.jpar.examples.MatVec.class.getName(), "101");
        assertTrue(matVec.output().contains("matvec N=101 ranks=3: y equals serial A·x to 1e-12: "
            + "true"), matVec::toString);

        MpiRunner.Result heat = java("-Djpar.backend=local", "-Djpar.ranks=4",
            org.jpar.examples.Heat2D.class.getName(), "37", "60");
        assertTrue(heat.output().contains("grid=2x2: heat"), heat::toString);
        assertTrue(heat.output().contains("max |parallel - serial| = 0.0"), heat::toString);

        MpiRunner.Result psum = java("-Djpar.backend=local", "-Djpar.ranks=3", Psum.class.getName(), "1001");
        assertEquals(0, psum.exitCode(), psum::toString);
        String line = psum.lines("sum = ").get(0);
        String[] parts = line.replace("sum = ", "").replace(" , serial", "").split(" ");
        double parallel = Double.parseDouble(parts[0]);
        double serial = Double.parseDouble(parts[parts.length - 1]);
        assertEquals(serial, parallel, 1e-9 * serial, line);
    }

    /** What this JDK chooses: FFM from JDK 22 on (the build includes it then), else JNA. */
    private static String defaultBinding() {
        return Runtime.version().feature() >= 22 ? "ffm" : "jna";
    }

    @Test
    void theBindingCanBeForced() {
        MpiRunner.Result jna = java("-Djpar.binding=jna", ShowBackend.class.getName());
        assertEquals(0, jna.exitCode(), jna::toString);
        assertTrue(jna.output().contains("binding=jna"), jna::toString);

        MpiRunner.Result ffm = java("-Djpar.binding=ffm", ShowBackend.class.getName());
        if (Runtime.version().feature() >= 22) {
            assertEquals(0, ffm.exitCode(), ffm::toString);
            assertTrue(ffm.output().contains("binding=ffm"), ffm::toString);
        } else {
            assertNotEquals(0, ffm.exitCode(), ffm::toString);
            assertTrue(ffm.output().contains("the FFM binding needs JDK 22 or later"),
                ffm::toString);
        }

        MpiRunner.Result bad = java("-Djpar.binding=jni", ShowBackend.class.getName());
        assertNotEquals(0, bad.exitCode(), bad::toString);
        assertTrue(bad.output().contains("jpar.binding must be jna or ffm: jpar.binding=jni"),
            bad::toString);
    }

    /**
     * JDK 24 and later warn once a program uses sun.misc.Unsafe's memory methods, or native
     * access that the command line did not enable: with it enabled, jpar's programs print no
     * warning, on the native backend (MPI calls, buffer addresses) and the local one (copies).
     */
    @Test
    void withNativeAccessEnabledTheJvmPrintsNoWarning() {
        MpiRunner.Result nativeRun = MpiRunner.runWith(2, "--enable-native-access=ALL-UNNAMED",
            org.jpar.examples.MpiArray.class.getName());
        assertEquals(0, nativeRun.exitCode(), nativeRun::toString);
        assertEquals(1, nativeRun.lines("rank = 1").size(), nativeRun::toString);
        assertFalse(nativeRun.output().contains("WARNING"), nativeRun::toString);

        MpiRunner.Result local = java("--enable-native-access=ALL-UNNAMED", "-Djpar.backend=local",
            "-Djpar.ranks=2", org.jpar.examples.MpiArray.class.getName());
        assertEquals(0, local.exitCode(), local::toString);
        assertEquals(1, local.lines("rank = 1").size(), local::toString);
        assertFalse(local.output().contains("WARNING"), local::toString);
    }

    @Test
    void jparThreadLevelSetsTheLevelInitAsksFor() {
        MpiRunner.Result byDefault = MpiRunner.run(2, ShowBackend.class.getName());
        assertEquals(0, byDefault.exitCode(), byDefault::toString);
        assertEquals(2, byDefault.lines("threadLevel=MULTIPLE ").size(), byDefault::toString);

        MpiRunner.Result serialized = MpiRunner.runWith(2, "-Djpar.threadLevel=serialized",
            ShowBackend.class.getName());
        assertEquals(0, serialized.exitCode(), serialized::toString);
        assertEquals(2, serialized.lines("threadLevel=SERIALIZED ").size(), serialized::toString);

        MpiRunner.Result bad = java("-Djpar.threadLevel=many", ShowBackend.class.getName());
        assertNotEquals(0, bad.exitCode(), bad::toString);
        assertTrue(bad.output().contains("jpar.threadLevel must be single, funneled, serialized "
            + "or multiple: jpar.threadLevel=many"), bad::toString);
    }

    @Test
    void anUnknownBackendIsAClearError() {
        MpiRunner.Result r = java("-Djpar.backend=mpich", ShowBackend.class.getName());
        assertNotEquals(0, r.exitCode(), r::toString);
        assertTrue(r.output().contains("jpar.backend must be native, local or openmpi: "
            + "jpar.backend=mpich"), r::toString);
    }

    @Test
    void badRankCountsAreClearErrors() {
        MpiRunner.Result r = java("-Djpar.backend=local", "-Djpar.ranks=zero",
            ShowBackend.class.getName());
        assertNotEquals(0, r.exitCode(), r::toString);
        assertTrue(r.output().contains("jpar.ranks must be a positive integer: jpar.ranks=zero"),
            r::toString);
    }
}
