package org.jpar.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class ClusterSpeedTest {
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
