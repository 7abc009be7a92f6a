package org.jpar.cluster;

import java.io.IOException;
import java.io.NotSerializableException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
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

    /** Serves the client at {@code clientRank} of {@code comm} as engine {@code engineId}. */
    static void serve(Comm comm, int clientRank, int engineId, MessageWait wait) {
        String host = hostName();
        long pid = ProcessHandle.current().pid();
        StatelessTasks tasks = new StatelessTasks();
        while (true) {
            Status status = wait.next(comm, clientRank, Messages.TAG_TASK);
            byte[] message = new byte[status.bytes()];
            comm.recv(message, clientRank, Messages.TAG_TASK);
            long id = Messages.taskId(message);
            Messages.Result result = id == Messages.STOP
                ? Messages.Result.stopped(engineId, host, pid)
                : run(id, tasks, message, engineId, host, pid);
            comm.send(result.encode(), clientRank, Messages.TAG_RESULT);
            if (result.stopped()) {
                return;
            }
        }
    }

    private static Messages.Result run(long id, StatelessTasks tasks, byte[] message, int engineId,
                                       String host, long pid) {
        long started = TaskRecord.nowMicros();
        byte[] value = null;
        Throwable failure = null;
        try {
            Remote<?> task = (Remote<?>) tasks.fromBytes(message, Messages.TASK_BODY_OFFSET);
            Object result = task.call();
            try {
                value = Serialization.toBytes(result);
            } catch (NotSerializableException e) {
                failure = new IllegalArgumentException("the task's result is not serializable: "
                    + "class=" + e.getMessage(), e);
            }
        } catch (Throwable t) {
            failure = t;
        }
        long completed = TaskRecord.nowMicros();
        if (failure == null) {
            return new Messages.Result(id, engineId, host, pid, started, completed, value,
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
        return new Messages.Result(id, engineId, host, pid, started, completed, null,
            failure.toString(), trace.toString(), exception);
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
