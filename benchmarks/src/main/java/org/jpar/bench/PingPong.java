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
 * Point-to-point ping-pong between ranks 0 and 1: one invocation is one round trip. Both ranks
 * run this benchmark with the same single-shot batches, so they stay in step; the score is the
 * time of a batch, and the report divides it by the batch and by two for one-way latency.
 * Paths: jpar on direct buffers (zero copy), on heap arrays (one copy), and object messages.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, batchSize = 1000)
@Measurement(iterations = 5, batchSize = 1000)
public class PingPong {
    @Param({"8", "64", "1024", "16384", "65536", "1048576", "4194304"})
    public int bytes;

    @Param({"direct", "heap", "object"})
    public String path;

    private Intracomm world;
    private int peer;
    private boolean first;
    private ByteBuffer sendDirect;
    private ByteBuffer recvDirect;
    private byte[] sendHeap;
    private byte[] recvHeap;

    @Setup(Level.Trial)
    public void allocate() {
        world = Ranks.world();
        first = world.rank() == 0;
        peer = first ? 1 : 0;
        JitWarmup.warmUp(bytes, 1, bytes, this::buffers, this::roundTrip);
    }

    private void buffers(int size) {
        sendDirect = DirectBuffers.allocate(size);
        recvDirect = DirectBuffers.allocate(size);
        sendHeap = new byte[size];
        recvHeap = new byte[size];
    }

    /** Both ranks start each iteration together. */
    @Setup(Level.Iteration)
    public void align() {
        world.barrier();
    }

    @Benchmark
    public Object roundTrip() {
        switch (path) {
            case "direct" -> {
                if (first) {
                    world.send(sendDirect, peer, 0);
                    world.recv(recvDirect, peer, 0);
                } else {
                    world.recv(recvDirect, peer, 0);
                    world.send(sendDirect, peer, 0);
                }
                return recvDirect;
            }
            case "heap" -> {
                if (first) {
                    world.send(sendHeap, peer, 0);
                    world.recv(recvHeap, peer, 0);
                } else {
                    world.recv(recvHeap, peer, 0);
                    world.send(sendHeap, peer, 0);
                }
                return recvHeap;
            }
            default -> {
                Object got;
                if (first) {
                    world.sendObject(sendHeap, peer, 0);
                    got = world.recvObject(peer, 0);
                } else {
                    got = world.recvObject(peer, 0);
                    world.sendObject(sendHeap, peer, 0);
                }
                return got;
            }
        }
    }
}
