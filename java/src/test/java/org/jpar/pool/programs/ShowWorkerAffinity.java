package org.jpar.pool.programs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jpar.pool.Pool;
import org.jpar.pool.PoolBackend;

/** Prints the CPUs each worker thread may run on, from /proc. */
public final class ShowWorkerAffinity {
    private ShowWorkerAffinity() {
    }

    public static void main(String[] args) throws Exception {
        try (Pool pool = Pool.create(3, PoolBackend.valueOf(args[0]))) {
            List<String> lines = pool.map(x -> {
                long tid = Pool.currentWorker().orElseThrow().nativeThreadId();
                try {
                    return Files.readAllLines(Path.of("/proc/self/task/" + tid + "/status"))
                        .stream().filter(l -> l.startsWith("Cpus_allowed_list:")).findFirst()
                        .orElseThrow().replaceAll("\\s+", " ");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, List.of(1, 2, 3, 4, 5, 6), 1);
            lines.forEach(l -> System.out.println("worker " + l));
            System.out.println("cpu_count = " + Pool.cpuCount());
        }
    }
}
