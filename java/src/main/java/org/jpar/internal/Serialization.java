package org.jpar.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.util.function.Consumer;

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

    /**
     * The bytes of {@code value}, telling {@code classes} each class the stream describes (the
     * classes a reader must resolve).
     *
     * @throws java.io.NotSerializableException naming the class that is not serializable
     */
    public static byte[] toBytes(Object value, Consumer<Class<?>> classes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ClassReportingOutput(bytes, classes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    /**
     * The object in {@code length} bytes of {@code bytes} from {@code offset}, its classes
     * resolved through {@code loader} and checked by {@code filter} (none when null).
     */
    public static Object fromBytes(byte[] bytes, int offset, int length, ClassLoader loader,
                                   ObjectInputFilter filter)
            throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new LoaderObjectInput(
                new ByteArrayInputStream(bytes, offset, length), loader)) {
            if (filter != null) {
                in.setObjectInputFilter(filter);
            }
            return in.readObject();
        }
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

    /** An object stream that resolves classes through one class loader. */
    private static final class LoaderObjectInput extends ObjectInputStream {
        private final ClassLoader loader;

        LoaderObjectInput(InputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc)
                throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                // Primitive types have no class file to find; any other miss is the loader's.
                try {
                    return super.resolveClass(desc);
                } catch (ClassNotFoundException again) {
                    throw e;
                }
            }
        }
    }

    /** An object stream that reports the classes it describes. */
    private static final class ClassReportingOutput extends ObjectOutputStream {
        private final Consumer<Class<?>> classes;

        ClassReportingOutput(OutputStream out, Consumer<Class<?>> classes) throws IOException {
            super(out);
            this.classes = classes;
        }

        @Override
        protected void annotateClass(Class<?> type) {
            classes.accept(type);
        }
    }
}
