package org.jpar.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * FFM downcalls into libjpar.so (JDK 22+, the jar's {@code META-INF/versions/22}), shared by the
 * MPI and pool bindings. Internal to jpar: public only so that its packages can share it.
 */
public final class Downcalls {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBRARY = SymbolLookup.libraryLookup(
        Path.of(NativeLoader.libraryFile()), Arena.global());

    private Downcalls() {
    }

    /**
     * A downcall handle for jpar.h's function {@code name}. Mark it {@code critical} only when the
     * function returns at once: a critical call holds the JVM's thread state for its whole
     * length, so one that waits (for a peer, a lock or a pool) could stall the JVM.
     *
     * @throws UnsatisfiedLinkError if libjpar.so has no such function
     */
    public static MethodHandle handle(String name, boolean critical, FunctionDescriptor type) {
        Linker.Option[] options = critical
            ? new Linker.Option[] {Linker.Option.critical(false)} : new Linker.Option[0];
        return LINKER.downcallHandle(LIBRARY.find(name).orElseThrow(
            () -> new UnsatisfiedLinkError("libjpar.so lacks " + name)), type, options);
    }

    /** What a downcall's {@code Throwable} becomes: unchecked as it was, or wrapped. */
    public static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
