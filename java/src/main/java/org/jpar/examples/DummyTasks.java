package org.jpar.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import org.jpar.cluster.AsyncResult;
import org.jpar.cluster.Client;
import org.jpar.cluster.Cluster;
import org.jpar.cluster.DirectView;
import org.jpar.cluster.LoadBalancedView;
import org.jpar.cluster.RemoteFunction;
import org.jpar.cluster.TaskRecord;
import org.jpar.cluster.Timeline;
import org.jpar.mpi.Mpi;

/**
 * The seed's cluster tour: process ids of the client, of engine 0 and of every engine; then
 * {@code dummy_task} (sleep for a delay) over 4 delays, and over 64 random delays in [0, 1)
 * through the direct view and the load-balanced view, with a timeline of each and both
 * makespans against the ideal (the sum of the delays over the engines).
 *
 * <p>Run as {@code mpirun -n 5 java -cp jpar-all.jar org.jpar.examples.DummyTasks [--out DIR]}
 * (rank 0 is the client, ranks 1-4 the engines) or, with engines as threads and no mpirun,
 * {@code java -cp jpar-all.jar org.jpar.examples.DummyTasks --local 4 [--out DIR]}.
 * {@code --scale S} multiplies the delays (for quick runs).
 */
public final class DummyTasks {
    private static final int TASKS = 64;

    private DummyTasks() {
    }

    /**
     * The seed's task: sleeps for {@code delay} seconds (at least that long: parkNanos may wake
     * early, and the loop goes back to sleep) and returns the process id.
     */
    public static long dummyTask(double delay) {
        long deadline = System.nanoTime() + (long) (delay * 1e9);
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            java.util.concurrent.locks.LockSupport.parkNanos(left);
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
        }
        return ProcessHandle.current().pid();
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(".");
        int localEngines = 0;
        double scale = 1.0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--local" -> localEngines = Integer.parseInt(args[++i]);
                case "--scale" -> scale = Double.parseDouble(args[++i]);
                default -> throw new IllegalArgumentException("usage: DummyTasks [--out DIR] "
                    + "[--local N] [--scale S]: unknown " + args[i]);
            }
        }
        Path dir = out;
        double factor = scale;
        if (localEngines > 0) {
            try (Client client = Cluster.local(localEngines)) {
                tour(client, dir, factor);
            }
            return;
        }
        Mpi.run(args, mpi -> {
            Optional<Client> maybe = Cluster.fromWorld(mpi);
            if (maybe.isEmpty()) {
                return;
            }
            try (Client client = maybe.get()) {
                tour(client, dir, factor);
            }
        });
    }

    private static void tour(Client client, Path dir, double scale) throws Exception {
        System.out.println("engines: " + client.ids());
        System.out.println("client pid: " + ProcessHandle.current().pid());
        System.out.println("engine 0 pid: "
            + client.engine(0).applySync(() -> ProcessHandle.current().pid()));
        System.out.println("all engines' pids: "
            + client.all().applySync(() -> ProcessHandle.current().pid()));

        DirectView direct = client.all();
        LoadBalancedView balanced = client.loadBalancedView();
        RemoteFunction<Double, Long> task = DummyTasks::dummyTask;
        List<Double> four = List.of(0.1 * scale, 0.2 * scale, 0.3 * scale, 0.4 * scale);
        System.out.println("dummy_task over " + four + ": pids " + direct.parallel(task).map(four));

        Random random = new Random(2026);
        List<Double> delays = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            delays.add(random.nextDouble() * scale);
        }
        AsyncResult<List<Long>> viaDirect = direct.mapAsync(task, delays);
        viaDirect.waitInteractive();
        viaDirect.get();
        AsyncResult<List<Long>> viaBalanced = balanced.mapAsync(task, delays);
        viaBalanced.waitInteractive();
        viaBalanced.get();

        Files.createDirectories(dir);
        Path directPng = dir.resolve("timeline-direct.png");
        Path balancedPng = dir.resolve("timeline-balanced.png");
        Timeline.writePng(viaDirect.metadata(), "Direct view: " + TASKS + " tasks", directPng);
        Timeline.writePng(viaBalanced.metadata(), "Load-balanced view: " + TASKS + " tasks",
            balancedPng);
        double ideal = delays.stream().mapToDouble(Double::doubleValue).sum() / client.ids().size();
        System.out.printf("makespan direct: %.3f s%n", viaDirect.wallSeconds());
        System.out.printf("makespan balanced: %.3f s%n", viaBalanced.wallSeconds());
        System.out.printf("ideal: %.3f s (sum of delays / %d engines)%n", ideal, client.ids().size());
        System.out.printf("greedy schedule with no overhead: %.3f s (the balanced view's policy)%n",
            greedyMakespan(delays, client.ids().size()));
        System.out.println("tasks per node: " + viaBalanced.metadata().stream().collect(
            java.util.stream.Collectors.groupingBy(TaskRecord::node, java.util.TreeMap::new,
                java.util.stream.Collectors.counting())));
        System.out.println("wrote " + directPng + " and " + balancedPng);
    }

    /**
     * The makespan of the load-balanced view's policy with no overhead at all: each task, in
     * submission order, goes to the engine that frees up first. What is left between this and
     * the ideal is the policy's tail, not jpar's dispatch.
     */
    public static double greedyMakespan(List<Double> delays, int engines) {
        PriorityQueue<Double> freeAt = new PriorityQueue<>();
        for (int e = 0; e < engines; e++) {
            freeAt.add(0.0);
        }
        double end = 0;
        for (double d : delays) {
            double done = freeAt.poll() + d;
            end = Math.max(end, done);
            freeAt.add(done);
        }
        return end;
    }
}
