package org.jpar.bench;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.jpar.mpi.Intracomm;
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

/**
 * Allgather of 1 KiB and 1 MiB per rank, and Bcast of the same sizes from rank 0, on jpar's
 * direct and heap paths. One invocation is one collective; single-shot batches keep the ranks'
 * call counts equal.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, batchSize = 200)
@Measurement(iterations = 5, batchSize = 200)
public class Collectives {
    @Param({"1024", "1048576"})
    public int bytes;

    @Param({"direct", "heap"})
    public String path;

    private Intracomm world;
    private ByteBuffer mineDirect;
    private ByteBuffer allDirect;
    private byte[] mineHeap;
    private byte[] allHeap;

    @Setup(Level.Trial)
    public void allocate() {
        world = Ranks.world();
        JitWarmup.warmUp(bytes, 1, bytes * (long) world.size(), this::buffers, () -> {
            allgather();
            bcast();
        });
    }

    private void buffers(int size) {
        mineDirect = DirectBuffers.allocate(size);
        allDirect = DirectBuffers.allocate(size * world.size());
        mineHeap = new byte[size];
        allHeap = new byte[size * world.size()];
    }

    @Setup(Level.Iteration)
    public void align() {
        world.barrier();
    }

    @Benchmark
    public Object allgather() {
        if (path.equals("direct")) {
            world.allgather(mineDirect, allDirect);
            return allDirect;
        }
        world.allgather(mineHeap, allHeap);
        return allHeap;
    }

    @Benchmark
    public Object bcast() {
        if (path.equals("direct")) {
            world.bcast(mineDirect, 0);
            return mineDirect;
        }
        world.bcast(mineHeap, 0);
        return mineHeap;
    }
}
