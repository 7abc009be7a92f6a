package org.jpar.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Pool's behaviour, the same on both backends. */
class PoolTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    @ParameterizedTest
    @EnumSource(PoolBackend.class)
    void mapReturnsResultsInInputOrder(PoolBackend backend) throws Exception {
        try (Pool pool = Pool.create(3, backend)) {
            assertEquals(3, pool.processes());
            assertEquals(backend, pool.backend());
            List<Integer> squares = range(0, 1000).stream().map(x -> x * x).toList();
            assertEquals(squares, pool.map(x -> x * x, range(0, 1000)));
            assertEquals(squares, pool.map(x -> x * x, range(0, 1000), 7));
            assertEquals(List.of(), pool.map(x -> x, List.<Integer>of()));
            // Not a Collection: read through its iterator.
            Iterable<Integer> plain = () -> range(0, 1000).iterator();
            assertEquals(squares, pool.map(x -> x * x, plain));
            assertEquals(List.of(3, 7), pool.starmap(Integer::sum,
                List.of(Map.entry(1, 2), Map.entry(3, 4))));
        }
    }

    @ParameterizedTest
    @EnumSource(PoolBackend.class)
    void eachResultSaysWhichWorkerRanIt(PoolBackend backend) throws Exception {
        try (Pool pool = Pool.create(3, backend)) {
            List<WorkerInfo> who = pool.map(x -> Pool.currentWorker().orElseThrow(), range(1, 9), 1);
            assertEquals(8, who.size());
            long pid = ProcessHandle.current().pid();
            Set<Long> tids = new HashSet<>();
            for (WorkerInfo w : who) {
                assertTrue(w.index() >= 0 && w.index() < 3, w.toString());
                assertTrue(w.threadName().startsWith("jpar-pool-"), w.toString());
                assertEquals(pid, w.pid());
                assertTrue(w.nativeThreadId() > 0, w.toString());
                tids.add(w.nativeThreadId());
            }
            assertTrue(tids.size() <= 3);
            assertFalse(Pool.currentWorker().isPresent(), "the caller is not a worker");
        }
    }

    @ParameterizedTest
    @EnumSource(PoolBackend.class)
    void imapIsLazyAndOrdered(PoolBackend backend) throws Exception {
        AtomicInteger consumed = new AtomicInteger();
        Iterable<Integer> inputs = () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < 10_000;
            }

            @Override
            public Integer next() {
                consumed.incrementAndGet();
                return next++;
            }
        };
        try (Pool pool = Pool.create(2, backend)) {
            Iterator<Integer> results = pool.imap(x -> x + 1, inputs, 3);
            assertEquals(1, results.next());
            assertEquals(2, results.next());
            assertTrue(consumed.get() <= 2 * 2 * 3 + 3, "read ahead only a window: " + consumed);
            int expected = 3;
            while (results.hasNext()) {
                assertEquals(expected++, results.next());
            }
            assertEquals(10_001, expected);
        }
    }

    @ParameterizedTest
    @EnumSource(PoolBackend.class)
    void imapUnorderedYieldsEveryResult(PoolBackend backend) throws Exception {
        try (Pool pool = Pool.create(3, backend)) {
            Set<Integer> seen = new HashSet<>();
            pool.imapUnordered(x -> 2 * x, range(0, 500), 4).forEachRemaining(seen::add);
            assertEquals(new HashSet<>(range(0, 500).stream().map(x -> 2 * x).toList()), seen);
        }
    }

    @ParameterizedTest
    @EnumSource(PoolBackend.class)
    void applyAndApplyAsync(PoolBackend backend) throws Exception {
        try (Pool pool = Pool.create(2, backend)) {
            assertEquals("hello", pool.apply(() -> "hel" + "lo"));
            assertEquals(42, pool.applyAsync(() -> 6 * 7).get(10, TimeUnit.SECONDS));
        }
    }

    @ParameterizedTest
    @EnumSource(PoolBackend.class)
    void aFailingTaskNamesItsWorkerAndThePoolGoesOn(PoolBackend backend) throws Exception {
        try (Pool pool = Pool.create(2, backend)) {
            IllegalArgumentException bad = new IllegalArgumentException("bad input 13");
            PoolTaskException e = assertThrows(PoolTaskException.class, () -> pool.map(x -> {
                if (x == 13) {
                    throw bad;
                }
                return x;
            }, range(0, 50)));
            assertSame(bad, e.getCause());
            assertTrue(e.getMessage().contains("jpar-pool-"), e.getMessage());
            assertTrue(e.getMessage().contains("worker " + e.worker().index()), e.getMessage());

            ExecutionException async = assertThrows(ExecutionException.class,
                () -> pool.applyAsync(() -> {
                    throw new IllegalStateException("async failure");
                }).get(10, TimeUnit.SECONDS));
            assertInstanceOf(PoolTaskException.class, async.getCause());
            assertEquals("async failure", async.getCause().getCause().getMessage());

            assertEquals(range(0, 50), pool.map(x -> x, range(0, 50)));
        }
    }

    @ParameterizedTest
    @EnumSource(PoolBackend.class)
    void theInitializerRunsOnceInEveryWorker(PoolBackend backend) throws Exception {
        Set<String> initialized = ConcurrentHashMap.newKeySet();
        AtomicInteger runs = new AtomicInteger();
        try (Pool pool = Pool.builder().processes(3).backend(backend).initializer(() -> {
            runs.incrementAndGet();
            initialized.add(Thread.currentThread().getName());
        }).build()) {
            pool.map(x -> x, range(0, 100));
            assertEquals(3, runs.get());
            assertEquals(Set.of("jpar-pool-0", "jpar-pool-1", "jpar-pool-2"), initialized);
        }
    }

    @ParameterizedTest
    @EnumSource(PoolBackend.class)
    void aFailingInitializerFailsCreation(PoolBackend backend) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () ->
            Pool.builder().processes(2).backend(backend).initializer(() -> {
                throw new IllegalStateException("no database");
            }).build());
        assertEquals("no database", e.getCause().getMessage());
    }

    @ParameterizedTest
    @EnumSource(PoolBackend.class)
    void badArgumentsAndUseAfterClose(PoolBackend backend) throws Exception {
        assertThrows(IllegalArgumentException.class, () -> Pool.create(0, backend));
        assertThrows(IllegalArgumentException.class,
            () -> Pool.builder().spin(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> Pool.builder().spin(null));
        assertThrows(IllegalArgumentException.class, () -> Pool.builder().name(" "));
        assertThrows(NullPointerException.class, () -> Pool.builder().backend(null));
        Pool pool = Pool.create(2, backend);
        assertThrows(NullPointerException.class, () -> pool.map(null, range(0, 3)));
        assertThrows(NullPointerException.class, () -> pool.map(x -> x, null));
        assertThrows(NullPointerException.class, () -> pool.apply(null));
        assertThrows(NullPointerException.class, () -> pool.applyAsync(null));
        assertThrows(IllegalArgumentException.class, () -> pool.map(x -> x, range(0, 3), 0));
        assertThrows(IllegalStateException.class, pool::join, "join before close");
        assertEquals(List.of(0, 1, 2), pool.map(x -> x, range(0, 3)));
        pool.close();
        pool.close();
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> pool.map(x -> x, range(0, 3)));
        assertEquals("pool is closed", e.getMessage());
        assertThrows(IllegalStateException.class, () -> pool.applyAsync(() -> 1));
        assertTimeoutPreemptively(LIMIT, pool::join);
    }

    @ParameterizedTest
    @EnumSource(PoolBackend.class)
    void aTaskThatNeverReturnsTimesOutAndTerminateReturns(PoolBackend backend) throws Exception {
        Pool pool = Pool.create(1, backend);
        CountDownLatch never = new CountDownLatch(1);
        var stuck = pool.applyAsync(() -> {
            never.await();
            return "never";
        });
        var queued = pool.applyAsync(() -> "queued behind the stuck one");
        assertThrows(TimeoutException.class, () -> stuck.get(100, TimeUnit.MILLISECONDS));
        assertTimeoutPreemptively(Duration.ofSeconds(5), pool::terminate);
        assertThrows(CancellationException.class, () -> queued.get(5, TimeUnit.SECONDS));
        assertThrows(IllegalStateException.class, () -> pool.apply(() -> 1));
        never.countDown();
    }

    @ParameterizedTest
    @EnumSource(PoolBackend.class)
    void interruptingACallerBlockedInMap(PoolBackend backend) throws Exception {
        try (Pool pool = Pool.create(1, backend)) {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicReference<Throwable> outcome = new AtomicReference<>();
            Thread caller = new Thread(() -> {
                try {
                    pool.map(x -> {
                        started.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        return x;
                    }, range(0, 4), 1);
                } catch (Throwable t) {
                    outcome.set(t);
                }
            });
            caller.start();
            assertTrue(started.await(10, TimeUnit.SECONDS));
            caller.interrupt();
            caller.join(10_000);
            assertFalse(caller.isAlive());
            assertInstanceOf(InterruptedException.class, outcome.get());
            release.countDown();
            assertEquals(List.of(5), pool.map(x -> x + 1, List.of(4)), "the pool still serves");
        }
    }

    /**
     * JNA attaches each pthread once: every task on a worker sees the same Thread object, and
     * after join the workers have detached (their Thread objects are no longer alive).
     */
    @org.junit.jupiter.api.Test
    void pthreadsAttachToTheJvmOnceAndDetachAtShutdown() throws Exception {
        Map<Integer, Set<Thread>> threads = new ConcurrentHashMap<>();
        Pool pool = Pool.create(2, PoolBackend.PTHREADS);
        pool.map(x -> threads.computeIfAbsent(Pool.currentWorker().orElseThrow().index(),
            k -> ConcurrentHashMap.newKeySet()).add(Thread.currentThread()), range(0, 2000), 1);
        assertFalse(threads.isEmpty());
        threads.values().forEach(set -> assertEquals(1, set.size(), threads.toString()));
        threads.values().forEach(set -> assertTrue(set.iterator().next().isDaemon()));
        pool.close();
        assertTimeoutPreemptively(LIMIT, pool::join);
        for (Set<Thread> set : threads.values()) {
            Thread t = set.iterator().next();
            t.join(10_000);
            assertFalse(t.isAlive(), t + " detached");
        }
    }

    /**
     * An idle pool sleeps after its bounded spin: over 300 ms idle, its workers use far less
     * than 300 ms of CPU. Only the workers' threads are counted (by name), not the JVM's.
     */
    @ParameterizedTest
    @EnumSource(PoolBackend.class)
    void anIdlePoolDoesNotBurnACore(PoolBackend backend) throws Exception {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        String name = "idle-check-" + backend;
        try (Pool pool = Pool.builder().processes(2).backend(backend).name(name).build()) {
            pool.map(x -> x, range(0, 10));
            assertEquals(2, Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(name)).count(), "both workers are counted");
            Thread.sleep(50);
            long before = workerCpu(threads, name);
            Thread.sleep(300);
            long used = workerCpu(threads, name) - before;
            // Two workers spinning throughout would use about 600 ms.
            assertTrue(used < 100_000_000L, "workers' CPU while idle: " + used / 1_000_000 + " ms");
        }
    }

    private static long workerCpu(java.lang.management.ThreadMXBean threads, String prefix) {
        long total = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(prefix)) {
                total += Math.max(0, threads.getThreadCpuTime(t.getId()));
            }
        }
        return total;
    }

    @org.junit.jupiter.api.Test
    void cpuCountIsTheAffinitySet() {
        assertEquals(Runtime.getRuntime().availableProcessors(), Pool.cpuCount());
        assertTrue(Pool.cpuCount() >= 1);
    }

    @ParameterizedTest
    @EnumSource(PoolBackend.class)
    void joinWaitsForQueuedTasks(PoolBackend backend) throws Exception {
        Pool pool = Pool.create(2, backend);
        AtomicInteger done = new AtomicInteger();
        List<java.util.concurrent.CompletableFuture<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            futures.add(pool.applyAsync(() -> {
                Thread.sleep(1);
                return done.incrementAndGet();
            }));
        }
        pool.close();
        assertTimeoutPreemptively(LIMIT, pool::join);
        assertEquals(50, done.get());
        assertTrue(futures.stream().allMatch(f -> f.isDone() && !f.isCompletedExceptionally()));
    }
}
