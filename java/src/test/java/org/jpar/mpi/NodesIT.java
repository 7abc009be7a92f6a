package org.jpar.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.stream.Stream;
import org.jpar.mpi.programs.LargeMessage;
import org.jpar.testing.MpiRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * MPI across two simulated nodes (ci/nodes: network namespaces joined by a veth pair): the
 * launcher starts a daemon on the second node, and ranks there talk to the first over TCP.
 */
class NodesIT {
    @BeforeAll
    static void needsNamespaces() {
        assumeTrue(MpiRunner.canSimulateNodes(), "ci/nodes needs root and iproute2");
    }

    /** 1 + 1 and 2 + 2 ranks under each MPI. */
    static Stream<Arguments> splits() {
        return MpiRunner.mpis().stream()
            .flatMap(mpi -> Stream.of(Arguments.of(mpi, 1, 1), Arguments.of(mpi, 2, 2)));
    }

    @ParameterizedTest(name = "{0}, {1} + {2} ranks")
    @MethodSource("splits")
    void theConformanceSuitePassesAcrossNodes(String mpi, int onA, int onB) {
        MpiRunner.assumeAcrossNodes(mpi);
        MpiRunner.Result r = MpiRunner.nodes(mpi, onA, onB, MpiRunner.thisJava(),
            MpiRunner.classpath(), org.jpar.mpi.conformance.Conformance.class.getName());
        assertFalse(r.timedOut(), r::toString);
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.lines("FAIL").isEmpty(), r::toString);
        int checks = org.jpar.mpi.conformance.Conformance.checks().size();
        assertEquals(checks * (onA + onB), r.lines("PASS").size(), r::toString);
    }

    @Test
    void theNodesAreGoneAfterAFailureAndATimeout() {
        MpiRunner.Result failed = MpiRunner.exec(List.of("bash", "../ci/nodes", "false"));
        assertEquals(1, failed.exitCode(), failed::toString);
        MpiRunner.Result slow = MpiRunner.exec(List.of("bash", "../ci/nodes", "--timeout", "1",
            "sleep", "60"));
        assertEquals(124, slow.exitCode(), slow::toString);
        assertTrue(slow.output().contains("ci/nodes: timed out after 1 s"), slow::toString);
        assertNoNodesLeft();
    }

    @AfterAll
    static void assertNoNodesLeft() {
        MpiRunner.Result list = MpiRunner.exec(List.of("ip", "netns", "list"));
        assertFalse(list.output().contains("jpar-node"), list::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jpar.testing.MpiRunner#mpis")
    void a256MiBMessageCrossesIntact(String mpi) {
        MpiRunner.assumeAcrossNodes(mpi);
        MpiRunner.Result r = MpiRunner.nodes(mpi, 1, 1, MpiRunner.thisJava(),
            MpiRunner.classpath(), LargeMessage.class.getName(), "256");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.output().contains("sent 256 MiB twice from node-a"), r::toString);
        assertTrue(r.output().contains("received 256 MiB on node-b: direct intact, heap intact"),
            r::toString);
    }
}
