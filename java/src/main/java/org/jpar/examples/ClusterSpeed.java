package org.jpar.examples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.jpar.cluster.AsyncResult;
import org.jpar.cluster.Client;
import org.jpar.cluster.Cluster;
import org.jpar.mpi.Mpi;

/**
 * Measures the cluster: {@code applySync} round trip of an empty task (median of repeated runs),
 * load-balanced throughput of empty tasks, engine start-up, and the seed experiment's
 * load-balanced makespan against the ideal. Prints one {@code name value unit} line each.
 *
 * <p>Run under mpirun ({@code mpirun -n 3 ... ClusterSpeed} for 2 engines), or
 * {@code ClusterSpeed --local N} / {@code ClusterSpeed --spawn N} without mpirun.
 */
public final class ClusterSpeed {
    private ClusterSpeed() {
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "--world";
        int engines = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        long start = System.nanoTime();
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

    private static void report(String kind, Client client, long start) throws Exception {
        int n = client.ids().size();
        String tag = kind + " engines=" + n;
        // Ready: every engine has answered a task.
        client.all().applySync(() -> 0);
        System.out.printf("%s startup %.3f s%n", tag, (System.nanoTime() - start) / 1e9);

        for (int i = 0; i < 2000; i++) {
            client.engine(0).applySync(() -> null);
        }
        double[] rounds = new double[5];
        for (int r = 0; r < rounds.length; r++) {
            int calls = 2000;
            long t0 = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                client.engine(0).applySync(() -> null);
            }
            rounds[r] = (System.nanoTime() - t0) / 1e3 / calls;
        }
        System.out.printf("%s applySync_round_trip_median %.1f us%n", tag, median(rounds));

        double[] rates = new double[5];
        for (int r = 0; r < rates.length; r++) {
            int tasks = 5000;
            List<AsyncResult<Object>> results = new ArrayList<>(tasks);
            long t0 = System.nanoTime();
            for (int i = 0; i < tasks; i++) {
                results.add(client.loadBalancedView().applyAsync(() -> null));
            }
            for (AsyncResult<Object> res : results) {
                res.get();
            }
            rates[r] = tasks / ((System.nanoTime() - t0) / 1e9);
        }
        System.out.printf("%s load_balanced_throughput_median %.0f tasks/s%n", tag, median(rates));

        Random random = new Random(2026);
        List<Double> delays = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            delays.add(random.nextDouble() * 0.1);
        }
        AsyncResult<List<Long>> balanced = client.loadBalancedView().mapAsync(
            DummyTasks::dummyTask, delays);
        balanced.get();
        double ideal = delays.stream().mapToDouble(Double::doubleValue).sum() / n;
        System.out.printf("%s makespan_balanced_over_ideal_64_delays_under_0.1s %.3f x%n", tag,
            balanced.wallSeconds() / ideal);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
