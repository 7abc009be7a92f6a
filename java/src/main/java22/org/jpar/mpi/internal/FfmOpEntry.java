package org.jpar.mpi.internal;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The FFM op entry (JDK 22+): an upcall stub into {@link UserOps#call}, which never throws (an
 * exception leaving an upcall would end the JVM).
 */
final class FfmOpEntry extends OpEntry {
    private final MemorySegment stub;

    FfmOpEntry() throws ReflectiveOperationException {
        stub = Linker.nativeLinker().upcallStub(
            MethodHandles.lookup().findStatic(UserOps.class, "call", MethodType.methodType(
                void.class, int.class, long.class, long.class, int.class, int.class)),
            FunctionDescriptor.ofVoid(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT),
            Arena.global());
    }

    @Override
    public long functionPointer() {
        return stub.address();
    }
}
