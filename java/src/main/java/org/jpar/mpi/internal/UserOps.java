package org.jpar.mpi.internal;

import org.jpar.internal.JparH;

/**
 * The JVM's user-defined reduction ops, by slot (jpar.h's op number JPAR_OP_COUNT + slot), and
 * the one entry through which MPI, or a Java backend, calls them. An exception from a user
 * function must not leave a native callback, so the entry keeps it for the thread that ran the
 * op, and the reduction call on that thread throws it when it returns. Internal to jpar: public
 * only so that its packages can share it.
 */
public final class UserOps {
    /** A user op as the entry calls it: {@code inout[i] = in[i] op inout[i]}. */
    public interface Body {
        void apply(long in, long inout, int count, int type);
    }

    private static final Body[] SLOTS = new Body[JparH.USER_OPS];
    private static final ThreadLocal<Throwable> FAILED = new ThreadLocal<>();
    /** Failures kept and not yet thrown: 0 lets the hot path skip the thread-local. */
    private static volatile int failures;

    private UserOps() {
    }

    /**
     * Takes a free slot for {@code body}.
     *
     * @throws IllegalStateException when all {@link JparH#USER_OPS} slots hold live ops
     */
    public static synchronized int add(Body body) {
        for (int i = 0; i < SLOTS.length; i++) {
            if (SLOTS[i] == null) {
                SLOTS[i] = body;
                return i;
            }
        }
        throw new IllegalStateException("at most " + JparH.USER_OPS
            + " user-defined ops may be live at once: free() the ones no longer needed");
    }

    /** Frees a slot taken by {@link #add}. */
    public static synchronized void remove(int slot) {
        SLOTS[slot] = null;
    }

    /** Whether {@code op} is a user op's number. */
    public static boolean isUser(int op) {
        return op >= JparH.OP_COUNT && op < JparH.OP_COUNT + JparH.USER_OPS;
    }

    /**
     * Runs user op {@code op}; what it throws is kept for this thread (see {@link #rethrow}).
     * Never throws: native code may be below.
     */
    public static void call(int op, long in, long inout, int count, int type) {
        try {
            Body body = SLOTS[op - JparH.OP_COUNT];
            if (body == null) {
                throw new IllegalStateException("user-defined op " + op + " was freed while in use");
            }
            body.apply(in, inout, count, type);
        } catch (Throwable t) {
            record(t);
        }
    }

    /** Keeps {@code t} for this thread, unless it already holds one. */
    public static void record(Throwable t) {
        if (FAILED.get() == null) {
            FAILED.set(t);
            synchronized (UserOps.class) {
                failures++;
            }
        }
    }

    /** Takes this thread's kept failure, or null. */
    public static Throwable take() {
        if (failures == 0) {
            return null;
        }
        Throwable t = FAILED.get();
        if (t != null) {
            FAILED.remove();
            synchronized (UserOps.class) {
                failures--;
            }
        }
        return t;
    }

    /** Throws what a user op running on this thread threw since the last call. */
    public static void rethrow() {
        Throwable t = take();
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException("a user-defined op threw " + t, t);
        }
    }
}
