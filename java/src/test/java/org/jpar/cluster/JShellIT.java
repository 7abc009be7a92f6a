package org.jpar.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jpar.testing.MpiRunner;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The README's jshell transcript, typed into a real jshell (its standard input): with engines
 * from Cluster.spawn, in jshell's default mode (snippets run in an agent JVM) and its local mode,
 * on each JDK the build tests; and as rank 0 of an mpirun job whose engines run EngineMain on
 * jpar's jar alone, where the task classes exist in jshell only.
 */
class JShellIT {
    private static final String SPAWN = "var cli = Cluster.spawn(2)\n";

    @ParameterizedTest
    @ValueSource(strings = {"default", "local"})
    void theTranscriptRunsOnSpawnedEngines(String mode, @TempDir Path dir) throws Exception {
        for (String java : MpiRunner.javas()) {
            String out = session(jshell(java, mode), transcript(), dir);
            check(out, 0, mode + " mode on " + java, dir);
        }
    }

    @ParameterizedTest
    @CsvSource({"openmpi, default", "openmpi, local", "mpich, local"})
    void theTranscriptRunsUnderMpirun(String mpi, String mode, @TempDir Path dir)
            throws Exception {
        assumeTrue(MpiRunner.mpis().contains(mpi), "no MPICH shim in this build");
        String java = MpiRunner.thisJava();
        List<String> command = new ArrayList<>(mpi.equals("mpich")
            ? List.of("mpiexec.mpich") : MpiRunner.mpirun());
        command.addAll(List.of("-n", "1"));
        command.addAll(jshell(java, mode));
        command.add(":");
        command.addAll(MpiRunner.rank(2, System.getProperty("jpar.jar"),
            EngineMain.class.getName()));
        String script = transcript().replace(SPAWN, "var mpi = org.jpar.mpi.Mpi.init(new"
            + " String[0])\nvar cli = Cluster.fromWorld(mpi).orElseThrow()\n")
            .replace("cli.close()\n", "cli.close()\nmpi.close()\n");
        check(session(command, script, dir), 1, mpi + ", " + mode + " mode", dir);
    }

    /** jshell of the JDK of {@code java}, in {@code mode}, with jpar on its class path. */
    private static List<String> jshell(String java, String mode) {
        String jar = System.getProperty("jpar.jar");
        List<String> command = new ArrayList<>(List.of(
            Path.of(java).resolveSibling("jshell").toString()));
        if (mode.equals("local")) {
            // JDK 17's jshell runs local snippets on its own class path and module graph.
            command.addAll(List.of("--execution", "local", "-J--add-modules=jdk.unsupported",
                "-J-cp", "-J" + jar));
        }
        command.addAll(List.of("--class-path", jar));
        return command;
    }

    private static String transcript() throws Exception {
        try (InputStream in = JShellIT.class.getResourceAsStream("/jshell/cluster.jsh")) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(script.contains(SPAWN), script);
            return script;
        }
    }

    /** The session's answers, numbered from {@code shift} more snippets before them. */
    private static void check(String out, int shift, String what, Path dir) throws Exception {
        String described = what + ":\n" + out;
        for (String[] answer : new String[][] {{"3", "[0, 1]"}, {"5", "true"}, {"6", "2"},
                {"9", "[101, 104, 109, 116]"}, {"11", "Point[x=1, y=2]"}, {"13", "[1, 8, 27]"},
                {"17", "[50, 10, 30, 20, 40, 10]"}}) {
            String expected = "$" + (Integer.parseInt(answer[0]) + shift) + " ==> " + answer[1];
            assertTrue(out.contains(expected), "no " + expected + " in " + described);
        }
        assertTrue(out.contains("6/6 tasks finished"), described);
        assertFalse(out.contains("Exception"), described);
        byte[] png = Files.readAllBytes(dir.resolve("tasks.png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4),
            described);
        Files.delete(dir.resolve("tasks.png"));
    }

    private static String session(List<String> command, String script, Path dir)
            throws Exception {
        Path log = dir.resolve("jshell.log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
            .redirectOutput(log.toFile()).start();
        p.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        boolean done = p.waitFor(MpiRunner.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(done, "jshell timed out: " + out);
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
