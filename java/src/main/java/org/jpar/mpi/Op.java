package org.jpar.mpi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jpar.internal.JparH;
import org.jpar.internal.Memory;
import org.jpar.mpi.binding.MpiAbi;
import org.jpar.mpi.internal.ElementType;
import org.jpar.mpi.internal.MpiErrors;
import org.jpar.mpi.internal.OpEntry;
import org.jpar.mpi.internal.UserOps;

/**
 * A reduction operation (MPI_Op), for the reductions of {@link Intracomm} and
 * {@link Mpi#reduceLocal}: MPI's predefined ops, or a Java function made an op with
 * {@link #create}.
 */
public final class Op {
    private enum Kind {
        /** Any primitive type. */
        ARITHMETIC,
        /** Integer types only. */
        INTEGER,
        /** Value-index pair types only. */
        LOCATION,
        /** One-sided accumulate only. */
        ACCUMULATE,
        /** Any type: the function decides. */
        USER
    }

    /** Sum. */
    public static final Op SUM = new Op("SUM", JparH.SUM, Kind.ARITHMETIC);
    /** Product. */
    public static final Op PROD = new Op("PROD", JparH.PROD, Kind.ARITHMETIC);
    /** Minimum. */
    public static final Op MIN = new Op("MIN", JparH.MIN, Kind.ARITHMETIC);
    /** Maximum. */
    public static final Op MAX = new Op("MAX", JparH.MAX, Kind.ARITHMETIC);
    /** Logical and: non-zero is true, the result is 0 or 1. Integer types only. */
    public static final Op LAND = new Op("LAND", JparH.LAND, Kind.INTEGER);
    /** Logical or. Integer types only. */
    public static final Op LOR = new Op("LOR", JparH.LOR, Kind.INTEGER);
    /** Logical exclusive or. Integer types only. */
    public static final Op LXOR = new Op("LXOR", JparH.LXOR, Kind.INTEGER);
    /** Bitwise and. Integer types only. */
    public static final Op BAND = new Op("BAND", JparH.BAND, Kind.INTEGER);
    /** Bitwise or. Integer types only. */
    public static final Op BOR = new Op("BOR", JparH.BOR, Kind.INTEGER);
    /** Bitwise exclusive or. Integer types only. */
    public static final Op BXOR = new Op("BXOR", JparH.BXOR, Kind.INTEGER);
    /**
     * The smallest value and its index, the smallest index among equal values. Value-index pair
     * types only ({@link Datatype#DOUBLE_INT} and its kin, {@link PairBuffer}).
     */
    public static final Op MINLOC = new Op("MINLOC", JparH.MINLOC, Kind.LOCATION);
    /** The largest value and its index, the smallest index among equal values. Pairs only. */
    public static final Op MAXLOC = new Op("MAXLOC", JparH.MAXLOC, Kind.LOCATION);
    /**
     * The origin's value replaces the target's. MPI defines it for one-sided accumulate only; a
     * reduction with it throws {@link IllegalArgumentException}.
     */
    public static final Op REPLACE = new Op("REPLACE", JparH.REPLACE, Kind.ACCUMULATE);
    /** The target's value stays. One-sided accumulate only, as {@link #REPLACE}. */
    public static final Op NO_OP = new Op("NO_OP", JparH.NO_OP, Kind.ACCUMULATE);

    private final String name;
    private final Kind kind;
    private final boolean commutative;
    /** jpar.h's op number; -1 once a user op is freed. */
    private volatile int code;
    /** The MPI bindings this user op was created in (MPI_Op_create runs once in each). */
    private final Set<MpiAbi> createdIn;

    private Op(String name, int code, Kind kind) {
        this(name, code, kind, true);
    }

    private Op(String name, int code, Kind kind, boolean commutative) {
        this.name = name;
        this.code = code;
        this.kind = kind;
        this.commutative = commutative;
        this.createdIn = kind == Kind.USER ? ConcurrentHashMap.newKeySet() : null;
    }

    /**
     * Makes {@code function} a reduction op (MPI_Op_create). MPI combines values in rank order
     * for an op that is not {@code commutative}, and in any order otherwise. What the function
     * throws reaches the reduction call on the rank whose MPI ran it; that call's results are
     * then undefined, and the communicator stays usable. At most 64 user ops are live at once;
     * {@link #free} gives one back.
     *
     * @throws NullPointerException if {@code function} is null
     * @throws IllegalStateException when 64 user ops are live
     */
    public static Op create(UserFunction function, boolean commutative) {
        Objects.requireNonNull(function, "function must not be null");
        UserOps.Body body = (in, inout, count, type) -> {
            ElementType t = ElementType.of(type);
            int bytes = Math.multiplyExact(count, t.bytes);
            ByteBuffer a = Memory.wrap(in, bytes).asReadOnlyBuffer().order(ByteOrder.nativeOrder());
            function.apply(a, Memory.wrap(inout, bytes), count, Datatype.of(t));
        };
        int slot = UserOps.add(body);
        return new Op("user op " + slot, JparH.OP_COUNT + slot, Kind.USER, commutative);
    }

    /** Whether MPI may combine values in any order (MPI_Op_commutative). */
    public boolean isCommutative() {
        return commutative;
    }

    /** Whether this op was made by {@link #create}. */
    public boolean isUserDefined() {
        return kind == Kind.USER;
    }

    /**
     * Frees a user-defined op (MPI_Op_free); a reduction with it afterwards throws
     * {@link IllegalStateException}. Idempotent.
     *
     * @throws UnsupportedOperationException for a predefined op
     */
    public synchronized void free() {
        if (kind != Kind.USER) {
            throw new UnsupportedOperationException("predefined ops cannot be freed: " + name);
        }
        int c = code;
        if (c < 0) {
            return;
        }
        code = -1;
        for (MpiAbi abi : createdIn) {
            abi.jpar_op_free(c - JparH.OP_COUNT);
        }
        createdIn.clear();
        UserOps.remove(c - JparH.OP_COUNT);
    }

    /**
     * jpar.h's number of this op for a reduction on {@code type} through {@code abi}: checks
     * that the op applies to the type, and creates a user op in {@code abi} on first use.
     *
     * @throws NullPointerException if the op is null
     * @throws IllegalArgumentException if the op does not apply to the type
     * @throws IllegalStateException for a freed op
     */
    static int code(Op op, ElementType type, MpiAbi abi) {
        if (op == null) {
            throw new NullPointerException("op must not be null");
        }
        String wrong = switch (op.kind) {
            case ARITHMETIC -> type.isPair() ? "a primitive element type" : null;
            case INTEGER -> type.integral ? null : "an integer element type";
            case LOCATION -> type.isPair() ? null : "a value-index pair type (Datatype.DOUBLE_INT"
                + " and its kin, PairBuffer)";
            case ACCUMULATE -> "one-sided accumulate (MPI defines it for no reduction)";
            case USER -> null;
        };
        if (wrong != null) {
            throw new IllegalArgumentException("op " + op + " needs " + wrong + ": type="
                + type.name().toLowerCase());
        }
        return op.kind == Kind.USER ? op.userCode(abi) : op.code;
    }

    private int userCode(MpiAbi abi) {
        int c = code;
        if (c < 0) {
            throw new IllegalStateException(name + " was freed");
        }
        if (!createdIn.contains(abi)) {
            synchronized (this) {
                if (code < 0) {
                    throw new IllegalStateException(name + " was freed");
                }
                if (!createdIn.contains(abi)) {
                    int rc = abi.jpar_op_create(c - JparH.OP_COUNT, commutative ? 1 : 0,
                        OpEntry.get().functionPointer());
                    if (rc != 0) {
                        throw MpiErrors.exception(abi, rc, "Op.create");
                    }
                    createdIn.add(abi);
                }
            }
        }
        return c;
    }

    @Override
    public String toString() {
        return name;
    }
}
