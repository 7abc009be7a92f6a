package org.jpar.bench;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.jpar.mpi.Comm;
import org.jpar.mpi.Intracomm;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one call costs on top of MPI: {@code send} and {@code recv} of 8 bytes to
 * {@code PROC_NULL}, which MPI returns from at once, so the score is the binding's and jpar's
 * own work (checks, the downcall, the status); and {@code wtime}, a call with no arguments (a
 * critical downcall on FFM), the floor of a binding. Each rank calls alone; no messages move.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CallOverhead {
    @Param({"direct"})
    public String path;

    private Intracomm world;
    private ByteBuffer buffer;

    @Setup
    public void allocate() {
        world = Ranks.world();
        buffer = ByteBuffer.allocateDirect(8);
    }

    @Benchmark
    public void callSend() {
        world.send(buffer, Comm.PROC_NULL, 0);
    }

    @Benchmark
    public Object callRecv() {
        return world.recv(buffer, Comm.PROC_NULL, 0);
    }

    @Benchmark
    public double callWtime() {
        return Ranks.mpi().wtime();
    }
}
