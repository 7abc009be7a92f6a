package org.jpar.mpi.conformance;

import java.util.Objects;

/** Assertions for programs that run under mpirun, outside JUnit. */
final class Check {
    private Check() {
    }

    static void equal(Object expected, Object actual, String what) {
        if (!Objects.equals(expected, actual)) {
            throw new AssertionError(what + ": expected " + expected + " but was " + actual);
        }
    }

    static void isTrue(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    /** Runs {@code body} and returns what it threw, failing if it threw nothing or another type. */
    static <E extends Throwable> E raises(Class<E> type, Runnable body, String what) {
        try {
            body.run();
        } catch (Throwable t) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            throw new AssertionError(what + ": expected " + type.getSimpleName() + " but got " + t, t);
        }
        throw new AssertionError(what + ": expected " + type.getSimpleName() + ", nothing thrown");
    }

    /** Asserts that every element i of {@code buf} from {@code from} is {@code f(i)}. */
    static void elements(Object buf, int from, int count, java.util.function.IntToLongFunction f,
                         String what) {
        for (int i = 0; i < count; i++) {
            long actual = Values.get(buf, from + i);
            long expected = f.applyAsLong(i);
            if (actual != expected) {
                throw new AssertionError(what + ": element " + i + " expected " + expected
                    + " but was " + actual);
            }
        }
    }
}
