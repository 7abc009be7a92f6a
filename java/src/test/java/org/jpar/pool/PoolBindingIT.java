package org.jpar.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jpar.internal.BindingChoice;
import org.junit.jupiter.api.Test;

/**
 * PoolTest again, in the integration tests' JVM, whose classpath is jpar's multi-release jar:
 * on JDK 22+ the pthread workers enter Java through FFM upcalls there and Java calls the pool
 * through FFM downcalls (the unit tests, on the class directories, see only JNA).
 */
class PoolBindingIT extends PoolTest {
    @Test
    void pthreadWorkersEnterJavaThroughTheBindingOfThisJdk() throws Exception {
        try (Pool pool = Pool.create(2, PoolBackend.PTHREADS)) {
            String expected = Runtime.version().feature() >= 22 ? "ffm" : "jna";
            assertEquals(expected, pool.workerBinding());
            assertEquals(expected, BindingChoice.name(PoolAbi.load()));
            assertEquals(42, pool.apply(() -> 42));
        }
        try (Pool pool = Pool.create(1, PoolBackend.THREADS)) {
            assertEquals("none", pool.workerBinding());
        }
    }
}
