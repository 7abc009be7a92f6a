package org.jpar.cluster.programs;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jpar.cluster.AsyncResult;
import org.jpar.cluster.Client;
import org.jpar.cluster.Cluster;
import org.jpar.cluster.EngineLostException;
import org.jpar.cluster.RemoteException;
import org.jpar.mpi.Mpi;

/** A cluster of spawned engine JVMs from a plain JVM; with "lose", one engine dies. */
public final class SpawnedCluster {
    private SpawnedCluster() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        List<Long> pids;
        try (Client client = Cluster.spawn(3)) {
            System.out.printf("engines ready after %.2f s%n", (System.nanoTime() - start) / 1e9);
            pids = client.all().applySync(() -> ProcessHandle.current().pid());
            long me = ProcessHandle.current().pid();
            System.out.println("distinct engine pids " + pids.stream().distinct().count()
                + ", client among them: " + pids.contains(me));
            System.out.println("map " + client.loadBalancedView().map(x -> x + 1, List.of(1, 2, 3)));
            System.out.println("engines' jna.library.path " + client.all().applySync(
                () -> String.valueOf(System.getProperty("jna.library.path"))));
            try {
                client.engine(2).applySync(() -> {
                    throw new IllegalStateException("failure in a spawned JVM");
                });
            } catch (RemoteException e) {
                System.out.println("remote failure names engine " + e.engineId());
            }
            if (args.length == 0) {
                printIdleCpu(pids);
            }
            if (args.length > 0 && args[0].equals("lose")) {
                AsyncResult<Object> dying = client.engine(1).applyAsync(() -> {
                    Runtime.getRuntime().halt(3);
                    return null;
                });
                try {
                    dying.get(30, TimeUnit.SECONDS);
                } catch (EngineLostException e) {
                    System.out.println("lost: " + e.getMessage());
                }
                try {
                    client.engine(1).applySync(() -> "again");
                } catch (EngineLostException e) {
                    System.out.println("later tasks for it fail at once: " + e.engineId());
                }
            }
        }
        System.out.println("client closed");
        if (args.length == 0) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            boolean exited = false;
            while (!exited && System.nanoTime() < deadline) {
                exited = pids.stream().noneMatch(p -> ProcessHandle.of(p).map(ProcessHandle::isAlive)
                    .orElse(false));
                Thread.sleep(50);
            }
            System.out.println("engine JVMs exited: " + exited);
        }
        Mpi.current().ifPresent(Mpi::close);
        System.out.println("finalized");
    }

    /** CPU time the client and the busiest engine use while the cluster idles for 2 s. */
    private static void printIdleCpu(List<Long> pids) throws InterruptedException {
        Thread.sleep(100);
        long client = cpuMillis(ProcessHandle.current().pid());
        long[] engines = pids.stream().mapToLong(SpawnedCluster::cpuMillis).toArray();
        Thread.sleep(2000);
        long busiest = 0;
        for (int e = 0; e < engines.length; e++) {
            busiest = Math.max(busiest, cpuMillis(pids.get(e)) - engines[e]);
        }
        System.out.println("idle cpu ms over 2 s: client " + (cpuMillis(ProcessHandle.current()
            .pid()) - client) + ", busiest engine " + busiest);
    }

    private static long cpuMillis(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration())
            .orElseThrow().toMillis();
    }
}
