package org.jpar.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoalsTest {
    private final Map<String, Map<String, Map<Double, Double>>> rows = new TreeMap<>();

    private void put(String suite, String path, double size, double seconds) {
        rows.computeIfAbsent(suite, k -> new TreeMap<>()).computeIfAbsent(path, k -> new TreeMap<>())
            .put(size, seconds);
    }

    private Goals.Verdict verdict(String goalStart) {
        List<Goals.Verdict> all = Goals.check(new Results(rows));
        return all.stream().filter(v -> v.goal().startsWith(goalStart)).findFirst().orElseThrow();
    }

    @Test
    void latencyWithinItsLimitIsMet() {
        put("pingpong", "c", 8, 1.0e-6);
        put("pingpong", "jpar-ffm-direct", 8, 1.1e-6);
        Goals.Verdict v = verdict("8 B one-way at most");
        assertEquals(Goals.MET, v.outcome());
        assertTrue(v.measured().startsWith("1.10\u00d7 C"), v.measured());
    }

    @Test
    void missedLatencyIsSplitIntoThreadLevelCallsAndTheRest() {
        put("pingpong", "c", 8, 1.0e-6);
        put("pingpong", "c-multiple", 8, 1.2e-6);
        put("pingpong", "jpar-ffm-direct", 8, 1.5e-6);
        put("callsend", "c", 0, 10e-9);
        put("callsend", "jpar-ffm-direct", 0, 40e-9);
        put("callrecv", "c", 0, 15e-9);
        put("callrecv", "jpar-ffm-direct", 0, 65e-9);
        Goals.Verdict v = verdict("8 B one-way at most");
        assertEquals(Goals.MISSED, v.outcome());
        assertTrue(v.measured().contains("1.25\u00d7 c-multiple"), v.measured());
        assertTrue(v.why().startsWith("500 ns above C: 200 ns is Open MPI at MPI_THREAD_MULTIPLE"),
            v.why());
        assertTrue(v.why().contains("80 ns jpar's send and receive"), v.why());
        assertTrue(v.why().contains("220 ns neither"), v.why());
    }

    @Test
    void smallMessagesAreJudgedAtCsThreadLevelWhenTheRunHasIt() {
        put("pingpong", "c", 8, 1.0e-6);
        put("pingpong", "c-multiple", 8, 1.2e-6);
        put("pingpong", "jpar-ffm-direct", 8, 1.5e-6);
        put("pingpong", "jpar-ffm-single-direct", 8, 1.1e-6);
        Goals.Verdict v = verdict("8 B one-way at most");
        assertEquals(Goals.MET, v.outcome());
        assertTrue(v.measured().startsWith("1.10\u00d7 C (1.100 \u00b5s against 1.000 \u00b5s) at "
            + "MPI_THREAD_SINGLE, as C; at jpar's default MULTIPLE 1.50\u00d7 C"), v.measured());

        put("pingpong", "jpar-ffm-single-direct", 8, 1.3e-6);
        v = verdict("8 B one-way at most");
        assertEquals(Goals.MISSED, v.outcome());
        // Same level as C: none of the gap is the thread level's.
        assertTrue(v.why().startsWith("300 ns above C, "), v.why());
        assertTrue(v.why().contains("300 ns neither"), v.why());
    }

    @Test
    void bandwidthIsCsTimeOverJparsTime() {
        put("pingpong", "c", 1 << 20, 100e-6);
        put("pingpong", "jpar-ffm-direct", 1 << 20, 102e-6);
        put("pingpong", "c", 4 << 20, 400e-6);
        put("pingpong", "jpar-ffm-direct", 4 << 20, 440e-6);
        put("pingpong", "c-end", 4 << 20, 430e-6);
        assertEquals(Goals.MET, verdict("bandwidth at 1 MiB").outcome());
        Goals.Verdict big = verdict("bandwidth at 4 MiB");
        assertEquals(Goals.MISSED, big.outcome());
        assertTrue(big.measured().startsWith("0.91\u00d7 C"), big.measured());
        assertTrue(big.why().contains("430.000 \u00b5s at its end"), big.why());
        assertFalse(big.why().contains("Open MPI's bindings"), big.why());

        put("pingpong", "mpijar-direct", 4 << 20, 404e-6);
        assertTrue(verdict("bandwidth at 4 MiB").why().contains(
            "Open MPI's bindings on the same aligned buffers: 404.000 \u00b5s, 1.01\u00d7 C's time"),
            verdict("bandwidth at 4 MiB").why());
    }

    @Test
    void aPathTheRunLackedIsNotMeasured() {
        put("pingpong", "jpar-ffm-direct", 8, 1.1e-6);
        assertEquals(Goals.NOT_MEASURED, verdict("8 B one-way below").outcome());
        assertEquals(Goals.NOT_MEASURED, verdict("Allreduce of 1 double").outcome());
    }

    @Test
    void withoutFfmRowsTheJnaPathIsChecked() {
        put("emptytask", "jpar-jna-pthreads", 0, 1.5e-6);
        put("emptytask", "jpar-jna-ThreadPoolExecutor", 0, 12e-6);
        Goals.Verdict v = verdict("pool round trip");
        assertEquals(Goals.MISSED, v.outcome());
        assertTrue(v.measured().startsWith("8.00\u00d7"), v.measured());
    }

    @Test
    void nativeSumComparesSpeeds() {
        put("sum", "c", 1e8, 60e-3);
        put("sum", "jpar-ffm-native-pool", 1e8, 64e-3);
        put("sum", "c-end", 1e8, 50e-3);
        Goals.Verdict v = verdict("native sum");
        assertEquals(Goals.MET, v.outcome());
        assertTrue(v.measured().startsWith("0.94\u00d7 C (64.0 ms against 60.0 ms)"), v.measured());
        assertTrue(v.why().endsWith("60.0 ms at the start of the run and 50.0 ms at its end (c-end)"),
            v.why());
    }

    @Test
    void profileSummariesAreReadInNameOrderAndAreOptional(@TempDir Path dir) throws Exception {
        assertEquals(List.of(), Goals.profileLines(dir.resolve("profile")));
        Files.writeString(dir.resolve("jdk25-parts.txt"), "jdk25: Open MPI 67%\n");
        Files.writeString(dir.resolve("jdk17-parts.txt"), "jdk17: Open MPI 52%\n");
        Files.writeString(dir.resolve("jdk17-dso.txt"), "not a summary\n");
        assertEquals(List.of("jdk17: Open MPI 52%", "jdk25: Open MPI 67%"), Goals.profileLines(dir));
    }
}
