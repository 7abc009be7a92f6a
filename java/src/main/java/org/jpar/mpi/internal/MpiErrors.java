package org.jpar.mpi.internal;

import org.jpar.mpi.MpiException;
import org.jpar.mpi.binding.MpiAbi;

/** Turns an MPI error code from the native side into an {@link MpiException}. */
public final class MpiErrors {
    private MpiErrors() {
    }

    /** Throws {@link #exception} for a failed code {@code rc}; returns for 0. */
    public static void check(MpiAbi abi, int rc, String call) {
        if (rc != 0) {
            throw exception(abi, rc, call);
        }
    }

    /**
     * The exception for MPI error code {@code rc} of {@code call}: MPI's text for it, its error
     * class and the class's name.
     */
    public static MpiException exception(MpiAbi abi, int rc, String call) {
        Scratch s = Scratch.get();
        int max = abi.jpar_max_error_string();
        String message = s.text(max, (text, length) -> abi.jpar_error_string(rc, text, length));
        int errorClass = rc;
        if (abi.jpar_error_class(rc, s.outAddress + Scratch.INT) == 0) {
            errorClass = s.out.getInt(Scratch.INT);
        }
        int cls = errorClass;
        String className = s.text(max,
            (text, length) -> abi.jpar_error_class_name(cls, text, length));
        return new MpiException(call, rc, errorClass, className == null ? "" : className,
            message == null ? "unknown MPI error" : message);
    }
}
