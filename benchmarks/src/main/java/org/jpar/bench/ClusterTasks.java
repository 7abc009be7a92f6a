package org.jpar.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jpar.cluster.AsyncResult;
import org.jpar.cluster.Client;
import org.jpar.cluster.Cluster;
import org.jpar.cluster.Remote;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cluster's client and engines with empty tasks: {@code applySync}'s round trip to one engine,
 * and the time per task of the load-balanced view when the client keeps {@value #TASKS} tasks in
 * flight (its inverse is the throughput). Paths: engines that are threads of this JVM
 * ({@code local}), engine JVMs started with MPI_Comm_spawn ({@code spawn}), and the other ranks
 * of the mpirun job ({@code mpirun}, which {@code BenchMain --cluster} sets up on rank 0).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ClusterTasks {
    static final int TASKS = 1000;

    private static final Remote<Object> EMPTY = () -> null;

    private static Client worldClient;

    @Param({"2", "4"})
    public int engines;

    @Param({"local", "spawn"})
    public String path;

    private Client client;

    /** The client of the mpirun job's cluster, for the {@code mpirun} path. */
    static void setWorldClient(Client client) {
        worldClient = client;
    }

    @Setup(Level.Trial)
    public void start() {
        client = switch (path) {
            case "local" -> Cluster.local(engines);
            case "spawn" -> Cluster.spawn(engines);
            case "mpirun" -> {
                if (worldClient == null || worldClient.ids().size() != engines) {
                    throw new IllegalStateException("the mpirun path needs BenchMain --cluster "
                        + "under mpirun -n " + (engines + 1));
                }
                yield worldClient;
            }
            default -> throw new IllegalArgumentException("unknown path: " + path);
        };
    }

    @TearDown(Level.Trial)
    public void stop() {
        if (client != worldClient) {
            client.close();
        }
    }

    @Benchmark
    public Object applySync() throws InterruptedException {
        return client.engine(0).applySync(EMPTY);
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public void loadBalanced(Blackhole hole) throws Exception {
        List<AsyncResult<Object>> results = new ArrayList<>(TASKS);
        for (int i = 0; i < TASKS; i++) {
            results.add(client.loadBalancedView().applyAsync(EMPTY));
        }
        for (AsyncResult<Object> result : results) {
            hole.consume(result.get());
        }
    }
}
