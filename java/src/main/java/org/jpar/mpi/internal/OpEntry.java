package org.jpar.mpi.internal;

import org.jpar.internal.BindingChoice;

/**
 * How MPI enters Java to run a user-defined op: a C function pointer of jpar.h's
 * {@code jpar_op_function} type that calls {@link UserOps#call}. An FFM upcall stub
 * ({@code FfmOpEntry}, in the jar's {@code META-INF/versions/22}) on JDK 22 and later, a JNA
 * callback ({@link JnaOpEntry}) before; {@code -Djpar.binding} chooses as it does for MPI. One
 * entry serves the JVM and lives as long as it does.
 */
public abstract class OpEntry {
    private static final String FFM_CLASS = "org.jpar.mpi.internal.FfmOpEntry";
    private static OpEntry entry;

    /** The address of the C function. */
    public abstract long functionPointer();

    /** The JVM's entry, made on first use. */
    public static synchronized OpEntry get() {
        if (entry == null) {
            Class<?> ffm = BindingChoice.ffmClass(FFM_CLASS);
            try {
                entry = ffm == null ? new JnaOpEntry()
                    : (OpEntry) ffm.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make the FFM op entry: " + e, e);
            }
        }
        return entry;
    }
}
