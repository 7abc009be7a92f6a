package org.jpar.pool;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.CallbackThreadInitializer;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import org.jpar.internal.JparH;

/**
 * The JNA worker entry: a callback whose threads attach to the JVM once, as daemons, for their
 * whole life, and detach when they exit (JNA would otherwise attach and detach on every call).
 */
final class JnaWorkerEntry extends WorkerEntry {
    /** jpar_pool_callback. */
    interface TaskCallback extends Callback {
        void invoke(long task, int worker);
    }

    private final TaskCallback callback;

    JnaWorkerEntry(Handler handler, String threadName) {
        this.callback = (task, worker) -> {
            handler.run(task, worker);
            if (task == JparH.POOL_WORKER_EXIT) {
                Native.detach(true);
            }
        };
        Native.setCallbackThreadInitializer(callback,
            new CallbackThreadInitializer(true, false, threadName));
    }

    @Override
    long functionPointer() {
        return Pointer.nativeValue(CallbackReference.getFunctionPointer(callback));
    }

    @Override
    String binding() {
        return "jna";
    }
}
