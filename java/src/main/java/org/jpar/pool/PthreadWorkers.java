package org.jpar.pool;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.jpar.internal.JparH;
import org.jpar.internal.Memory;

/**
 * Workers that are libjpar's pthreads. A task travels as a number; the worker enters Java
 * through a {@link WorkerEntry} (an FFM upcall on JDK 22+, a JNA callback before), attached to
 * the JVM once (as a daemon) for its whole life and detached when it exits.
 */
final class PthreadWorkers implements Workers {
    /** Entries of pools whose workers may still run: their code must stay. */
    private static final Set<WorkerEntry> LIVE = ConcurrentHashMap.newKeySet();

    private final Map<Long, Task<?>> tasks = new ConcurrentHashMap<>();
    private final AtomicLong nextTask = new AtomicLong();
    private final PoolAbi abi = PoolAbi.load();
    private final WorkerEntry entry;
    private final CountDownLatch exited;
    private final int size;
    private final long pool;
    private volatile boolean open = true;
    private boolean freed;

    PthreadWorkers(int size, long spinNanos, String name, Runnable initializer,
                   StartupBarrier started) {
        this.size = size;
        this.exited = new CountDownLatch(size);
        this.entry = WorkerEntry.create((task, worker) -> {
            if (task == JparH.POOL_WORKER_START) {
                Thread.currentThread().setName(name + "-" + worker);
                WorkerIdentity.become(worker, abi.jpar_thread_id());
                started.initialize(initializer);
            } else if (task == JparH.POOL_WORKER_EXIT) {
                WorkerIdentity.forget();
                exited.countDown();
            } else {
                Task<?> t = tasks.remove(task);
                if (t != null) {
                    t.run(WorkerIdentity.current());
                }
            }
        }, name);
        LIVE.add(entry);
        ByteBuffer out = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
        int rc = abi.jpar_pool_create(size, spinNanos, entry.functionPointer(),
            Memory.address(out));
        if (rc != 0) {
            LIVE.remove(entry);
            throw new IllegalStateException("jpar_pool_create failed: errno=" + -rc);
        }
        this.pool = out.getLong(0);
    }

    long handle() {
        return pool;
    }

    /** How the workers enter Java: "ffm" or "jna". */
    String binding() {
        return entry.binding();
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean submit(Task<?> task) {
        if (!open) {
            return false;
        }
        long id = nextTask.getAndIncrement();
        tasks.put(id, task);
        if (abi.jpar_pool_submit(pool, id) != 0) {
            tasks.remove(id);
            return false;
        }
        return true;
    }

    @Override
    public synchronized void close() {
        if (open) {
            open = false;
            abi.jpar_pool_close(pool);
        }
    }

    @Override
    public void join() throws InterruptedException {
        exited.await();
        free(true);
    }

    @Override
    public synchronized List<Task<?>> terminate() {
        open = false;
        if (!freed) {
            abi.jpar_pool_terminate(pool);
        }
        // Whatever a worker has not taken by now will never run.
        List<Task<?>> dropped = new ArrayList<>(tasks.values());
        tasks.clear();
        free(false);
        return dropped;
    }

    /** Gives the pool's memory back once; workers still in a task let go of it as they exit. */
    private synchronized void free(boolean join) {
        if (!freed) {
            freed = true;
            abi.jpar_pool_free(pool, join ? 1 : 0);
            if (join) {
                LIVE.remove(entry);
            }
        }
    }
}
