package org.jpar.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import org.jpar.mpi.Mpi;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs jpar's JMH benchmarks inside the JVM that mpirun started (no forks): this main owns MPI's
 * init and finalize, every rank runs the same benchmarks with the same single-shot batches, and
 * rank 0 writes the results.
 *
 * <p>Usage: {@code mpirun -n 2 java -jar benchmarks.jar [--include REGEX] [--quick | --smoke]
 * [--json FILE] [--tsv FILE]}. The TSV has one line per measurement: path, suite, variant, size,
 * median seconds per operation (one-way for ping-pong).
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
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--include" -> include = args[++i];
                case "--quick" -> mode = "quick";
                case "--smoke" -> mode = "smoke";
                case "--json" -> json = Path.of(args[++i]);
                case "--tsv" -> tsv = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        // Every rank runs JMH on the one host: JMH's host-wide lock would stop all but one.
        System.setProperty("jmh.ignoreLock", "true");
        Mpi mpi = Mpi.init(new String[0]);
        Ranks.set(mpi);
        boolean root = mpi.world().rank() == 0;
        ChainedOptionsBuilder options = new OptionsBuilder().include(include).forks(0)
            .shouldFailOnError(true).verbosity(root ? VerboseMode.NORMAL : VerboseMode.SILENT);
        switch (mode) {
            case "quick" -> options.warmupIterations(2).measurementIterations(3);
            case "smoke" -> options.warmupIterations(1).measurementIterations(1)
                .warmupBatchSize(10).measurementBatchSize(10)
                .param("bytes", "8").param("count", "1");
            default -> { }
        }
        if (root && json != null) {
            options.result(json.toString()).resultFormat(ResultFormatType.JSON);
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        if (root && tsv != null) {
            writeTsv(results, tsv, "jpar-" + mpi.binding());
        }
        mpi.close();
    }

    private static void writeTsv(Collection<RunResult> results, Path file, String label)
            throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            for (RunResult r : results) {
                String benchmark = r.getParams().getBenchmark();
                String suite = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1,
                    benchmark.lastIndexOf('.')).toLowerCase(Locale.ROOT);
                String size = r.getParams().getParam(suite.equals("pingpong") ? "bytes" : "count");
                String path = r.getParams().getParam("path");
                double batchMicros = r.getPrimaryResult().getStatistics().getPercentile(50.0);
                int batch = r.getParams().getMeasurement().getBatchSize();
                double seconds = batchMicros / 1e6 / batch / (suite.equals("pingpong") ? 2 : 1);
                out.printf(Locale.ROOT, "%s-%s\t%s\t%s\t%.9e%n", label, path, suite, size, seconds);
            }
        }
    }
}
