package org.jpar.pool;

/**
 * Who ran a task: what multiprocessing's {@code current_process()} and {@code os.getpid()} tell
 * in Python.
 *
 * @param index the worker's index in its pool, from 0
 * @param threadName the worker thread's name
 * @param nativeThreadId the kernel's id for the worker thread (Linux {@code gettid})
 * @param pid this process's id
 */
public record WorkerInfo(int index, String threadName, long nativeThreadId, long pid) {
    @Override
    public String toString() {
        return threadName + " (worker " + index + ", tid " + nativeThreadId + ", pid " + pid + ")";
    }
}
