package org.jpar.bench;

import java.nio.DoubleBuffer;
import java.util.concurrent.TimeUnit;
import org.jpar.mpi.Datatype;
import org.jpar.mpi.DirectBuffers;
import org.jpar.mpi.Intracomm;
import org.jpar.mpi.TypedBuffer;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ping-pong of one column of a {@code rows} x {@code rows} matrix of doubles between ranks 0
 * and 1, as a vector datatype: one invocation is one round trip, as {@code column} in
 * pingpong.c. Paths: a direct matrix, which the native backend hands MPI with the datatype (no
 * copy in Java), and a heap array, which jpar packs and unpacks.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, batchSize = 1000)
@Measurement(iterations = 5, batchSize = 1000)
public class Column {
    @Param({"1024"})
    public int rows;

    @Param({"direct", "heap"})
    public String path;

    private Intracomm world;
    private int peer;
    private boolean first;
    private Datatype column;
    private TypedBuffer send;
    private TypedBuffer recv;

    @Setup(Level.Trial)
    public void allocate() {
        world = Ranks.world();
        first = world.rank() == 0;
        peer = first ? 1 : 0;
        JitWarmup.warmUp(rows, 8, 8L * rows, this::matrices, this::roundTrip);
    }

    /** Two n x n matrices and the column type of that size. */
    private void matrices(int n) {
        if (column != null) {
            column.free();
        }
        column = Datatype.DOUBLE.createVector(n, 1, n).commit();
        int cells = n * n;
        if (path.equals("direct")) {
            DoubleBuffer a = DirectBuffers.allocate(8 * cells).asDoubleBuffer();
            DoubleBuffer b = DirectBuffers.allocate(8 * cells).asDoubleBuffer();
            for (int i = 0; i < cells; i++) {
                a.put(i, i);
            }
            send = TypedBuffer.of(a, 1, column);
            recv = TypedBuffer.of(b, 1, column);
        } else {
            double[] a = new double[cells];
            java.util.Arrays.setAll(a, i -> i);
            send = TypedBuffer.of(a, 1, column);
            recv = TypedBuffer.of(new double[cells], 1, column);
        }
    }

    @Setup(Level.Iteration)
    public void align() {
        world.barrier();
    }

    @Benchmark
    public Object roundTrip() {
        if (first) {
            world.send(send, peer, 0);
            world.recv(recv, peer, 0);
        } else {
            world.recv(recv, peer, 0);
            world.send(send, peer, 0);
        }
        return recv;
    }

    @TearDown(Level.Trial)
    public void free() {
        column.free();
    }
}
