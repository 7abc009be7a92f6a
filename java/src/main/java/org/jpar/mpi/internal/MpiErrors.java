package org.jpar.mpi.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.jpar.mpi.MpiException;
import org.jpar.mpi.binding.MpiAbi;

/** Turns an MPI error code from the native side into an {@link MpiException}. */
public final class MpiErrors {
    private MpiErrors() {
    }

    public static void check(MpiAbi abi, int rc, String call) {
        if (rc != 0) {
            throw exception(abi, rc, call);
        }
    }

    public static MpiException exception(MpiAbi abi, int rc, String call) {
        Scratch s = Scratch.get();
        int max = abi.jpar_max_error_string();
        ByteBuffer text = s.slot(Scratch.TEXT, max + 1L);
        String message;
        int errorClass = rc;
        if (abi.jpar_error_string(rc, s.slotAddress(Scratch.TEXT), s.outAddress + Scratch.INT) == 0) {
            int length = Math.min(max, s.out.getInt(Scratch.INT));
            byte[] bytes = new byte[length];
            text.get(0, bytes);
            message = new String(bytes, StandardCharsets.UTF_8);
        } else {
            message = "unknown MPI error";
        }
        if (abi.jpar_error_class(rc, s.outAddress + Scratch.INT) == 0) {
            errorClass = s.out.getInt(Scratch.INT);
        }
        return new MpiException(call, rc, errorClass, message);
    }
}
