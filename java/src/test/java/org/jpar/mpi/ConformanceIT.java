package org.jpar.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jpar.mpi.conformance.Conformance;
import org.jpar.testing.MpiRunner;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance suite: the native backend with 1, 2, 3 and 4 ranks under Open MPI's mpirun,
 * and under MPICH's mpiexec where the build has a MPICH shim, on this JDK and on the second one
 * ci/test names; the openmpi backend (Open MPI's mpi.jar) with 2 ranks where the build included
 * it.
 */
class ConformanceIT {
    private static final List<Integer> RANKS = List.of(1, 2, 3, 4);

    @TestFactory
    Stream<DynamicNode> nativeBackend() {
        return RANKS.stream().map(ranks -> suite(null, false, "native", ranks));
    }

    /**
     * The native suite on a second JDK (ci/test builds on JDK 25, whose ranks use the FFM
     * binding, and passes JDK 17 here, whose ranks use JNA), so both bindings are checked.
     */
    @TestFactory
    Stream<DynamicNode> nativeBackendOnTheOtherJdk() {
        String other = System.getProperty("jpar.otherJava", "");
        assumeTrue(!other.isBlank(), "no second JDK given (jpar.otherJava)");
        return RANKS.stream().map(ranks -> suite(other, false, "native", ranks));
    }

    /** Under mpiexec.mpich, with the jar's MPICH shim, on both JDKs. */
    @TestFactory
    Stream<DynamicNode> nativeBackendUnderMpich() {
        assumeTrue(MpiRunner.mpis().contains("mpich"),
            "no MPICH shim in this build (ci/setup installs MPICH)");
        return MpiRunner.javas().stream().flatMap(java -> RANKS.stream()
            .map(ranks -> suite(java, true, "native", ranks)));
    }

    @TestFactory
    Stream<DynamicNode> openmpiBackend() {
        assumeTrue(Boolean.getBoolean("jpar.openmpi"), "built without mpi.jar");
        return Stream.of(suite(null, false, "openmpi", 2));
    }

    private static DynamicNode suite(String java, boolean mpich, String backend, int ranks) {
        String option = "-Djpar.backend=" + backend;
        MpiRunner.Result result = mpich
            ? MpiRunner.mpich(java, ranks, List.of(option), Conformance.class.getName())
            : java == null ? MpiRunner.runWith(ranks, option, Conformance.class.getName())
            : MpiRunner.runOn(java, ranks, option, Conformance.class.getName());
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("exit code and backend", () -> {
            assertFalse(result.timedOut(), () -> "timed out:\n" + result);
            assertEquals(0, result.exitCode(), result::toString);
            assertEquals(ranks, result.lines("BACKEND " + backend + " ").size(), result::toString);
            for (String line : result.lines("BACKEND ")) {
                int feature = Integer.parseInt(line.replaceAll(".*java=(\\d+).*", "$1"));
                String expected = !backend.equals("native") ? "none"
                    : feature >= 22 ? "ffm" : "jna";
                assertTrue(line.contains("binding=" + expected), line);
                assertTrue(line.contains(backend.equals("local") ? "library=jpar local backend"
                    : mpich ? "library=MPICH Version:" : "library=Open MPI v"), line);
            }
        }));
        for (String check : Conformance.checks().keySet()) {
            tests.add(DynamicTest.dynamicTest(check, () -> {
                assertTrue(result.lines("FAIL " + check + " ").isEmpty(), result::toString);
                assertEquals(ranks, result.lines("PASS " + check + " ").size(),
                    () -> "every rank passes " + check + ":\n" + result);
            }));
        }
        String binding = result.lines("BACKEND ").stream().findFirst()
            .map(l -> l.replaceAll(".*(binding=\\S+).*(java=\\d+).*", "$1, $2")).orElse("");
        return DynamicContainer.dynamicContainer(backend + (mpich ? ", mpiexec.mpich -n "
            : ", mpirun -n ") + ranks + ", " + binding, tests);
    }
}
