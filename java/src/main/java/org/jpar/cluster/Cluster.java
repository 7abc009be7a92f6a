package org.jpar.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jpar.mpi.Intercomm;
import org.jpar.mpi.Intracomm;
import org.jpar.mpi.Mpi;
import org.jpar.mpi.ThreadLevel;

/**
 * Starts engines and connects a {@link Client} to them, as ipyparallel's {@code ipcluster}:
 * engines are MPI ranks under mpirun ({@link #fromWorld}), JVMs that this one starts
 * ({@link #spawn}), or threads of this JVM ({@link #local}).
 */
public final class Cluster {
    private Cluster() {
    }

    /**
     * Makes a cluster of the MPI job: rank 0 gets the client, ranks 1..n-1 serve as engines 0..n-2
     * and return (empty) when the client closes. Every rank must call it.
     *
     * <pre>{@code
     * Mpi.run(args, mpi -> {
     *     Optional<Client> maybe = Cluster.fromWorld(mpi);
     *     if (maybe.isEmpty()) return;          // an engine: the client has closed
     *     try (Client client = maybe.get()) { ... }
     * });
     * }</pre>
     *
     * @throws IllegalArgumentException if the job has fewer than 2 ranks
     * @throws IllegalStateException if MPI runs below {@link ThreadLevel#MULTIPLE}: the client's
     *     dispatcher thread calls MPI beside the caller's
     */
    public static Optional<Client> fromWorld(Mpi mpi) {
        requireMultiple(mpi);
        Intracomm world = mpi.world();
        if (world.size() < 2) {
            throw new IllegalArgumentException("a cluster needs a client and at least one engine: "
                + "size=" + world.size() + " (start it with mpirun -n 2 or more)");
        }
        Intracomm comm = world.dup();
        boolean local = mpi.backend().equals("local");
        if (comm.rank() != 0) {
            Engine.serve(comm, 0, comm.rank() - 1, MessageWait.forEngine(mpi.backend()),
                TaskFilter.fromProperty());
            comm.free();
            return Optional.empty();
        }
        int[] engineRanks = new int[comm.size() - 1];
        for (int e = 0; e < engineRanks.length; e++) {
            engineRanks[e] = e + 1;
        }
        return Optional.of(new Client(comm, engineRanks, comm::free, !local));
    }

    /**
     * Starts {@code engines} engine JVMs with MPI_Comm_spawn, on this JVM's class path (plus
     * jpar's jar, when a loader of its own found it) and with its {@code jna.library.path} and
     * {@code jpar.*} properties (so they load the same libjpar.so), and connects to them; {@code close()} stops them and they exit. Works from a
     * plain JVM (jshell too): MPI is initialized as a singleton if this process has not done it.
     * Open MPI is told it may place more processes than cores ({@code map_by :OVERSUBSCRIBE}).
     *
     * @throws IllegalArgumentException if {@code engines} is less than 1, or
     *     {@code jpar.cluster.filter} is not a valid filter pattern
     * @throws UnsupportedOperationException unless MPI runs on the native backend
     * @throws org.jpar.mpi.MpiException if MPI cannot start them
     * @throws IllegalStateException if this process initialized MPI below
     *     {@link ThreadLevel#MULTIPLE}
     */
    public static Client spawn(int engines) {
        if (engines < 1) {
            throw new IllegalArgumentException("engines must be at least 1: engines=" + engines);
        }
        // A bad filter pattern fails here rather than in engines the client would wait for.
        TaskFilter.fromProperty();
        Mpi mpi = Mpi.current().orElseGet(() -> Mpi.init(new String[0], ThreadLevel.MULTIPLE));
        requireMultiple(mpi);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> args = new ArrayList<>();
        System.getProperties().stringPropertyNames().stream().sorted()
            .filter(k -> k.equals("jna.library.path") || k.startsWith("jpar."))
            .forEach(k -> args.add("-D" + k + "=" + System.getProperty(k)));
        args.addAll(List.of("-cp", engineClassPath(), EngineMain.class.getName()));
        Intercomm children = mpi.self().spawn(java, args, engines,
            Map.of("map_by", ":OVERSUBSCRIBE"), 0);
        int[] engineRanks = new int[engines];
        for (int e = 0; e < engines; e++) {
            engineRanks[e] = e;
        }
        Client client = new Client(children, engineRanks, children::disconnect, true);
        try {
            client.watchEngineProcesses();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            client.close();
            throw new IllegalStateException("interrupted while the engines started", e);
        }
        return client;
    }

    /**
     * A cluster of {@code engines} engines that are threads of this JVM (the local MPI backend):
     * the embedded default for laptops and tests.
     *
     * @throws IllegalArgumentException if {@code engines} is less than 1, or
     *     {@code jpar.cluster.filter} is not a valid filter pattern
     */
    public static Client local(int engines) {
        if (engines < 1) {
            throw new IllegalArgumentException("engines must be at least 1: engines=" + engines);
        }
        List<Mpi> ranks = Mpi.localRanks(engines + 1);
        Thread[] threads = new Thread[engines];
        for (int e = 0; e < engines; e++) {
            Mpi rank = ranks.get(e + 1);
            final int id = e;
            TaskFilter filter = TaskFilter.fromProperty();
            threads[e] = new Thread(() -> Engine.serve(rank.world(), 0, id,
                MessageWait.blocking(), filter), "jpar-engine-" + e);
            threads[e].setDaemon(true);
            threads[e].start();
        }
        int[] engineRanks = new int[engines];
        for (int e = 0; e < engines; e++) {
            engineRanks[e] = e + 1;
        }
        return new Client(ranks.get(0).world(), engineRanks, () -> { }, false);
    }

    /**
     * This JVM's class path, with jpar's own jar or directory added when it is not there (jshell
     * loads jpar from {@code --class-path} through a loader of its own, and in its local
     * execution mode leaves {@code java.class.path} empty).
     */
    static String engineClassPath() {
        String classPath = System.getProperty("java.class.path", "");
        java.security.CodeSource source = Cluster.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return classPath;
        }
        String jpar;
        try {
            jpar = Path.of(source.getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return classPath;
        }
        List<String> entries = List.of(classPath.split(java.io.File.pathSeparator));
        if (entries.contains(jpar)) {
            return classPath;
        }
        return classPath.isEmpty() ? jpar : classPath + java.io.File.pathSeparator + jpar;
    }

    private static void requireMultiple(Mpi mpi) {
        if (mpi.threadLevel() != ThreadLevel.MULTIPLE) {
            throw new IllegalStateException("a cluster's client calls MPI from its dispatcher "
                + "thread as well as from yours: it needs MPI initialized at MULTIPLE, not "
                + mpi.threadLevel() + " (see -Djpar.threadLevel)");
        }
    }
}
