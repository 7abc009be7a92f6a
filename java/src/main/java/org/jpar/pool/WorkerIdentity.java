package org.jpar.pool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Who the current thread is, for tasks that ask: set by each worker when it starts. */
final class WorkerIdentity {
    private static final ThreadLocal<WorkerInfo> CURRENT = new ThreadLocal<>();
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");

    private WorkerIdentity() {
    }

    static WorkerInfo current() {
        return CURRENT.get();
    }

    static WorkerInfo become(int index, long nativeThreadId) {
        WorkerInfo info = new WorkerInfo(index, Thread.currentThread().getName(), nativeThreadId,
            ProcessHandle.current().pid());
        CURRENT.set(info);
        return info;
    }

    static void forget() {
        CURRENT.remove();
    }

    /** The kernel's id for this thread, read from /proc (Linux), or -1 where there is none. */
    static long javaThreadNativeId() {
        try {
            String link = Files.readSymbolicLink(THREAD_SELF).toString();
            return Long.parseLong(link.substring(link.lastIndexOf('/') + 1));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
