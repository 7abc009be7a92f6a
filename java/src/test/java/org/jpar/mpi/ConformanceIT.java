package org.jpar.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jpar.mpi.conformance.Conformance;
import org.jpar.testing.MpiRunner;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The conformance suite on the native backend under {@code mpirun -n 1, 2, 3, 4}. */
class ConformanceIT {
    @TestFactory
    Stream<DynamicNode> conformanceUnderMpirun() {
        return Stream.of(1, 2, 3, 4).map(ranks -> {
            MpiRunner.Result result = MpiRunner.run(ranks, Conformance.class.getName());
            List<DynamicNode> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest("exit code", () -> {
                assertFalse(result.timedOut(), () -> "timed out:\n" + result);
                assertEquals(0, result.exitCode(), result::toString);
            }));
            for (String check : Conformance.checks().keySet()) {
                tests.add(DynamicTest.dynamicTest(check, () -> {
                    assertTrue(result.lines("FAIL " + check + " ").isEmpty(), result::toString);
                    assertEquals(ranks, result.lines("PASS " + check + " ").size(),
                        () -> "every rank passes " + check + ":\n" + result);
                }));
            }
            return DynamicContainer.dynamicContainer("mpirun -n " + ranks, tests);
        });
    }
}
