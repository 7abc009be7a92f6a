package org.jpar.pool;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** A callable and the future it completes, run by whichever worker takes it. */
final class Task<R> {
    private final Callable<R> body;
    final CompletableFuture<R> future = new CompletableFuture<>();

    Task(Callable<R> body) {
        this.body = body;
    }

    /** Runs the body on a worker, unless the task was cancelled while it waited. */
    void run(WorkerInfo worker) {
        if (future.isDone()) {
            return;
        }
        try {
            future.complete(body.call());
        } catch (Throwable t) {
            future.completeExceptionally(new PoolTaskException(worker, t));
        }
    }

    void cancel(String why) {
        future.completeExceptionally(new CancellationException(why));
    }

    /**
     * The result, waiting up to {@code spinNanos} busy before blocking, so that a short task's
     * result is seen without a wake-up.
     *
     * @throws PoolTaskException if the task threw
     * @throws CancellationException if the pool was terminated before the task ran
     */
    R await(long spinNanos) throws InterruptedException {
        awaitDone(spinNanos);
        return result();
    }

    /** Waits until the task is done, whatever its outcome. */
    void awaitDone(long spinNanos) throws InterruptedException {
        long deadline = System.nanoTime() + spinNanos;
        while (!future.isDone() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        try {
            future.get();
        } catch (ExecutionException | CancellationException e) {
            // done: result() reports it
        }
    }

    /** The outcome of a task that is done. */
    R result() {
        try {
            return future.getNow(null);
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        }
    }
}
