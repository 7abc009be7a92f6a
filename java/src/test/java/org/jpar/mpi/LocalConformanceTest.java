package org.jpar.mpi;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.jpar.mpi.conformance.Conformance;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The conformance suite on the local backend, with 1, 2, 3 and 4 ranks as threads. */
class LocalConformanceTest {
    @TestFactory
    Stream<DynamicContainer> conformanceOnLocalRanks() {
        return Stream.of(1, 2, 3, 4).map(ranks -> DynamicContainer.dynamicContainer(
            "local, " + ranks + " ranks",
            Conformance.checks().entrySet().stream().map(check ->
                DynamicTest.dynamicTest(check.getKey(), () ->
                    assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
                        Mpi.local(ranks, mpi -> {
                            check.getValue().accept(mpi.world());
                            mpi.world().barrier();
                        }))))));
    }

    @TestFactory
    Stream<DynamicTest> everyRankReportsTheLocalBackend() {
        return Stream.of(DynamicTest.dynamicTest("backend()", () -> {
            List<String> names = new java.util.concurrent.CopyOnWriteArrayList<>();
            Mpi.local(3, mpi -> names.add(mpi.backend() + ":" + mpi.world().size()));
            org.junit.jupiter.api.Assertions.assertEquals(
                List.of("local:3", "local:3", "local:3"), names);
        }));
    }
}
