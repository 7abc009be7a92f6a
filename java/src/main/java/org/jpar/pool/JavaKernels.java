package org.jpar.pool;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * The kernels in pure Java, on a pool's Java threads, with the same chunking and the same order
 * of additions as libjpar's C kernels (jpar.h), so both give the same bits.
 */
final class JavaKernels {
    private JavaKernels() {
    }

    /** How many chunks a range of {@code n} splits into on {@code workers} workers. */
    static int chunks(long n, long minParallel, int workers) {
        if (n < minParallel || n < 2) {
            return 1;
        }
        return (int) Math.min(workers, n);
    }

    static long start(long n, int chunk, int chunks) {
        return n * chunk / chunks;
    }

    /**
     * Runs {@code chunk} for every chunk, chunk 0 on the calling thread and the others on the
     * pool, and returns the partial results in chunk order.
     */
    static double[] parallel(Pool pool, int chunks, IntToDoubleFunction chunk)
            throws InterruptedException {
        double[] partials = new double[chunks];
        List<Task<Double>> tasks = new ArrayList<>(chunks - 1);
        for (int c = 1; c < chunks; c++) {
            final int index = c;
            tasks.add(pool.submit(() -> chunk.applyAsDouble(index)));
        }
        partials[0] = chunk.applyAsDouble(0);
        for (int c = 1; c < chunks; c++) {
            partials[c] = tasks.get(c - 1).await(pool.spinNanos());
        }
        return partials;
    }

    static double total(double[] partials) {
        double total = 0;
        for (double p : partials) {
            total += p;
        }
        return total;
    }

    /** Four accumulators, the k-th element of the range into accumulator k % 4. */
    static double sum(DoubleBuffer x, int base, long lo, long hi) {
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
        int i = (int) lo + base;
        int end = (int) hi + base;
        for (; i + 3 < end; i += 4) {
            a0 += x.get(i);
            a1 += x.get(i + 1);
            a2 += x.get(i + 2);
            a3 += x.get(i + 3);
        }
        if (i < end) a0 += x.get(i++);
        if (i < end) a1 += x.get(i++);
        if (i < end) a2 += x.get(i++);
        return (a0 + a1) + (a2 + a3);
    }

    static double sum(FloatBuffer x, int base, long lo, long hi) {
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
        int i = (int) lo + base;
        int end = (int) hi + base;
        for (; i + 3 < end; i += 4) {
            a0 += x.get(i);
            a1 += x.get(i + 1);
            a2 += x.get(i + 2);
            a3 += x.get(i + 3);
        }
        if (i < end) a0 += x.get(i++);
        if (i < end) a1 += x.get(i++);
        if (i < end) a2 += x.get(i++);
        return (a0 + a1) + (a2 + a3);
    }

    static double dot(DoubleBuffer x, int xBase, DoubleBuffer y, int yBase, long lo, long hi) {
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
        int i = (int) lo;
        int end = (int) hi;
        for (; i + 3 < end; i += 4) {
            a0 += x.get(xBase + i) * y.get(yBase + i);
            a1 += x.get(xBase + i + 1) * y.get(yBase + i + 1);
            a2 += x.get(xBase + i + 2) * y.get(yBase + i + 2);
            a3 += x.get(xBase + i + 3) * y.get(yBase + i + 3);
        }
        if (i < end) { a0 += x.get(xBase + i) * y.get(yBase + i); i++; }
        if (i < end) { a1 += x.get(xBase + i) * y.get(yBase + i); i++; }
        if (i < end) { a2 += x.get(xBase + i) * y.get(yBase + i); i++; }
        return (a0 + a1) + (a2 + a3);
    }

    static double dot(FloatBuffer x, int xBase, FloatBuffer y, int yBase, long lo, long hi) {
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
        int i = (int) lo;
        int end = (int) hi;
        for (; i + 3 < end; i += 4) {
            a0 += (double) x.get(xBase + i) * y.get(yBase + i);
            a1 += (double) x.get(xBase + i + 1) * y.get(yBase + i + 1);
            a2 += (double) x.get(xBase + i + 2) * y.get(yBase + i + 2);
            a3 += (double) x.get(xBase + i + 3) * y.get(yBase + i + 3);
        }
        if (i < end) { a0 += (double) x.get(xBase + i) * y.get(yBase + i); i++; }
        if (i < end) { a1 += (double) x.get(xBase + i) * y.get(yBase + i); i++; }
        if (i < end) { a2 += (double) x.get(xBase + i) * y.get(yBase + i); i++; }
        return (a0 + a1) + (a2 + a3);
    }
}
