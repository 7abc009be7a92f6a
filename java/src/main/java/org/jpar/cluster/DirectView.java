package org.jpar.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * A view of several engines that addresses them directly: {@code apply} runs a task on each,
 * {@code map} splits the inputs into one contiguous block per engine (ipyparallel's direct view
 * with {@code block=True}).
 */
public final class DirectView {
    private final Client client;
    private final int[] targets;

    DirectView(Client client, int[] targets) {
        this.client = client;
        this.targets = targets.clone();
    }

    /** The engines this view addresses. */
    public List<Integer> targets() {
        List<Integer> ids = new ArrayList<>();
        for (int t : targets) {
            ids.add(t);
        }
        return ids;
    }

    /**
     * Runs {@code task} on every engine of the view; the result is one value per engine, in
     * engine order.
     *
     * @throws IllegalArgumentException if the task is not serializable
     * @throws IllegalStateException after the client is closed
     */
    public <R> AsyncResult<List<R>> applyAsync(Remote<R> task) {
        List<Pending> sent = new ArrayList<>();
        for (int engine : targets) {
            sent.add(client.submit(engine, task));
        }
        return new AsyncResult<>(sent, values -> {
            List<R> out = new ArrayList<>(values.size());
            values.forEach(v -> out.add(EngineView.cast(v)));
            return out;
        });
    }

    /** {@link #applyAsync}, as ipyparallel's non-blocking {@code apply}. */
    public <R> AsyncResult<List<R>> apply(Remote<R> task) {
        return applyAsync(task);
    }

    /** Runs {@code task} on every engine and returns the values in engine order. */
    public <R> List<R> applySync(Remote<R> task) throws InterruptedException {
        return applyAsync(task).get();
    }

    /**
     * Applies {@code fn} to every input: engine k gets the k-th contiguous block (blocks differ
     * in size by at most one), each input as a task of its own, so that {@link
     * AsyncResult#metadata()} times every one; the results come back in input order.
     *
     * @throws NullPointerException if {@code fn} or {@code inputs} is null
     */
    public <T, R> AsyncResult<List<R>> mapAsync(RemoteFunction<T, R> fn, List<? extends T> inputs) {
        if (fn == null || inputs == null) {
            throw new NullPointerException("fn and inputs must not be null");
        }
        List<Pending> sent = new ArrayList<>();
        int n = inputs.size();
        for (int k = 0; k < targets.length; k++) {
            int from = (int) ((long) n * k / targets.length);
            int to = (int) ((long) n * (k + 1) / targets.length);
            for (int i = from; i < to; i++) {
                sent.add(client.submit(targets[k], new MapChunk<>(fn,
                    new ArrayList<T>(inputs.subList(i, i + 1)))));
            }
        }
        return new AsyncResult<>(sent, MapChunk::flatten);
    }

    /** {@link #mapAsync}, waiting for the results. */
    public <T, R> List<R> map(RemoteFunction<T, R> fn, List<? extends T> inputs)
            throws InterruptedException {
        return mapAsync(fn, inputs).get();
    }

    /** {@code fn} as a function object with a parallel {@code map}: the {@code @parallel} decorator. */
    public <T, R> ParallelFunction<T, R> parallel(RemoteFunction<T, R> fn) {
        if (fn == null) {
            throw new NullPointerException("fn must not be null");
        }
        return new ParallelFunction<>(this, fn);
    }
}
