package org.jpar.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What client and engines say to each other, as byte messages in a fixed binary layout: only
 * the task itself and its value go through Java serialization, once each.
 *
 * <p>Client to engine (tag {@link #TAG_TASK}): the task's number, then the serialized
 * {@link Remote}; the number -1 with nothing after it is the stop request. Engine to client (tag
 * {@link #TAG_RESULT}): a {@link Result}; one whose task number is -1 says the engine stopped.
 */
final class Messages {
    static final int TAG_TASK = 1;
    static final int TAG_RESULT = 2;
    static final long STOP = -1;
    /** Where a task message's serialized task begins, after its number. */
    static final int TASK_BODY_OFFSET = 8;

    private Messages() {
    }

    static byte[] task(long id, byte[] body) {
        byte[] message = new byte[TASK_BODY_OFFSET + body.length];
        for (int i = 0; i < 8; i++) {
            message[i] = (byte) (id >>> (56 - 8 * i));
        }
        System.arraycopy(body, 0, message, TASK_BODY_OFFSET, body.length);
        return message;
    }

    static byte[] stop() {
        return task(STOP, new byte[0]);
    }

    static long taskId(byte[] message) {
        long id = 0;
        for (int i = 0; i < 8; i++) {
            id = (id << 8) | (message[i] & 0xff);
        }
        return id;
    }

    /**
     * A task's outcome: the serialized value, or a failure (its text and stack trace as the
     * engine printed them, and the serialized exception when it could be serialized).
     */
    record Result(long id, int engineId, String host, long pid, long started, long completed,
                  byte[] value, String failure, String stackTrace, byte[] exception) {
        boolean failed() {
            return failure != null;
        }

        boolean stopped() {
            return id == STOP;
        }

        static Result stopped(int engineId, String host, long pid) {
            return new Result(STOP, engineId, host, pid, 0, 0, new byte[0], null, null, null);
        }

        byte[] encode() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + length(value)
                + length(exception));
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeLong(id);
                out.writeInt(engineId);
                out.writeUTF(host);
                out.writeLong(pid);
                out.writeLong(started);
                out.writeLong(completed);
                out.writeBoolean(failed());
                if (failed()) {
                    writeText(out, failure);
                    writeText(out, stackTrace);
                    writeBytes(out, exception);
                } else {
                    writeBytes(out, value);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }

        static Result decode(byte[] message) {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(message))) {
                long id = in.readLong();
                int engineId = in.readInt();
                String host = in.readUTF();
                long pid = in.readLong();
                long started = in.readLong();
                long completed = in.readLong();
                if (in.readBoolean()) {
                    return new Result(id, engineId, host, pid, started, completed, null,
                        readText(in), readText(in), readBytes(in));
                }
                return new Result(id, engineId, host, pid, started, completed, readBytes(in),
                    null, null, null);
            } catch (IOException e) {
                throw new UncheckedIOException("a corrupt result message", e);
            }
        }
    }

    private static int length(byte[] b) {
        return b == null ? 0 : b.length;
    }

    /** Text of any length (writeUTF stops at 64 KiB, which a stack trace may pass). */
    private static void writeText(DataOutputStream out, String text) throws IOException {
        writeBytes(out, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String readText(DataInputStream in) throws IOException {
        return new String(readBytes(in), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        if (b == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(b.length);
            out.write(b);
        }
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }
}
