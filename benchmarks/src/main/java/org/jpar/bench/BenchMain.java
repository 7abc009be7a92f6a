package org.jpar.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import org.jpar.cluster.Client;
import org.jpar.cluster.Cluster;
import org.jpar.mpi.Mpi;
import org.jpar.mpi.ThreadLevel;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs jpar's JMH benchmarks inside the JVM that mpirun started (no forks): this main owns MPI's
 * init and finalize, every rank runs the same benchmarks with the same single-shot batches, and
 * rank 0 writes the results.
 *
 * <p>Usage: {@code mpirun -n 2 java -jar benchmarks.jar [--include REGEX] [--full | --quick | --smoke]
 * [--json FILE] [--tsv FILE] [--mpijar] [--gc] [--param NAME=V1,V2] [--batch N]
 * [--iterations N] [--thread-level LEVEL] [--cluster]}; {@code --iterations} sets the number of
 * measured iterations (ci/bench gives the MPI suites as many as the C baseline's repetitions, so
 * that both medians come from the same number of equal batches); {@code --mpijar} initializes MPI through Open MPI's Java bindings for
 * the {@code MpiJar*} suites instead of through jpar; {@code --gc} adds JMH's GC profiler and
 * reports bytes allocated per call; {@code --thread-level} initializes jpar at another level than
 * its default MULTIPLE (ci/bench uses SINGLE, C's level: JMH's worker is the one thread that calls
 * MPI, which Open MPI does not check), and the paths' labels name it; {@code --cluster} makes a cluster of the mpirun job ({@code Cluster.fromWorld}) and
 * runs {@link ClusterTasks} on rank 0 with the other ranks as engines. The TSV has one line per measurement: path, suite, variant, size,
 * median seconds per operation (one-way for ping-pong); a suite sampled per call also gets a
 * {@code SUITE-p99} line with its 99th percentile.
 */
public final class BenchMain {
    private BenchMain() {
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        String include = "org.jpar.bench.*";
        String mode = "full";
        Path json = null;
        Path tsv = null;
        boolean mpiJar = false;
        boolean gc = false;
        boolean cluster = false;
        java.util.List<String> params = new java.util.ArrayList<>();
        int batch = 0;
        int iterations = 0;
        ThreadLevel level = ThreadLevel.MULTIPLE;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--include" -> include = args[++i];
                case "--full" -> mode = "full";
                case "--quick" -> mode = "quick";
                case "--smoke" -> mode = "smoke";
                case "--json" -> json = Path.of(args[++i]);
                case "--tsv" -> tsv = Path.of(args[++i]);
                case "--mpijar" -> mpiJar = true;
                case "--gc" -> gc = true;
                case "--cluster" -> cluster = true;
                case "--param" -> params.add(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--thread-level" -> level = ThreadLevel.valueOf(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        if (cluster && mpiJar) {
            throw new IllegalArgumentException("--cluster runs on jpar, not with --mpijar");
        }
        // Every rank runs JMH on the one host: JMH's host-wide lock would stop all but one.
        System.setProperty("jmh.ignoreLock", "true");
        Mpi mpi = null;
        boolean root;
        if (mpiJar) {
            // Open MPI's bindings own MPI in this process; jpar stays out of it.
            root = (int) mpiJarRanks().getMethod("init").invoke(null) == 0;
        } else {
            mpi = Mpi.init(new String[0], level);
            Ranks.set(mpi);
            root = mpi.world().rank() == 0;
        }
        Client worldClient = null;
        if (cluster) {
            Optional<Client> maybe = Cluster.fromWorld(mpi);
            if (maybe.isEmpty()) {
                mpi.close();
                return;
            }
            worldClient = maybe.get();
            ClusterTasks.setWorldClient(worldClient);
            include = ClusterTasks.class.getName() + ".*";
            params.add("path=mpirun");
            params.add("engines=" + worldClient.ids().size());
        }
        ChainedOptionsBuilder options = new OptionsBuilder().include(include).forks(0)
            .shouldFailOnError(true).verbosity(root ? VerboseMode.NORMAL : VerboseMode.SILENT);
        switch (mode) {
            // Time-based suites: 300 ms iterations (the full run's are 1 s); the MPI suites'
            // single-shot batches do not depend on time.
            case "quick" -> options.warmupIterations(2).measurementIterations(3)
                .warmupTime(TimeValue.milliseconds(300)).measurementTime(TimeValue.milliseconds(300));
            case "smoke" -> options.warmupIterations(1).measurementIterations(1)
                .warmupBatchSize(10).measurementBatchSize(10)
                .warmupTime(TimeValue.milliseconds(20)).measurementTime(TimeValue.milliseconds(20))
                .param("bytes", "8", "1024").param("count", "1").param("size", "4096")
                .param("engines", "2");
            default -> { }
        }
        if (gc) {
            options.addProfiler(GCProfiler.class);
        }
        if (batch > 0) {
            options.warmupBatchSize(batch).measurementBatchSize(batch);
        }
        if (iterations > 0) {
            options.measurementIterations(iterations);
        }
        for (String param : params) {
            String[] nameValues = param.split("=", 2);
            options.param(nameValues[0], nameValues[1].split(","));
        }
        if (root && json != null) {
            options.result(json.toString()).resultFormat(ResultFormatType.JSON);
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        if (root && tsv != null) {
            String levelLabel = level == ThreadLevel.MULTIPLE
                ? "" : "-" + level.name().toLowerCase(Locale.ROOT);
            // Open MPI's rows keep their plain names; another MPI's name its MPI.
            String mpiLabel = !mpiJar && mpi.libraryVersion().startsWith("MPICH") ? "-mpich" : "";
            writeTsv(results, tsv, mpiJar ? "mpijar"
                : "jpar-" + mpi.binding() + mpiLabel + levelLabel,
                "jpar-local-jdk" + Runtime.version().feature());
        }
        if (worldClient != null) {
            worldClient.close();
        }
        if (mpiJar) {
            mpiJarRanks().getMethod("finish").invoke(null);
        } else {
            mpi.close();
        }
    }

    /** The mpi.jar suites' helper, compiled only where mpi.jar was installed. */
    private static Class<?> mpiJarRanks() {
        try {
            return Class.forName("org.jpar.bench.MpiJarRanks");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("these benchmarks were built without mpi.jar "
                + "(run ci/mpi-jar, then rebuild)", e);
        }
    }

    /** {@code label} names the paths, but the local backend's ({@code localLabel}). */
    private static void writeTsv(Collection<RunResult> results, Path file, String label,
                                 String localLabel) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            for (RunResult r : results) {
                String benchmark = r.getParams().getBenchmark();
                String className = benchmark.substring(
                    benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1,
                    benchmark.lastIndexOf('.'));
                String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
                // A class with one benchmark names its suite; one with several, each method does.
                String suite = java.util.Set.of("Collectives", "KernelSum", "PoolRoundTrip", "ClusterTasks",
                    "CallOverhead", "MpiJarCallOverhead").contains(className) ? method.toLowerCase(Locale.ROOT)
                    : className.replaceFirst("^(MpiJar|Local)", "").toLowerCase(Locale.ROOT);
                String size = java.util.stream.Stream.of("bytes", "count", "size", "engines", "rows")
                    .map(p -> r.getParams().getParam(p)).filter(java.util.Objects::nonNull)
                    .findFirst().orElse("0");
                String path = r.getParams().getParam("path");
                double batchMicros = r.getPrimaryResult().getStatistics().getPercentile(50.0);
                // Single-shot scores are per batch; average-time scores are per call already.
                int batch = r.getParams().getMode() == Mode.SingleShotTime
                    ? r.getParams().getMeasurement().getBatchSize() : 1;
                double seconds = batchMicros / 1e6 / batch / (suite.equals("pingpong") ? 2 : 1);
                String name = className.startsWith("Local") ? localLabel : label;
                out.printf(Locale.ROOT, "%s-%s\t%s\t%s\t%.9e%n", name, path, suite, size, seconds);
                if (r.getParams().getMode() == Mode.SampleTime) {
                    // The tail that a median hides: how often a call waits for a sleeping thread.
                    double p99 = r.getPrimaryResult().getStatistics().getPercentile(99.0) / 1e6;
                    out.printf(Locale.ROOT, "%s-%s\t%s-p99\t%s\t%.9e%n", name, path, suite, size,
                        p99);
                }
                Result<?> allocated = r.getSecondaryResults().get("gc.alloc.rate.norm");
                if (allocated != null) {
                    // Bytes per operation of the batch, as JMH counts it: per call here.
                    out.printf(Locale.ROOT, "%s-%s\talloc-%s\t%s\t%.1f%n", name, path, suite,
                        size, allocated.getScore() / batch);
                }
            }
        }
    }
}
