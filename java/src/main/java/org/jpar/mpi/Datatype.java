package org.jpar.mpi;

import java.util.Arrays;
import java.util.Objects;
import org.jpar.mpi.internal.ElementType;
import org.jpar.mpi.internal.TypeMap;
import org.jpar.mpi.internal.TypeMaps;

/**
 * An MPI datatype (MPI_Datatype). The predefined ones are the element types of Java's buffers
 * and arrays, which a buffer call takes from the buffer itself and a {@link Status} counts
 * received elements in, and MPI's value-index pairs for {@link Op#MINLOC} and {@link Op#MAXLOC},
 * which a {@link PairBuffer} holds.
 *
 * <p>Derived datatypes describe data that lies apart: a matrix column, a block of a grid, a
 * struct's fields. A constructor ({@link #createVector} and its kin, as mpi4py's
 * {@code Create_vector}) makes one, {@link #commit} readies it for messages, and a
 * {@link TypedBuffer} pairs it with a buffer and a count for any buffer call:
 *
 * <pre>{@code
 * Datatype column = Datatype.DOUBLE.createVector(n, 1, n).commit();  // a column of n x n
 * comm.send(TypedBuffer.of(matrix, 1, column), dest, tag);           // from its position
 * column.free();
 * }</pre>
 *
 * A derived datatype belongs to no communicator; the rank that made it may use it with any.
 */
public final class Datatype {
    /** How a subarray or distributed array lies in memory: row-major (C) or column-major. */
    public enum Order {
        /** The last dimension varies fastest (MPI_ORDER_C). */
        C,
        /** The first dimension varies fastest (MPI_ORDER_FORTRAN). */
        FORTRAN
    }

    /** How {@link #createDarray} spreads a dimension over the processes. */
    public enum Distribution {
        /** In one block per process (MPI_DISTRIBUTE_BLOCK). */
        BLOCK,
        /** Round robin, in blocks of the dimension's darg (MPI_DISTRIBUTE_CYCLIC). */
        CYCLIC,
        /** Not at all: every process has the whole dimension (MPI_DISTRIBUTE_NONE). */
        NONE
    }

    /** A darg that asks for MPI's default block size (MPI_DISTRIBUTE_DFLT_DARG). */
    public static final int DEFAULT_DARG = TypeMaps.DEFAULT_DARG;

    /** Bytes ({@code ByteBuffer}, {@code byte[]}): MPI_INT8_T. */
    public static final Datatype BYTE = new Datatype(ElementType.BYTE);
    /** {@code short}: MPI_INT16_T. */
    public static final Datatype SHORT = new Datatype(ElementType.SHORT);
    /** {@code int}: MPI_INT32_T. */
    public static final Datatype INT = new Datatype(ElementType.INT);
    /** {@code long}: MPI_INT64_T. */
    public static final Datatype LONG = new Datatype(ElementType.LONG);
    /** {@code float}: MPI_FLOAT. */
    public static final Datatype FLOAT = new Datatype(ElementType.FLOAT);
    /** {@code double}: MPI_DOUBLE. */
    public static final Datatype DOUBLE = new Datatype(ElementType.DOUBLE);
    /** Java's {@code char}, a 16-bit unsigned integer: MPI_UINT16_T. */
    public static final Datatype CHAR = new Datatype(ElementType.CHAR);
    /** A {@code double} value and an {@code int} index: MPI_DOUBLE_INT, 16 bytes apart. */
    public static final Datatype DOUBLE_INT = new Datatype(ElementType.DOUBLE_INT);
    /** A {@code float} value and an {@code int} index: MPI_FLOAT_INT, 8 bytes apart. */
    public static final Datatype FLOAT_INT = new Datatype(ElementType.FLOAT_INT);
    /** A {@code long} value and an {@code int} index: MPI_LONG_INT, 16 bytes apart. */
    public static final Datatype LONG_INT = new Datatype(ElementType.LONG_INT);
    /** An {@code int} value and an {@code int} index: MPI_2INT, 8 bytes apart. */
    public static final Datatype INT_INT = new Datatype(ElementType.INT_INT);
    /** A {@code short} value and an {@code int} index: MPI_SHORT_INT, 8 bytes apart. */
    public static final Datatype SHORT_INT = new Datatype(ElementType.SHORT_INT);

    private static final Datatype[] BY_CODE = {BYTE, SHORT, INT, LONG, FLOAT, DOUBLE, CHAR,
        DOUBLE_INT, FLOAT_INT, LONG_INT, INT_INT, SHORT_INT};

    /** A predefined type's element type; null for a derived type. */
    final ElementType element;
    final TypeMap map;
    /** What made a derived type, for toString. */
    private final String recipe;
    private volatile boolean committed;
    private volatile boolean freed;
    /** A derived type's MPI datatypes, made in a native binding on first use; null if predefined. */
    private final NativeTypes natives;

    private Datatype(ElementType element) {
        this.element = element;
        this.map = TypeMap.of(element);
        this.recipe = element.name();
        this.committed = true;
        this.natives = null;
    }

    private Datatype(TypeMap map, String recipe, NativeTypes.Recipe make) {
        this.element = null;
        this.map = map;
        this.recipe = recipe;
        this.natives = new NativeTypes(make);
    }

    static Datatype of(ElementType element) {
        return BY_CODE[element.code];
    }

    // --------------------------------------------------------------------------- properties

    /** The bytes of data in one element (MPI_Type_size): a pair's without its padding. */
    public int size() {
        return Math.toIntExact(map.size);
    }

    /** The bytes from one element to the next in memory (MPI_Type_get_extent). */
    public long extent() {
        return map.extent();
    }

    /** Where an element begins, relative to its address (MPI_Type_get_extent's lb). */
    public long lowerBound() {
        return map.lb;
    }

    /** The bytes from an element's first data to its last (MPI_Type_get_true_extent). */
    public long trueExtent() {
        return map.trueExtent();
    }

    /** Where an element's data begins, relative to its address (the true lower bound). */
    public long trueLowerBound() {
        return map.trueLb;
    }

    /** Whether this is one of MPI's value-index pair types. */
    public boolean isPair() {
        return element != null && element.isPair();
    }

    /** Whether this is one of MPI's predefined types, not a derived one. */
    public boolean isPredefined() {
        return element != null;
    }

    /** Whether messages may use it: a predefined type, or a derived one committed and not freed. */
    public boolean isCommitted() {
        return committed && !freed;
    }

    // ------------------------------------------------------------------------- constructors

    /**
     * {@code count} elements of this type back to back (MPI_Type_contiguous).
     *
     * @throws IllegalArgumentException for a negative count
     * @throws IllegalStateException if this type is freed
     */
    public Datatype createContiguous(int count) {
        usable();
        nonNegative(count, "count");
        return derived(TypeMaps.hvector(count, 1, map.extent(), map), "contiguous(" + count
            + ", " + this + ")", (mpi, a) -> mpi.abi.jpar_type_contiguous(count, partCode(mpi),
            a.out()));
    }

    /**
     * {@code count} blocks of {@code blocklength} elements, the blocks' starts {@code stride}
     * elements apart (MPI_Type_vector): a matrix column is {@code createVector(rows, 1, columns)}.
     *
     * @throws IllegalArgumentException for a negative count or blocklength
     * @throws IllegalStateException if this type is freed
     */
    public Datatype createVector(int count, int blocklength, int stride) {
        usable();
        nonNegative(count, "count");
        nonNegative(blocklength, "blocklength");
        return derived(TypeMaps.hvector(count, blocklength, stride * map.extent(), map),
            "vector(" + count + ", " + blocklength + ", " + stride + ", " + this + ")",
            (mpi, a) -> mpi.abi.jpar_type_vector(count, blocklength, stride, partCode(mpi),
                a.out()));
    }

    /**
     * As {@link #createVector}, the stride in bytes (MPI_Type_create_hvector).
     *
     * @throws IllegalArgumentException for a negative count or blocklength
     */
    public Datatype createHvector(int count, int blocklength, long strideBytes) {
        usable();
        nonNegative(count, "count");
        nonNegative(blocklength, "blocklength");
        return derived(TypeMaps.hvector(count, blocklength, strideBytes, map), "hvector(" + count
            + ", " + blocklength + ", " + strideBytes + "B, " + this + ")",
            (mpi, a) -> mpi.abi.jpar_type_hvector(count, blocklength, strideBytes, partCode(mpi),
                a.out()));
    }

    /**
     * Blocks of {@code blocklengths[i]} elements at {@code displacements[i]} elements
     * (MPI_Type_indexed).
     *
     * @throws IllegalArgumentException if the arrays' lengths differ or a blocklength is negative
     */
    public Datatype createIndexed(int[] blocklengths, int[] displacements) {
        usable();
        blocks(blocklengths, displacements.length);
        int[] lengths = blocklengths.clone();
        int[] displs = displacements.clone();
        return derived(TypeMaps.hindexed(lengths, scaled(displs), map),
            "indexed(" + Arrays.toString(lengths) + ", " + Arrays.toString(displs)
            + ", " + this + ")", (mpi, a) -> mpi.abi.jpar_type_indexed(lengths.length,
            a.ints(lengths), a.ints(displs), partCode(mpi), a.out()));
    }

    /**
     * Blocks of {@code blocklength} elements at {@code displacements[i]} elements
     * (MPI_Type_create_indexed_block).
     *
     * @throws IllegalArgumentException for a negative blocklength
     */
    public Datatype createIndexedBlock(int blocklength, int[] displacements) {
        usable();
        nonNegative(blocklength, "blocklength");
        int[] lengths = new int[displacements.length];
        Arrays.fill(lengths, blocklength);
        int[] displs = displacements.clone();
        return derived(TypeMaps.hindexed(lengths, scaled(displs), map), "indexedBlock("
            + blocklength + ", " + Arrays.toString(displs) + ", " + this + ")",
            (mpi, a) -> mpi.abi.jpar_type_indexed_block(displs.length, blocklength, a.ints(displs),
                partCode(mpi), a.out()));
    }

    /**
     * Blocks of {@code blocklengths[i]} elements at {@code displacements[i]} bytes
     * (MPI_Type_create_hindexed).
     *
     * @throws IllegalArgumentException if the arrays' lengths differ or a blocklength is negative
     */
    public Datatype createHindexed(int[] blocklengths, long[] displacements) {
        usable();
        blocks(blocklengths, displacements.length);
        int[] lengths = blocklengths.clone();
        long[] displs = displacements.clone();
        return derived(TypeMaps.hindexed(lengths, displs, map), "hindexed("
            + Arrays.toString(lengths) + ", " + Arrays.toString(displs) + "B, " + this + ")",
            (mpi, a) -> mpi.abi.jpar_type_hindexed(lengths.length, a.ints(lengths), a.longs(displs),
                partCode(mpi), a.out()));
    }

    /**
     * A struct: {@code blocklengths[i]} elements of {@code types[i]} at {@code displacements[i]}
     * bytes (MPI_Type_create_struct). Its extent is rounded up to its largest field alignment,
     * as C pads a struct.
     *
     * @throws IllegalArgumentException if the arrays' lengths differ or a blocklength is negative
     * @throws NullPointerException if a type is null
     * @throws IllegalStateException if a type is freed
     */
    public static Datatype createStruct(int[] blocklengths, long[] displacements,
                                        Datatype[] types) {
        blocks(blocklengths, displacements.length);
        if (types.length != blocklengths.length) {
            throw new IllegalArgumentException("types and blocklengths must have the same length: "
                + types.length + " and " + blocklengths.length);
        }
        TypeMap[] maps = new TypeMap[types.length];
        Datatype[] parts = types.clone();
        for (int i = 0; i < parts.length; i++) {
            Objects.requireNonNull(parts[i], "types[" + i + "] must not be null").usable();
            maps[i] = parts[i].map;
        }
        int[] lengths = blocklengths.clone();
        long[] displs = displacements.clone();
        return new Datatype(TypeMaps.struct(lengths, displs, maps), "struct("
            + Arrays.toString(lengths) + ", " + Arrays.toString(displs) + "B, "
            + Arrays.toString(parts) + ")", (mpi, a) -> {
                int[] codes = new int[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    codes[i] = parts[i].partCode(mpi);
                }
                return mpi.abi.jpar_type_struct(lengths.length, a.ints(lengths), a.longs(displs),
                    a.ints(codes), a.out());
            });
    }

    /**
     * The {@code subsizes} block from {@code starts} of an array of {@code sizes} elements
     * (MPI_Type_create_subarray), with the whole array's extent.
     *
     * @throws IllegalArgumentException if the arrays' lengths differ, or a block does not lie
     *     within the array
     */
    public Datatype createSubarray(int[] sizes, int[] subsizes, int[] starts, Order order) {
        usable();
        Objects.requireNonNull(order, "order must not be null");
        sameLength(sizes, subsizes.length, "sizes", "subsizes");
        sameLength(sizes, starts.length, "sizes", "starts");
        for (int d = 0; d < sizes.length; d++) {
            if (sizes[d] < 1 || subsizes[d] < 1 || subsizes[d] > sizes[d] || starts[d] < 0
                    || starts[d] > sizes[d] - subsizes[d]) {
                throw new IllegalArgumentException("dimension " + d + " needs 1 <= subsize <= size"
                    + " and 0 <= start <= size - subsize: size=" + sizes[d] + ", subsize="
                    + subsizes[d] + ", start=" + starts[d]);
            }
        }
        int[] whole = sizes.clone();
        int[] sub = subsizes.clone();
        int[] from = starts.clone();
        boolean fortran = order == Order.FORTRAN;
        return derived(TypeMaps.subarray(whole, sub, from, fortran, map),
            "subarray(" + Arrays.toString(whole) + ", " + Arrays.toString(sub) + ", "
            + Arrays.toString(from) + ", " + order + ", " + this + ")",
            (mpi, a) -> mpi.abi.jpar_type_subarray(whole.length, a.ints(whole), a.ints(sub),
                a.ints(from), fortran ? 1 : 0, partCode(mpi), a.out()));
    }

    /**
     * Process {@code rank}'s part of a {@code gsizes} array distributed over a {@code psizes}
     * grid of {@code size} processes in row-major order (MPI_Type_create_darray), with the whole
     * array's extent. {@code dargs[d]} is a dimension's block size, or {@link #DEFAULT_DARG}.
     *
     * @throws IllegalArgumentException if the lengths differ, {@code psizes} does not multiply to
     *     {@code size}, the rank is outside it, or a distribution cannot hold its dimension
     */
    public Datatype createDarray(int size, int rank, int[] gsizes, Distribution[] distribs,
                                 int[] dargs, int[] psizes, Order order) {
        usable();
        Objects.requireNonNull(order, "order must not be null");
        int n = gsizes.length;
        sameLength(gsizes, distribs.length, "gsizes", "distribs");
        sameLength(gsizes, dargs.length, "gsizes", "dargs");
        sameLength(gsizes, psizes.length, "gsizes", "psizes");
        long product = 1;
        int[] kinds = new int[n];
        for (int d = 0; d < n; d++) {
            product *= psizes[d];
            kinds[d] = Objects.requireNonNull(distribs[d], "distribs[" + d + "]").ordinal();
            checkDistribution(d, gsizes[d], distribs[d], dargs[d], psizes[d]);
        }
        if (product != size || rank < 0 || rank >= size) {
            throw new IllegalArgumentException("psizes must multiply to size and rank lie in it: "
                + "psizes=" + Arrays.toString(psizes) + ", size=" + size + ", rank=" + rank);
        }
        int[] g = gsizes.clone();
        int[] args = dargs.clone();
        int[] grid = psizes.clone();
        boolean fortran = order == Order.FORTRAN;
        return derived(TypeMaps.darray(rank, g, kinds, args, grid, fortran, map), "darray("
            + size + ", " + rank + ", " + Arrays.toString(g) + ", " + Arrays.toString(distribs)
            + ", " + Arrays.toString(args) + ", " + Arrays.toString(grid) + ", " + order + ", "
            + this + ")", (mpi, a) -> mpi.abi.jpar_type_darray(size, rank, n, a.ints(g),
            a.ints(kinds), a.ints(args), a.ints(grid), fortran ? 1 : 0, partCode(mpi),
            a.out()));
    }

    private static void checkDistribution(int d, int g, Distribution how, int darg, int p) {
        boolean ok = g >= 1 && p >= 1 && switch (how) {
            case NONE -> p == 1;
            case BLOCK -> darg == DEFAULT_DARG || (darg >= 1 && (long) darg * p >= g);
            case CYCLIC -> darg == DEFAULT_DARG || darg >= 1;
        };
        if (!ok) {
            throw new IllegalArgumentException("dimension " + d + " cannot be distributed " + how
                + " with darg " + darg + " over " + p + " processes: gsize=" + g);
        }
    }

    /**
     * This type with its lower bound and extent set (MPI_Type_create_resized): the stride of
     * consecutive elements becomes {@code extent}.
     */
    public Datatype createResized(long lb, long extent) {
        usable();
        return derived(TypeMaps.resized(map, lb, extent), "resized(" + lb + ", " + extent + ", "
            + this + ")", (mpi, a) -> mpi.abi.jpar_type_resized(partCode(mpi), lb, extent,
            a.out()));
    }

    /** A copy of this type (MPI_Type_dup), committed if this one is. */
    public Datatype dup() {
        usable();
        Datatype copy = derived(map, recipe, (mpi, a) -> mpi.abi.jpar_type_dup(partCode(mpi),
            a.out()));
        copy.committed = committed;
        return copy;
    }

    private Datatype derived(TypeMap m, String what, NativeTypes.Recipe make) {
        return new Datatype(m, what, make);
    }

    // ------------------------------------------------------------------------------ life

    /**
     * Readies a derived type for messages (MPI_Type_commit); predefined types are committed.
     *
     * @return this type
     * @throws IllegalStateException if it is freed
     */
    public Datatype commit() {
        usable();
        committed = true;
        return this;
    }

    /**
     * Frees a derived type (MPI_Type_free): messages with it afterwards throw
     * {@link IllegalStateException}; messages in flight are not affected. Idempotent.
     *
     * @throws UnsupportedOperationException for a predefined type
     */
    public void free() {
        if (element != null) {
            throw new UnsupportedOperationException("predefined types cannot be freed: " + this);
        }
        freed = true;
        natives.free();
    }

    /**
     * jpar.h's number of this type in {@code mpi}'s native binding: a predefined type's, or the
     * MPI datatype made for a derived one on its first use there.
     *
     * @throws IllegalStateException if the type is freed
     * @throws MpiException if MPI cannot make it
     */
    int nativeCode(Mpi mpi) {
        if (element != null) {
            return element.code;
        }
        usable();
        return natives.code(mpi, this);
    }

    /**
     * {@link #nativeCode} for a type built on this one, which MPI lets outlive it: a freed type
     * is made again for it (and kept, so at most once per MPI).
     */
    int partCode(Mpi mpi) {
        return element != null ? element.code : natives.code(mpi, this);
    }

    /** Throws unless the type is committed and not freed: a message may use it. */
    void checkUsableInMessages() {
        usable();
        if (!committed) {
            throw new IllegalStateException("commit() the type before messages use it: " + this);
        }
    }

    /** Throws if the type is freed. */
    void usable() {
        if (freed) {
            throw new IllegalStateException("the type is freed: " + this);
        }
    }

    private long[] scaled(int[] displacements) {
        long[] bytes = new long[displacements.length];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = displacements[i] * map.extent();
        }
        return bytes;
    }

    private static void nonNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + name + "=" + value);
        }
    }

    private static void sameLength(int[] first, int length, String a, String b) {
        if (first.length != length) {
            throw new IllegalArgumentException(a + " and " + b + " must have the same length: "
                + first.length + " and " + length);
        }
    }

    /** Blocklengths of the same count as the displacements, none negative. */
    private static void blocks(int[] blocklengths, int displacements) {
        sameLength(blocklengths, displacements, "blocklengths", "displacements");
        for (int v : blocklengths) {
            if (v < 0) {
                throw new IllegalArgumentException("blocklengths must not be negative: "
                    + Arrays.toString(blocklengths));
            }
        }
    }

    @Override
    public String toString() {
        return recipe;
    }
}
