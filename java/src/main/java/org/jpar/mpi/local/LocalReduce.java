package org.jpar.mpi.local;

import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import org.jpar.internal.JparH;
import org.jpar.internal.Memory;
import org.jpar.mpi.internal.ElementType;
import org.jpar.mpi.internal.UserOps;

/**
 * Element-wise reduction for the pure-Java backend, with MPI's meaning for every op: integer
 * types wrap as C's do, logical ops yield 0 or 1, MINLOC and MAXLOC keep the smallest index
 * among equal values, and user ops run their Java function as MPI would call it.
 */
final class LocalReduce {
    private LocalReduce() {
    }

    /**
     * {@code into[i] = into[i] op from[i]} for {@code count} elements at two addresses:
     * {@code into} holds the lower ranks' result, as MPI orders a non-commutative op.
     */
    static void combine(long into, long from, int count, ElementType type, int op) {
        if (UserOps.isUser(op)) {
            // A user function computes inout = in op inout: the lower ranks' result goes in.
            long bytes = (long) count * type.bytes;
            ByteBuffer copy = ByteBuffer.allocateDirect((int) Math.max(1, bytes));
            long at = Memory.address(copy);
            Memory.copy(from, at, bytes);
            UserOps.call(op, into, at, count, type.code);
            Memory.copy(at, into, bytes);
            Reference.reachabilityFence(copy);
        } else if (type.isPair()) {
            for (int i = 0; i < count; i++) {
                locate(into + (long) i * type.bytes, from + (long) i * type.bytes, type, op);
            }
        } else if (type.integral) {
            for (int i = 0; i < count; i++) {
                long a = getIntegral(into, i, type);
                long b = getIntegral(from, i, type);
                putIntegral(into, i, type, integral(op, a, b));
            }
        } else {
            for (int i = 0; i < count; i++) {
                double a = getFloating(into, i, type);
                double b = getFloating(from, i, type);
                putFloating(into, i, type, floating(op, a, b));
            }
        }
    }

    /** {@code inout[i] = in[i] op inout[i]}: MPI_Reduce_local's order. */
    static void reduceLocal(long in, long inout, int count, ElementType type, int op) {
        if (UserOps.isUser(op)) {
            UserOps.call(op, in, inout, count, type.code);
        } else {
            combine(inout, in, count, type, op);
        }
    }

    /** MINLOC or MAXLOC of the pairs at {@code into} and {@code from}, into {@code into}. */
    private static void locate(long into, long from, ElementType type, int op) {
        int c = type.value == ElementType.DOUBLE || type.value == ElementType.FLOAT
            ? Double.compare(getFloating(from, 0, type.value), getFloating(into, 0, type.value))
            : Long.compare(getIntegral(from, 0, type.value), getIntegral(into, 0, type.value));
        if (op == JparH.MAXLOC) {
            c = -c;
        } else if (op != JparH.MINLOC) {
            throw new IllegalArgumentException("op " + op + " is not MINLOC or MAXLOC on a pair");
        }
        int fromIndex = Memory.getInt(from + type.indexOffset);
        if (c < 0 || (c == 0 && fromIndex < Memory.getInt(into + type.indexOffset))) {
            Memory.copy(from, into, type.bytes);
        }
    }

    private static long integral(int op, long a, long b) {
        return switch (op) {
            case JparH.SUM -> a + b;
            case JparH.PROD -> a * b;
            case JparH.MIN -> Math.min(a, b);
            case JparH.MAX -> Math.max(a, b);
            case JparH.LAND -> (a != 0 && b != 0) ? 1 : 0;
            case JparH.LOR -> (a != 0 || b != 0) ? 1 : 0;
            case JparH.LXOR -> ((a != 0) != (b != 0)) ? 1 : 0;
            case JparH.BAND -> a & b;
            case JparH.BOR -> a | b;
            case JparH.BXOR -> a ^ b;
            default -> throw new IllegalArgumentException("no such op: op=" + op);
        };
    }

    private static double floating(int op, double a, double b) {
        return switch (op) {
            case JparH.SUM -> a + b;
            case JparH.PROD -> a * b;
            case JparH.MIN -> Math.min(a, b);
            case JparH.MAX -> Math.max(a, b);
            default -> throw new IllegalArgumentException("op " + op + " needs an integer type");
        };
    }

    /** Element {@code i} of an array of {@code type} at {@code base}, widened to a long. */
    private static long getIntegral(long base, int i, ElementType type) {
        long at = base + (long) i * type.bytes;
        return switch (type) {
            case BYTE -> Memory.getByte(at);
            case SHORT -> Memory.getShort(at);
            case INT -> Memory.getInt(at);
            case LONG -> Memory.getLong(at);
            case CHAR -> Memory.getChar(at);
            default -> throw new IllegalArgumentException("not integral: " + type);
        };
    }

    /** Stores {@code value}, narrowed to {@code type}, as element {@code i}. */
    private static void putIntegral(long base, int i, ElementType type, long value) {
        long at = base + (long) i * type.bytes;
        switch (type) {
            case BYTE -> Memory.putByte(at, (byte) value);
            case SHORT -> Memory.putShort(at, (short) value);
            case INT -> Memory.putInt(at, (int) value);
            case LONG -> Memory.putLong(at, value);
            case CHAR -> Memory.putChar(at, (char) value);
            default -> throw new IllegalArgumentException("not integral: " + type);
        }
    }

    private static double getFloating(long base, int i, ElementType type) {
        long at = base + (long) i * type.bytes;
        return type == ElementType.FLOAT ? Memory.getFloat(at) : Memory.getDouble(at);
    }

    private static void putFloating(long base, int i, ElementType type, double value) {
        long at = base + (long) i * type.bytes;
        if (type == ElementType.FLOAT) {
            Memory.putFloat(at, (float) value);
        } else {
            Memory.putDouble(at, value);
        }
    }
}
