package org.jpar.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The README's jshell transcript, typed into a real jshell (its standard input) with engines
 * from Cluster.spawn: in jshell's default mode (snippets run in an agent JVM) and in its local
 * mode, on each JDK the build tests.
 */
class JShellIT {
    @ParameterizedTest
    @ValueSource(strings = {"default", "local"})
    void theTranscriptRunsOnSpawnedEngines(String mode, @TempDir Path dir) throws Exception {
        String jar = System.getProperty("jpar.jar");
        for (String java : MpiRunner.javas()) {
            List<String> command = new ArrayList<>(List.of(
                Path.of(java).resolveSibling("jshell").toString()));
            if (mode.equals("local")) {
                // JDK 17's jshell runs local snippets on its own class path and module graph.
                command.addAll(List.of("--execution", "local", "-J--add-modules=jdk.unsupported",
                    "-J-cp", "-J" + jar));
            }
            command.addAll(List.of("--class-path", jar));
            String out = run(command, dir);
            String what = mode + " mode on " + java + ":\n" + out;
            for (String expected : List.of("$3 ==> [0, 1]", "$5 ==> true", "$6 ==> 2",
                    "$9 ==> [101, 104, 109, 116]", "$11 ==> Point[x=1, y=2]",
                    "$13 ==> [1, 8, 27]", "6/6 tasks finished", "==> [50, 10, 30, 20, 40, 10]")) {
                assertTrue(out.contains(expected), "no " + expected + " in " + what);
            }
            assertFalse(out.contains("Exception"), what);
            byte[] png = Files.readAllBytes(dir.resolve("tasks.png"));
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4), what);
            Files.delete(dir.resolve("tasks.png"));
        }
    }

    private static String run(List<String> command, Path dir) throws Exception {
        Path log = dir.resolve("jshell.log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
            .redirectOutput(log.toFile()).start();
        try (InputStream script = JShellIT.class.getResourceAsStream("/jshell/cluster.jsh")) {
            p.getOutputStream().write(script.readAllBytes());
            p.getOutputStream().close();
        }
        boolean done = p.waitFor(MpiRunner.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(done, "jshell timed out: " + out);
        return out;
    }
}
