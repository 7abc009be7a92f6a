package org.jpar.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterSpeedTest {
    @Test
    void greedyScheduleGivesEachTaskToTheEngineFreeFirst() {
        // 3 on engine 0; the three 1s on engine 1, which frees up first each time.
        assertEquals(3.0, ClusterSpeed.greedyMakespan(List.of(3.0, 1.0, 1.0, 1.0), 2));
        // The long task comes last, after each engine has done two 1s: 2 + 3.
        assertEquals(5.0, ClusterSpeed.greedyMakespan(List.of(1.0, 1.0, 1.0, 1.0, 3.0), 2));
        assertEquals(6.0, ClusterSpeed.greedyMakespan(List.of(1.0, 2.0, 3.0), 1));
        assertEquals(0.0, ClusterSpeed.greedyMakespan(List.of(), 4));
    }

    @Test
    void theLaunchComesFromTheCommandLineOrIsNow() {
        java.time.Instant before = java.time.Instant.now();
        assertFalse(ClusterSpeed.launched().isBefore(before));
        System.setProperty("launchedAt", "1764633600123456789");
        try {
            assertEquals(java.time.Instant.parse("2025-12-02T00:00:00.123456789Z"),
                ClusterSpeed.launched());
        } finally {
            System.clearProperty("launchedAt");
        }
    }
}
