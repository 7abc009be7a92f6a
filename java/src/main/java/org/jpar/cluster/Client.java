package org.jpar.cluster;

import java.io.IOException;
import java.io.NotSerializableException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.jpar.mpi.Comm;
import org.jpar.mpi.MpiException;
import org.jpar.mpi.Request;
import org.jpar.mpi.Status;

/**
 * A connection to a cluster's engines, as ipyparallel's Client: {@link #ids()}, a view of one
 * engine, a direct view of all, and a load-balanced view. One dispatcher thread receives every
 * result; sends are nonblocking, so a slow engine never stalls the others.
 */
public final class Client implements AutoCloseable {
    private static final long CLOSE_GRACE_MILLIS = 5_000;

    private final Comm comm;
    private final int[] engineRanks;
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Request> sends = new ConcurrentLinkedQueue<>();
    private final AtomicLong nextId = new AtomicLong();
    private final LoadBalancer balancer;
    private final Thread dispatcher;
    private final Runnable release;
    private final MessageWait wait;
    private final ClassSource classes;
    private final long[] watchedPids;
    private final boolean[] lost;
    private volatile int lostCount;
    private volatile boolean closed;

    /**
     * @param comm the communicator shared with the engines
     * @param engineRanks engine i's rank in {@code comm}
     * @param release what to do once every engine has stopped (free the communicator, join
     *     threads)
     * @param polling whether the dispatcher polls for results (MPI), rather than blocking in a
     *     probe that sleeps (the local backend): see {@link MessageWait}
     */
    Client(Comm comm, int[] engineRanks, Runnable release, boolean polling) {
        this.comm = comm;
        this.engineRanks = engineRanks.clone();
        this.release = release;
        this.wait = polling ? MessageWait.polling(() -> !pending.isEmpty())
            : MessageWait.blocking();
        this.balancer = new LoadBalancer(engineRanks.length);
        this.classes = new ClassSource(Thread.currentThread().getContextClassLoader());
        this.watchedPids = new long[engineRanks.length];
        this.lost = new boolean[engineRanks.length];
        this.dispatcher = new Thread(this::dispatch, "jpar-cluster-dispatcher");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    /**
     * Watches the engines' processes (spawned JVMs, which MPI does not report on): when one is
     * gone, its pending tasks fail with {@link EngineLostException} instead of waiting forever.
     */
    void watchEngineProcesses() throws InterruptedException {
        List<Long> pids = all().applySync(() -> ProcessHandle.current().pid());
        for (int e = 0; e < pids.size(); e++) {
            watchedPids[e] = pids.get(e);
        }
        Thread watcher = new Thread(() -> {
            while (!closed && lostCount < engineRanks.length) {
                for (int e = 0; e < watchedPids.length; e++) {
                    if (!lost[e] && ProcessHandle.of(watchedPids[e]).map(ProcessHandle::isAlive)
                            .orElse(false) == false) {
                        engineLost(e);
                    }
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ex) {
                    return;
                }
            }
        }, "jpar-cluster-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private synchronized void engineLost(int engine) {
        if (lost[engine]) {
            return;
        }
        lost[engine] = true;
        lostCount++;
        balancer.remove(engine);
        for (Pending p : List.copyOf(pending.values())) {
            if (p.engine == engine && pending.remove(p.id, p)) {
                p.result.completeExceptionally(new EngineLostException(engine, watchedPids[engine]));
            }
        }
    }

    /** The engines' ids, 0 to n-1. */
    public List<Integer> ids() {
        return IntStream.range(0, engineRanks.length).boxed().toList();
    }

    /**
     * A view of engine {@code id} alone.
     *
     * @throws IllegalArgumentException for an id that is not one of {@link #ids()}
     */
    public EngineView engine(int id) {
        checkEngine(id);
        return new EngineView(this, id);
    }

    /** A direct view of every engine. */
    public DirectView all() {
        return new DirectView(this, IntStream.range(0, engineRanks.length).toArray());
    }

    /** A view that hands each task to the next free engine. */
    public LoadBalancedView loadBalancedView() {
        return new LoadBalancedView(this);
    }

    /**
     * Stops the engines (they leave their loops; spawned JVMs exit) and releases the cluster.
     * Tasks still queued fail. If an engine does not answer within 5 s (a task that never ends),
     * close returns anyway: that engine stops after its task returns, and until then its thread
     * or process stays busy. After a spawned engine was lost, the connection to the others is
     * not released (MPI cannot disconnect from a dead process). Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        for (int e = 0; e < engineRanks.length; e++) {
            if (!lost[e]) {
                send(engineRanks[e], Messages.stop());
            }
        }
        try {
            dispatcher.join(CLOSE_GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean allStopped = !dispatcher.isAlive();
        failPending("the cluster closed before the task finished");
        // A lost engine cannot take part in releasing the connection: it stays open.
        if (allStopped && lostCount == 0) {
            reapSends(true);
            release.run();
        }
    }

    /** Whether {@link #close()} has run. */
    public boolean isClosed() {
        return closed;
    }

    // ------------------------------------------------------------------------ for the views

    Pending submit(int engine, Remote<?> body) {
        byte[] message = taskBytes(body);
        Pending p = register(false);
        if (lost[engine]) {
            pending.remove(p.id);
            p.result.completeExceptionally(new EngineLostException(engine, watchedPids[engine]));
            return p;
        }
        send(engine, p, message);
        return p;
    }

    Pending submitBalanced(Remote<?> body) {
        byte[] message = taskBytes(body);
        Pending p = register(true);
        balancer.submit(engine -> send(engine, p, message));
        return p;
    }

    void checkEngine(int id) {
        if (id < 0 || id >= engineRanks.length) {
            throw new IllegalArgumentException("no such engine: id=" + id + ", ids=0.."
                + (engineRanks.length - 1));
        }
    }

    int engines() {
        return engineRanks.length;
    }

    ClassSource classSource() {
        return classes;
    }

    // ------------------------------------------------------------------------------ internals

    private Pending register(boolean balanced) {
        if (closed) {
            throw new IllegalStateException("the cluster is closed");
        }
        Pending p = new Pending(nextId.getAndIncrement(), balanced);
        pending.put(p.id, p);
        return p;
    }

    /** The serialized task, made before anything is sent so a bad task fails here. */
    private byte[] taskBytes(Remote<?> body) {
        if (body == null) {
            throw new NullPointerException("task must not be null");
        }
        try {
            return StatelessTasks.toBytes(body, classes::noteClass);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException("the task is not serializable: class="
                + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("the task cannot be serialized: " + e, e);
        }
    }

    private void send(int engine, Pending p, byte[] body) {
        p.submittedMicros = TaskRecord.nowMicros();
        p.engine = engine;
        send(engineRanks[engine], Messages.task(p.id, classes.epoch(), classes.state(), body));
        wait.expect();
    }

    private void send(int rank, byte[] message) {
        sends.add(comm.isend(message, rank, Messages.TAG_TASK));
    }

    /** Drops the sends that have completed (all of them when {@code all}). */
    private void reapSends(boolean all) {
        Request r;
        while ((r = sends.peek()) != null && (all || r.test())) {
            if (all) {
                r.waitFor();
            }
            sends.poll();
        }
    }

    private void dispatch() {
        int stopped = 0;
        try {
            while (stopped + lostCount < engineRanks.length) {
                // Only this thread receives, so probing then receiving cannot be raced.
                Status status = wait.next(comm, Comm.ANY_SOURCE, Comm.ANY_TAG);
                byte[] message = new byte[status.bytes()];
                comm.recv(message, status.source(), status.tag());
                if (status.tag() == Messages.TAG_CLASS_REQUEST) {
                    sendClass(status.source(), message);
                    continue;
                }
                Messages.Result result = Messages.Result.decode(message);
                if (result.stopped()) {
                    stopped++;
                    continue;
                }
                Pending p = pending.remove(result.id());
                if (p != null) {
                    p.result.complete(result);
                    if (p.balanced && !closed) {
                        balancer.done(result.engineId());
                    }
                }
                reapSends(false);
            }
        } catch (MpiException | IllegalStateException | java.io.UncheckedIOException e) {
            failPending("the cluster's connection failed: " + e);
        }
    }

    /** Answers an engine's request for a class file ({@link ClassSource#reply}). */
    private void sendClass(int rank, byte[] request) {
        comm.send(classes.reply(new String(request, StandardCharsets.UTF_8)), rank,
            Messages.TAG_CLASS);
    }

    private void failPending(String why) {
        List<Pending> left = new ArrayList<>(pending.values());
        pending.clear();
        for (Pending p : left) {
            p.result.completeExceptionally(new IllegalStateException(why + " (task " + p.id + ")"));
        }
    }
}
