package org.jpar.pool;

import java.util.List;

/** The threads behind a {@link Pool}: Java threads or libjpar's pthreads. */
interface Workers {
    int size();

    /** Queues a task; false if the workers no longer take tasks. */
    boolean submit(Task<?> task);

    /** Takes no new tasks; workers finish the queue, then exit. */
    void close();

    /** Waits until every worker has exited. */
    void join() throws InterruptedException;

    /** Stops at once and returns the tasks that never started. */
    List<Task<?>> terminate();
}
