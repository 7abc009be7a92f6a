package org.jpar.cluster;

import java.util.ArrayList;
import java.util.List;

/** A block of a map's inputs, run on one engine. */
record MapChunk<T, R>(RemoteFunction<T, R> fn, ArrayList<T> inputs) implements Remote<List<R>> {
    @Override
    public List<R> call() throws Exception {
        List<R> out = new ArrayList<>(inputs.size());
        for (T input : inputs) {
            out.add(fn.apply(input));
        }
        return out;
    }

    /** Flattens the chunks' lists, in chunk order. */
    @SuppressWarnings("unchecked")
    static <R> List<R> flatten(List<Object> chunks) {
        List<R> all = new ArrayList<>();
        for (Object chunk : chunks) {
            all.addAll((List<R>) chunk);
        }
        return all;
    }
}
