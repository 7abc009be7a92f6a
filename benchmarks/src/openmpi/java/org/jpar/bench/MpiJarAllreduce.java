package org.jpar.bench;

import java.nio.DoubleBuffer;
import java.util.concurrent.TimeUnit;
import mpi.MPI;
import mpi.MPIException;
import org.jpar.mpi.DirectBuffers;
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

/** {@link Allreduce} on Open MPI's Java bindings: direct buffers and double arrays. */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, batchSize = 200)
@Measurement(iterations = 5, batchSize = 200)
public class MpiJarAllreduce {
    @Param({"1", "1024", "1048576"})
    public int count;

    @Param({"direct", "array"})
    public String path;

    private DoubleBuffer sendDirect;
    private DoubleBuffer recvDirect;
    private double[] sendArray;
    private double[] recvArray;
    /** The buffers' length: {@code count}, or less while {@link JitWarmup} compiles. */
    private int length;

    @Setup(Level.Trial)
    public void allocate() throws MPIException {
        JitWarmup.warmUp(count, 8, count * 8L, this::buffers, this::allreduce);
    }

    private void buffers(int doubles) {
        length = doubles;
        sendDirect = DirectBuffers.allocate(doubles * 8).asDoubleBuffer();
        recvDirect = DirectBuffers.allocate(doubles * 8).asDoubleBuffer();
        sendArray = new double[doubles];
        recvArray = new double[doubles];
    }

    @Setup(Level.Iteration)
    public void align() throws MPIException {
        MPI.COMM_WORLD.barrier();
    }

    @Benchmark
    public Object allreduce() throws MPIException {
        if (path.equals("direct")) {
            MPI.COMM_WORLD.allReduce(sendDirect, recvDirect, length, MPI.DOUBLE, MPI.SUM);
            return recvDirect;
        }
        MPI.COMM_WORLD.allReduce(sendArray, recvArray, length, MPI.DOUBLE, MPI.SUM);
        return recvArray;
    }
}
