package org.jpar.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class GoalsTest {
    private final Map<String, Map<String, Map<Double, Double>>> rows = new TreeMap<>();

    private void put(String suite, String path, double size, double seconds) {
        rows.computeIfAbsent(suite, k -> new TreeMap<>()).computeIfAbsent(path, k -> new TreeMap<>())
            .put(size, seconds);
    }

    private Goals.Verdict verdict(String name) throws Exception {
        Goals.Goal goal = Goals.load().stream().filter(g -> g.name().equals(name)).findFirst()
            .orElseThrow();
        return Goals.check(goal, new Results(rows), "jpar-ffm");
    }

    @Test
    void theJarCarriesEveryGoalOfGoalsTsv() throws Exception {
        List<Goals.Goal> goals = Goals.load();
        assertEquals(17, goals.size());
        Goals.Goal first = goals.get(0);
        assertEquals("8 B one-way", first.name());
        assertEquals(List.of("{jpar}-single-direct", "{jpar}-direct"), first.paths());
        assertEquals(8.0, first.size());
        assertEquals(1.15, first.limit());
    }

    @Test
    void aTimeGoalIsMetUpToItsLimitAndMissedBeyond() throws Exception {
        put("pingpong", "c", 1024, 1.0e-6);
        put("pingpong", "jpar-ffm-direct", 1024, 1.1e-6);
        Goals.Verdict met = verdict("1 KiB one-way");
        assertEquals(Goals.MET, met.outcome());
        assertEquals(1.1, met.ratio(), 1e-9);
        put("pingpong", "jpar-ffm-direct", 1024, 1.2e-6);
        assertEquals(Goals.MISSED, verdict("1 KiB one-way").outcome());
    }

    @Test
    void aSpeedGoalComparesTheBaselinesTimeWithThePaths() throws Exception {
        put("pingpong", "c", 1 << 20, 50e-6);
        put("pingpong", "jpar-ffm-direct", 1 << 20, 52e-6);
        Goals.Verdict v = verdict("bandwidth at 1 MiB");
        assertEquals(50.0 / 52.0, v.ratio(), 1e-9);
        assertEquals(Goals.MISSED, v.outcome());
        put("pingpong", "jpar-ffm-direct", 1 << 20, 51e-6);
        assertEquals(Goals.MET, verdict("bandwidth at 1 MiB").outcome());
    }

    @Test
    void aMaxBaselineIsTheSlowerOfItsPaths() throws Exception {
        String goal = "iallreduce of 1,048,576 doubles overlapped with as long a computation";
        put("overlap", "jpar-ffm-overlapped", 1048576, 11e-3);
        put("overlap", "jpar-ffm-allreduce", 1048576, 10e-3);
        assertEquals(Goals.NOT_MEASURED, verdict(goal).outcome());
        put("overlap", "jpar-ffm-compute", 1048576, 9e-3);
        Goals.Verdict v = verdict(goal);
        assertEquals("jpar-ffm-allreduce", v.baselinePath());
        assertEquals(1.1, v.ratio(), 1e-9);
        assertEquals(Goals.MET, v.outcome());
        put("overlap", "jpar-ffm-compute", 1048576, 5e-3);
        put("overlap", "jpar-ffm-overlapped", 1048576, 15e-3);
        assertEquals(Goals.MISSED, verdict(goal).outcome());
    }

    @Test
    void theFirstAlternativeTheRunHasIsJudged() throws Exception {
        put("pingpong", "c", 8, 1.0e-6);
        put("pingpong", "jpar-ffm-direct", 8, 1.5e-6);
        Goals.Verdict multiple = verdict("8 B one-way");
        assertEquals("jpar-ffm-direct", multiple.path());
        assertEquals(Goals.MISSED, multiple.outcome());
        put("pingpong", "jpar-ffm-single-direct", 8, 1.1e-6);
        Goals.Verdict single = verdict("8 B one-way");
        assertEquals("jpar-ffm-single-direct", single.path());
        assertEquals(Goals.MET, single.outcome());
    }

    @Test
    void theCrossNodeGoalsJudgeTheNodesRowsAlone() throws Exception {
        put("pingpong", "c-nodes", 8, 12e-6);
        put("pingpong", "jpar-ffm-nodes-single-direct", 8, 11e-6);
        Goals.Verdict v = verdict("8 B one-way across two nodes (TCP, ci/bench --nodes)");
        assertEquals("jpar-ffm-nodes-single-direct", v.path());
        assertEquals(Goals.MET, v.outcome());
        assertEquals(Goals.NOT_MEASURED, verdict("8 B one-way").outcome());
        put("pingpong", "c-nodes", 1048576, 800e-6);
        put("pingpong", "jpar-ffm-nodes-single-direct", 1048576, 900e-6);
        assertEquals(Goals.MISSED,
            verdict("bandwidth at 1 MiB across two nodes (TCP, ci/bench --nodes)").outcome());
    }

    @Test
    void aGoalWithoutBothMediansIsNotMeasured() throws Exception {
        put("emptytask", "jpar-ffm-pthreads", 0, 1e-6);
        Goals.Verdict v = verdict("pool round trip against ThreadPoolExecutor");
        assertEquals(Goals.NOT_MEASURED, v.outcome());
        put("emptytask", "jpar-ffm-ThreadPoolExecutor", 0, 20e-6);
        assertEquals(Goals.MET, verdict("pool round trip against ThreadPoolExecutor").outcome());
    }

    @Test
    void theMarkdownHasARowPerGoal() throws Exception {
        put("pingpong", "c", 8, 1.0e-6);
        put("pingpong", "jpar-ffm-single-direct", 8, 1.05e-6);
        String md = Goals.markdown(Goals.load(), new Results(rows), "jpar-ffm");
        assertTrue(md.contains("| 8 B one-way | `jpar-ffm-single-direct` | 1.050 \u00b5s | "
            + "1.000 \u00b5s (`c`) | 1.05 | \u2264 1.15 (time) | met |"), md);
        assertEquals(17, md.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| goal"))
            .count(), md);
    }

    @Test
    void aMalformedRowIsRefusedWithTheRow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Goals.parse("x\tpingpong\tc\t8\tc\tfaster\t1.0\n"));
        assertTrue(e.getMessage().contains("faster"), e.getMessage());
    }
}
