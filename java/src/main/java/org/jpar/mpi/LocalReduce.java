package org.jpar.mpi;

import org.jpar.internal.Memory;

/**
 * Element-wise reduction for the pure-Java backend, with MPI's meaning for every op: integer
 * types wrap as C's do, logical ops yield 0 or 1.
 */
final class LocalReduce {
    private LocalReduce() {
    }

    /** {@code into[i] = into[i] op from[i]} for {@code count} elements at two addresses. */
    static void combine(long into, long from, int count, ElementType type, Op op) {
        if (type.integral) {
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

    private static long integral(Op op, long a, long b) {
        return switch (op) {
            case SUM -> a + b;
            case PROD -> a * b;
            case MIN -> Math.min(a, b);
            case MAX -> Math.max(a, b);
            case LAND -> (a != 0 && b != 0) ? 1 : 0;
            case LOR -> (a != 0 || b != 0) ? 1 : 0;
            case LXOR -> ((a != 0) != (b != 0)) ? 1 : 0;
            case BAND -> a & b;
            case BOR -> a | b;
            case BXOR -> a ^ b;
        };
    }

    private static double floating(Op op, double a, double b) {
        return switch (op) {
            case SUM -> a + b;
            case PROD -> a * b;
            case MIN -> Math.min(a, b);
            case MAX -> Math.max(a, b);
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
