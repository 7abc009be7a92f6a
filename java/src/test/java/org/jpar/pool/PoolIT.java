package org.jpar.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.jpar.pool.programs.LeavePoolRunning;
import org.jpar.pool.programs.ShowWorkerAffinity;
import org.jpar.testing.MpiRunner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What needs a JVM of its own: exiting with a live pool, a CPU affinity set. */
class PoolIT {
    /** Under {@code taskset -c 0}, as mpirun's binding would do, workers stay on CPU 0. */
    @ParameterizedTest
    @EnumSource(PoolBackend.class)
    void workersStayWithinTheAffinitySet(PoolBackend backend) {
        MpiRunner.Result r = MpiRunner.exec(List.of("taskset", "-c", "0",
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", MpiRunner.classpath(), ShowWorkerAffinity.class.getName(), backend.name()));
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(6, r.lines("worker Cpus_allowed_list: 0").size(), r::toString);
        assertTrue(r.output().contains("cpu_count = 1"), r::toString);
    }

    @ParameterizedTest
    @EnumSource(PoolBackend.class)
    void theJvmExitsWithALivePool(PoolBackend backend) {
        MpiRunner.Result r = MpiRunner.java(List.of(), LeavePoolRunning.class.getName(),
            backend.name());
        assertFalse(r.timedOut(), r::toString);
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.output().contains("results [10, 20, 30]"), r::toString);
        assertTrue(r.output().contains("main returns with the pool open"), r::toString);
    }
}
