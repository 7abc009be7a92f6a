package org.jpar.bench;

import java.nio.DoubleBuffer;
import java.util.concurrent.TimeUnit;
import org.jpar.mpi.Intracomm;
import org.jpar.mpi.DirectBuffers;
import org.jpar.mpi.Op;
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
 * Allreduce(SUM) of doubles on every rank: one invocation is one Allreduce. Single-shot batches
 * keep the ranks' call counts equal. Paths: direct buffers and heap arrays with MPI's SUM, and
 * direct buffers with a user-defined SUM ({@code user-sum}: a Java function that MPI calls
 * through an FFM upcall or a JNA callback).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, batchSize = 200)
@Measurement(iterations = 5, batchSize = 200)
public class Allreduce {
    @Param({"1", "1024", "1048576"})
    public int count;

    @Param({"direct", "heap", "user-sum"})
    public String path;

    /** SUM as a Java function over MPI's two buffers. */
    private static final Op USER_SUM = Op.create((in, inout, n, type) -> {
        DoubleBuffer a = in.asDoubleBuffer();
        DoubleBuffer b = inout.asDoubleBuffer();
        for (int i = 0; i < n; i++) {
            b.put(i, a.get(i) + b.get(i));
        }
    }, true);

    private Intracomm world;
    private DoubleBuffer sendDirect;
    private DoubleBuffer recvDirect;
    private double[] sendHeap;
    private double[] recvHeap;

    @Setup(Level.Trial)
    public void allocate() {
        world = Ranks.world();
        JitWarmup.warmUp(count, 8, count * 8L, this::buffers, this::allreduce);
    }

    private void buffers(int doubles) {
        sendDirect = DirectBuffers.allocate(doubles * 8).asDoubleBuffer();
        recvDirect = DirectBuffers.allocate(doubles * 8).asDoubleBuffer();
        sendHeap = new double[doubles];
        recvHeap = new double[doubles];
    }

    @Setup(Level.Iteration)
    public void align() {
        world.barrier();
    }

    @Benchmark
    public Object allreduce() {
        if (!path.equals("heap")) {
            world.allreduce(sendDirect, recvDirect, path.equals("direct") ? Op.SUM : USER_SUM);
            return recvDirect;
        }
        world.allreduce(sendHeap, recvHeap, Op.SUM);
        return recvHeap;
    }
}
