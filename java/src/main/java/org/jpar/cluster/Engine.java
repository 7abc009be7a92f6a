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
    static void serve(Comm comm, int clientRank, int engineId) {
        String host = hostName();
        long pid = ProcessHandle.current().pid();
        while (true) {
            Status status = comm.probe(clientRank, Messages.TAG_TASK);
            byte[] bytes = new byte[status.bytes()];
            comm.recv(bytes, clientRank, Messages.TAG_TASK);
            Object message = read(bytes);
            if (message instanceof Messages.Stop) {
                comm.sendObject(new Messages.Stopped(engineId), clientRank, Messages.TAG_RESULT);
                return;
            }
            Messages.Task task = (Messages.Task) message;
            comm.sendObject(run(task, engineId, host, pid), clientRank, Messages.TAG_RESULT);
        }
    }

    private static Messages.Result run(Messages.Task task, int engineId, String host, long pid) {
        long started = TaskRecord.nowMicros();
        byte[] value = null;
        Throwable failure = null;
        try {
            Object result = ((Remote<?>) Serialization.fromBytes(task.body())).call();
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
            return new Messages.Result(task.id(), engineId, host, pid, started, completed, value,
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
        return new Messages.Result(task.id(), engineId, host, pid, started, completed, null,
            failure.toString(), trace.toString(), exception);
    }

    private static Object read(byte[] bytes) {
        try {
            return Serialization.fromBytes(bytes);
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("engine cannot read the client's message: " + e, e);
        }
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
