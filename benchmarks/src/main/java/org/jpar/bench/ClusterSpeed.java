package org.jpar.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.jpar.examples.DummyTasks;
import org.jpar.cluster.AsyncResult;
import org.jpar.cluster.Client;
import org.jpar.cluster.Cluster;
import org.jpar.mpi.Mpi;

/**
 * Measures what the JMH suite ({@code ClusterTasks}: round trip and throughput) cannot: engine
 * start-up (from the launch, see {@link #launched()}, to every engine having answered a task), and
 * the seed experiment's load-balanced makespan (64 random delays, scaled to under
 * 0.1 s) against the ideal and against the same policy with no overhead, as medians over 9 draws.
 * Prints one {@code name value unit} line each.
 *
 * <p>Run under mpirun ({@code mpirun -n 3 ... ClusterSpeed} for 2 engines), or
 * {@code ClusterSpeed --local N} / {@code ClusterSpeed --spawn N} without mpirun.
 */
public final class ClusterSpeed {
    private static final int SEEDS = 9;
    private static final int TASKS = 64;
    private static final double SCALE = 0.1;

    private ClusterSpeed() {
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "--world";
        int engines = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        Instant start = launched();
        switch (mode) {
            case "--local" -> {
                try (Client client = Cluster.local(engines)) {
                    report("local", client, start);
                }
            }
            case "--spawn" -> {
                try (Client client = Cluster.spawn(engines)) {
                    report("spawn", client, start);
                }
                Mpi.current().ifPresent(Mpi::close);
            }
            default -> Mpi.run(args, mpi -> {
                Optional<Client> maybe = Cluster.fromWorld(mpi);
                if (maybe.isPresent()) {
                    try (Client client = maybe.get()) {
                        report("mpirun", client, start);
                    }
                }
            });
        }
    }

    /**
     * When the program was launched: the {@code launchedAt} system property (epoch nanoseconds,
     * as {@code -DlaunchedAt=$(date +%s%N)} on the mpirun or java command line records it), else
     * now, the start of {@code main}. (A process's own start time is no use here: Linux reports
     * it against a boot time rounded to the second.)
     */
    static Instant launched() {
        String at = System.getProperty("launchedAt");
        if (at == null) {
            return Instant.now();
        }
        long nanos = Long.parseLong(at.trim());
        return Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
    }

    private static void report(String kind, Client client, Instant start) throws Exception {
        int n = client.ids().size();
        String tag = kind + " engines=" + n;
        // Ready: every engine has answered a task.
        client.all().applySync(() -> 0);
        System.out.printf("%s startup %.3f s%n", tag,
            Duration.between(start, Instant.now()).toNanos() / 1e9);

        double[] overIdeal = new double[SEEDS];
        double[] greedyOverIdeal = new double[SEEDS];
        double[] overGreedy = new double[SEEDS];
        for (int seed = 1; seed <= SEEDS; seed++) {
            Random random = new Random(seed);
            List<Double> delays = new ArrayList<>();
            for (int i = 0; i < TASKS; i++) {
                delays.add(random.nextDouble() * SCALE);
            }
            AsyncResult<List<Long>> balanced = client.loadBalancedView().mapAsync(
                DummyTasks::dummyTask, delays);
            balanced.get();
            double ideal = delays.stream().mapToDouble(Double::doubleValue).sum() / n;
            double greedy = DummyTasks.greedyMakespan(delays, n);
            overIdeal[seed - 1] = balanced.wallSeconds() / ideal;
            greedyOverIdeal[seed - 1] = greedy / ideal;
            overGreedy[seed - 1] = balanced.wallSeconds() / greedy;
        }
        String what = "_" + TASKS + "_delays_under_" + SCALE + "s_median_of_" + SEEDS + "_seeds";
        System.out.printf("%s makespan_balanced_over_ideal%s %.3f x%n", tag, what,
            median(overIdeal));
        System.out.printf("%s greedy_schedule_over_ideal%s %.3f x%n", tag, what,
            median(greedyOverIdeal));
        System.out.printf("%s makespan_balanced_over_greedy_schedule%s %.3f x%n", tag, what,
            median(overGreedy));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
