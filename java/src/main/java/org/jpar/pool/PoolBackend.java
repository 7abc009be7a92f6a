package org.jpar.pool;

/** Where a {@link Pool}'s workers run. */
public enum PoolBackend {
    /** Java threads: the pure-Java path. */
    THREADS,
    /** libjpar's pthreads, entering Java through a JNA callback; kernels run in C. */
    PTHREADS
}
