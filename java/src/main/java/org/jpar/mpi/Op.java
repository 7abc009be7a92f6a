package org.jpar.mpi;

/** MPI's predefined reduction operations, for {@link Comm#reduce} and {@link Comm#allreduce}. */
public enum Op {
    /** Sum. */
    SUM(0, true),
    /** Product. */
    PROD(1, true),
    /** Minimum. */
    MIN(2, true),
    /** Maximum. */
    MAX(3, true),
    /** Logical and: non-zero is true, the result is 0 or 1. Integer types only. */
    LAND(4, false),
    /** Logical or. Integer types only. */
    LOR(5, false),
    /** Logical exclusive or. Integer types only. */
    LXOR(6, false),
    /** Bitwise and. Integer types only. */
    BAND(7, false),
    /** Bitwise or. Integer types only. */
    BOR(8, false),
    /** Bitwise exclusive or. Integer types only. */
    BXOR(9, false);

    final int code;
    private final boolean floatingPoint;

    Op(int code, boolean floatingPoint) {
        this.code = code;
        this.floatingPoint = floatingPoint;
    }

    /** The op with jpar.h's number {@code code}. */
    static Op of(int code) {
        return values()[code];
    }

    /** Whether MPI defines this op on the type: logical and bitwise ops want integers. */
    boolean supports(ElementType type) {
        return type.integral || floatingPoint;
    }
}
