package org.jpar.bench;

import java.nio.ByteBuffer;
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

/** {@link PingPong} on Open MPI's Java bindings: direct buffers and byte arrays. */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, batchSize = 1000)
@Measurement(iterations = 5, batchSize = 1000)
public class MpiJarPingPong {
    @Param({"8", "64", "1024", "16384", "65536", "1048576", "4194304"})
    public int bytes;

    @Param({"direct", "array"})
    public String path;

    private int peer;
    private boolean first;
    private ByteBuffer sendDirect;
    private ByteBuffer recvDirect;
    private byte[] sendArray;
    private byte[] recvArray;
    /** The buffers' size: {@code bytes}, or less while {@link JitWarmup} compiles. */
    private int size;

    @Setup(Level.Trial)
    public void allocate() throws MPIException {
        first = MPI.COMM_WORLD.getRank() == 0;
        peer = first ? 1 : 0;
        JitWarmup.warmUp(bytes, 1, bytes, this::buffers, this::roundTrip);
    }

    private void buffers(int n) {
        size = n;
        sendDirect = DirectBuffers.allocate(n);
        recvDirect = DirectBuffers.allocate(n);
        sendArray = new byte[n];
        recvArray = new byte[n];
    }

    @Setup(Level.Iteration)
    public void align() throws MPIException {
        MPI.COMM_WORLD.barrier();
    }

    @Benchmark
    public Object roundTrip() throws MPIException {
        Object send = path.equals("direct") ? sendDirect : sendArray;
        Object recv = path.equals("direct") ? recvDirect : recvArray;
        if (first) {
            MPI.COMM_WORLD.send(send, size, MPI.BYTE, peer, 0);
            MPI.COMM_WORLD.recv(recv, size, MPI.BYTE, peer, 0);
        } else {
            MPI.COMM_WORLD.recv(recv, size, MPI.BYTE, peer, 0);
            MPI.COMM_WORLD.send(send, size, MPI.BYTE, peer, 0);
        }
        return recv;
    }
}
