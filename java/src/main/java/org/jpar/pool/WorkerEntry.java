package org.jpar.pool;

import org.jpar.internal.BindingChoice;

/**
 * How libjpar's pool threads enter Java: a C function pointer of jpar.h's
 * {@code jpar_pool_callback} type that calls a {@link Handler}. An FFM upcall stub
 * ({@code FfmWorkerEntry}, in the jar's {@code META-INF/versions/22}) on JDK 22 and later, a JNA
 * callback ({@link JnaWorkerEntry}) before that; {@code -Djpar.binding} chooses as it does for
 * MPI. The pointer is valid while this object is reachable.
 */
abstract class WorkerEntry {
    private static final String FFM_CLASS = "org.jpar.pool.FfmWorkerEntry";

    /** What a worker does with the number it was called with (a task, or start or exit). */
    interface Handler {
        void run(long task, int worker);
    }

    /** The address of the C function that calls the handler. */
    abstract long functionPointer();

    /** "ffm" or "jna". */
    abstract String binding();

    /** An entry that calls {@code handler}; threads attach to the JVM as daemons. */
    static WorkerEntry create(Handler handler, String threadName) {
        Class<?> ffm = BindingChoice.ffmClass(FFM_CLASS);
        if (ffm == null) {
            return new JnaWorkerEntry(handler, threadName);
        }
        try {
            return (WorkerEntry) ffm.getDeclaredConstructor(Handler.class).newInstance(handler);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start the FFM worker entry: " + e, e);
        }
    }
}
