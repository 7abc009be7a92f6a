package org.jpar.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Launches Java programs under mpirun, on jpar-all.jar plus the test classes, and collects
 * what they print. Integration tests use it; it adds the flags root and oversubscription need.
 */
public final class MpiRunner {
    /** Long enough for a slow machine, short enough that a hang fails the build soon. */
    public static final long TIMEOUT_SECONDS = 180;

    private static final Map<String, Boolean> FINALIZES_ACROSS_NODES = new ConcurrentHashMap<>();

    /** What a run did. */
    public record Result(int exitCode, String output, boolean timedOut) {
        /** Lines of output that start with {@code prefix}. */
        public List<String> lines(String prefix) {
            return output.lines().filter(l -> l.startsWith(prefix)).toList();
        }

        @Override
        public String toString() {
            return "exit=" + exitCode + (timedOut ? " (timed out)" : "") + "\n" + output;
        }
    }

    private MpiRunner() {
    }

    /** Runs {@code mainClass} on {@code ranks} ranks. */
    public static Result run(int ranks, String mainClass, String... args) {
        return runWith(ranks, null, mainClass, args);
    }

    /** Runs {@code mainClass} on {@code ranks} ranks with one extra JVM option (or null). */
    public static Result runWith(int ranks, String jvmOption, String mainClass, String... args) {
        return runOn(javaExecutable(), ranks, jvmOption, mainClass, args);
    }

    /** Like {@link #runWith}, with the ranks on the JVM at {@code java}. */
    public static Result runOn(String java, int ranks, String jvmOption, String mainClass,
                               String... args) {
        List<String> command = mpirun();
        List<String> section = rank(java, ranks, classpath(), mainClass, args);
        if (jvmOption != null) {
            section.add(section.indexOf("-cp"), jvmOption);
        }
        command.addAll(section);
        return exec(command);
    }

    /** Runs {@code java [jvmOptions...] -cp <classpath> mainClass args...} without mpirun. */
    public static Result java(List<String> jvmOptions, String mainClass, String... args) {
        return java(Map.of(), jvmOptions, mainClass, args);
    }

    /** {@link #java(List, String, String...)} with {@code environment} added to this one's. */
    public static Result java(Map<String, String> environment, List<String> jvmOptions,
                              String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath(), mainClass));
        command.addAll(List.of(args));
        return exec(command, environment);
    }

    /**
     * Runs {@code ranks} copies of {@code java [jvmOptions...] -cp <classpath> mainClass args}
     * under MPICH's launcher, mpiexec.mpich, which takes neither of Open MPI's flags (Hydra runs
     * as root and places more ranks than cores as it is).
     */
    public static Result mpich(String java, int ranks, List<String> jvmOptions, String mainClass,
                               String... args) {
        List<String> command = new ArrayList<>(List.of("mpiexec.mpich", "-n",
            String.valueOf(ranks), java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath(), mainClass));
        command.addAll(List.of(args));
        return exec(command);
    }

    /**
     * Runs {@code ranks} copies of {@code mainClass} on the JVM at {@code java} under the
     * launcher of {@code mpi}: "openmpi" (mpirun, with this machine's flags) or "mpich"
     * (mpiexec.mpich).
     */
    public static Result launch(String mpi, String java, int ranks, String mainClass,
                                String... args) {
        return mpi.equals("mpich") ? mpich(java, ranks, List.of(), mainClass, args)
            : runOn(java, ranks, null, mainClass, args);
    }

    /**
     * Runs {@code java -cp classpath mainClass args} as {@code onA + onB} ranks split over the two
     * simulated nodes of ci/nodes (node a gets the first {@code onA}), under the launcher of
     * {@code mpi}, the ranks talking over TCP.
     */
    public static Result nodes(String mpi, int onA, int onB, String java, String classpath,
                               String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", Path.of("..", "ci", "nodes")
            .toString(), "--timeout", String.valueOf(TIMEOUT_SECONDS - 10), "bash", "-c",
            ". ci/lib.sh && " + nodesLauncher(mpi) + " \"$@\"", "nodes", String.valueOf(onA),
            String.valueOf(onB), java,
            "-XX:+UseSerialGC", "-cp", classpath, mainClass));
        command.addAll(List.of(args));
        return exec(command);
    }

    /**
     * Skips the calling test unless this machine can make ci/nodes' namespaces and MPI_Finalize
     * under {@code mpi} returns across them: MPICH 4.0.2 over UCX's TCP transport hangs there
     * after one-way traffic, in C alike (native/probe/finalize_after_send.c), so its runs there
     * hang now and then, whatever they test.
     */
    public static void assumeAcrossNodes(String mpi) {
        Assumptions.assumeTrue(canSimulateNodes(), "ci/nodes needs root and iproute2");
        Assumptions.assumeTrue(finalizesAcrossNodes(mpi), () -> mpi + "'s MPI_Finalize does not "
            + "return across ci/nodes' nodes after one-way traffic: jpar-finalize-probe, in C, "
            + "hangs in it");
    }

    /**
     * Whether jpar-finalize-probe, built against {@code mpi}, finalizes on 1 + 1 ranks across
     * ci/nodes' nodes within 30 s, rather than hang. Asked once per test JVM.
     *
     * @throws IllegalStateException if the probe is missing, or fails another way
     */
    public static boolean finalizesAcrossNodes(String mpi) {
        return FINALIZES_ACROSS_NODES.computeIfAbsent(mpi, m -> {
            Path probe = Path.of("target", m.equals("mpich") ? "cmake-mpich" : "cmake",
                "jpar-finalize-probe").toAbsolutePath();
            if (!Files.isExecutable(probe)) {
                throw new IllegalStateException("no " + probe + ": the build makes it beside "
                    + "each MPI's shim (CMakeLists.txt)");
            }
            Result r = exec(List.of("bash", Path.of("..", "ci", "nodes").toString(), "--timeout",
                "30", "bash", "-c", ". ci/lib.sh && " + nodesLauncher(m) + " 1 1 \"$1\"",
                "probe", probe.toString()));
            if (r.exitCode() == 0 && r.lines("finalized ").size() == 2) {
                return true;
            }
            if (r.output().contains("ci/nodes: timed out")) {
                return false;
            }
            // Anything but a hang is a broken launch, which the tests must not skip over.
            throw new IllegalStateException("jpar-finalize-probe failed under " + m + " across "
                + "ci/nodes' nodes: " + r);
        });
    }

    private static String nodesLauncher(String mpi) {
        return mpi.equals("mpich") ? "nodes_mpiexec_mpich" : "nodes_mpirun";
    }

    /** Whether this machine can make ci/nodes' namespaces: root, with iproute2. */
    public static boolean canSimulateNodes() {
        return "root".equals(System.getProperty("user.name"))
            && (Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/sbin/ip")));
    }

    /** This JVM's java, and the second JDK's that ci/test names (jpar.otherJava), if any. */
    public static List<String> javas() {
        List<String> javas = new ArrayList<>(List.of(javaExecutable()));
        String other = System.getProperty("jpar.otherJava", "");
        if (!other.isBlank()) {
            javas.add(other);
        }
        return javas;
    }

    /** "openmpi", and "mpich" where the build has a MPICH shim. */
    public static List<String> mpis() {
        boolean mpich = Files.isRegularFile(Path.of("target", "classes",
            System.getProperty("jpar.jnaPlatform", "linux-x86-64"), "libjpar-mpich.so"));
        return mpich ? List.of("openmpi", "mpich") : List.of("openmpi");
    }

    /** The java binary of this JVM. */
    public static String thisJava() {
        return javaExecutable();
    }

    /** The mpirun prefix, with the flags this machine needs. */
    public static List<String> mpirun() {
        List<String> command = new ArrayList<>(List.of("mpirun.openmpi", "--oversubscribe"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--allow-run-as-root");
        }
        return command;
    }

    /** One MPMD section: {@code -n ranks java -cp classpath mainClass args}. */
    public static List<String> rank(int ranks, String classpath, String mainClass, String... args) {
        return rank(javaExecutable(), ranks, classpath, mainClass, args);
    }

    private static List<String> rank(String java, int ranks, String classpath, String mainClass,
                                     String... args) {
        List<String> section = new ArrayList<>(List.of("-n", String.valueOf(ranks),
            java, "-XX:+UseSerialGC", "-cp", classpath, mainClass));
        section.addAll(List.of(args));
        return section;
    }

    /** jpar-all.jar and the test classes. */
    public static String classpath() {
        return required("jpar.jar") + File.pathSeparator + required("jpar.testClasses");
    }

    /** Runs a command, merging stdout and stderr, killing it after {@link #TIMEOUT_SECONDS}. */
    public static Result exec(List<String> command) {
        return exec(command, Map.of());
    }

    private static Result exec(List<String> command, Map<String, String> environment) {
        try {
            Path log = Files.createTempFile("jpar-mpirun", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command);
                builder.environment().putAll(environment);
                Process p = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
                boolean done = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                if (!done) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly().waitFor();
                }
                String output = Files.readString(log, StandardCharsets.UTF_8);
                return new Result(done ? p.exitValue() : -1, output, !done);
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set: run the "
                + "integration tests through Maven (mvn verify)");
        }
        return value;
    }
}
