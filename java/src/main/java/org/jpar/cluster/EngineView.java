package org.jpar.cluster;

import java.util.List;

/** A view of one engine: its tasks run there, in submission order. */
public final class EngineView {
    private final Client client;
    private final int engine;

    EngineView(Client client, int engine) {
        this.client = client;
        this.engine = engine;
    }

    /** The engine's id. */
    public int id() {
        return engine;
    }

    /**
     * Sends {@code task} to the engine and returns at once.
     *
     * @throws IllegalArgumentException if the task is not serializable (nothing is sent)
     * @throws IllegalStateException after the client is closed
     */
    public <R> AsyncResult<R> applyAsync(Remote<R> task) {
        return new AsyncResult<>(List.of(client.submit(engine, task)), values -> cast(values.get(0)));
    }

    /** {@link #applyAsync}, as ipyparallel's non-blocking {@code apply}. */
    public <R> AsyncResult<R> apply(Remote<R> task) {
        return applyAsync(task);
    }

    /**
     * Runs {@code task} on the engine and returns its value.
     *
     * @throws RemoteException if it failed there
     */
    public <R> R applySync(Remote<R> task) throws InterruptedException {
        return applyAsync(task).get();
    }

    @SuppressWarnings("unchecked")
    static <R> R cast(Object value) {
        return (R) value;
    }
}
