package org.jpar.pool.programs;

import java.util.List;
import org.jpar.pool.Pool;
import org.jpar.pool.PoolBackend;

/** Uses a pool and returns from main without closing it: the JVM must still exit. */
public final class LeavePoolRunning {
    private LeavePoolRunning() {
    }

    public static void main(String[] args) throws Exception {
        Pool pool = Pool.create(2, PoolBackend.valueOf(args[0]));
        System.out.println("results " + pool.map(x -> x * 10, List.of(1, 2, 3)));
        pool.applyAsync(() -> {
            Thread.sleep(60_000);
            return null;
        });
        System.out.println("main returns with the pool open");
    }
}
