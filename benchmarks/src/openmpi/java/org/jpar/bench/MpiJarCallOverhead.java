package org.jpar.bench;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import mpi.MPI;
import mpi.MPIException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** {@link CallOverhead} on Open MPI's Java bindings (JNI), on a direct buffer. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MpiJarCallOverhead {
    @Param({"direct"})
    public String path;

    private final ByteBuffer buffer = ByteBuffer.allocateDirect(8);

    @Benchmark
    public void callSend() throws MPIException {
        MPI.COMM_WORLD.send(buffer, 8, MPI.BYTE, MPI.PROC_NULL, 0);
    }

    @Benchmark
    public Object callRecv() throws MPIException {
        return MPI.COMM_WORLD.recv(buffer, 8, MPI.BYTE, MPI.PROC_NULL, 0);
    }

    @Benchmark
    public double callWtime() throws MPIException {
        return MPI.wtime();
    }
}
