package org.jpar.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster API on local engines (threads of this JVM). */
class ClusterTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private Client client;

    @BeforeEach
    void start() {
        client = Cluster.local(3);
    }

    @AfterEach
    void stop() {
        client.close();
    }

    private static String engineName() {
        return Thread.currentThread().getName();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void eachCallSeesTheValuesItsTaskCaptured() throws Exception {
        for (int i = 0; i < 5; i++) {
            int value = i;
            assertEquals(value * 3, client.engine(1).applySync(() -> value * 3));
            assertEquals(List.of(7, 7, 7), client.all().applySync(() -> 7));
        }
    }

    @Test
    void idsAndApplyOnOneEngineAndOnAll() throws Exception {
        assertEquals(List.of(0, 1, 2), client.ids());
        assertEquals("jpar-engine-1", client.engine(1).applySync(ClusterTest::engineName));
        assertEquals(List.of("jpar-engine-0", "jpar-engine-1", "jpar-engine-2"),
            client.all().applySync(ClusterTest::engineName));
        assertEquals(42, client.engine(0).apply(() -> 6 * 7).get());
        assertThrows(IllegalArgumentException.class, () -> client.engine(3));
        assertThrows(IllegalArgumentException.class, () -> client.engine(-1));
    }

    @Test
    void directMapSplitsIntoContiguousBlocks() throws Exception {
        List<String> where = client.all().map(x -> x + "@" + engineName(), range(10));
        assertEquals(10, where.size());
        List<String> expected = new ArrayList<>();
        int[] blocks = {0, 0, 0, 1, 1, 1, 2, 2, 2, 2};
        for (int i = 0; i < 10; i++) {
            expected.add(i + "@jpar-engine-" + blocks[i]);
        }
        assertEquals(expected, where);
        ParallelFunction<Integer, Integer> square = client.all().parallel(x -> x * x);
        assertEquals(List.of(0, 1, 4, 9, 16), square.map(range(5)));
        assertEquals(49, square.apply(7));
        assertEquals(List.of(), client.all().map(x -> x, List.<Integer>of()));
    }

    @Test
    void loadBalancedMapKeepsInputOrderAndUsesEveryEngine() throws Exception {
        LoadBalancedView view = client.loadBalancedView();
        AsyncResult<List<Integer>> result = view.mapAsync(x -> {
            pause(5);
            return x * 2;
        }, range(60));
        assertEquals(range(60).stream().map(x -> x * 2).toList(), result.get());
        Set<Integer> engines = new HashSet<>();
        for (TaskRecord r : result.metadata()) {
            engines.add(r.engineId());
            assertTrue(r.submittedMicros() <= r.startedMicros(), r.toString());
            assertTrue(r.startedMicros() <= r.completedMicros(), r.toString());
            assertEquals(ProcessHandle.current().pid(), r.pid());
            assertFalse(r.host().isEmpty());
            assertTrue(r.seconds() >= 0.004, r.toString());
        }
        assertEquals(Set.of(0, 1, 2), engines);
        assertEquals(60, result.metadata().size());
        assertTrue(result.wallSeconds() > 0);
        assertEquals("x", view.applySync(() -> "x"));
        assertEquals(List.of(1, 2, 3), view.mapAsync(x -> x + 1, List.of(0, 1, 2), 2).get());
    }

    @Test
    void asyncResultsReportReadinessAndTimeOut() throws Exception {
        AsyncResult<String> slow = client.engine(0).applyAsync(() -> {
            Thread.sleep(300);
            return "slow";
        });
        assertFalse(slow.ready());
        assertThrows(TimeoutException.class, () -> slow.get(10, TimeUnit.MILLISECONDS));
        assertEquals("slow", slow.get(10, TimeUnit.SECONDS));
        assertTrue(slow.ready());
        assertEquals(1, slow.finished());
    }

    @Test
    void waitInteractiveReportsProgress() throws Exception {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true));
        try {
            client.loadBalancedView().mapAsync(x -> x, range(12)).waitInteractive();
        } finally {
            System.setErr(saved);
        }
        assertTrue(captured.toString().contains("12/12 tasks finished"), captured.toString());
    }

    @Test
    void aFailingTaskCarriesTheEngineStackTraceAndTheEngineGoesOn() throws Exception {
        RemoteException e = assertThrows(RemoteException.class, () -> client.engine(2).applySync(
            () -> {
                throw new IllegalStateException("boom on the engine");
            }));
        assertEquals(2, e.engineId());
        assertTrue(e.getMessage().contains("engine 2"), e.getMessage());
        assertTrue(e.getMessage().contains("boom on the engine"), e.getMessage());
        assertTrue(e.engineStackTrace().contains("java.lang.IllegalStateException: boom"),
            e.engineStackTrace());
        assertTrue(e.engineStackTrace().contains("\tat "), e.engineStackTrace());
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertTrue(e.getCause().getStackTrace().length > 0, "the engine's frames came back");
        assertEquals("still serving", client.engine(2).applySync(() -> "still serving"));

        RemoteException inMap = assertThrows(RemoteException.class,
            () -> client.all().map(x -> 10 / (x - 4), range(8)));
        assertInstanceOf(ArithmeticException.class, inMap.getCause());
    }

    @Test
    void unserializableResultsAndTasksAreClearErrors() throws Exception {
        RemoteException e = assertThrows(RemoteException.class,
            () -> client.engine(0).applySync(Object::new));
        assertTrue(e.getMessage().contains("not serializable"), e.getMessage());
        assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());

        Object notSerializable = new Object();
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
            () -> client.engine(0).applyAsync(() -> notSerializable.hashCode()));
        assertTrue(bad.getMessage().contains("not serializable"), bad.getMessage());
        assertThrows(NullPointerException.class, () -> client.engine(0).applyAsync(null));
        assertEquals(1, client.engine(0).applySync(() -> 1), "the client still works");
    }

    @Test
    void aTaskThatNeverFinishesTimesOutAndCloseStillReturns() throws Exception {
        AsyncResult<String> stuck = client.engine(1).applyAsync(() -> {
            Thread.sleep(Long.MAX_VALUE);
            return "never";
        });
        assertThrows(TimeoutException.class, () -> stuck.get(100, TimeUnit.MILLISECONDS));
        assertTimeoutPreemptively(Duration.ofSeconds(20), client::close);
        assertTrue(client.isClosed());
        IllegalStateException e = assertThrows(IllegalStateException.class, stuck::get);
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> client.engine(0).applyAsync(() -> 1));
        assertThrows(IllegalStateException.class, () -> client.all().map(x -> x, range(3)));
        assertThrows(IllegalStateException.class,
            () -> client.loadBalancedView().applyAsync(() -> 1));
    }

    @Test
    void timelinesAreWrittenAsPngAndSvg(@TempDir Path dir) throws Exception {
        AsyncResult<List<Integer>> r = client.loadBalancedView().mapAsync(x -> {
            pause(2);
            return x;
        }, range(20));
        r.get();
        Path png = dir.resolve("t.png");
        Path svg = dir.resolve("t.svg");
        Timeline.writePng(r.metadata(), "twenty tasks", png);
        Timeline.writeSvg(r.metadata(), "twenty tasks", svg);
        byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > 1000);
        assertEquals((byte) 0x89, bytes[0]);
        assertEquals('P', bytes[1]);
        String text = Files.readString(svg);
        assertTrue(text.contains("<svg"), text.substring(0, 100));
        assertTrue(text.contains("seconds since the first submission"));
        assertTrue(text.contains("engine 0 (" + r.metadata().get(0).host() + ", pid "),
            "lane labels");
        assertThrows(IllegalArgumentException.class,
            () -> Timeline.writePng(List.of(), "none", dir.resolve("none.png")));
    }

    @Test
    void viewsAndRecordsDescribeThemselves() throws Exception {
        assertEquals(2, client.engine(2).id());
        assertEquals(List.of(0, 1, 2), client.all().targets());
        AsyncResult<List<Integer>> r = client.loadBalancedView().mapAsync(x -> x, range(5), 2);
        assertEquals(3, r.size(), "chunks of 2, 2 and 1");
        r.get();
        TaskRecord record = r.metadata().get(0);
        assertEquals(record.submittedMicros(), record.submitted().getEpochSecond() * 1_000_000L
            + record.submitted().getNano() / 1_000);
        assertTrue(!record.started().isBefore(record.submitted()));
        assertTrue(!record.completed().isBefore(record.started()));
        long now = TaskRecord.nowMicros();
        assertTrue(Math.abs(now - record.completedMicros()) < 60_000_000L, "wall-clock micros");
    }

    @Test
    void badClusterSizes() {
        assertThrows(IllegalArgumentException.class, () -> Cluster.local(0));
    }

    @Test
    void closeIsIdempotent() {
        assertTimeoutPreemptively(LIMIT, () -> {
            client.close();
            client.close();
        });
    }
}
