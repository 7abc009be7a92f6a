package org.jpar.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * The project's speed goals checked against one {@code ci/bench} results folder, for jpar's
 * native path on direct buffers (the FFM binding when the run had a JDK 22+, else JNA): what
 * this run measured, met or missed, and for a miss, how the same run's numbers split the
 * difference (MPI's thread level, jpar's calls, the machine's drift), then the small messages'
 * profile by part when {@code ci/bench-profile} wrote one into DIR/profile. Prints Markdown.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.jpar.bench.Goals DIR}.
 */
public final class Goals {
    /** One goal's outcome; {@code why} is empty unless it was missed. */
    record Verdict(String goal, String measured, String outcome, String why) {
    }

    static final String MET = "met";
    static final String MISSED = "**missed**";
    static final String NOT_MEASURED = "not measured";

    private final Results results;
    private final String jpar;

    private Goals(Results results) {
        this.results = results;
        this.jpar = results.bySuite().values().stream().flatMap(paths -> paths.keySet().stream())
            .anyMatch(path -> path.startsWith("jpar-ffm-")) ? "ffm" : "jna";
    }

    /** Entry point: prints the section for the folder {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        System.out.print(new Goals(Results.read(dir)).markdown(profileLines(dir.resolve("profile"))));
    }

    /** Every goal, checked against {@code results}. */
    static List<Verdict> check(Results results) {
        return new Goals(results).check();
    }

    private List<Verdict> check() {
        List<Verdict> out = new ArrayList<>();
        out.add(latency(8, 1.15));
        out.add(belowMpiJar(8));
        out.add(latency(1024, 1.10));
        out.add(bandwidth(1 << 20));
        out.add(bandwidth(4 << 20));
        out.add(allreduce(1, 1.20));
        out.add(allreduce(1 << 20, 1.05));
        out.add(poolRoundTrip());
        out.add(nativeSum());
        return out;
    }

    /** The per-part summaries ci/bench-profile wrote into {@code dir}, if it ran. */
    static List<String> profileLines(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<String> lines = new ArrayList<>();
            for (Path f : files.filter(f -> f.toString().endsWith("-parts.txt")).sorted().toList()) {
                lines.addAll(Files.readAllLines(f));
            }
            return lines;
        }
    }

    private String markdown(List<String> profile) {
        List<Verdict> verdicts = check();
        StringBuilder md = new StringBuilder();
        md.append("\n## Goals (jpar-").append(jpar).append("-direct)\n\n");
        md.append("Small messages and the Allreduce of one double are judged with jpar at ")
            .append("MPI_THREAD_SINGLE, the level of C's baseline, where the run has that path: ")
            .append("Open MPI 4.1 charges every level above SINGLE what it charges MULTIPLE.\n\n");
        md.append("| goal | this run | verdict |\n|---|---|---|\n");
        for (Verdict v : verdicts) {
            md.append("| ").append(v.goal()).append(" | ").append(v.measured()).append(" | ")
                .append(v.outcome()).append(" |\n");
        }
        List<Verdict> missed = verdicts.stream().filter(v -> v.outcome().equals(MISSED)).toList();
        if (!missed.isEmpty()) {
            md.append("\nWhy, from this run's own numbers:\n\n");
            for (Verdict v : missed) {
                md.append("- ").append(v.goal()).append(": ").append(v.why()).append('\n');
            }
        }
        if (!profile.isEmpty()) {
            md.append("\nRank 0's benchmark thread in the 8-byte ping-pong and the Allreduce of one ")
                .append("double, by part (`ci/bench-profile`, perf; time in Open MPI includes ")
                .append("spinning in a receive while the peer works):\n\n");
            for (String line : profile) {
                md.append("- ").append(line).append('\n');
            }
        }
        return md.toString();
    }

    private String direct() {
        return "jpar-" + jpar + "-direct";
    }

    private Verdict latency(int bytes, double limit) {
        return atMostTimesC(label(bytes) + " one-way at most " + times(limit) + " C", "pingpong",
            bytes, limit);
    }

    private Verdict belowMpiJar(int bytes) {
        String goal = label(bytes) + " one-way below Open MPI's bindings (mpi.jar, direct)";
        OptionalDouble m = results.value("pingpong", "mpijar-direct", bytes);
        OptionalDouble j = results.value("pingpong", direct(), bytes);
        if (m.isEmpty() || j.isEmpty()) {
            return new Verdict(goal, "-", NOT_MEASURED, "");
        }
        String measured = micros(j) + " against " + micros(m);
        String why = "per call above C (CallOverhead): jpar send " + callAboveC("callsend", direct())
            + ", recv " + callAboveC("callrecv", direct()) + "; mpi.jar send "
            + callAboveC("callsend", "mpijar-direct") + ", recv "
            + callAboveC("callrecv", "mpijar-direct") + drift("pingpong", bytes);
        return new Verdict(goal, measured, j.getAsDouble() < m.getAsDouble() ? MET : MISSED, why);
    }

    private Verdict bandwidth(int bytes) {
        String goal = "bandwidth at " + label(bytes) + " at least 0.97" + "\u00d7 C";
        OptionalDouble c = results.value("pingpong", "c", bytes);
        OptionalDouble j = results.value("pingpong", direct(), bytes);
        if (c.isEmpty() || j.isEmpty()) {
            return new Verdict(goal, "-", NOT_MEASURED, "");
        }
        double ratio = c.getAsDouble() / j.getAsDouble();
        String measured = times(ratio) + " C (" + mbps(bytes, j) + " against " + mbps(bytes, c)
            + ")";
        String why = copyFree("pingpong", bytes, j.getAsDouble());
        return new Verdict(goal, measured, ratio >= 0.97 ? MET : MISSED, why);
    }

    private Verdict allreduce(int count, double limit) {
        return atMostTimesC("Allreduce of " + (count == 1 ? "1 double" : String.format(Locale.ROOT,
            "%,d doubles", count)) + " at most " + times(limit) + " C", "allreduce", count, limit);
    }

    /**
     * jpar's time at most {@code limit} times C's. Up to 1,024 elements, where the thread level
     * shows, jpar at MPI_THREAD_SINGLE (C's level) is judged when the run has it, its default
     * MULTIPLE shown beside; a miss is split into its parts. Larger, where the copy rules, a miss
     * is put beside jpar's call cost and C's drift.
     */
    private Verdict atMostTimesC(String goal, String suite, double size, double limit) {
        OptionalDouble c = results.value(suite, "c", size);
        OptionalDouble j = results.value(suite, direct(), size);
        if (c.isEmpty() || j.isEmpty()) {
            return new Verdict(goal, "-", NOT_MEASURED, "");
        }
        OptionalDouble single = size > 1024 ? OptionalDouble.empty()
            : results.value(suite, "jpar-" + jpar + "-single-direct", size);
        double judged = single.orElse(j.getAsDouble());
        double ratio = judged / c.getAsDouble();
        String measured = times(ratio) + " C (" + micros(OptionalDouble.of(judged)) + " against "
            + micros(c) + ")";
        if (single.isPresent()) {
            measured += " at MPI_THREAD_SINGLE, as C; at jpar's default MULTIPLE "
                + times(j.getAsDouble() / c.getAsDouble()) + " C";
        }
        measured += atLevel(suite, size, j.getAsDouble());
        String why = size > 1024 ? copyFree(suite, size, judged)
            : split(suite, size, judged, c.getAsDouble(), single.isPresent());
        return new Verdict(goal, measured, ratio <= limit ? MET : MISSED, why);
    }

    private Verdict poolRoundTrip() {
        String goal = "pool round trip at least 10" + "\u00d7 faster than ThreadPoolExecutor's";
        OptionalDouble p = results.value("emptytask", "jpar-" + jpar + "-pthreads", 0);
        OptionalDouble t = results.value("emptytask", "jpar-" + jpar + "-ThreadPoolExecutor", 0);
        if (p.isEmpty() || t.isEmpty()) {
            return new Verdict(goal, "-", NOT_MEASURED, "");
        }
        double speedup = t.getAsDouble() / p.getAsDouble();
        String measured = times(speedup) + " (pthreads " + micros(p) + " against " + micros(t)
            + ", medians)";
        OptionalDouble threads = results.value("emptytask", "jpar-" + jpar + "-threads", 0);
        String why = "the pthreads pool's 99th percentile: "
            + micros(results.value("emptytask-p99", "jpar-" + jpar + "-pthreads", 0))
            + (threads.isEmpty() ? "" : "; jpar's Java-thread pool: " + micros(threads) + ", "
            + times(t.getAsDouble() / threads.getAsDouble()))
            + "; a median near 1 \u00b5s is decided by where the scheduler puts caller and worker";
        return new Verdict(goal, measured, speedup >= 10 ? MET : MISSED, why);
    }

    private Verdict nativeSum() {
        String goal = "native sum of 100M doubles at least 0.9" + "\u00d7 the 2-thread C figure";
        double size = 100_000_000;
        OptionalDouble c = results.value("sum", "c", size);
        OptionalDouble j = results.value("sum", "jpar-" + jpar + "-native-pool", size);
        if (c.isEmpty() || j.isEmpty()) {
            return new Verdict(goal, "-", NOT_MEASURED, "");
        }
        double ratio = c.getAsDouble() / j.getAsDouble();
        String measured = times(ratio) + " C (" + millis(j) + " against " + millis(c) + ")";
        OptionalDouble javaPool = results.value("sum", "jpar-" + jpar + "-java-pool", size);
        String why = "800 MB per sum is memory-bound: both sides stream it with 2 threads"
            + (javaPool.isEmpty() ? "" : "; jpar's Java-thread sum took " + millis(javaPool))
            + drift("sum", size);
        return new Verdict(goal, measured, ratio >= 0.9 ? MET : MISSED, why);
    }

    /**
     * Why a large message's time is not jpar's: no copy, so only the call's own cost, a tiny
     * share of the time; what is left is the machine, shown by C's drift.
     */
    private String copyFree(String suite, double size, double seconds) {
        return "direct buffers go to MPI without a copy, so jpar adds only its calls' cost ("
            + callAboveC("callsend", direct()) + " per send above C's), "
            + String.format(Locale.ROOT, "%.3f %%", 100 * sendAboveC() / seconds)
            + " of the time here" + mpiJarBeside(suite, size) + drift(suite, size);
    }

    /**
     * Open MPI's own bindings on the same kind of buffers (the suites allocate both with
     * DirectBuffers): where they match C and jpar does not, the gap is jpar's, not the JVM's.
     */
    private String mpiJarBeside(String suite, double size) {
        OptionalDouble m = results.value(suite, "mpijar-direct", size);
        OptionalDouble c = results.value(suite, "c", size);
        return m.isEmpty() || c.isEmpty() ? "" : "; Open MPI's bindings on the same aligned buffers: "
            + duration(m) + ", " + times(m.getAsDouble() / c.getAsDouble()) + " C's time";
    }

    /** The path's ratio to C at MPI_THREAD_MULTIPLE, jpar's default level. */
    private String atLevel(String suite, double size, double seconds) {
        OptionalDouble cm = results.value(suite, "c-multiple", size);
        return cm.isEmpty() ? "" : "; " + times(seconds / cm.getAsDouble()) + " c-multiple";
    }

    /**
     * What of {@code j - c} is MPI's thread level (unless {@code sameLevel}: jpar ran at C's),
     * what jpar's calls, what neither.
     */
    private String split(String suite, double size, double j, double c, boolean sameLevel) {
        double gap = j - c;
        OptionalDouble cm = results.value(suite, "c-multiple", size);
        StringBuilder why = new StringBuilder(nanos(gap) + " above C");
        double rest = gap;
        if (cm.isPresent() && !sameLevel) {
            double level = cm.getAsDouble() - c;
            rest -= level;
            why.append(": ").append(nanos(level))
                .append(" is Open MPI at MPI_THREAD_MULTIPLE (c-multiple - c)");
        }
        if (suite.equals("pingpong")) {
            // A one-way trip has one send and one receive on its critical path.
            double calls = sendAboveC() + aboveC("callrecv", direct()).orElse(0);
            rest -= calls;
            why.append(", ").append(nanos(calls))
                .append(" jpar's send and receive above C's (CallOverhead)");
        }
        why.append(", ").append(nanos(rest)).append(" neither").append(drift(suite, size));
        return why.toString();
    }

    private double sendAboveC() {
        return aboveC("callsend", direct()).orElse(0);
    }

    private OptionalDouble aboveC(String suite, String path) {
        OptionalDouble p = results.value(suite, path, 0);
        OptionalDouble c = results.value(suite, "c", 0);
        return p.isEmpty() || c.isEmpty() ? OptionalDouble.empty()
            : OptionalDouble.of(p.getAsDouble() - c.getAsDouble());
    }

    private String callAboveC(String suite, String path) {
        OptionalDouble d = aboveC(suite, path);
        return d.isEmpty() ? "not measured" : nanos(d.getAsDouble());
    }

    /** How far C itself moved between the run's start and its end. */
    private String drift(String suite, double size) {
        OptionalDouble c = results.value(suite, "c", size);
        OptionalDouble end = results.value(suite, "c-end", size);
        if (c.isEmpty() || end.isEmpty()) {
            return "";
        }
        return "; C itself took " + duration(c) + " at the start of the run and " + duration(end)
            + " at its end (c-end)";
    }

    private static String label(int bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MiB" : bytes >= 1024 ? (bytes >> 10) + " KiB"
            : bytes + " B";
    }

    private static String times(double ratio) {
        return String.format(Locale.ROOT, "%.2f\u00d7", ratio);
    }

    private static String micros(OptionalDouble seconds) {
        return seconds.isEmpty() ? "-" : String.format(Locale.ROOT, "%.3f \u00b5s",
            seconds.getAsDouble() * 1e6);
    }

    private static String duration(OptionalDouble seconds) {
        return seconds.getAsDouble() < 0.01 ? micros(seconds) : millis(seconds);
    }

    private static String millis(OptionalDouble seconds) {
        return String.format(Locale.ROOT, "%.1f ms", seconds.getAsDouble() * 1e3);
    }

    private static String nanos(double seconds) {
        return String.format(Locale.ROOT, "%.0f ns", seconds * 1e9);
    }

    private static String mbps(int bytes, OptionalDouble seconds) {
        return String.format(Locale.ROOT, "%.0f MB/s", bytes / seconds.getAsDouble() / 1e6);
    }
}
