package org.jpar.mpi;

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
                long a = Memory.getIntegral(into, i, type);
                long b = Memory.getIntegral(from, i, type);
                Memory.putIntegral(into, i, type, integral(op, a, b));
            }
        } else {
            for (int i = 0; i < count; i++) {
                double a = Memory.getFloating(into, i, type);
                double b = Memory.getFloating(from, i, type);
                Memory.putFloating(into, i, type, floating(op, a, b));
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
}
