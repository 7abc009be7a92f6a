package org.jpar.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class PartitionTest {
    @Test
    void blocksDifferByAtMostOneAndCoverEverything() {
        assertArrayEquals(new int[] {3, 3, 2, 2}, Partition.counts(10, 4));
        assertArrayEquals(new int[] {0, 3, 6, 8}, Partition.offsets(Partition.counts(10, 4)));
        assertArrayEquals(new int[] {1, 1, 0}, Partition.counts(2, 3));
        assertArrayEquals(new int[] {4096}, Partition.counts(4096, 1));
    }
}
