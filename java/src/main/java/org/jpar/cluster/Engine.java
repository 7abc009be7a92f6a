package org.jpar.cluster;

import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jpar.internal.Serialization;
import org.jpar.mpi.Comm;
import org.jpar.mpi.Status;

/**
 * An engine's loop: receive a task from the client, run it, send back its value or its failure
 * with timing, until the client says stop. A task that throws does not end the loop.
 */
final class Engine {
    private Engine() {
    }

    /**
     * Serves the client at {@code clientRank} of {@code comm} as engine {@code engineId},
     * decoding tasks through {@code filter} (none when null). Classes its loader lacks come from
     * the client, into a {@link ClientClassLoader} per epoch of the client's classes.
     */
    static void serve(Comm comm, int clientRank, int engineId, MessageWait wait,
                      TaskFilter filter) {
        String host = hostName();
        String node = nodeName(host);
        long pid = ProcessHandle.current().pid();
        ClassLoader own = Thread.currentThread().getContextClassLoader();
        if (own == null) {
            own = Engine.class.getClassLoader();
        }
        StatelessTasks tasks = new StatelessTasks();
        ClientClassLoader loader = new ClientClassLoader(comm, clientRank, own, filter);
        int epoch = 0;
        while (true) {
            Status status = wait.next(comm, clientRank, Messages.TAG_TASK);
            byte[] message = new byte[status.bytes()];
            comm.recv(message, clientRank, Messages.TAG_TASK);
            long id = Messages.taskId(message);
            if (id != Messages.STOP && Messages.epoch(message) != epoch) {
                epoch = Messages.epoch(message);
                loader = new ClientClassLoader(comm, clientRank, own, filter);
                tasks.clear();
            }
            Messages.Result result = id == Messages.STOP
                ? Messages.Result.stopped(engineId, host, node, pid)
                : run(id, tasks, message, loader, filter, engineId, host, node, pid);
            comm.send(result.encode(), clientRank, Messages.TAG_RESULT);
            if (result.stopped()) {
                return;
            }
        }
    }

    private static Messages.Result run(long id, StatelessTasks tasks, byte[] message,
                                       ClientClassLoader loader, TaskFilter filter, int engineId,
                                       String host, String node, long pid) {
        long started = TaskRecord.nowMicros();
        byte[] value = null;
        Throwable failure = null;
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        try {
            StaticState.apply(message, Messages.TASK_STATE_OFFSET, Messages.stateLength(message),
                loader, filter);
            Remote<?> task = decode(tasks, message, loader, filter);
            // The task's own lookups (ServiceLoader, Class.forName) see the client's classes.
            thread.setContextClassLoader(loader);
            Object result = task.call();
            try {
                value = Serialization.toBytes(result);
            } catch (NotSerializableException e) {
                failure = new IllegalArgumentException("the task's result is not serializable: "
                    + "class=" + e.getMessage(), e);
            }
        } catch (Throwable t) {
            failure = t;
        } finally {
            thread.setContextClassLoader(context);
        }
        long completed = TaskRecord.nowMicros();
        if (failure == null) {
            return new Messages.Result(id, engineId, host, node, pid, started, completed, value,
                null, null, null);
        }
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        byte[] exception;
        try {
            exception = Serialization.toBytes(failure);
        } catch (IOException e) {
            exception = null;
        }
        return new Messages.Result(id, engineId, host, node, pid, started, completed, null,
            failure.toString(), trace.toString(), exception);
    }

    /** The task in {@code message}; a class the filter refused is named in the exception. */
    private static Remote<?> decode(StatelessTasks tasks, byte[] message, ClassLoader loader,
                                    TaskFilter filter) throws Exception {
        try {
            return (Remote<?>) tasks.fromBytes(message, Messages.bodyOffset(message), loader,
                filter);
        } catch (InvalidClassException e) {
            InvalidClassException refusal = filter == null ? null : filter.refusal();
            if (refusal != null) {
                refusal.initCause(e);
                throw refusal;
            }
            throw e;
        }
    }

    /** The engine's node label: {@code JPAR_NODE} when set, else {@code host}. */
    static String nodeName(String host) {
        String node = System.getenv("JPAR_NODE");
        return node == null || node.isBlank() ? host : node.strip();
    }

    /**
     * The host's name as the resolver gives it, else the kernel's (a host name that does not
     * resolve, as in a container or network namespace), else "localhost".
     */
    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            try {
                String kernel = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
                return kernel.isEmpty() ? "localhost" : kernel;
            } catch (IOException | RuntimeException again) {
                return "localhost";
            }
        }
    }
}
