package org.jpar.pool;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The FFM worker entry (JDK 22+): an upcall stub, much cheaper per call than a JNA callback. The
 * JVM attaches a worker as a daemon on its first upcall and detaches it when the thread exits.
 * An exception that left an upcall would end the JVM, so none does: it goes to the thread's
 * uncaught-exception handler instead.
 */
final class FfmWorkerEntry extends WorkerEntry {
    private static final MethodHandle ENTER;

    static {
        try {
            ENTER = MethodHandles.lookup().findVirtual(FfmWorkerEntry.class, "enter",
                MethodType.methodType(void.class, long.class, int.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Handler handler;
    /** Freed with this object, once the pool lets go of it. */
    private final MemorySegment stub;

    FfmWorkerEntry(Handler handler) {
        this.handler = handler;
        this.stub = Linker.nativeLinker().upcallStub(ENTER.bindTo(this),
            FunctionDescriptor.ofVoid(JAVA_LONG, JAVA_INT), Arena.ofAuto());
    }

    private void enter(long task, int worker) {
        try {
            handler.run(task, worker);
        } catch (Throwable t) {
            try {
                Thread current = Thread.currentThread();
                current.getUncaughtExceptionHandler().uncaughtException(current, t);
            } catch (Throwable ignored) {
                // Nothing may leave an upcall.
            }
        }
    }

    @Override
    long functionPointer() {
        return stub.address();
    }

    @Override
    String binding() {
        return "ffm";
    }
}
