package org.jpar.mpi.internal;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.Pointer;

/** The JNA op entry: a callback that MPI calls on the thread running the reduction. */
final class JnaOpEntry extends OpEntry {
    /** jpar_op_function. */
    interface OpCallback extends Callback {
        void invoke(int op, long in, long inout, int count, int type);
    }

    private final OpCallback callback = UserOps::call;

    @Override
    public long functionPointer() {
        return Pointer.nativeValue(CallbackReference.getFunctionPointer(callback));
    }
}
