package org.jpar.examples;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.jpar.pool.Kernels;
import org.jpar.pool.Pool;
import org.jpar.pool.PoolBackend;
import org.jpar.pool.WorkerInfo;

/**
 * The seed's multiprocessing example: the CPU count, then {@code map(task, 1..8)} on a pool of
 * 3, where each result says which worker ran it; then the seed's parallel sum and matrix-vector
 * product in one process, on the pool's kernels.
 *
 * <p>Arguments: {@code [--backend threads|pthreads]}.
 */
public final class PoolTask {
    private PoolTask() {
    }

    /** What the seed's {@code task} returns: who ran it, and its argument. */
    static Map.Entry<WorkerInfo, Integer> task(int x) {
        return Map.entry(Pool.currentWorker().orElseThrow(), x);
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        PoolBackend backend = PoolBackend.THREADS;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--backend") && i + 1 < args.length) {
                backend = PoolBackend.valueOf(args[++i].toUpperCase(java.util.Locale.ROOT));
            } else {
                throw new IllegalArgumentException("usage: PoolTask [--backend threads|pthreads]: "
                    + String.join(" ", args));
            }
        }
        System.out.println("cpu_count = " + Pool.cpuCount());
        try (Pool pool = Pool.create(3, backend)) {
            System.out.println("pool of " + pool.processes() + " workers on " + backend);
            List<Map.Entry<WorkerInfo, Integer>> results =
                pool.map(PoolTask::task, IntStream.rangeClosed(1, 8).boxed().toList(), 1);
            for (Map.Entry<WorkerInfo, Integer> r : results) {
                System.out.println("(" + r.getKey() + ", " + r.getValue() + ")");
            }
            psum(Kernels.of(pool));
            matvec(Kernels.of(pool));
        }
    }

    /** The seed's Psum in one process: 4096 random doubles summed on the pool. */
    static void psum(Kernels kernels) throws InterruptedException {
        DoubleBuffer x = randomDoubles(4096, new Random(42));
        double serial = 0;
        for (int i = 0; i < x.remaining(); i++) {
            serial += x.get(i);
        }
        System.out.println("sum = " + kernels.sum(x) + " , serial sum = " + serial);
    }

    /** The seed's MatVec in one process: y = A·x on the pool, checked against a plain loop. */
    static void matvec(Kernels kernels) throws InterruptedException {
        int n = 1000;
        Random random = new Random(42);
        DoubleBuffer a = randomDoubles(n * n, random);
        DoubleBuffer x = randomDoubles(n, random);
        DoubleBuffer y = randomDoubles(n, random);
        kernels.matvec(a, x, y);
        DoubleBuffer serial = MatVec.multiply(a, x, n, n);
        double maxDiff = 0;
        for (int i = 0; i < n; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(y.get(i) - serial.get(i)));
        }
        System.out.println("matvec N=" + n + " on the pool: y equals serial A·x to 1e-12: "
            + (maxDiff <= 1e-12) + " (max |diff| = " + maxDiff + ")");
    }

    private static DoubleBuffer randomDoubles(int n, Random random) {
        DoubleBuffer b = ByteBuffer.allocateDirect(n * Double.BYTES).order(ByteOrder.nativeOrder())
            .asDoubleBuffer();
        for (int i = 0; i < n; i++) {
            b.put(i, random.nextDouble());
        }
        return b;
    }
}
