package org.jpar.mpi;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jpar.internal.BindingChoice;
import org.jpar.internal.Memory;
import org.jpar.mpi.binding.MpiAbi;
import org.jpar.mpi.internal.BackendChoice;
import org.jpar.mpi.internal.Buffers;
import org.jpar.mpi.internal.CollectiveArgs;
import org.jpar.mpi.internal.ElementType;
import org.jpar.mpi.internal.MessageBuffer;
import org.jpar.mpi.internal.JavaAbi;
import org.jpar.mpi.internal.JobAbort;
import org.jpar.mpi.internal.MpiErrors;
import org.jpar.mpi.internal.Scratch;
import org.jpar.mpi.internal.UserOps;
import org.jpar.mpi.local.LocalAbi;
import org.jpar.mpi.local.LocalWorld;

/**
 * MPI's lifecycle: {@code init} once per process, {@code close} (MPI_Finalize) once at the end.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     Mpi.run(args, mpi -> {
 *         Comm world = mpi.world();
 *         System.out.println("rank " + world.rank() + " of " + world.size());
 *     });
 * }
 * }</pre>
 *
 * <p>Three backends run the same API ({@link #backend()}): {@code native} (libjpar.so over the
 * MPI library), {@code local} (ranks are threads of this JVM, see {@link #local}) and
 * {@code openmpi} (Open MPI's Java bindings). {@code -Djpar.backend} chooses; otherwise a process
 * started by mpirun or srun is native, and a plain {@code java} run is a native singleton where
 * MPI loads and a local rank where it does not.
 *
 * <p>An exception that escapes the thread that called {@code init} (or the body given to
 * {@link #run}) aborts the whole job with MPI_Abort, so the other ranks do not wait forever.
 * An {@code Mpi} left open when the JVM exits is finalized by a shutdown hook.
 */
public final class Mpi implements AutoCloseable {
    /** The system property that sets the thread level {@link #init(String[])} asks for. */
    public static final String THREAD_LEVEL_PROPERTY = "jpar.threadLevel";
    private static final Object LOCK = new Object();
    private static Mpi instance;
    private static boolean finalized;

    final MpiAbi abi;
    private final String backend;
    private final ThreadLevel threadLevel;
    private final Intracomm world;
    private final Intracomm self;
    private final Thread mainThread;
    private volatile boolean closed;
    private volatile boolean aborting;
    /** The buffer of buffered sends, kept reachable while MPI holds its address. */
    private ByteBuffer attached;
    /**
     * Every request in flight: MPI may write into its buffers until it completes, so they stay
     * reachable even when the program drops the request without waiting for it.
     */
    final Set<Request> inFlight = ConcurrentHashMap.newKeySet();

    /** The body of an MPI program, for {@link #run} and {@link #local}. */
    @FunctionalInterface
    public interface Program {
        /** Runs on every rank with MPI initialized. */
        void run(Mpi mpi) throws Exception;
    }

    private Mpi(MpiAbi abi, String backend, int required) {
        Scratch s = Scratch.get();
        MpiErrors.check(abi, abi.jpar_init(required, s.outAddress + Scratch.INT), "init");
        this.abi = abi;
        this.backend = backend;
        this.threadLevel = ThreadLevel.values()[s.out.getInt(Scratch.INT)];
        this.world = new Intracomm(this, abi.jpar_comm_world(), true);
        this.self = new Intracomm(this, abi.jpar_comm_self(), true);
        this.mainThread = Thread.currentThread();
    }

    /**
     * Initializes MPI asking for {@link ThreadLevel#MULTIPLE}, or the level that
     * {@code -Djpar.threadLevel=single|funneled|serialized|multiple} names (as mpi4py's
     * {@code rc.thread_level}), on the backend that {@code -Djpar.backend} names or the
     * environment implies (see {@link #backend()}).
     *
     * @param args the program's arguments (MPI's launchers pass nothing through them today)
     * @throws IllegalStateException if MPI was initialized before in this process, or
     *     {@code -Djpar.ranks} asks for more than one local rank (use {@link #run} then)
     * @throws IllegalArgumentException for an unknown {@code jpar.backend} or
     *     {@code jpar.threadLevel}
     * @throws MpiException if MPI_Init_thread fails, or if the launcher started several
     *     processes but MPI gives this one a world of its own (a libjpar.so built against
     *     another MPI than the launcher's); the message names both and the fix
     * @throws UnsatisfiedLinkError if the native backend is asked for and cannot load
     */
    public static Mpi init(String[] args) {
        return init(args, requestedThreadLevel());
    }

    /** {@code -Djpar.threadLevel}, MULTIPLE when unset. */
    static ThreadLevel requestedThreadLevel() {
        String value = System.getProperty(THREAD_LEVEL_PROPERTY, "").strip();
        if (value.isEmpty()) {
            return ThreadLevel.MULTIPLE;
        }
        try {
            return ThreadLevel.valueOf(value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("jpar.threadLevel must be single, funneled, "
                + "serialized or multiple: jpar.threadLevel=" + value, e);
        }
    }

    /**
     * Initializes MPI asking for {@code required}; {@link #threadLevel()} says what MPI provided.
     *
     * @throws NullPointerException if {@code required} is null
     * @throws IllegalStateException if MPI was initialized before in this process, or this is
     *     jshell's agent JVM under MPICH's mpiexec (which cannot reach the launcher)
     * @throws MpiException if MPI_Init_thread fails
     */
    public static Mpi init(String[] args, ThreadLevel required) {
        if (required == null) {
            throw new NullPointerException("required must not be null");
        }
        synchronized (LOCK) {
            if (instance != null || finalized) {
                throw new IllegalStateException("MPI can be initialized only once per process: "
                    + (finalized ? "it was finalized" : "it is initialized") + " already");
            }
            String backend = BackendChoice.choose();
            if (backend.equals(BackendChoice.LOCAL) && BackendChoice.localRanks() > 1) {
                throw new IllegalStateException("jpar.ranks=" + BackendChoice.localRanks()
                    + " runs several ranks in this JVM: start them with Mpi.run or Mpi.local");
            }
            if (!backend.equals(BackendChoice.LOCAL)) {
                BackendChoice.checkLaunchConnection(System.getenv(),
                    System.getProperty("sun.java.command"));
            }
            MpiAbi abi = backend.equals(BackendChoice.LOCAL)
                ? new LocalAbi(new LocalWorld(1), 0) : BackendChoice.processAbi(backend);
            Scratch s = Scratch.get();
            MpiErrors.check(abi, abi.jpar_initialized(s.outAddress + Scratch.INT), "init");
            if (s.out.getInt(Scratch.INT) != 0) {
                throw new IllegalStateException("MPI was initialized outside jpar in this process");
            }
            Mpi mpi = new Mpi(abi, backend, required.ordinal());
            if (!backend.equals(BackendChoice.LOCAL)) {
                try {
                    BackendChoice.checkWorld(System.getenv(), mpi.world.size(),
                        mpi.libraryVersion());
                } catch (MpiException e) {
                    mpi.close();
                    throw e;
                }
            }
            instance = mpi;
            mpi.installFailureHandling();
            return mpi;
        }
    }

    /**
     * Initializes MPI, runs {@code program}, and finalizes. If the program throws, the exception
     * is printed and the job is aborted with exit code 1 when there are other ranks; on a single
     * rank MPI is finalized and the exception is rethrown. On the local backend with
     * {@code -Djpar.ranks=N}, runs {@code program} on N ranks as {@link #local} does.
     */
    public static void run(String[] args, Program program) throws Exception {
        if (BackendChoice.LOCAL.equals(BackendChoice.requested())
                && BackendChoice.localRanks() > 1) {
            local(BackendChoice.localRanks(), program);
            return;
        }
        Mpi mpi = init(args);
        try {
            program.run(mpi);
        } catch (Throwable t) {
            if (mpi.world.size() > 1) {
                mpi.abortAfter(t);
            }
            mpi.close();
            throw t;
        }
        mpi.close();
    }

    /**
     * Runs {@code program} on {@code ranks} ranks that are threads of this JVM (the local
     * backend: pure Java, no MPI needed) and returns when all have finished. If a rank throws,
     * the ranks still waiting on others are released with an {@link MpiException}, and the
     * first exception is rethrown here.
     *
     * @throws IllegalArgumentException if {@code ranks} is less than 1
     * @throws NullPointerException if {@code program} is null
     */
    public static void local(int ranks, Program program) throws Exception {
        if (ranks < 1) {
            throw new IllegalArgumentException("ranks must be at least 1: ranks=" + ranks);
        }
        if (program == null) {
            throw new NullPointerException("program must not be null");
        }
        LocalWorld localWorld = new LocalWorld(ranks);
        Thread[] threads = new Thread[ranks];
        for (int r = 0; r < ranks; r++) {
            final int rank = r;
            threads[r] = new Thread(() -> {
                Mpi mpi = null;
                try {
                    mpi = new Mpi(new LocalAbi(localWorld, rank), BackendChoice.LOCAL,
                        ThreadLevel.MULTIPLE.ordinal());
                    program.run(mpi);
                } catch (Throwable t) {
                    localWorld.fail(rank, t);
                } finally {
                    if (mpi != null) {
                        mpi.closed = true;
                    }
                }
            }, "jpar-rank-" + r);
            threads[r].start();
        }
        try {
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            localWorld.fail(-1, e);
            for (Thread t : threads) {
                t.join();
            }
            throw e;
        }
        Throwable failure = localWorld.failure();
        if (failure instanceof Exception e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new MpiException("local", "rank " + localWorld.failedRank() + " failed", failure);
        }
    }

    /**
     * How the native backend reaches libjpar.so: {@code "ffm"} (java.lang.foreign, JDK 22+) or
     * {@code "jna"}; {@code "none"} on the other backends. {@code -Djpar.binding} forces one.
     */
    public String binding() {
        return backend.equals(BackendChoice.NATIVE) ? BindingChoice.name(abi) : "none";
    }

    /**
     * Makes the {@code ranks} ranks of a new local world (threads of this JVM, as {@link #local}
     * runs them) and returns them by rank, for callers that drive each rank from threads of
     * their own: rank i's calls must come from threads that act as rank i. Collectives wait for
     * every rank, so each rank needs a thread that makes them.
     *
     * @throws IllegalArgumentException if {@code ranks} is less than 1
     */
    public static java.util.List<Mpi> localRanks(int ranks) {
        if (ranks < 1) {
            throw new IllegalArgumentException("ranks must be at least 1: ranks=" + ranks);
        }
        LocalWorld localWorld = new LocalWorld(ranks);
        java.util.List<Mpi> all = new java.util.ArrayList<>(ranks);
        for (int r = 0; r < ranks; r++) {
            all.add(new Mpi(new LocalAbi(localWorld, r), BackendChoice.LOCAL,
                ThreadLevel.MULTIPLE.ordinal()));
        }
        return all;
    }

    /**
     * The backend this MPI runs on: {@code "native"} (libjpar.so over the MPI library),
     * {@code "local"} (ranks are threads of this JVM) or {@code "openmpi"} (Open MPI's Java
     * bindings).
     */
    public String backend() {
        return backend;
    }

    /** The MPI that {@code init} made in this process and that is not closed, if any. */
    public static Optional<Mpi> current() {
        synchronized (LOCK) {
            return instance != null && !instance.closed ? Optional.of(instance) : Optional.empty();
        }
    }

    /**
     * The intercommunicator to the processes that started this one with
     * {@link Intracomm#spawn}, or empty when no process did.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public Optional<Intercomm> parent() {
        checkOpen("parent");
        Scratch s = Scratch.get();
        MpiErrors.check(abi, abi.jpar_comm_get_parent(s.outAddress + Scratch.HANDLE), "parent");
        long handle = s.out.getLong(Scratch.HANDLE);
        return handle == abi.jpar_comm_null() ? Optional.empty()
            : Optional.of(new Intercomm(this, handle));
    }

    /** Whether {@code init} has succeeded in this process and {@code close} has not run. */
    public static boolean isInitialized() {
        synchronized (LOCK) {
            return instance != null && !instance.closed;
        }
    }

    private void installFailureHandling() {
        if (!backend.equals(BackendChoice.LOCAL)) {
            JobAbort.install(mainThread, () -> !closed && world.size() > 1, this::abortAfter,
                () -> {
                    if (!closed && !aborting) {
                        close();
                    }
                });
        }
    }

    private void abortAfter(Throwable error) {
        aborting = true;
        JobAbort.abort(error, world.rank(), abi, world.handle());
    }

    /** The thread support MPI provided, which may be lower than what was asked for. */
    public ThreadLevel threadLevel() {
        return threadLevel;
    }

    /** MPI_COMM_WORLD: every process of the job. */
    public Intracomm world() {
        checkOpen("world");
        return world;
    }

    /** MPI_COMM_SELF: this process alone. */
    public Intracomm self() {
        checkOpen("self");
        return self;
    }

    /**
     * The name of the processor (host) this rank runs on.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public String processorName() {
        checkOpen("processorName");
        return text("processorName", abi.jpar_max_processor_name(), abi::jpar_processor_name);
    }

    /**
     * Which MPI library, and which version of it, this process runs on (MPI_Get_library_version,
     * mpi4py's {@code Get_library_version}); the local backend names itself.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public String libraryVersion() {
        checkOpen("libraryVersion");
        return text("libraryVersion", abi.jpar_max_library_version(), abi::jpar_library_version);
    }

    private String text(String call, int max, Scratch.TextCall write) {
        int[] rc = new int[1];
        String text = Scratch.get().text(max, (at, length) -> rc[0] = write.write(at, length));
        MpiErrors.check(abi, rc[0], call);
        return text;
    }

    /**
     * Gives MPI {@code buf}'s bytes from position to limit as the buffer that buffered sends
     * ({@link Comm#bsend}) copy their messages into (MPI_Buffer_attach). Each message takes its
     * size plus {@link #bsendOverhead()} bytes until it leaves.
     *
     * @throws NullPointerException if {@code buf} is null
     * @throws IllegalArgumentException if it is not a direct, writable buffer (MPI keeps its
     *     address)
     * @throws IllegalStateException if a buffer is attached already, or after {@link #close()}
     * @throws MpiException if MPI fails
     */
    public synchronized void attachBuffer(ByteBuffer buf) {
        checkOpen("attachBuffer");
        Objects.requireNonNull(buf, "buf must not be null");
        if (!buf.isDirect() || buf.isReadOnly()) {
            throw new IllegalArgumentException("buf must be a direct, writable ByteBuffer, since"
                + " MPI keeps its address: buf=" + buf);
        }
        if (attached != null) {
            throw new IllegalStateException("a buffer is attached already: detach it first");
        }
        MpiErrors.check(abi, abi.jpar_buffer_attach(
            Memory.address(buf) + buf.position(), buf.remaining()),
            "attachBuffer");
        attached = buf;
    }

    /**
     * Waits until every buffered message has left the attached buffer, then takes the buffer
     * back from MPI (MPI_Buffer_detach).
     *
     * @return the buffer given to {@link #attachBuffer}
     * @throws IllegalStateException if no buffer is attached, or after {@link #close()}
     * @throws MpiException if MPI fails
     */
    public synchronized ByteBuffer detachBuffer() {
        checkOpen("detachBuffer");
        if (attached == null) {
            throw new IllegalStateException("no buffer is attached");
        }
        Scratch s = Scratch.get();
        MpiErrors.check(abi, abi.jpar_buffer_detach(s.outAddress + Scratch.HANDLE,
            s.outAddress + Scratch.INT), "detachBuffer");
        ByteBuffer buf = attached;
        attached = null;
        return buf;
    }

    /**
     * The bytes an attached buffer needs for each buffered message besides the message itself
     * (MPI_BSEND_OVERHEAD, which differs between MPI libraries).
     */
    public int bsendOverhead() {
        return abi.jpar_bsend_overhead();
    }

    /**
     * Combines {@code inbuf} into {@code inoutbuf} element-wise on this process alone:
     * {@code inoutbuf = inbuf op inoutbuf} (MPI_Reduce_local).
     *
     * @throws IllegalArgumentException if the types differ, inoutbuf holds fewer elements than
     *     inbuf or is read-only, or the op does not apply to the type
     * @throws IllegalStateException after {@link #close()}
     */
    public void reduceLocal(Object inbuf, Object inoutbuf, Op op) {
        ElementType t = ElementType.of(inbuf, "inbuf");
        checkOpen("reduceLocal");
        int o = Op.code(op, t, abi);
        int n = Buffers.count(inbuf);
        CollectiveArgs.checkRecv(inoutbuf, t, n, "reduceLocal");
        Scratch s = Scratch.get();
        MessageBuffer in = MessageBuffer.in(inbuf, t, n, s, Scratch.SEND);
        MessageBuffer inout = MessageBuffer.in(inoutbuf, t, n, s, Scratch.RECV);
        int rc = abi.jpar_reduce_local(in.address(), inout.address(), n, t.code, o);
        in.release();
        if (rc != 0) {
            inout.release();
            throw MpiErrors.exception(abi, rc, "reduceLocal");
        }
        inout.done(n);
        UserOps.rethrow();
    }

    /**
     * A balanced grid of {@code nnodes} ranks (MPI_Dims_create): the zero entries of
     * {@code dims} are filled in, as close to one another as the factors allow, in
     * non-increasing order; the others are kept.
     *
     * @return the filled-in copy of {@code dims}
     * @throws IllegalArgumentException if nnodes is not positive, an entry is negative, or the
     *     fixed entries do not divide nnodes
     */
    public int[] dimsCreate(int nnodes, int[] dims) {
        Objects.requireNonNull(dims, "dims must not be null");
        if (nnodes <= 0) {
            throw new IllegalArgumentException("nnodes must be positive: nnodes=" + nnodes);
        }
        long fixed = 1;
        for (int d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("dims must not be negative: dims="
                    + Arrays.toString(dims));
            }
            fixed *= Math.max(1, d);
        }
        if (nnodes % fixed != 0) {
            throw new IllegalArgumentException("the fixed dims do not divide nnodes: nnodes="
                + nnodes + ", dims=" + Arrays.toString(dims));
        }
        checkOpen("dimsCreate");
        Scratch s = Scratch.get();
        long at = s.layouts(dims);
        MpiErrors.check(abi, abi.jpar_dims_create(nnodes, dims.length, at), "dimsCreate");
        return JavaAbi.ints(at, dims.length);
    }

    /**
     * Seconds since an arbitrary time in the past, as MPI_Wtime.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public double wtime() {
        checkOpen("wtime");
        return abi.jpar_wtime();
    }

    /**
     * Aborts every process of the job with {@code code} as exit status; does not return. On the
     * local backend, every rank is released with an exception and {@link #local} rethrows it.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public void abort(int code) {
        checkOpen("abort");
        aborting = true;
        System.out.flush();
        System.err.flush();
        abi.jpar_abort(world.handle(), code);
        // Only the local backend returns: its ranks are threads, which end by exception.
        closed = true;
        throw new MpiException("abort", "rank " + world.rank() + " aborted with code " + code, null);
    }

    /** Whether {@link #close()} has run. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Finalizes MPI (MPI_Finalize). Idempotent; afterwards every MPI call throws
     * {@link IllegalStateException} and MPI cannot be initialized again.
     */
    @Override
    public void close() {
        synchronized (LOCK) {
            if (closed) {
                return;
            }
            closed = true;
            finalized = true;
            try {
                MpiErrors.check(abi, abi.jpar_finalize(), "close");
            } finally {
                inFlight.clear();
            }
        }
    }

    void checkOpen(String call) {
        if (closed) {
            throw new IllegalStateException("MPI is finalized: call=" + call);
        }
    }
}
