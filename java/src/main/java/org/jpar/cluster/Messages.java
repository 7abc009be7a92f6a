package org.jpar.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * What client and engines say to each other, as byte messages in a fixed binary layout: only
 * the task itself and its value go through Java serialization, once each.
 *
 * <p>Client to engine (tag {@link #TAG_TASK}): the task's number, its classes' epoch
 * ({@link ClassSource#epoch()}), the length and bytes of the jshell variables it may read
 * ({@link StaticState}), then the serialized {@link Remote}; the number -1 with nothing after
 * it is the stop request. Engine to client (tag {@link #TAG_RESULT}): a {@link Result}; one
 * whose task number is -1 says the engine stopped. An engine that lacks a class asks for it by
 * name (tag {@link #TAG_CLASS_REQUEST}, the binary name in UTF-8) while it decodes a task; the
 * client answers with {@link ClassSource#reply}, empty when it has no such class (tag
 * {@link #TAG_CLASS}).
 */
final class Messages {
    static final int TAG_TASK = 1;
    static final int TAG_RESULT = 2;
    static final int TAG_CLASS_REQUEST = 3;
    static final int TAG_CLASS = 4;
    static final long STOP = -1;
    /** Where a task message's variables begin, after its number, epoch and their length. */
    static final int TASK_STATE_OFFSET = 16;

    private Messages() {
    }

    static byte[] task(long id, int epoch, byte[] state, byte[] body) {
        return ByteBuffer.allocate(TASK_STATE_OFFSET + state.length + body.length).putLong(id)
            .putInt(epoch).putInt(state.length).put(state).put(body).array();
    }

    static byte[] stop() {
        return task(STOP, 0, new byte[0], new byte[0]);
    }

    static long taskId(byte[] message) {
        return ByteBuffer.wrap(message).getLong(0);
    }

    static int epoch(byte[] message) {
        return ByteBuffer.wrap(message).getInt(8);
    }

    static int stateLength(byte[] message) {
        return ByteBuffer.wrap(message).getInt(12);
    }

    /** Where a task message's serialized task begins. */
    static int bodyOffset(byte[] message) {
        return TASK_STATE_OFFSET + stateLength(message);
    }

    /**
     * A task's outcome: the serialized value, or a failure (its text and stack trace as the
     * engine printed them, and the serialized exception when it could be serialized).
     */
    record Result(long id, int engineId, String host, String node, long pid, long started,
                  long completed, byte[] value, String failure, String stackTrace,
                  byte[] exception) {
        boolean failed() {
            return failure != null;
        }

        boolean stopped() {
            return id == STOP;
        }

        static Result stopped(int engineId, String host, String node, long pid) {
            return new Result(STOP, engineId, host, node, pid, 0, 0, new byte[0], null, null,
                null);
        }

        byte[] encode() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + length(value)
                + length(exception));
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeLong(id);
                out.writeInt(engineId);
                out.writeUTF(host);
                out.writeUTF(node);
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
                String node = in.readUTF();
                long pid = in.readLong();
                long started = in.readLong();
                long completed = in.readLong();
                if (in.readBoolean()) {
                    return new Result(id, engineId, host, node, pid, started, completed, null,
                        readText(in), readText(in), readBytes(in));
                }
                return new Result(id, engineId, host, node, pid, started, completed,
                    readBytes(in), null, null, null);
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
