package org.jpar.cluster;

import java.util.ArrayList;
import java.util.List;

/** A view that hands each task to the next free engine, as ipyparallel's load-balanced view. */
public final class LoadBalancedView {
    private final Client client;

    LoadBalancedView(Client client) {
        this.client = client;
    }

    /**
     * Queues {@code task} for the next free engine.
     *
     * @throws IllegalArgumentException if the task is not serializable
     * @throws IllegalStateException after the client is closed
     */
    public <R> AsyncResult<R> applyAsync(Remote<R> task) {
        return new AsyncResult<>(List.of(client.submitBalanced(task)),
            values -> EngineView.cast(values.get(0)));
    }

    /** {@link #applyAsync}, as ipyparallel's non-blocking {@code apply}. */
    public <R> AsyncResult<R> apply(Remote<R> task) {
        return applyAsync(task);
    }

    /** Runs {@code task} on the next free engine and returns its value. */
    public <R> R applySync(Remote<R> task) throws InterruptedException {
        return applyAsync(task).get();
    }

    /**
     * Applies {@code fn} to every input, {@code chunksize} inputs per task, each task to the next
     * free engine; results come back in input order.
     *
     * @throws IllegalArgumentException if {@code chunksize} is less than 1
     */
    public <T, R> AsyncResult<List<R>> mapAsync(RemoteFunction<T, R> fn, List<? extends T> inputs,
                                                int chunksize) {
        if (fn == null || inputs == null) {
            throw new NullPointerException("fn and inputs must not be null");
        }
        if (chunksize < 1) {
            throw new IllegalArgumentException("chunksize must be at least 1: chunksize="
                + chunksize);
        }
        List<Pending> sent = new ArrayList<>();
        for (int from = 0; from < inputs.size(); from += chunksize) {
            int to = Math.min(inputs.size(), from + chunksize);
            sent.add(client.submitBalanced(new MapChunk<>(fn,
                new ArrayList<T>(inputs.subList(from, to)))));
        }
        return new AsyncResult<>(sent, MapChunk::flatten);
    }

    /** {@link #mapAsync(RemoteFunction, List, int)} with one input per task. */
    public <T, R> AsyncResult<List<R>> mapAsync(RemoteFunction<T, R> fn, List<? extends T> inputs) {
        return mapAsync(fn, inputs, 1);
    }

    /** {@link #mapAsync(RemoteFunction, List, int)}, waiting for the results. */
    public <T, R> List<R> map(RemoteFunction<T, R> fn, List<? extends T> inputs)
            throws InterruptedException {
        return mapAsync(fn, inputs, 1).get();
    }
}
