package org.jpar.pool;

/** A task threw; the message names the worker that ran it and the cause is what it threw. */
public class PoolTaskException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient WorkerInfo worker;

    PoolTaskException(WorkerInfo worker, Throwable cause) {
        super("task failed on " + worker + ": " + cause, cause);
        this.worker = worker;
    }

    /** The worker that ran the task. */
    public WorkerInfo worker() {
        return worker;
    }
}
