package org.jpar.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.function.Consumer;
import org.jpar.internal.Serialization;

/**
 * The static fields of shipped classes that jshell redefines, which is where jshell keeps its
 * variables ({@code int offset = 100} is a static field of a snippet's class). A task that reads
 * one on an engine must see the client's value, as a function cloudpickle ships sees its
 * globals, so the client sends them with each task and with each such class it ships, and the
 * engine sets them before the task runs. Values that cannot be serialized (a {@code Client},
 * say) stay unset on the engines.
 */
final class StaticState {
    private StaticState() {
    }

    /**
     * The serializable static fields of {@code classes}, encoded; empty when there are none.
     * {@code noteClass} hears of the classes their values use.
     */
    static byte[] snapshot(Collection<Class<?>> classes, Consumer<Class<?>> noteClass) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (Class<?> type : classes) {
                for (Field field : type.getDeclaredFields()) {
                    int m = field.getModifiers();
                    if (!Modifier.isStatic(m) || Modifier.isFinal(m) || field.isSynthetic()) {
                        continue;
                    }
                    byte[] value = value(field, noteClass);
                    if (value != null) {
                        out.writeUTF(type.getName());
                        out.writeUTF(field.getName());
                        out.writeInt(value.length);
                        out.write(value);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] value(Field field, Consumer<Class<?>> noteClass) {
        try {
            field.setAccessible(true);
            return Serialization.toBytes(field.get(null), noteClass);
        } catch (IOException | ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Sets the fields in {@code length} bytes of {@code state} from {@code offset}, on the
     * classes {@code loader} has defined; values it cannot decode stay as they are.
     */
    static void apply(byte[] state, int offset, int length, ClientClassLoader loader,
                      ObjectInputFilter filter) {
        if (length == 0) {
            return;
        }
        try (DataInputStream in = new DataInputStream(
                new ByteArrayInputStream(state, offset, length))) {
            while (in.available() > 0) {
                String type = in.readUTF();
                String name = in.readUTF();
                byte[] value = new byte[in.readInt()];
                in.readFully(value);
                Class<?> defined = loader.defined(type);
                if (defined != null) {
                    set(defined, name, value, loader, filter);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a corrupt task message", e);
        }
    }

    private static void set(Class<?> type, String name, byte[] value, ClassLoader loader,
                            ObjectInputFilter filter) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            field.set(null, Serialization.fromBytes(value, 0, value.length, loader, filter));
        } catch (IOException | ReflectiveOperationException | RuntimeException e) {
            // The task sees the field's default, as it would any value that is not serializable.
        }
    }
}
