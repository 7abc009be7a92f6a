package org.jpar.mpi.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The type maps of MPI's datatype constructors, by MPI 3.1's definitions (section 4.1): what
 * each places where, and its bounds. Arguments are checked by the caller. Internal to jpar.
 */
public final class TypeMaps {
    private TypeMaps() {
    }

    /** {@code count} blocks of {@code blocklength} old elements, {@code stride} bytes apart. */
    public static TypeMap hvector(int count, int blocklength, long stride, TypeMap old) {
        TypeMap.Builder b = new TypeMap.Builder().block(old, 0, 0);
        for (int i = 0; i < count; i++) {
            b.block(old, Math.multiplyExact(i, stride), blocklength);
        }
        return b.build(false);
    }

    /** Blocks of {@code blocklengths[i]} old elements at byte displacements {@code displs[i]}. */
    public static TypeMap hindexed(int[] blocklengths, long[] displs, TypeMap old) {
        TypeMap.Builder b = new TypeMap.Builder().block(old, 0, 0);
        for (int i = 0; i < displs.length; i++) {
            b.block(old, displs[i], blocklengths[i]);
        }
        return b.build(false);
    }

    /** Blocks of {@code blocklengths[i]} elements of {@code types[i]} at {@code displs[i]}. */
    public static TypeMap struct(int[] blocklengths, long[] displs, TypeMap[] types) {
        TypeMap.Builder b = new TypeMap.Builder();
        for (int i = 0; i < displs.length; i++) {
            b.block(types[i], displs[i], blocklengths[i]);
        }
        return b.build(true);
    }

    /** {@code map} with new bounds. */
    public static TypeMap resized(TypeMap map, long lb, long extent) {
        return map.resized(lb, extent);
    }

    /**
     * A subarray of an array of {@code sizes} old elements: the {@code subsizes} box from
     * {@code starts}, in the array's order, with the whole array's extent.
     */
    public static TypeMap subarray(int[] sizes, int[] subsizes, int[] starts, boolean fortran,
                                   TypeMap old) {
        int[][] indices = new int[sizes.length][];
        for (int d = 0; d < sizes.length; d++) {
            indices[d] = new int[subsizes[d]];
            for (int i = 0; i < subsizes[d]; i++) {
                indices[d][i] = starts[d] + i;
            }
        }
        return grid(sizes, indices, fortran, old);
    }

    /** MPI_DISTRIBUTE_BLOCK, MPI_DISTRIBUTE_CYCLIC, MPI_DISTRIBUTE_NONE. */
    public static final int BLOCK = 0;
    public static final int CYCLIC = 1;
    public static final int NONE = 2;
    /** MPI_DISTRIBUTE_DFLT_DARG. */
    public static final int DEFAULT_DARG = -1;

    /**
     * Process {@code rank}'s part of a {@code gsizes} array distributed over a {@code psizes}
     * process grid (in row-major order, as MPI has it), each dimension by block, cyclically in
     * blocks of {@code dargs[d]}, or not at all; the whole array's extent.
     */
    public static TypeMap darray(int rank, int[] gsizes, int[] distribs, int[] dargs,
                                 int[] psizes, boolean fortran, TypeMap old) {
        int n = gsizes.length;
        int[] coords = new int[n];
        for (int d = n - 1, r = rank; d >= 0; d--) {
            coords[d] = r % psizes[d];
            r /= psizes[d];
        }
        int[][] indices = new int[n][];
        for (int d = 0; d < n; d++) {
            indices[d] = owned(gsizes[d], distribs[d], dargs[d], psizes[d], coords[d]);
        }
        return grid(gsizes, indices, fortran, old);
    }

    /** The indices of a dimension of {@code g} that process {@code c} of {@code p} holds. */
    private static int[] owned(int g, int distrib, int darg, int p, int c) {
        List<Integer> mine = new ArrayList<>();
        if (distrib == NONE) {
            for (int i = 0; i < g; i++) {
                mine.add(i);
            }
        } else if (distrib == BLOCK) {
            int b = darg == DEFAULT_DARG ? (g + p - 1) / p : darg;
            for (int i = c * b; i < Math.min(g, (c + 1) * b); i++) {
                mine.add(i);
            }
        } else {
            int b = darg == DEFAULT_DARG ? 1 : darg;
            for (int start = c * b; start < g; start += p * b) {
                for (int i = start; i < Math.min(g, start + b); i++) {
                    mine.add(i);
                }
            }
        }
        return mine.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The elements of an array of {@code sizes} at every combination of {@code indices}, the
     * fastest dimension last (C) or first (Fortran), resized to the whole array.
     */
    private static TypeMap grid(int[] sizes, int[][] indices, boolean fortran, TypeMap old) {
        int n = sizes.length;
        long[] stride = new long[n];
        long elements = 1;
        for (int k = 0; k < n; k++) {
            int d = fortran ? k : n - 1 - k;
            stride[d] = elements;
            elements = Math.multiplyExact(elements, sizes[d]);
        }
        TypeMap.Builder b = new TypeMap.Builder().block(old, 0, 0);
        int[] at = new int[n];
        boolean empty = false;
        for (int[] idx : indices) {
            empty |= idx.length == 0;
        }
        while (!empty) {
            long offset = 0;
            for (int d = 0; d < n; d++) {
                offset += indices[d][at[d]] * stride[d];
            }
            b.block(old, Math.multiplyExact(offset, old.extent()), 1);
            // The odometer: the fastest dimension turns first.
            int k = 0;
            for (; k < n; k++) {
                int d = fortran ? k : n - 1 - k;
                if (++at[d] < indices[d].length) {
                    break;
                }
                at[d] = 0;
            }
            if (k == n) {
                break;
            }
        }
        return b.build(false).resized(0, Math.multiplyExact(elements, old.extent()));
    }
}
