package org.jpar.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.ToolProvider;
import org.jpar.mpi.programs.AbortOnOneRank;
import org.jpar.mpi.programs.AfterClose;
import org.jpar.mpi.programs.FaultsInABusyRank;
import org.jpar.mpi.programs.MissingClass;
import org.jpar.mpi.programs.NullPointerAfterInit;
import org.jpar.mpi.programs.UncaughtOnOneRank;
import org.jpar.testing.MpiRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What needs a process of its own: close and after, signals, aborts, missing classes. */
class LifecycleIT {
    @Test
    void everyCallAfterCloseIsRefused() {
        MpiRunner.Result r = MpiRunner.run(1, AfterClose.class.getName());
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.output().contains("after close: all refused"), r::toString);
        assertTrue(r.output().contains("closed=true initialized=false"), r::toString);
        assertTrue(r.output().contains("refused send: MPI is finalized: call=send"), r::toString);
    }

    @Test
    void nullPointerExceptionsSurviveMpiInit() {
        MpiRunner.Result r = MpiRunner.run(2, NullPointerAfterInit.class.getName());
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(2, r.lines("rank ").stream()
            .filter(l -> l.endsWith("caught 200 NullPointerExceptions")).count(), r::toString);
    }

    @Test
    void nullPointersAndAStackOverflowInABusyRankAreOrdinaryExceptions() {
        assertFaultsAreExceptions(MpiRunner.run(2, FaultsInABusyRank.class.getName()));
    }

    /**
     * Under MPICH, whose UCX transport installs its own fault handlers when its library loads,
     * with the jar's MPICH shim, which jpar picks under MPICH's launcher: on this JVM (FFM on
     * JDK 22+) and the other one ci/test names (JNA on JDK 17).
     */
    @Test
    void underMpichTheJvmKeepsItsSignalHandlers() {
        assumeTrue(MpiRunner.mpis().contains("mpich"),
            "no MPICH shim in this build (ci/setup installs MPICH)");
        for (String java : MpiRunner.javas()) {
            List<String> options = List.of();
            MpiRunner.Result npe = MpiRunner.mpich(java, 2, options,
                NullPointerAfterInit.class.getName());
            assertEquals(0, npe.exitCode(), npe::toString);
            assertEquals(2, npe.lines("rank ").stream()
                .filter(l -> l.endsWith("caught 200 NullPointerExceptions")).count(),
                npe::toString);
            assertFalse(npe.output().contains("UCX_ERROR_SIGNALS"), npe::toString);
            assertFaultsAreExceptions(MpiRunner.mpich(java, 2, options,
                FaultsInABusyRank.class.getName()));
        }
    }

    private static void assertFaultsAreExceptions(MpiRunner.Result r) {
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(2, r.lines("rank ").stream()
            .filter(l -> l.endsWith("npes 200 stackoverflow true last token 19999")).count(),
            r::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "plain"})
    void anUncaughtExceptionAbortsTheJob(String style) {
        MpiRunner.Result r = MpiRunner.run(2, UncaughtOnOneRank.class.getName(), style);
        assertFalse(r.timedOut(), "the job hung:\n" + r);
        assertNotEquals(0, r.exitCode(), r::toString);
        assertTrue(r.output().contains("boom on rank 1"), r::toString);
    }

    @Test
    void abortEndsEveryRank() {
        MpiRunner.Result r = MpiRunner.run(2, AbortOnOneRank.class.getName());
        assertFalse(r.timedOut(), "the job hung:\n" + r);
        assertEquals(3, r.exitCode(), r::toString);
        assertTrue(r.output().contains("rank 1 aborting"), r::toString);
    }

    @Test
    void aClassTheReceiverLacksIsNamedAndTheReceiverGoesOn(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("src/fixture/OnlyOnSender.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package fixture;\n"
            + "public class OnlyOnSender implements java.io.Serializable {\n"
            + "    public int value = 7;\n}\n");
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null,
            "-d", classes.toString(), source.toString());
        assertEquals(0, rc, "javac");

        List<String> command = new ArrayList<>(MpiRunner.mpirun());
        command.addAll(MpiRunner.rank(1, MpiRunner.classpath() + File.pathSeparator + classes,
            MissingClass.class.getName(), "fixture.OnlyOnSender"));
        command.add(":");
        command.addAll(MpiRunner.rank(1, MpiRunner.classpath(), MissingClass.class.getName(),
            "fixture.OnlyOnSender"));
        MpiRunner.Result r = MpiRunner.exec(command);
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.output().contains("rank 1 refused: recvObject: cannot deserialize the message: "
            + "class fixture.OnlyOnSender is not on this rank's class path"), r::toString);
        assertTrue(r.output().contains("rank 1 then received: after"), r::toString);
    }
}
