package org.jpar.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jpar.pool.Pool;
import org.jpar.pool.PoolBackend;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One process, no MPI traffic: an empty task's round trip (submit, run, result back to the
 * caller) and a map of 100,000 tiny tasks, on jpar's pthread pool, jpar's Java-thread pool, a
 * ThreadPoolExecutor and a ForkJoinPool, each with 2 workers. The map splits the inputs the same
 * way for all four (Python's default chunk size: about four chunks per worker).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(0)
public class PoolRoundTrip {
    private static final int WORKERS = 2;
    private static final int TASKS = 100_000;

    @Param({"pthreads", "threads", "ThreadPoolExecutor", "ForkJoinPool"})
    public String path;

    private Pool pool;
    private ExecutorService executor;
    private List<Integer> inputs;

    @Setup(Level.Trial)
    public void start() {
        switch (path) {
            case "pthreads" -> pool = Pool.create(WORKERS, PoolBackend.PTHREADS);
            case "threads" -> pool = Pool.create(WORKERS, PoolBackend.THREADS);
            case "ThreadPoolExecutor" -> executor = Executors.newFixedThreadPool(WORKERS);
            default -> executor = new ForkJoinPool(WORKERS);
        }
        inputs = new ArrayList<>(TASKS);
        for (int i = 0; i < TASKS; i++) {
            inputs.add(i);
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        if (pool != null) {
            pool.terminate();
        } else {
            executor.shutdownNow();
        }
    }

    /**
     * Sampled per call, so the report gives the median call and its 99th percentile: on a
     * shared 2-core VM, a mean over a second mixes in the machine's millisecond stalls (steal
     * time), which hit every path alike and swamp microsecond calls.
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public Object emptyTask() throws Exception {
        Callable<Object> empty = () -> null;
        return pool != null ? pool.apply(empty) : executor.submit(empty).get();
    }

    @Benchmark
    public Object map100k() throws Exception {
        if (pool != null) {
            return pool.map(x -> x + 1, inputs);
        }
        int chunk = TASKS / (WORKERS * 4) + (TASKS % (WORKERS * 4) == 0 ? 0 : 1);
        List<Future<List<Integer>>> futures = new ArrayList<>();
        for (int from = 0; from < TASKS; from += chunk) {
            List<Integer> part = inputs.subList(from, Math.min(TASKS, from + chunk));
            futures.add(executor.submit(() -> {
                List<Integer> out = new ArrayList<>(part.size());
                for (Integer x : part) {
                    out.add(x + 1);
                }
                return out;
            }));
        }
        List<Integer> all = new ArrayList<>(TASKS);
        for (Future<List<Integer>> f : futures) {
            all.addAll(f.get());
        }
        return all;
    }
}
