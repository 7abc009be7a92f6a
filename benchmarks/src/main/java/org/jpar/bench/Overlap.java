package org.jpar.bench;

import java.nio.DoubleBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.jpar.mpi.DirectBuffers;
import org.jpar.mpi.Intracomm;
import org.jpar.mpi.Op;
import org.jpar.mpi.Request;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * An iallreduce of {@code count} doubles overlapped with computation: {@code allreduce} alone
 * (started and waited for), {@code compute} alone (a loop calibrated at setup to take about as
 * long as the allreduce), and {@code overlapped} (the allreduce started, the loop run with a
 * {@code test()} between its chunks so that MPI progresses, then the wait). One invocation is
 * one of them; goals.tsv compares the overlapped time with the longer of the two alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, batchSize = 20)
@Measurement(iterations = 5, batchSize = 20)
public class Overlap {
    @Param({"1048576"})
    public int count;

    @Param({"allreduce", "compute", "overlapped"})
    public String path;

    /** Chunks of the loop, with a test() between them when overlapped. */
    private static final int CHUNKS = 64;

    private Intracomm world;
    private DoubleBuffer send;
    private DoubleBuffer recv;
    private final double[] work = new double[4096];
    /** Passes over {@link #work} per chunk: the loop's length, the same on every rank. */
    private int passes;

    @Setup(Level.Trial)
    public void allocate() {
        world = Ranks.world();
        Arrays.fill(work, 1.0);
        passes = 1;
        JitWarmup.warmUp(count, 8, 8L * count, this::buffers, () -> {
            allreduceAlone();
            compute(null);
        });
        // Rank 0 times both and sets the loop's length to the allreduce's; every rank takes it.
        double[] t = new double[9];
        for (int i = 0; i < t.length; i++) {
            long start = System.nanoTime();
            allreduceAlone();
            t[i] = System.nanoTime() - start;
        }
        Arrays.sort(t);
        // Twice: the second time the loop runs compiled, at about its final length.
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 5; i++) {
                compute(null);
            }
            long start = System.nanoTime();
            compute(null);
            double perPass = (System.nanoTime() - start) / (double) passes;
            int[] length = {(int) Math.max(1, t[t.length / 2] / perPass)};
            world.bcast(length, 0);
            passes = length[0];
        }
    }

    private void buffers(int doubles) {
        send = DirectBuffers.allocate(8 * doubles).asDoubleBuffer();
        recv = DirectBuffers.allocate(8 * doubles).asDoubleBuffer();
    }

    @Setup(Level.Iteration)
    public void align() {
        world.barrier();
    }

    private void allreduceAlone() {
        world.iallreduce(send, recv, Op.SUM).waitFor();
    }

    /** The loop: {@link #CHUNKS} chunks of {@link #passes} passes over the work array. */
    private double compute(Request inFlight) {
        double sum = 0;
        for (int c = 0; c < CHUNKS; c++) {
            for (int p = 0; p < passes; p++) {
                for (int i = 0; i < work.length; i++) {
                    work[i] = work[i] * 0.999999 + 1e-6;
                }
            }
            sum += work[c];
            if (inFlight != null) {
                inFlight.test();
            }
        }
        return sum;
    }

    @Benchmark
    public Object run() {
        switch (path) {
            case "allreduce" -> allreduceAlone();
            case "compute" -> {
                return compute(null);
            }
            default -> {
                Request r = world.iallreduce(send, recv, Op.SUM);
                double sum = compute(r);
                r.waitFor();
                return sum;
            }
        }
        return recv;
    }
}
