package org.jpar.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;

/**
 * Java serialization as jpar's messages use it: classes resolve through the thread's context
 * class loader first, as application servers and shells need. Internal to jpar: public only so
 * that its packages can share it.
 */
public final class Serialization {
    private Serialization() {
    }

    /**
     * The bytes of {@code value}.
     *
     * @throws java.io.NotSerializableException naming the class that is not serializable
     */
    public static byte[] toBytes(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    /** The object in {@code bytes}. */
    public static Object fromBytes(byte[] bytes) throws IOException, ClassNotFoundException {
        return fromBytes(bytes, 0, bytes.length);
    }

    /** The object in {@code length} bytes of {@code bytes} from {@code offset}. */
    public static Object fromBytes(byte[] bytes, int offset, int length)
            throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ContextObjectInput(
                new ByteArrayInputStream(bytes, offset, length))) {
            return in.readObject();
        }
    }

    /** An object stream that resolves classes through the thread's context loader first. */
    public static final class ContextObjectInput extends ObjectInputStream {
        /** Reads objects from {@code in}. */
        public ContextObjectInput(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc)
                throws IOException, ClassNotFoundException {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader != null) {
                try {
                    return Class.forName(desc.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    // fall through to the default resolution
                }
            }
            return super.resolveClass(desc);
        }
    }
}
