package org.jpar.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A pool of workers, as Python's {@code multiprocessing.Pool}: {@code map}, {@code imap},
 * {@code imapUnordered}, {@code starmap}, {@code apply} and {@code applyAsync} over a fixed number
 * of workers, which are Java threads ({@link PoolBackend#THREADS}) or libjpar's pthreads
 * ({@link PoolBackend#PTHREADS}).
 *
 * <pre>{@code
 * try (Pool pool = Pool.create(3)) {
 *     List<Integer> squares = pool.map(x -> x * x, List.of(1, 2, 3, 4));
 * }
 * }</pre>
 *
 * <p>Idle workers spin for a bounded time (50 µs unless {@link Builder#spin} says otherwise)
 * before they sleep, so tasks that follow each other closely skip the 15-20 µs of a wake-up, and
 * an idle pool uses no CPU. A task that throws comes back as a {@link PoolTaskException} naming
 * the worker, with what it threw as cause; the pool goes on serving.
 *
 * <p>Lifecycle, as in Python: {@link #close()} takes no new tasks and lets the workers finish
 * the queue and exit; {@link #join()} waits for that; {@link #terminate()} stops at once, and
 * tasks that had not started fail with a {@link CancellationException}. Workers never keep the
 * JVM from exiting.
 */
public final class Pool implements AutoCloseable {
    private static final Duration DEFAULT_SPIN = Duration.ofNanos(50_000);

    private final Workers workers;
    private final PoolBackend backend;
    private final long spinNanos;
    private volatile String refusal;

    private Pool(Workers workers, PoolBackend backend, long spinNanos) {
        this.workers = workers;
        this.backend = backend;
        this.spinNanos = spinNanos;
    }

    /**
     * A pool of {@code processes} Java-thread workers.
     *
     * @throws IllegalArgumentException if {@code processes} is less than 1
     */
    public static Pool create(int processes) {
        return builder().processes(processes).build();
    }

    /**
     * A pool of {@code processes} workers on {@code backend}.
     *
     * @throws IllegalArgumentException if {@code processes} is less than 1
     * @throws UnsatisfiedLinkError if {@code PTHREADS} is asked for and libjpar.so cannot load
     */
    public static Pool create(int processes, PoolBackend backend) {
        return builder().processes(processes).backend(backend).build();
    }

    /** A builder for the less common settings: initializer, spin time, thread names. */
    public static Builder builder() {
        return new Builder();
    }

    /** Settings for a {@link Pool}. */
    public static final class Builder {
        private int processes = cpuCount();
        private PoolBackend backend = PoolBackend.THREADS;
        private Runnable initializer;
        private Duration spin = DEFAULT_SPIN;
        private String name = "jpar-pool";

        private Builder() {
        }

        /** The number of workers (default: {@link #cpuCount()}). */
        public Builder processes(int processes) {
            if (processes < 1) {
                throw new IllegalArgumentException("processes must be at least 1: processes="
                    + processes);
            }
            this.processes = processes;
            return this;
        }

        /** Java threads (default) or pthreads. */
        public Builder backend(PoolBackend backend) {
            if (backend == null) {
                throw new NullPointerException("backend must not be null");
            }
            this.backend = backend;
            return this;
        }

        /** Runs once in each worker before its first task; if it throws, build() fails. */
        public Builder initializer(Runnable initializer) {
            this.initializer = initializer;
            return this;
        }

        /** How long an idle worker spins before it sleeps (default 50 µs; zero never spins). */
        public Builder spin(Duration spin) {
            if (spin == null || spin.isNegative() || spin.toNanos() > 1_000_000_000L) {
                throw new IllegalArgumentException("spin must be from 0 to 1 s: spin=" + spin);
            }
            this.spin = spin;
            return this;
        }

        /** The prefix of the workers' thread names (default {@code jpar-pool}). */
        public Builder name(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name must not be blank: name=" + name);
            }
            this.name = name;
            return this;
        }

        /**
         * Starts the workers and waits until each has run the initializer.
         *
         * @throws IllegalStateException if an initializer threw (the cause); no pool is left
         *     running
         */
        public Pool build() {
            StartupBarrier started = new StartupBarrier(processes);
            long spinNanos = spin.toNanos();
            Workers workers = backend == PoolBackend.PTHREADS
                ? new PthreadWorkers(processes, spinNanos, name, initializer, started)
                : new JavaWorkers(processes, spinNanos, name, initializer, started);
            Throwable failure;
            try {
                failure = started.await();
            } catch (InterruptedException e) {
                workers.terminate();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the pool started", e);
            }
            if (failure != null) {
                workers.terminate();
                throw new IllegalStateException("a worker's initializer failed: " + failure,
                    failure);
            }
            return new Pool(workers, backend, spinNanos);
        }
    }

    /** The CPUs this process may run on (its affinity set), as {@code os.cpu_count()}. */
    public static int cpuCount() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The worker running the calling task, or empty outside a pool's worker. */
    public static Optional<WorkerInfo> currentWorker() {
        return Optional.ofNullable(WorkerIdentity.current());
    }

    /** The number of workers. */
    public int processes() {
        return workers.size();
    }

    /** Where the workers run. */
    public PoolBackend backend() {
        return backend;
    }

    /** How pthread workers enter Java, "ffm" or "jna"; "none" for Java threads. */
    String workerBinding() {
        return workers instanceof PthreadWorkers p ? p.binding() : "none";
    }

    // ------------------------------------------------------------------------------ tasks

    /**
     * Applies {@code fn} to every input, in chunks of {@code chunksize} inputs per task, and
     * returns the results in input order. Waits for every chunk; if some threw, throws the
     * first one's exception in input order.
     *
     * @throws PoolTaskException if {@code fn} threw, naming the worker
     * @throws NullPointerException if {@code fn} or {@code inputs} is null
     * @throws IllegalArgumentException if {@code chunksize} is less than 1
     * @throws IllegalStateException after {@link #close()} or {@link #terminate()}
     * @throws InterruptedException if interrupted while waiting; the chunks not yet started
     *     are cancelled
     */
    public <T, R> List<R> map(Function<? super T, ? extends R> fn, Iterable<? extends T> inputs,
                              int chunksize) throws InterruptedException {
        checkFunction(fn, inputs);
        checkChunksize(chunksize);
        List<T> all = list(inputs);
        return collect(submitChunks(fn, all, chunksize), all.size());
    }

    /**
     * {@link #map(Function, Iterable, int)} with Python's default chunk size: the inputs split
     * into about four chunks per worker.
     */
    public <T, R> List<R> map(Function<? super T, ? extends R> fn, Iterable<? extends T> inputs)
            throws InterruptedException {
        checkFunction(fn, inputs);
        List<T> all = list(inputs);
        int perWorkers = workers.size() * 4;
        int chunksize = Math.max(1, all.size() / perWorkers + (all.size() % perWorkers == 0 ? 0 : 1));
        return collect(submitChunks(fn, all, chunksize), all.size());
    }

    /**
     * Applies {@code fn} to {@code (key, value)} of every entry, as Python's {@code starmap}
     * does with argument tuples ({@code Map.entry(a, b)} makes one).
     *
     * @throws PoolTaskException if {@code fn} threw
     */
    public <A, B, R> List<R> starmap(BiFunction<? super A, ? super B, ? extends R> fn,
                                     Iterable<? extends Map.Entry<? extends A, ? extends B>> args)
            throws InterruptedException {
        if (fn == null) {
            throw new NullPointerException("fn must not be null");
        }
        return map(e -> fn.apply(e.getKey(), e.getValue()), args);
    }

    /**
     * A lazy, ordered {@code map}: inputs are read and submitted as results are consumed, with
     * at most two chunks per worker in flight. A task's exception is thrown by {@code next()}.
     */
    public <T, R> Iterator<R> imap(Function<? super T, ? extends R> fn,
                                   Iterable<? extends T> inputs, int chunksize) {
        checkFunction(fn, inputs);
        checkChunksize(chunksize);
        checkOpen();
        return new LazyResults<>(this, fn, inputs.iterator(), chunksize, true);
    }

    /** {@link #imap(Function, Iterable, int)} with one input per task. */
    public <T, R> Iterator<R> imap(Function<? super T, ? extends R> fn,
                                   Iterable<? extends T> inputs) {
        return imap(fn, inputs, 1);
    }

    /** Like {@link #imap(Function, Iterable, int)}, but yields results as they complete. */
    public <T, R> Iterator<R> imapUnordered(Function<? super T, ? extends R> fn,
                                            Iterable<? extends T> inputs, int chunksize) {
        checkFunction(fn, inputs);
        checkChunksize(chunksize);
        checkOpen();
        return new LazyResults<>(this, fn, inputs.iterator(), chunksize, false);
    }

    /** {@link #imapUnordered(Function, Iterable, int)} with one input per task. */
    public <T, R> Iterator<R> imapUnordered(Function<? super T, ? extends R> fn,
                                            Iterable<? extends T> inputs) {
        return imapUnordered(fn, inputs, 1);
    }

    /**
     * Runs {@code fn} on a worker and waits for its result.
     *
     * @throws PoolTaskException if it threw
     */
    public <R> R apply(Callable<R> fn) throws InterruptedException {
        Task<R> task = submit(fn);
        try {
            return task.await(spinNanos);
        } catch (InterruptedException e) {
            task.cancel("interrupted");
            throw e;
        }
    }

    /**
     * Runs {@code fn} on a worker; the future completes with its result, or exceptionally with
     * a {@link PoolTaskException} (a {@link CancellationException} if the pool was terminated
     * first).
     */
    public <R> CompletableFuture<R> applyAsync(Callable<R> fn) {
        return submit(fn).future;
    }

    // -------------------------------------------------------------------------- lifecycle

    /** Takes no new tasks; the workers finish what is queued, then exit. Idempotent. */
    @Override
    public void close() {
        if (refusal == null) {
            refusal = "pool is closed";
        }
        workers.close();
    }

    /**
     * Waits until every worker has exited.
     *
     * @throws IllegalStateException if the pool is still open (call close or terminate first)
     */
    public void join() throws InterruptedException {
        if (refusal == null) {
            throw new IllegalStateException("join needs close() or terminate() first");
        }
        workers.join();
    }

    /**
     * Stops at once: queued tasks fail with {@link CancellationException}, idle workers exit,
     * and a worker inside a task exits when the task returns. Does not wait.
     */
    public void terminate() {
        refusal = "pool is terminated";
        for (Task<?> task : workers.terminate()) {
            task.cancel("pool terminated before the task ran");
        }
    }

    // ---------------------------------------------------------------------------- internals

    <R> Task<R> submit(Callable<R> fn) {
        if (fn == null) {
            throw new NullPointerException("fn must not be null");
        }
        checkOpen();
        Task<R> task = new Task<>(fn);
        if (!workers.submit(task)) {
            throw new IllegalStateException(refusal != null ? refusal : "pool is not running");
        }
        return task;
    }

    long spinNanos() {
        return spinNanos;
    }

    Workers workers() {
        return workers;
    }

    void checkOpen() {
        String why = refusal;
        if (why != null) {
            throw new IllegalStateException(why);
        }
    }

    private static void checkFunction(Object fn, Object inputs) {
        if (fn == null) {
            throw new NullPointerException("fn must not be null");
        }
        if (inputs == null) {
            throw new NullPointerException("inputs must not be null");
        }
    }

    private static void checkChunksize(int chunksize) {
        if (chunksize < 1) {
            throw new IllegalArgumentException("chunksize must be at least 1: chunksize="
                + chunksize);
        }
    }

    private static <T> List<T> list(Iterable<? extends T> inputs) {
        if (inputs instanceof Collection<? extends T> c) {
            return new ArrayList<>(c);
        }
        List<T> all = new ArrayList<>();
        for (T t : inputs) {
            all.add(t);
        }
        return all;
    }

    private <T, R> List<Task<List<R>>> submitChunks(Function<? super T, ? extends R> fn,
                                                    List<T> all, int chunksize) {
        checkOpen();
        List<Task<List<R>>> chunks = new ArrayList<>();
        try {
            for (int from = 0; from < all.size(); from += chunksize) {
                chunks.add(submit(chunk(fn, all.subList(from, Math.min(all.size(),
                    from + chunksize)))));
            }
        } catch (RuntimeException e) {
            chunks.forEach(c -> c.cancel("map failed to submit: " + e));
            throw e;
        }
        return chunks;
    }

    static <T, R> Callable<List<R>> chunk(Function<? super T, ? extends R> fn, List<T> inputs) {
        return () -> {
            List<R> out = new ArrayList<>(inputs.size());
            for (T input : inputs) {
                out.add(fn.apply(input));
            }
            return out;
        };
    }

    private <R> List<R> collect(List<Task<List<R>>> chunks, int count)
            throws InterruptedException {
        List<R> results = new ArrayList<>(count);
        RuntimeException first = null;
        for (int i = 0; i < chunks.size(); i++) {
            try {
                results.addAll(chunks.get(i).await(spinNanos));
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            } catch (InterruptedException e) {
                for (int j = i; j < chunks.size(); j++) {
                    chunks.get(j).cancel("interrupted");
                }
                throw e;
            }
        }
        if (first != null) {
            throw first;
        }
        return results;
    }

    @Override
    public String toString() {
        return "Pool[processes=" + workers.size() + ", backend=" + backend
            + (refusal != null ? ", " + refusal : "") + "]";
    }
}
