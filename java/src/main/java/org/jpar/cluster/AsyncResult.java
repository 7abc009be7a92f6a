package org.jpar.cluster;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jpar.internal.Serialization;

/**
 * The outcome of tasks in flight, as ipyparallel's AsyncResult: {@link #get()} waits for every
 * task and combines their values; {@link #metadata()} tells where and when each task ran.
 */
public final class AsyncResult<R> {
    private static final long YIELD_NANOS = 200_000;

    private final List<Pending> tasks;
    private final Function<List<Object>, R> combine;

    AsyncResult(List<Pending> tasks, Function<List<Object>, R> combine) {
        this.tasks = List.copyOf(tasks);
        this.combine = combine;
    }

    /** Whether every task has finished. */
    public boolean ready() {
        return tasks.stream().allMatch(t -> t.result.isDone());
    }

    /** How many of the tasks have finished. */
    public int finished() {
        return (int) tasks.stream().filter(t -> t.result.isDone()).count();
    }

    /** How many tasks this result waits for. */
    public int size() {
        return tasks.size();
    }

    /**
     * Waits for every task and returns the combined value.
     *
     * @throws RemoteException if a task failed on its engine (the first, in task order)
     * @throws IllegalStateException if the cluster closed before a task finished
     */
    public R get() throws InterruptedException {
        // A quick task's result comes within microseconds: yielding until then spares the
        // caller a thread wake-up, which costs tens of microseconds on a virtual machine.
        long yieldUntil = System.nanoTime() + YIELD_NANOS;
        while (!ready() && System.nanoTime() < yieldUntil) {
            Thread.yield();
        }
        for (Pending t : tasks) {
            try {
                t.result.get();
            } catch (ExecutionException | CancellationException e) {
                // reported by combined()
            }
        }
        return combined();
    }

    /**
     * Waits at most {@code timeout} for every task.
     *
     * @throws TimeoutException if some task has not finished by then (they go on running)
     */
    public R get(long timeout, TimeUnit unit) throws InterruptedException, TimeoutException {
        try {
            CompletableFuture.allOf(futures()).get(timeout, unit);
        } catch (ExecutionException e) {
            // reported by combined()
        }
        return combined();
    }

    /**
     * Waits for every task, drawing a progress bar on standard error as they finish (ipyparallel's
     * {@code wait_interactive}); where standard error is not a terminal, prints one line at the end.
     */
    public void waitInteractive() throws InterruptedException {
        PrintStream out = System.err;
        boolean terminal = System.console() != null;
        long start = System.nanoTime();
        while (!ready()) {
            if (terminal) {
                out.print("\r" + bar(finished(), size(), (System.nanoTime() - start) / 1e9));
                out.flush();
            }
            try {
                CompletableFuture.allOf(futures()).get(100, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // keep drawing until every task is done
            }
        }
        out.print((terminal ? "\r" : "") + bar(finished(), size(), (System.nanoTime() - start) / 1e9)
            + System.lineSeparator());
        out.flush();
    }

    static String bar(int done, int total, double seconds) {
        int width = 30;
        int filled = total == 0 ? width : done * width / total;
        return String.format("[%s%s] %d/%d tasks finished after %.1f s", "#".repeat(filled),
            " ".repeat(width - filled), done, total, seconds);
    }

    /** Where and when each finished task ran, in task order (unfinished tasks are left out). */
    public List<TaskRecord> metadata() {
        List<TaskRecord> records = new ArrayList<>();
        for (Pending t : tasks) {
            TaskRecord r = t.result.isCompletedExceptionally() ? null : t.record();
            if (r != null) {
                records.add(r);
            }
        }
        return records;
    }

    /** Seconds from the first task's submission to the last one's completion: the makespan. */
    public double wallSeconds() {
        List<TaskRecord> records = metadata();
        long first = records.stream().mapToLong(TaskRecord::submittedMicros).min().orElse(0);
        long last = records.stream().mapToLong(TaskRecord::completedMicros).max().orElse(0);
        return (last - first) / 1e6;
    }

    private CompletableFuture<?>[] futures() {
        return tasks.stream().map(t -> t.result).toArray(CompletableFuture[]::new);
    }

    private R combined() {
        List<Object> values = new ArrayList<>(tasks.size());
        for (Pending t : tasks) {
            Messages.Result r;
            try {
                r = t.result.getNow(null);
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException re ? re
                    : new IllegalStateException(e.getCause());
            } catch (CancellationException e) {
                throw new IllegalStateException("task " + t.id + " was cancelled", e);
            }
            if (r.failed()) {
                throw failure(r);
            }
            values.add(decode(r));
        }
        return combine.apply(values);
    }

    private static RemoteException failure(Messages.Result r) {
        Throwable cause = null;
        if (r.exception() != null) {
            try {
                cause = (Throwable) Serialization.fromBytes(r.exception());
            } catch (IOException | ClassNotFoundException | ClassCastException e) {
                cause = null;
            }
        }
        return new RemoteException("task " + r.id() + " failed on engine " + r.engineId() + " ("
            + r.host() + ", pid " + r.pid() + "): " + r.failure(), r.engineId(), r.stackTrace(),
            cause);
    }

    private static Object decode(Messages.Result r) {
        try {
            return Serialization.fromBytes(r.value());
        } catch (IOException | ClassNotFoundException e) {
            throw new RemoteException("the result of task " + r.id() + " from engine "
                + r.engineId() + " cannot be read here: " + e, r.engineId(), "", e);
        }
    }
}
