package org.jpar.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.concurrent.TimeUnit;
import org.jpar.pool.Kernels;
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
 * Sum and dot of 4,096 and 100,000,000 doubles, and a matrix-vector product of the same number
 * of matrix elements: jpar's kernels on its native pool (C) and on Java threads, and a plain
 * single-threaded Java loop, with as many workers as CPUs. The C figures come from
 * benchmarks/c/kernels.c in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(0)
public class KernelSum {
    @Param({"4096", "100000000"})
    public int size;

    @Param({"native-pool", "java-pool", "java-single"})
    public String path;

    private static final java.util.Map<Integer, DoubleBuffer[]> DATA =
        new java.util.concurrent.ConcurrentHashMap<>();

    private Pool pool;
    private Kernels kernels;
    private DoubleBuffer x;
    private DoubleBuffer y;
    private DoubleBuffer a;
    private DoubleBuffer v;
    private DoubleBuffer out;

    private static DoubleBuffer doubles(long n) {
        DoubleBuffer b = ByteBuffer.allocateDirect(Math.toIntExact(n * 8))
            .order(ByteOrder.nativeOrder()).asDoubleBuffer();
        for (int i = 0; i < n; i++) {
            b.put(i, (i % 1000) * 0.001);
        }
        return b;
    }

    @Setup(Level.Trial)
    public void allocate() {
        int workers = Pool.cpuCount();
        if (!path.equals("java-single")) {
            pool = Pool.create(workers, path.equals("native-pool")
                ? PoolBackend.PTHREADS : PoolBackend.THREADS);
            kernels = Kernels.of(pool);
        }
        // Made once per size and shared by the paths' trials: filling 2.4 GB for each of the nine
        // trials of 100M doubles took a third of this suite's time.
        DoubleBuffer[] data = DATA.computeIfAbsent(size, KernelSum::data);
        x = data[0];
        y = data[1];
        a = data[2];
        v = data[3];
        out = data[4];
    }

    /** x, y, a (side by side), v and out (side each), side being the square root of {@code n}. */
    private static DoubleBuffer[] data(int n) {
        int side = (int) Math.sqrt(n);
        return new DoubleBuffer[] {doubles(n), doubles(n), doubles((long) side * side),
            doubles(side), doubles(side)};
    }

    @TearDown(Level.Trial)
    public void release() {
        if (pool != null) {
            pool.terminate();
        }
    }

    @Benchmark
    public double sum() throws InterruptedException {
        if (kernels != null) {
            return kernels.sum(x);
        }
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
        int n = x.limit();
        int i = 0;
        for (; i + 3 < n; i += 4) {
            a0 += x.get(i);
            a1 += x.get(i + 1);
            a2 += x.get(i + 2);
            a3 += x.get(i + 3);
        }
        for (; i < n; i++) {
            a0 += x.get(i);
        }
        return (a0 + a1) + (a2 + a3);
    }

    @Benchmark
    public double dot() throws InterruptedException {
        if (kernels != null) {
            return kernels.dot(x, y);
        }
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
        int n = x.limit();
        int i = 0;
        for (; i + 3 < n; i += 4) {
            a0 += x.get(i) * y.get(i);
            a1 += x.get(i + 1) * y.get(i + 1);
            a2 += x.get(i + 2) * y.get(i + 2);
            a3 += x.get(i + 3) * y.get(i + 3);
        }
        for (; i < n; i++) {
            a0 += x.get(i) * y.get(i);
        }
        return (a0 + a1) + (a2 + a3);
    }

    @Benchmark
    public Object matvec() throws InterruptedException {
        int side = v.limit();
        if (kernels != null) {
            kernels.matvec(a, v, out);
            return out;
        }
        for (int r = 0; r < side; r++) {
            double s = 0;
            int row = r * side;
            for (int c = 0; c < side; c++) {
                s += a.get(row + c) * v.get(c);
            }
            out.put(r, s);
        }
        return out;
    }
}
