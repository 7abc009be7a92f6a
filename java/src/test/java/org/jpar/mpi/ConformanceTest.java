package org.jpar.mpi;

import java.util.stream.Stream;
import org.jpar.mpi.conformance.Conformance;
import org.jpar.testing.TestMpi;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The conformance suite in this JVM, on a native singleton world of one rank. */
class ConformanceTest {
    @TestFactory
    Stream<DynamicTest> conformanceOnOneRank() {
        Intracomm world = TestMpi.get().world();
        return Conformance.checks().entrySet().stream().map(check ->
            DynamicTest.dynamicTest(check.getKey(), () -> check.getValue().accept(world)));
    }
}
