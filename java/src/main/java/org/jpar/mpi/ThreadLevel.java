package org.jpar.mpi;

/** MPI's thread support levels, lowest first. */
public enum ThreadLevel {
    /** Only one thread will run. */
    SINGLE,
    /** Only the thread that initialized MPI will call it. */
    FUNNELED,
    /** Any thread may call MPI, one at a time. */
    SERIALIZED,
    /** Any thread may call MPI at any time: jpar's default. */
    MULTIPLE
}
