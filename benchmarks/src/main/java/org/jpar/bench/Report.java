package org.jpar.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes {@code DIR/report.md} for one {@code ci/bench} results folder: every path's median for
 * each suite and size with its ratio to C (and to C at the path's own MPI thread level), then the
 * goals of goals.tsv, then the small messages' profile by part where {@code ci/bench-profile}
 * wrote one into {@code DIR/profile}, then the cluster's medians where {@code ci/bench} wrote
 * {@code ci/bench-cluster}'s into {@code DIR/cluster.txt}.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.jpar.bench.Report DIR [full|quick|smoke]}.
 */
public final class Report {
    private Report() {
    }

    /** Entry point: writes the report for {@code args[0]}, run in mode {@code args[1]}. */
    public static void main(String[] args) throws IOException, InterruptedException {
        Path dir = Path.of(args[0]);
        String mode = args.length > 1 ? args[1] : "full";
        Results results = Results.read(dir);
        String text = header(mode, mpiVersion()) + table(results)
            + Goals.markdown(Goals.load(), results, binding(results))
            + profile(dir.resolve("profile")) + cluster(dir.resolve("cluster.txt"));
        Files.writeString(dir.resolve("report.md"), text, StandardCharsets.UTF_8);
    }

    /** "jpar-ffm" when the run measured the FFM binding, else "jpar-jna". */
    static String binding(Results results) {
        return results.bySuite().values().stream().flatMap(paths -> paths.keySet().stream())
            .anyMatch(path -> path.startsWith("jpar-ffm-")) ? "jpar-ffm" : "jpar-jna";
    }

    private static String header(String mode, String mpi) {
        String command = mode.equals("full") ? "ci/bench" : "ci/bench --" + mode;
        StringBuilder h = new StringBuilder("# jpar benchmarks, " + ZonedDateTime.now(ZoneOffset.UTC)
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'")) + ", mode " + mode + "\n\n"
            + "Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Linux "
            + System.getProperty("os.version") + ", " + mpi + ".\n"
            + "Command: `" + command + "`. Medians; ratio = path / C, lower is better.\n"
            + "Ping-pong times are one-way (half a round trip); Allreduce is per call; 2 ranks.\n"
            + "C runs at MPI_THREAD_SINGLE (`c`) and at MPI_THREAD_MULTIPLE (`c-multiple`); jpar"
            + " asks\nfor MULTIPLE unless the path says `single`, and so does mpi.jar's suite"
            + " (MPI.InitThread). Open\nMPI 4.1 charges every level above SINGLE what it charges"
            + " MULTIPLE (C measured at each).\nThe last column compares each MPI path with C at"
            + " the same thread level.\nRows with `mpich` ran under MPICH (mpiexec.mpich) and"
            + " compare with MPICH's C (`c-mpich`), both at MPI_THREAD_SINGLE.\n");
        if (mode.equals("quick")) {
            h.append("In --quick, JDK 17 (JNA) skips what its binding does not change: the "
                + "pure-Java paths (Java\npools and kernels, the local backend and engines) and "
                + "the 1 and 4 MiB messages and the\nAllreduce of 1M doubles, where a call's cost "
                + "is under 0.1 % of the time.\n");
        }
        return h.append('\n').toString();
    }

    /** The first line of {@code mpirun.openmpi --version}, or "MPI unknown". */
    private static String mpiVersion() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("mpirun.openmpi", "--version").redirectErrorStream(true).start();
            String first = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines().findFirst().orElse("MPI unknown");
            p.waitFor();
            return first;
        } catch (IOException e) {
            return "MPI unknown";
        }
    }

    /** One row per suite, size and path, sorted so, with ratios to C and to C at its level. */
    static String table(Results results) {
        List<String> rows = new ArrayList<>();
        for (Map.Entry<String, Map<String, Map<Double, Double>>> suite
                : results.bySuite().entrySet()) {
            Map<Double, Map<String, Double>> bySize = new TreeMap<>();
            suite.getValue().forEach((path, sizes) -> sizes.forEach((size, value) ->
                bySize.computeIfAbsent(size, k -> new TreeMap<>()).put(path, value)));
            bySize.forEach((size, paths) -> paths.forEach((path, value) ->
                rows.add(row(results, suite.getKey(), size, path, value))));
        }
        return "| suite | size | path | median | ratio to C | ratio to C at its thread level |\n"
            + "|---|---|---|---|---|---|\n" + String.join("", rows);
    }

    private static String row(Results results, String suite, double size, String path,
                              double value) {
        String sizeText = size == Math.rint(size) ? String.valueOf((long) size)
            : String.valueOf(size);
        if (suite.startsWith("alloc-")) {
            return String.format(Locale.ROOT, "| %s | %s | %s | %.0f B/call | - | - |%n", suite,
                sizeText, path, value);
        }
        // Another MPI's rows compare with that MPI's C (c-mpich), run at MPI_THREAD_SINGLE.
        boolean mpich = path.contains("mpich");
        OptionalDouble c = results.value(suite, mpich ? "c-mpich" : "c", size);
        OptionalDouble cm = results.value(suite, "c-multiple", size);
        String ratio = ratio(value, c);
        String level = "-";
        boolean atMultiple = !mpich && ((path.matches("jpar-(ffm|jna)-.*")
            && !path.contains("-single-")) || path.startsWith("mpijar-"));
        if (atMultiple) {
            level = ratio(value, cm);
        } else if (path.equals("c-multiple")) {
            level = "1.00";
        } else if (path.equals("c") || path.equals("c-end") || path.matches("jpar-.*-single-.*")
                || mpich) {
            level = ratio;
        }
        return String.format(Locale.ROOT, "| %s | %s | %s | %.3f us | %s | %s |%n", suite,
            sizeText, path, value * 1e6, ratio, level);
    }

    private static String ratio(double value, OptionalDouble base) {
        return base.isPresent() && base.getAsDouble() > 0
            ? String.format(Locale.ROOT, "%.2f", value / base.getAsDouble()) : "-";
    }

    /** The per-part summaries ci/bench-profile wrote into {@code dir}, if it ran. */
    static String profile(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith("-parts.txt")).sorted().toList()) {
                lines.addAll(Files.readAllLines(f));
            }
        }
        if (lines.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("\nRank 0's benchmark thread in the 8-byte ping-pong "
            + "and the Allreduce of one double, by part (`ci/bench-profile`, perf; time in Open "
            + "MPI includes spinning in a receive while the peer works):\n\n");
        for (String line : lines) {
            md.append("- ").append(line).append('\n');
        }
        return md.toString();
    }

    /** ci/bench-cluster's medians (one run per configuration), if the run has them. */
    static String cluster(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        return "\n## Cluster (`RUNS=1 ci/bench-cluster`)\n\n```\n" + Files.readString(file)
            + "```\n";
    }

    /** Seconds as µs below 10 ms, else as ms. */
    static String duration(double seconds) {
        return seconds < 0.01 ? String.format(Locale.ROOT, "%.3f \u00b5s", seconds * 1e6)
            : String.format(Locale.ROOT, "%.1f ms", seconds * 1e3);
    }
}
