package org.jpar.mpi.internal;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.jpar.internal.Memory;

/**
 * A datatype's type map, as MPI defines it: runs of primitive elements at byte offsets, with the
 * bounds (lower bound, upper bound, the data's true bounds), the size, and how Java packs the
 * elements into contiguous memory and back. Runs of one type that touch are merged, so a
 * contiguous block is one run whatever its length. Internal to jpar: public only so that its
 * packages can share it.
 */
public final class TypeMap {
    private final long[] offsets;
    private final ElementType[] types;
    private final int[] counts;
    /** MPI_Type_get_extent's lower bound and lower bound + extent. */
    public final long lb;
    public final long ub;
    /** MPI_Type_get_true_extent's bounds: where the data begins and ends. */
    public final long trueLb;
    public final long trueUb;
    /** MPI_Type_size: the bytes of data in one element. */
    public final long size;
    /** Whether the bounds were set by a resize (MPI's sticky lb and ub markers). */
    final boolean explicitBounds;
    /** The one primitive type of all runs, or BYTE when they mix types. */
    public final ElementType base;
    /** Base elements per element of this type: what packs one element. */
    public final long primitives;
    /** The largest alignment of a primitive in the map: a struct's extent is a multiple of it. */
    final int alignment;

    private TypeMap(long[] offsets, ElementType[] types, int[] counts, long lb, long ub,
                    boolean explicitBounds, ElementType emptyBase) {
        this.offsets = offsets;
        this.types = types;
        this.counts = counts;
        this.lb = lb;
        this.ub = ub;
        this.explicitBounds = explicitBounds;
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        long bytes = 0;
        long items = 0;
        // A map with no data keeps its parts' primitive, so it fits their buffers.
        ElementType common = types.length == 0 ? emptyBase : types[0];
        int align = 1;
        for (int i = 0; i < offsets.length; i++) {
            ElementType t = types[i];
            lo = Math.min(lo, offsets[i]);
            hi = Math.max(hi, offsets[i] + (long) (counts[i] - 1) * t.bytes + trueExtent(t));
            bytes += (long) counts[i] * t.size;
            items += counts[i];
            if (t != common) {
                common = null;
            }
            align = Math.max(align, alignment(t));
        }
        this.trueLb = offsets.length == 0 ? 0 : lo;
        this.trueUb = offsets.length == 0 ? 0 : hi;
        this.size = bytes;
        this.base = common == null ? ElementType.BYTE : common;
        this.primitives = common == null ? packedBytes() : items;
        this.alignment = align;
    }

    /** The map of one primitive: itself at offset 0. */
    public static TypeMap of(ElementType t) {
        return new TypeMap(new long[] {0}, new ElementType[] {t}, new int[] {1}, 0, t.bytes,
            false, t);
    }

    /** The extent, ub - lb. */
    public long extent() {
        return ub - lb;
    }

    /** The true extent, trueUb - trueLb. */
    public long trueExtent() {
        return trueUb - trueLb;
    }

    private static long trueExtent(ElementType t) {
        return t.isPair() ? t.indexOffset + Integer.BYTES : t.bytes;
    }

    private static int alignment(ElementType t) {
        return t.isPair() ? Math.max(t.value.bytes, Integer.BYTES) : t.bytes;
    }

    /**
     * The primitive elements in {@code bytes} bytes of a message of this type
     * (MPI_Get_elements), or -1 when they end inside a primitive.
     */
    public long elements(long bytes) {
        if (size == 0) {
            return bytes == 0 ? 0 : -1;
        }
        long items = 0;
        for (int count : counts) {
            items += count;
        }
        long whole = bytes / size;
        long rest = bytes % size;
        long n = whole * items;
        for (int i = 0; i < counts.length && rest > 0; i++) {
            long take = Math.min(counts[i], rest / types[i].size);
            n += take;
            rest -= take * types[i].size;
            if (take < counts[i]) {
                break;
            }
        }
        return rest == 0 ? n : -1;
    }

    /** The bytes one element packs into: its primitives back to back (a pair with its padding). */
    public long packedBytes() {
        long bytes = 0;
        for (int i = 0; i < counts.length; i++) {
            bytes += (long) counts[i] * types[i].bytes;
        }
        return bytes;
    }

    // ------------------------------------------------------------------------------ building

    /** Copies of maps at byte displacements: what every constructor makes, before its bounds. */
    static final class Builder {
        private long[] offsets = new long[8];
        private ElementType[] types = new ElementType[8];
        private int[] counts = new int[8];
        private int n;
        private long lb = Long.MAX_VALUE;
        private long ub = Long.MIN_VALUE;
        private long markedLb = Long.MAX_VALUE;
        private long markedUb = Long.MIN_VALUE;
        private boolean any;
        private boolean marked;
        private int alignment = 1;
        /** The parts' one primitive, BYTE when they differ: an empty map's base. */
        private ElementType partsBase;

        /** {@code blocklength} copies of {@code old}, one extent apart, from {@code displ}. */
        Builder block(TypeMap old, long displ, int blocklength) {
            partsBase = partsBase == null || partsBase == old.base ? old.base : ElementType.BYTE;
            for (int j = 0; j < blocklength; j++) {
                long at = Math.addExact(displ, Math.multiplyExact(j, old.extent()));
                for (int i = 0; i < old.offsets.length; i++) {
                    add(at + old.offsets[i], old.types[i], old.counts[i]);
                }
            }
            if (blocklength > 0) {
                long first = displ + old.lb;
                long last = displ + (long) (blocklength - 1) * old.extent() + old.ub;
                long lo = Math.min(first, last - old.extent());
                long hi = Math.max(last, first + old.extent());
                if (old.explicitBounds) {
                    marked = true;
                    markedLb = Math.min(markedLb, lo);
                    markedUb = Math.max(markedUb, hi);
                }
                lb = Math.min(lb, lo);
                ub = Math.max(ub, hi);
                any = true;
                alignment = Math.max(alignment, old.alignment);
            }
            return this;
        }

        private void add(long offset, ElementType t, int count) {
            if (n > 0 && types[n - 1] == t && offsets[n - 1] + (long) counts[n - 1] * t.bytes
                    == offset && counts[n - 1] <= Integer.MAX_VALUE - count) {
                counts[n - 1] += count;
                return;
            }
            if (n == offsets.length) {
                offsets = Arrays.copyOf(offsets, 2 * n);
                types = Arrays.copyOf(types, 2 * n);
                counts = Arrays.copyOf(counts, 2 * n);
            }
            offsets[n] = offset;
            types[n] = t;
            counts[n] = count;
            n++;
        }

        /**
         * The map, with MPI's bounds: the blocks' (a resized type's markers win where there
         * are any), and for a struct the extent rounded up to the largest alignment.
         */
        TypeMap build(boolean padToAlignment) {
            long lo = !any ? 0 : marked ? markedLb : lb;
            long hi = !any ? 0 : marked ? markedUb : ub;
            if (padToAlignment && !marked && any) {
                long extent = hi - lo;
                hi = lo + (extent + alignment - 1) / alignment * alignment;
            }
            return new TypeMap(Arrays.copyOf(offsets, n), Arrays.copyOf(types, n),
                Arrays.copyOf(counts, n), lo, hi, marked,
                partsBase == null ? ElementType.BYTE : partsBase);
        }
    }

    /** This map with its bounds set to {@code lb} and {@code lb + extent} (MPI_Type_create_resized). */
    TypeMap resized(long newLb, long extent) {
        return new TypeMap(offsets, types, counts, newLb, newLb + extent, true, base);
    }

    // ------------------------------------------------------------------------- pack and unpack

    /**
     * Copies the first {@code limit} base elements of {@code count} elements of this type, from
     * {@code buf} (the first element at byte {@code origin}), into {@code to} from its start,
     * back to back.
     */
    public void pack(Object buf, long origin, int count, long limit, ByteBuffer to) {
        move(buf, origin, count, limit, to, true);
    }

    /** The reverse of {@link #pack}: from {@code from}'s start into {@code buf}. */
    public void unpack(ByteBuffer from, Object buf, long origin, int count, long limit) {
        move(buf, origin, count, limit, from, false);
    }

    private void move(Object buf, long origin, int count, long limit, ByteBuffer packed,
                      boolean pack) {
        long left = limit * (base == ElementType.BYTE && primitives == packedBytes() ? 1
            : base.bytes);
        long at = 0;
        boolean direct = Buffers.isDirect(buf);
        long address = direct ? Memory.address((Buffer) buf) : 0;
        long packedAddress = Memory.address(packed);
        for (int e = 0; e < count && left > 0; e++) {
            long element = origin + (long) e * extent();
            for (int i = 0; i < offsets.length && left > 0; i++) {
                long bytes = Math.min(left, (long) counts[i] * types[i].bytes);
                long from = element + offsets[i];
                if (direct) {
                    if (pack) {
                        Memory.copy(address + from, packedAddress + at, bytes);
                    } else {
                        Memory.copy(packedAddress + at, address + from, bytes);
                    }
                } else {
                    Buffers.moveHeap(buf, from, packed, at, bytes, pack);
                }
                at += bytes;
                left -= bytes;
            }
        }
    }
}
