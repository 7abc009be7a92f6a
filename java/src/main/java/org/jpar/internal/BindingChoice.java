package org.jpar.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Which binding of libjpar.so a process uses, for MPI and for the pool alike: FFM (the jar's
 * {@code META-INF/versions/22} classes) on JDK 22 and later, JNA before that, and
 * {@code -Djpar.binding=jna|ffm} forces one. Internal to jpar: public only so that its packages
 * can share it.
 */
public final class BindingChoice {
    /** The system property that forces a binding. */
    public static final String PROPERTY = "jpar.binding";

    private static final Map<Class<?>, Object> LOADED = new ConcurrentHashMap<>();

    private BindingChoice() {
    }

    /**
     * The FFM class to use in place of the JNA one, or null for JNA.
     *
     * @param ffmClass the binary name of the FFM implementation
     * @throws IllegalArgumentException for an unknown {@code jpar.binding}
     * @throws UnsupportedOperationException if FFM is forced where it is not available
     */
    public static Class<?> ffmClass(String ffmClass) {
        String wanted = System.getProperty(PROPERTY, "").strip().toLowerCase(Locale.ROOT);
        if (!wanted.isEmpty() && !wanted.equals("jna") && !wanted.equals("ffm")) {
            throw new IllegalArgumentException("jpar.binding must be jna or ffm: jpar.binding="
                + wanted);
        }
        if (wanted.equals("jna")) {
            return null;
        }
        if (Runtime.version().feature() < 22) {
            if (wanted.equals("ffm")) {
                throw new UnsupportedOperationException("the FFM binding needs JDK 22 or later: "
                    + "java.version=" + System.getProperty("java.version"));
            }
            return null;
        }
        try {
            return Class.forName(ffmClass, false, BindingChoice.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            if (wanted.equals("ffm")) {
                throw new UnsupportedOperationException("this jar has no FFM binding (it was "
                    + "built without JDK 22+); use -Djpar.binding=jna", e);
            }
            return null;
        }
    }

    /**
     * The binding of {@code type}, one of the interfaces generated from jpar.h, loaded once per
     * process: its FFM class ({@code Ffm} + the interface's name, same package) where
     * {@link #ffmClass} chooses FFM, else what {@code jna} loads. {@code lookup}, from the
     * interface's package, reaches the FFM class's package-private constructor. A failure is
     * thrown again on every call, never cached.
     *
     * @throws IllegalArgumentException for an unknown {@code jpar.binding}
     * @throws UnsupportedOperationException if FFM is forced where it is not available
     * @throws UnsatisfiedLinkError if libjpar.so cannot load
     */
    public static <T> T load(Class<T> type, MethodHandles.Lookup lookup,
                             Supplier<? extends T> jna) {
        return type.cast(LOADED.computeIfAbsent(type, t -> create(type, lookup, jna)));
    }

    /** "ffm" or "jna": which binding {@code abi}, from {@link #load}, is. */
    public static String name(Object abi) {
        return abi.getClass().getSimpleName().startsWith("Ffm") ? "ffm" : "jna";
    }

    private static <T> T create(Class<T> type, MethodHandles.Lookup lookup,
                                Supplier<? extends T> jna) {
        String ffmClass = type.getPackageName() + ".Ffm" + type.getSimpleName();
        Class<?> ffm = ffmClass(ffmClass);
        if (ffm == null) {
            return jna.get();
        }
        // Found here, so that a missing library is this clear error, not a class-init failure.
        NativeLoader.libraryFile();
        try {
            return type.cast(lookup.findConstructor(ffm, MethodType.methodType(void.class)).invoke());
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot start the FFM binding " + ffmClass + ": " + e, e);
        }
    }
}
