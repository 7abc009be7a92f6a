package org.jpar.mpi;

/** How two groups or communicators compare (MPI_Group_compare, MPI_Comm_compare). */
public enum Comparison {
    /** The same object (communicators), or the same members in the same order (groups). */
    IDENT,
    /** Communicators with the same members in the same order, but different contexts. */
    CONGRUENT,
    /** The same members in a different order. */
    SIMILAR,
    /** Different members. */
    UNEQUAL
}
