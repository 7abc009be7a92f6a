package org.jpar.pool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * The iterator behind {@code imap} and {@code imapUnordered}: reads inputs only as results are
 * taken, keeping at most two chunks per worker in flight.
 */
final class LazyResults<T, R> implements Iterator<R> {
    private final Pool pool;
    private final Function<? super T, ? extends R> fn;
    private final Iterator<? extends T> inputs;
    private final int chunksize;
    private final boolean ordered;
    private final int window;
    private final ArrayDeque<Task<List<R>>> inFlight = new ArrayDeque<>();
    private final LinkedBlockingQueue<Task<List<R>>> finished = new LinkedBlockingQueue<>();
    private Iterator<R> current = Collections.emptyIterator();

    LazyResults(Pool pool, Function<? super T, ? extends R> fn, Iterator<? extends T> inputs,
                int chunksize, boolean ordered) {
        this.pool = pool;
        this.fn = fn;
        this.inputs = inputs;
        this.chunksize = chunksize;
        this.ordered = ordered;
        this.window = 2 * pool.processes();
        refill();
    }

    private void refill() {
        while (inFlight.size() < window && inputs.hasNext()) {
            List<T> chunk = new ArrayList<>(chunksize);
            while (chunk.size() < chunksize && inputs.hasNext()) {
                chunk.add(inputs.next());
            }
            Task<List<R>> task = pool.submit(Pool.chunk(fn, chunk));
            if (!ordered) {
                task.future.whenComplete((value, error) -> finished.add(task));
            }
            inFlight.add(task);
        }
    }

    @Override
    public boolean hasNext() {
        return current.hasNext() || !inFlight.isEmpty();
    }

    /**
     * The next result.
     *
     * @throws PoolTaskException if the task that computed it threw
     * @throws CancellationException if interrupted while waiting (the interrupt stays set)
     */
    @Override
    public R next() {
        while (!current.hasNext()) {
            if (inFlight.isEmpty()) {
                throw new NoSuchElementException();
            }
            Task<List<R>> task;
            try {
                task = ordered ? inFlight.peek() : finished.take();
                task.awaitDone(pool.spinNanos());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while waiting for a result");
            }
            inFlight.remove(task);
            try {
                current = task.result().iterator();
            } finally {
                refill();
            }
        }
        return current.next();
    }
}
