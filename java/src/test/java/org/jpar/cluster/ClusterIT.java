package org.jpar.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jpar.cluster.programs.ClusterOverMpi;
import org.jpar.cluster.programs.ShippedTasks;
import org.jpar.cluster.programs.SpawnedCluster;
import org.jpar.examples.DummyTasks;
import org.jpar.testing.MpiRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Clusters whose engines are MPI ranks under mpirun, and the seed's DummyTasks both ways. */
class ClusterIT {
    /** The client's dispatcher calls MPI beside the program's thread. */
    @Test
    void aClusterBelowThreadMultipleIsAClearErrorOnEveryRank() {
        MpiRunner.Result r = MpiRunner.runWith(3, "-Djpar.threadLevel=serialized",
            ClusterOverMpi.class.getName());
        assertFalse(r.timedOut(), r::toString);
        assertNotEquals(0, r.exitCode(), r::toString);
        assertTrue(r.output().contains("it needs MPI initialized at MULTIPLE, not SERIALIZED"),
            r::toString);
    }

    @Test
    void enginesAreRanksAndTheJobEndsWhenTheClientCloses() {
        MpiRunner.Result r = MpiRunner.run(3, ClusterOverMpi.class.getName());
        assertFalse(r.timedOut(), r::toString);
        assertEquals(0, r.exitCode(), r::toString);
        String out = r.output();
        assertTrue(out.contains("ids [0, 1]"), out);
        assertTrue(out.contains("distinct engine pids 2"), out);
        assertTrue(out.contains("map [1, 4, 9, 16]"), out);
        assertTrue(out.contains("remote failure: task"), out);
        assertTrue(out.contains("failure on a rank"), out);
        assertTrue(out.contains("engine trace has frames: true"), out);
        assertTrue(out.contains("still serving yes"), out);
        assertTrue(out.contains("client closed"), out);
        assertEquals(2, r.lines("engine rank ").size(), out);
    }

    /**
     * Engines that are EngineMain on jpar's jar alone, beside a client whose class path has the
     * task classes (MPMD): the classes go to the engines by value, under both MPIs.
     */
    @Test
    void enginesUnderMpirunGetTheClientsClasses() {
        for (String mpi : MpiRunner.mpis()) {
            List<String> command = new ArrayList<>(mpi.equals("mpich")
                ? List.of("mpiexec.mpich") : MpiRunner.mpirun());
            command.addAll(MpiRunner.rank(1, MpiRunner.classpath(), ShippedTasks.class.getName()));
            command.add(":");
            command.addAll(MpiRunner.rank(2, System.getProperty("jpar.jar"),
                EngineMain.class.getName()));
            MpiRunner.Result r = MpiRunner.exec(command);
            assertFalse(r.timedOut(), r::toString);
            assertEquals(0, r.exitCode(), r::toString);
            String out = r.output();
            assertTrue(out.contains("engines lack the task classes: [true, true]"), out);
            assertTrue(out.contains("scaled [2.5, 5.0, 10.0]"), out);
            assertTrue(out.contains("returned Reading[sensor=d, value=8.0]"), out);
            assertTrue(out.contains("balanced [3, 1, 2]"), out);
            assertTrue(out.contains("cause java.io.IOException: checked on an engine"), out);
            assertTrue(out.contains("client closed"), out);
        }
    }

    /** A site's own libjpar.so, named by jna.library.path, is the one the engines load too. */
    @Test
    void spawnedEnginesGetTheClientsLibraryPath(@TempDir Path site) throws Exception {
        Files.copy(Path.of("target", "classes", System.getProperty("jpar.jnaPlatform",
            "linux-x86-64"), "libjpar-openmpi.so"), site.resolve("libjpar.so"));
        String dir = site.toString();
        MpiRunner.Result r = MpiRunner.java(List.of("-Djna.library.path=" + dir),
            SpawnedCluster.class.getName(), "quiet");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.output().contains("engines' jna.library.path [" + dir + ", " + dir + ", "
            + dir + "]"), r::toString);
    }

    @Test
    void spawnedEnginesServeAndExitWhenTheClientCloses() {
        MpiRunner.Result r = MpiRunner.java(List.of(), SpawnedCluster.class.getName());
        assertFalse(r.timedOut(), r::toString);
        assertEquals(0, r.exitCode(), r::toString);
        String out = r.output();
        assertEquals(1, r.lines("engines ready after ").size(), out);
        assertTrue(out.contains("distinct engine pids 3, client among them: false"), out);
        assertTrue(out.contains("map [2, 3, 4]"), out);
        assertTrue(out.contains("remote failure names engine 2"), out);
        assertTrue(out.contains("engine JVMs exited: true"), out);
        // An idle cluster sleeps between polls: MPI's own blocking probe would keep a core busy
        // per process (about 1,000 ms each here, four processes on two cores). A sleeping client
        // still takes 80-570 ms in those 2 s, its dispatcher's polls and the JIT coming in bursts
        // after the last task; an engine 80-130 ms.
        Matcher idle = Pattern.compile("idle cpu ms over 2 s: client (\\d+), busiest engine (\\d+)")
            .matcher(out);
        assertTrue(idle.find(), out);
        assertTrue(Long.parseLong(idle.group(1)) < 800, out);
        assertTrue(Long.parseLong(idle.group(2)) < 300, out);
        assertTrue(out.contains("finalized"), out);
    }

    @Test
    void aSpawnedEngineThatDiesFailsItsTasksInsteadOfHanging() {
        MpiRunner.Result r = MpiRunner.java(List.of(), SpawnedCluster.class.getName(), "lose");
        assertFalse(r.timedOut(), r::toString);
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.output().contains("lost: engine 1 (pid "), r::toString);
        assertTrue(r.output().contains("later tasks for it fail at once: 1"), r::toString);
        assertTrue(r.output().contains("client closed"), r::toString);
    }

    @Test
    void dummyTasksUnderMpirun(@TempDir Path dir) throws Exception {
        MpiRunner.Result r = MpiRunner.run(5, DummyTasks.class.getName(), "--scale", "0.05",
            "--out", dir.toString());
        checkDummyTasks(r, dir, 4);
    }

    /** The seed's cluster tour with the job's ranks as engines (fromWorld) under MPICH. */
    @Test
    void dummyTasksUnderMpich(@TempDir Path dir) throws Exception {
        assumeTrue(MpiRunner.mpis().contains("mpich"), "no MPICH shim in this build");
        MpiRunner.Result r = MpiRunner.mpich(MpiRunner.thisJava(), 5, List.of(),
            DummyTasks.class.getName(), "--scale", "0.05", "--out", dir.toString());
        checkDummyTasks(r, dir, 4);
    }

    /** Debian's MPICH runs over UCX, which has no dynamic processes: spawn says so. */
    @Test
    void spawnUnderMpichOverUcxIsAClearError() {
        assumeTrue(MpiRunner.mpis().contains("mpich"), "no MPICH shim in this build");
        MpiRunner.Result r = MpiRunner.java(List.of("-Djpar.mpi=mpich"),
            SpawnedCluster.class.getName(), "quiet");
        assertNotEquals(0, r.exitCode(), r::toString);
        assertTrue(r.output().contains("org.jpar.mpi.MpiException: spawn: MPICH on the ch4:ucx "
            + "device (Debian's MPICH 4) cannot start processes"), r::toString);
    }

    @Test
    void dummyTasksOnLocalEngines(@TempDir Path dir) throws Exception {
        MpiRunner.Result r = MpiRunner.java(List.of(), DummyTasks.class.getName(), "--local", "4",
            "--scale", "0.05", "--out", dir.toString());
        checkDummyTasks(r, dir, 4);
    }

    /**
     * The tour with its client and engine 0 on one simulated node and engines 1-3 on the other
     * (ci/nodes), under each MPI: tasks run on both, and their records name the node.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jpar.testing.MpiRunner#mpis")
    void dummyTasksWithEnginesOnTwoNodes(String mpi, @TempDir Path dir) throws Exception {
        MpiRunner.assumeAcrossNodes(mpi);
        MpiRunner.Result r = MpiRunner.nodes(mpi, 2, 3, MpiRunner.thisJava(),
            MpiRunner.classpath(), DummyTasks.class.getName(), "--scale", "0.05", "--out",
            dir.toString());
        checkDummyTasks(r, dir, 4);
        List<String> perNode = r.lines("tasks per node: ");
        assertEquals(1, perNode.size(), r::toString);
        assertTrue(perNode.get(0).matches("tasks per node: \\{node-a=\\d+, node-b=\\d+}"),
            r::toString);
    }

    private static void checkDummyTasks(MpiRunner.Result r, Path dir, int engines)
            throws Exception {
        assertFalse(r.timedOut(), r::toString);
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.output().contains("engines: [0, 1, 2, 3]"), r::toString);
        assertEquals(1, r.lines("client pid: ").size(), r::toString);
        assertEquals(1, r.lines("engine 0 pid: ").size(), r::toString);
        double direct = seconds(r, "makespan direct: ");
        double balanced = seconds(r, "makespan balanced: ");
        double ideal = seconds(r, "ideal: ");
        assertTrue(ideal > 0.05 * 64 * 0.3 / engines, "the delays add up: " + ideal);
        // No schedule beats the ideal: each engine's busy time adds up to at least it.
        assertTrue(direct >= ideal * 0.999, r.toString());
        assertTrue(balanced >= ideal * 0.999, r.toString());
        for (String name : new String[] {"timeline-direct.png", "timeline-balanced.png"}) {
            byte[] png = Files.readAllBytes(dir.resolve(name));
            assertTrue(png.length > 1000 && png[1] == 'P', name);
        }
    }

    private static double seconds(MpiRunner.Result r, String prefix) {
        List<String> lines = new ArrayList<>(r.lines(prefix));
        assertEquals(1, lines.size(), r::toString);
        Matcher m = Pattern.compile(Pattern.quote(prefix) + "([0-9.]+) s").matcher(lines.get(0));
        assertTrue(m.lookingAt(), lines.get(0));
        return Double.parseDouble(m.group(1));
    }
}
