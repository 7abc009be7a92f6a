package org.jpar.bench;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jpar.mpi.Comm;
import org.jpar.mpi.Intracomm;
import org.jpar.mpi.DirectBuffers;
import org.jpar.mpi.Mpi;
import org.jpar.mpi.Status;
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
 * {@link PingPong} on the local backend (pure Java: two ranks that are threads of this JVM).
 * The benchmark thread is rank 0; rank 1 is a thread that echoes every message until told to
 * stop. One invocation is one round trip; the report halves it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, batchSize = 1000)
@Measurement(iterations = 5, batchSize = 1000)
@Fork(0)
public class LocalPingPong {
    private static final int DATA = 0;
    private static final int STOP = 1;

    @Param({"8", "64", "1024", "16384", "65536", "1048576", "4194304"})
    public int bytes;

    @Param({"direct"})
    public String path;

    private Intracomm rank0;
    private Thread echo;
    private ByteBuffer send;
    private ByteBuffer recv;

    @Setup(Level.Trial)
    public void start() {
        List<Mpi> ranks = Mpi.localRanks(2);
        rank0 = ranks.get(0).world();
        Intracomm rank1 = ranks.get(1).world();
        send = DirectBuffers.allocate(bytes);
        recv = DirectBuffers.allocate(bytes);
        ByteBuffer echoBuffer = DirectBuffers.allocate(bytes);
        echo = new Thread(() -> {
            while (true) {
                Status status = rank1.recv(echoBuffer, 0, Comm.ANY_TAG);
                if (status.tag() == STOP) {
                    return;
                }
                rank1.send(echoBuffer, 0, DATA);
            }
        }, "local-echo");
        echo.setDaemon(true);
        echo.start();
        for (int i = JitWarmup.calls(bytes); i > 0; i--) {
            roundTrip();
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        rank0.send(send, 1, STOP);
        echo.join();
    }

    @Benchmark
    public Object roundTrip() {
        rank0.send(send, 1, DATA);
        rank0.recv(recv, 1, DATA);
        return recv;
    }
}
