package org.jpar.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DummyTasksTest {
    @Test
    void greedyScheduleGivesEachTaskToTheEngineFreeFirst() {
        // 3 on engine 0; the three 1s on engine 1, which frees up first each time.
        assertEquals(3.0, DummyTasks.greedyMakespan(List.of(3.0, 1.0, 1.0, 1.0), 2));
        // The long task comes last, after each engine has done two 1s: 2 + 3.
        assertEquals(5.0, DummyTasks.greedyMakespan(List.of(1.0, 1.0, 1.0, 1.0, 3.0), 2));
        assertEquals(6.0, DummyTasks.greedyMakespan(List.of(1.0, 2.0, 3.0), 1));
        assertEquals(0.0, DummyTasks.greedyMakespan(List.of(), 4));
    }
}
