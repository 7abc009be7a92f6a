package org.jpar.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client's side of shipping classes by value: it notes the class loaders of the classes in
 * its tasks, and gives an engine the class file of a class the engine cannot resolve (a class
 * typed into jshell, or one on the client's class path only), as ipyparallel ships functions
 * with cloudpickle. It also notices when a class it shipped has changed (jshell redefines a
 * snippet's class in place): the next task then carries a new epoch, and engines drop the
 * classes they were given and ask again.
 */
final class ClassSource {
    private static final byte[] NO_STATE = new byte[0];
    /** Loaders of task classes, newest first, weakly held (jshell makes one per session). */
    private final List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
    private final ClassLoader fallback;
    /** Class files shipped from loaders that can redefine them, by name, with their hash. */
    private final Map<String, Shipped> shipped = new LinkedHashMap<>();
    private final AtomicInteger sent = new AtomicInteger();
    private volatile boolean watching;
    private int epoch;

    /** @param fallback the loader to ask last (the client's creator's context loader) */
    ClassSource(ClassLoader fallback) {
        this.fallback = fallback;
    }

    /** Notes the loader of a class a task's stream describes. */
    void noteClass(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        if (loader == null || loader == ClassLoader.getPlatformClassLoader()) {
            return;
        }
        synchronized (loaders) {
            for (WeakReference<ClassLoader> known : loaders) {
                if (known.get() == loader) {
                    return;
                }
            }
            loaders.removeIf(known -> known.get() == null);
            loaders.add(0, new WeakReference<>(loader));
        }
    }

    /**
     * The answer to an engine that asks for the class named {@code name} (a binary name): its
     * class file from the first loader that has it, length first, then the values of its static
     * fields when that loader is jshell's ({@link StaticState}); empty when no loader has it.
     */
    byte[] reply(String name) {
        String resource = name.replace('.', '/') + ".class";
        List<ClassLoader> candidates = new ArrayList<>();
        synchronized (loaders) {
            for (WeakReference<ClassLoader> known : loaders) {
                ClassLoader loader = known.get();
                if (loader != null) {
                    candidates.add(loader);
                }
            }
        }
        candidates.add(fallback);
        candidates.add(ClassLoader.getSystemClassLoader());
        for (ClassLoader loader : candidates) {
            byte[] bytes = read(loader, resource);
            if (bytes == null) {
                continue;
            }
            byte[] state = new byte[0];
            if (redefinable(loader)) {
                Class<?> type = loaded(name, loader);
                synchronized (this) {
                    shipped.put(resource, new Shipped(loader, Arrays.hashCode(bytes), type));
                    watching = true;
                }
                if (type != null) {
                    state = StaticState.snapshot(List.of(type), this::noteClass);
                }
            }
            sent.incrementAndGet();
            return ByteBuffer.allocate(4 + bytes.length + state.length).putInt(bytes.length)
                .put(bytes).put(state).array();
        }
        return new byte[0];
    }

    /**
     * The static fields of the jshell classes shipped in this epoch, for the next task
     * ({@link StaticState}); empty, at no cost, until such a class has been shipped.
     */
    byte[] state() {
        if (!watching) {
            return NO_STATE;
        }
        List<Class<?>> types = new ArrayList<>();
        synchronized (this) {
            for (Shipped s : shipped.values()) {
                if (s.type() != null) {
                    types.add(s.type());
                }
            }
        }
        return StaticState.snapshot(types, this::noteClass);
    }

    /** The class {@code loader} has for {@code name}, without initializing it; null if none. */
    private static Class<?> loaded(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** How many class files engines have been given. */
    int sent() {
        return sent.get();
    }

    /**
     * The epoch the next task carries: the same as before unless a class shipped since the last
     * change has different bytes now. Costs nothing until a class from a redefinable loader
     * (not the application's own) has been shipped.
     */
    int epoch() {
        if (!watching) {
            return epoch;
        }
        synchronized (this) {
            for (Map.Entry<String, Shipped> e : shipped.entrySet()) {
                byte[] now = read(e.getValue().loader(), e.getKey());
                if (now == null || Arrays.hashCode(now) != e.getValue().hash()) {
                    shipped.clear();
                    watching = false;
                    return ++epoch;
                }
            }
            return epoch;
        }
    }

    /** Whether classes of {@code loader} can change under one name (jshell's can). */
    private static boolean redefinable(ClassLoader loader) {
        return loader != ClassLoader.getSystemClassLoader()
            && loader != ClassLoader.getPlatformClassLoader();
    }

    private static byte[] read(ClassLoader loader, String resource) {
        if (loader == null) {
            return null;
        }
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    private record Shipped(ClassLoader loader, int hash, Class<?> type) {
    }
}
