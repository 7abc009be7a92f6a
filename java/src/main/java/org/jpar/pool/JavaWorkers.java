package org.jpar.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Pure-Java workers: daemon threads that take tasks from a shared queue, spinning for a bounded
 * time when it is empty before they sleep, as libjpar's pthreads do.
 */
final class JavaWorkers implements Workers {
    private static final int RUNNING = 0;
    private static final int CLOSING = 1;
    private static final int TERMINATED = 2;

    private final ConcurrentLinkedQueue<Task<?>> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final AtomicInteger sleeping = new AtomicInteger();
    private final Thread[] threads;
    private final long spinNanos;
    private final CountDownLatch exited;
    private volatile int state = RUNNING;

    JavaWorkers(int size, long spinNanos, String name, Runnable initializer, StartupBarrier started) {
        this.spinNanos = spinNanos;
        this.threads = new Thread[size];
        this.exited = new CountDownLatch(size);
        for (int i = 0; i < size; i++) {
            final int index = i;
            threads[i] = new Thread(() -> work(index, initializer, started), name + "-" + i);
            threads[i].setDaemon(true);
            threads[i].start();
        }
    }

    private void work(int index, Runnable initializer, StartupBarrier started) {
        try {
            WorkerIdentity.become(index, WorkerIdentity.javaThreadNativeId());
            if (!started.initialize(initializer)) {
                return;
            }
            Task<?> task;
            while ((task = next()) != null) {
                task.run(WorkerIdentity.current());
            }
        } finally {
            WorkerIdentity.forget();
            exited.countDown();
        }
    }

    private Task<?> next() {
        while (true) {
            Task<?> task = state == TERMINATED ? null : queue.poll();
            if (task != null) {
                return task;
            }
            if (state != RUNNING) {
                return null;
            }
            long deadline = System.nanoTime() + spinNanos;
            while (queue.isEmpty() && state == RUNNING && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            lock.lock();
            try {
                // Counted before the check, so a submit that finds no sleeper saw the task first.
                sleeping.incrementAndGet();
                while (queue.isEmpty() && state == RUNNING) {
                    wake.awaitUninterruptibly();
                }
            } finally {
                sleeping.decrementAndGet();
                lock.unlock();
            }
        }
    }

    @Override
    public int size() {
        return threads.length;
    }

    @Override
    public boolean submit(Task<?> task) {
        if (state != RUNNING) {
            return false;
        }
        queue.offer(task);
        if (sleeping.get() > 0) {
            lock.lock();
            try {
                wake.signal();
            } finally {
                lock.unlock();
            }
        }
        return true;
    }

    private void stop(int newState) {
        lock.lock();
        try {
            if (state < newState) {
                state = newState;
            }
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        stop(CLOSING);
    }

    @Override
    public void join() throws InterruptedException {
        exited.await();
    }

    @Override
    public List<Task<?>> terminate() {
        stop(TERMINATED);
        List<Task<?>> dropped = new ArrayList<>();
        Task<?> task;
        while ((task = queue.poll()) != null) {
            dropped.add(task);
        }
        for (Thread t : threads) {
            t.interrupt();
        }
        return dropped;
    }
}
