package org.jpar.mpi;

import org.jpar.internal.JparH;
import org.jpar.mpi.internal.ElementType;

/** MPI's predefined reduction operations, for {@link Comm#reduce} and {@link Comm#allreduce}. */
public enum Op {
    /** Sum. */
    SUM(JparH.SUM, true),
    /** Product. */
    PROD(JparH.PROD, true),
    /** Minimum. */
    MIN(JparH.MIN, true),
    /** Maximum. */
    MAX(JparH.MAX, true),
    /** Logical and: non-zero is true, the result is 0 or 1. Integer types only. */
    LAND(JparH.LAND, false),
    /** Logical or. Integer types only. */
    LOR(JparH.LOR, false),
    /** Logical exclusive or. Integer types only. */
    LXOR(JparH.LXOR, false),
    /** Bitwise and. Integer types only. */
    BAND(JparH.BAND, false),
    /** Bitwise or. Integer types only. */
    BOR(JparH.BOR, false),
    /** Bitwise exclusive or. Integer types only. */
    BXOR(JparH.BXOR, false);

    final int code;
    private final boolean floatingPoint;

    Op(int code, boolean floatingPoint) {
        this.code = code;
        this.floatingPoint = floatingPoint;
    }

    /** Whether MPI defines this op on the type: logical and bitwise ops want integers. */
    boolean supports(ElementType type) {
        return type.integral || floatingPoint;
    }
}
