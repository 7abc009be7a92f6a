package org.jpar.pool;

import java.util.concurrent.CountDownLatch;

/**
 * Runs each worker's initializer and lets the pool's creator wait until every worker has, so
 * that an initializer that fails makes {@code Pool.create} fail instead of a later task.
 */
final class StartupBarrier {
    private final CountDownLatch ready;
    private volatile Throwable failure;

    StartupBarrier(int workers) {
        this.ready = new CountDownLatch(workers);
    }

    /** Runs the initializer on this worker; false if it threw (the worker should exit). */
    boolean initialize(Runnable initializer) {
        try {
            if (initializer != null) {
                initializer.run();
            }
            return true;
        } catch (Throwable t) {
            failure = t;
            return false;
        } finally {
            ready.countDown();
        }
    }

    /** Waits for every worker's initializer; returns the first failure, or null. */
    Throwable await() throws InterruptedException {
        ready.await();
        return failure;
    }
}
