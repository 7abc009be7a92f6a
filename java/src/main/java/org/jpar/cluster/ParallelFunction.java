package org.jpar.cluster;

import java.util.List;

/** A function bound to a direct view, whose {@code map} runs in parallel on its engines. */
public final class ParallelFunction<T, R> {
    private final DirectView view;
    private final RemoteFunction<T, R> fn;

    ParallelFunction(DirectView view, RemoteFunction<T, R> fn) {
        this.view = view;
        this.fn = fn;
    }

    /**
     * Applies the function to one value, here.
     *
     * @throws Exception what the function throws
     */
    public R apply(T value) throws Exception {
        return fn.apply(value);
    }

    /** The view's parallel map of the function over {@code inputs}. */
    public List<R> map(List<? extends T> inputs) throws InterruptedException {
        return view.map(fn, inputs);
    }

    /** The view's parallel map, not waiting. */
    public AsyncResult<List<R>> mapAsync(List<? extends T> inputs) {
        return view.mapAsync(fn, inputs);
    }
}
