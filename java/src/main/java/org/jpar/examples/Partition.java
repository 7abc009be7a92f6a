package org.jpar.examples;

/** Splits n items into near-equal contiguous blocks, one per rank, the first ones larger. */
final class Partition {
    private Partition() {
    }

    /** Block sizes: n / parts each, plus one for the first n % parts blocks. */
    static int[] counts(int n, int parts) {
        int[] counts = new int[parts];
        for (int i = 0; i < parts; i++) {
            counts[i] = n / parts + (i < n % parts ? 1 : 0);
        }
        return counts;
    }

    /** Where each block starts. */
    static int[] offsets(int[] counts) {
        int[] offsets = new int[counts.length];
        for (int i = 1; i < counts.length; i++) {
            offsets[i] = offsets[i - 1] + counts[i - 1];
        }
        return offsets;
    }
}
