package org.jpar.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jpar.io.Npy;
import org.jpar.io.NpyArray;
import org.jpar.testing.MpiRunner;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The seed's MPI programs, run exactly as a user runs them, under mpirun. */
class ExamplesIT {
    /** Every launch the seed's programs meet: Open MPI and MPICH, JDK 25 and 17, 1 to 4 ranks. */
    static Stream<Arguments> launches() {
        return MpiRunner.mpis().stream().flatMap(mpi -> MpiRunner.javas().stream()
            .flatMap(java -> Stream.of(1, 2, 3, 4).map(ranks -> Arguments.of(mpi, java, ranks))));
    }

    @ParameterizedTest(name = "{0}, {1}, -n {2}")
    @MethodSource("launches")
    void theExamplesRunUnderEveryMpiAndJdk(String mpi, String java, int ranks) {
        checkExamples((main, args) -> MpiRunner.launch(mpi, java, ranks, main, args), ranks);
    }

    /**
     * The same with 2 + 2 ranks split over two simulated nodes (ci/nodes), talking over TCP,
     * under each MPI.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jpar.testing.MpiRunner#mpis")
    void theExamplesRunAcrossTwoNodes(String mpi) {
        MpiRunner.assumeAcrossNodes(mpi);
        checkExamples((main, args) -> MpiRunner.nodes(mpi, 2, 2, MpiRunner.thisJava(),
            System.getProperty("jpar.jar"), main, args), 4);
    }

    /** How a check starts a program: its main class and arguments. */
    private interface Launch {
        MpiRunner.Result run(String mainClass, String... args);
    }

    private static void checkExamples(Launch launch, int ranks) {
        MpiRunner.Result psum = launch.run(Psum.class.getName(), "1001");
        assertEquals(0, psum.exitCode(), psum::toString);
        Matcher m = Pattern.compile("^sum = (\\S+) , serial sum = (\\S+)$", Pattern.MULTILINE)
            .matcher(psum.output());
        assertTrue(m.find(), psum::toString);
        assertEquals(Double.parseDouble(m.group(2)), Double.parseDouble(m.group(1)), 1e-9 * 1001,
            psum::toString);
        MpiRunner.Result matVec = launch.run(MatVec.class.getName(),
            "101");
        assertEquals(0, matVec.exitCode(), matVec::toString);
        assertTrue(matVec.output().contains("matvec N=101 ranks=" + ranks
            + ": y equals serial A·x to 1e-12: true"), matVec::toString);
        MpiRunner.Result heat = launch.run(Heat2D.class.getName(), "37",
            "60");
        assertEquals(0, heat.exitCode(), heat::toString);
        assertTrue(heat.output().contains("heat2d N=37 steps=60 ranks=" + ranks + " grid="),
            heat::toString);
        assertTrue(heat.output().contains("max |parallel - serial| = 0.0"), heat::toString);
        if (ranks >= 2) {
            MpiRunner.Result list = launch.run(MpiTest.class.getName());
            assertEquals(List.of("rank = 1 : data = [1.0, 2.0, 3.0, 4.0]"),
                list.lines("rank = "), list::toString);
            MpiRunner.Result array = launch.run(MpiArray.class.getName(),
                "7");
            assertEquals(0, array.exitCode(), array::toString);
            assertArrayEquals(numbers(array.lines("rank = 0 : sent = ").get(0)),
                numbers(array.lines("rank = 1 : data = ").get(0)), array.toString());
        }
    }

    @ParameterizedTest(name = "mpirun -n {0}")
    @ValueSource(ints = {2, 4})
    void mpiTestPrintsTheList(int ranks) {
        MpiRunner.Result r = MpiRunner.run(ranks, MpiTest.class.getName());
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("rank = 1 : data = [1.0, 2.0, 3.0, 4.0]"), r.lines("rank = "),
            r::toString);
    }

    @ParameterizedTest(name = "mpirun -n {0}")
    @ValueSource(ints = {2, 4})
    void mpiArrayReceivesWhatWasSent(int ranks) {
        MpiRunner.Result r = MpiRunner.run(ranks, MpiArray.class.getName(), "7");
        assertEquals(0, r.exitCode(), r::toString);
        List<String> sent = r.lines("rank = 0 : sent = ");
        List<String> received = r.lines("rank = 1 : data = ");
        assertEquals(1, sent.size(), r::toString);
        assertEquals(1, received.size(), r::toString);
        double[] a = numbers(sent.get(0));
        double[] b = numbers(received.get(0));
        assertEquals(10, a.length);
        assertArrayEquals(a, b, r.toString());
        assertTrue(a[0] != a[1], "random values");
    }

    @ParameterizedTest(name = "mpirun -n {0}, N={1}")
    @CsvSource({"1, 4096", "2, 4096", "4, 4096", "2, 1001", "4, 1001", "3, 4096"})
    void psumAgreesWithTheSerialSum(int ranks, int n) {
        MpiRunner.Result r = MpiRunner.run(ranks, Psum.class.getName(), String.valueOf(n));
        assertEquals(0, r.exitCode(), r::toString);
        Matcher m = Pattern.compile("^sum = (\\S+) , serial sum = (\\S+)$", Pattern.MULTILINE)
            .matcher(r.output());
        assertTrue(m.find(), r::toString);
        double parallel = Double.parseDouble(m.group(1));
        double serial = Double.parseDouble(m.group(2));
        assertTrue(serial > n * 0.4 && serial < n * 0.6, "uniform random values: " + serial);
        assertEquals(serial, parallel, 1e-9 * Math.abs(serial), r::toString);
    }

    @ParameterizedTest(name = "mpirun -n {0}, N={1}")
    @CsvSource({"1, 96", "2, 96", "4, 96", "4, 101", "3, 100"})
    void matVecMatchesTheSerialProduct(int ranks, int n) {
        MpiRunner.Result r = MpiRunner.run(ranks, MatVec.class.getName(), String.valueOf(n));
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.output().contains("matvec N=" + n + " ranks=" + ranks
            + ": y equals serial A·x to 1e-12: true"), r::toString);
    }

    @ParameterizedTest(name = "mpirun -n {0}")
    @ValueSource(ints = {2, 3})
    void matVecSavesAndLoadsNpyFiles(int ranks, @TempDir Path dir) throws Exception {
        MpiRunner.Result saved = MpiRunner.run(ranks, MatVec.class.getName(), "37", "--save",
            dir.toString());
        assertEquals(0, saved.exitCode(), saved::toString);
        NpyArray a = Npy.read(dir.resolve("A.npy"));
        NpyArray x = Npy.read(dir.resolve("x.npy"));
        NpyArray y = Npy.read(dir.resolve("y.npy"));
        assertArrayEquals(new int[] {37, 37}, a.shape());
        double[] expected = toArray(MatVec.multiply(a.data(), x.data(), 37, 37));
        assertArrayEquals(expected, y.toArray(), 1e-12);

        MpiRunner.Result loaded = MpiRunner.run(ranks, MatVec.class.getName(), "--load",
            dir.toString());
        assertEquals(0, loaded.exitCode(), loaded::toString);
        assertTrue(loaded.output().contains("matvec N=37 ranks=" + ranks
            + ": y equals serial A·x to 1e-12: true"), loaded::toString);
    }

    @ParameterizedTest(name = "--backend {0}")
    @ValueSource(strings = {"threads", "pthreads"})
    void poolTaskShowsWhichWorkerRanEachTask(String backend) {
        MpiRunner.Result r = MpiRunner.java(List.of(), PoolTask.class.getName(), "--backend",
            backend);
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("cpu_count = " + Runtime.getRuntime().availableProcessors()),
            r.lines("cpu_count = "), r::toString);
        List<String> pairs = r.lines("(");
        assertEquals(8, pairs.size(), r::toString);
        Pattern pair = Pattern.compile("^\\(jpar-pool-([0-2]) \\(worker \\1, tid \\d+, pid "
            + "(\\d+)\\), (\\d)\\)$");
        for (int i = 0; i < 8; i++) {
            Matcher m = pair.matcher(pairs.get(i));
            assertTrue(m.matches(), pairs.get(i));
            assertEquals(String.valueOf(i + 1), m.group(3), "results in input order");
        }
        Matcher sums = Pattern.compile("^sum = (\\S+) , serial sum = (\\S+)$", Pattern.MULTILINE)
            .matcher(r.output());
        assertTrue(sums.find(), r::toString);
        assertEquals(Double.parseDouble(sums.group(2)), Double.parseDouble(sums.group(1)), 1e-9);
        assertTrue(r.output().contains("matvec N=1000 on the pool: y equals serial A·x to 1e-12: "
            + "true"), r::toString);
    }

    private static double[] toArray(java.nio.DoubleBuffer b) {
        double[] values = new double[b.remaining()];
        b.get(0, values);
        return values;
    }

    private static double[] numbers(String line) {
        String list = line.substring(line.indexOf('[') + 1, line.lastIndexOf(']'));
        return java.util.Arrays.stream(list.split(",")).map(String::strip)
            .mapToDouble(Double::parseDouble).toArray();
    }
}
