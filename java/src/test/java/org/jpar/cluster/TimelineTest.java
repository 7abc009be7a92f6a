package org.jpar.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineTest {
    /** Engines on two nodes that share a host name, as namespaces or containers may. */
    private static final List<TaskRecord> TASKS = List.of(
        new TaskRecord(0, 0, "vm", "node-a", 11, 0, 10, 2_000),
        new TaskRecord(1, 1, "vm", "node-b", 12, 0, 20, 3_000),
        new TaskRecord(2, 0, "vm", "node-a", 11, 0, 2_000, 4_000));

    @Test
    void lanesNameEachEnginesNode() {
        assertEquals(Map.of(0, "engine 0 (node-a, pid 11)", 1, "engine 1 (node-b, pid 12)"),
            Timeline.laneLabels(TASKS));
    }

    @Test
    void thePictureShowsTheNodes(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("t.svg");
        Timeline.writeSvg(TASKS, "two nodes", svg);
        String text = Files.readString(svg);
        assertTrue(text.contains("engine 0 (node-a, pid 11)"), "lane labels");
        assertTrue(text.contains("engine 1 (node-b, pid 12)"), "lane labels");
    }
}
