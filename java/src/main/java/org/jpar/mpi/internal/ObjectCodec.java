package org.jpar.mpi.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.jpar.internal.Serialization;
import org.jpar.mpi.MpiException;

/**
 * Java serialization straight into and out of a thread's native scratch memory, so an object
 * message costs one serialization and no extra copy. Peers of one MPI job are trusted: any
 * class on this rank's class path may be deserialized.
 */
public final class ObjectCodec {
    private ObjectCodec() {
    }

    /**
     * Serializes {@code value} into the scratch's object slot starting at byte {@code at}; returns
     * the length written.
     *
     * @throws IllegalArgumentException naming the class when something in it is not serializable
     */
    public static int write(Object value, Scratch scratch, int at) {
        SlotOutput out = new SlotOutput(scratch, at);
        try (ObjectOutputStream oos = new ObjectOutputStream(out)) {
            oos.writeObject(value);
        } catch (NotSerializableException | InvalidClassException e) {
            throw new IllegalArgumentException("object is not serializable: class="
                + e.getMessage().replaceFirst(";.*", ""), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("object cannot be serialized: " + e, e);
        }
        return out.position - at;
    }

    /**
     * Deserializes {@code length} bytes at {@code at} of {@code bytes}.
     *
     * @throws MpiException naming the class when this rank lacks it, or for corrupt data
     */
    public static Object read(ByteBuffer bytes, int at, int length, String call) {
        ByteBuffer view = bytes.duplicate().limit(at + length).position(at);
        try (ObjectInputStream in = new Serialization.ContextObjectInput(new BufferInput(view))) {
            return in.readObject();
        } catch (ClassNotFoundException e) {
            throw new MpiException(call, "cannot deserialize the message: class "
                + e.getMessage() + " is not on this rank's class path", e);
        } catch (IOException e) {
            throw new MpiException(call, "cannot deserialize the message: " + e, e);
        }
    }

    /** Grows the scratch's object slot as it fills. */
    private static final class SlotOutput extends OutputStream {
        private final Scratch scratch;
        private ByteBuffer target;
        private int position;

        SlotOutput(Scratch scratch, int at) {
            this.scratch = scratch;
            this.target = scratch.grow(Scratch.OBJECT, at + 256L, at);
            this.position = at;
        }

        private void ensure(int more) {
            if (position + (long) more > target.capacity()) {
                target = scratch.grow(Scratch.OBJECT, position + (long) more, position);
            }
        }

        @Override
        public void write(int b) {
            ensure(1);
            target.put(position++, (byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            target.put(position, b, off, len);
            position += len;
        }
    }

    private static final class BufferInput extends InputStream {
        private final ByteBuffer source;

        BufferInput(ByteBuffer source) {
            this.source = source;
        }

        @Override
        public int read() {
            return source.hasRemaining() ? source.get() & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!source.hasRemaining()) {
                return -1;
            }
            int n = Math.min(len, source.remaining());
            source.get(b, off, n);
            return n;
        }

        @Override
        public int available() {
            return source.remaining();
        }
    }
}
