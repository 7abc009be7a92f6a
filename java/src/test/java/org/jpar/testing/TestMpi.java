package org.jpar.testing;

import org.jpar.mpi.Mpi;

/**
 * The one MPI of an in-process test JVM (MPI initializes once per process): a singleton of
 * size 1, finalized by jpar's shutdown hook when the JVM exits.
 */
public final class TestMpi {
    private static Mpi mpi;

    private TestMpi() {
    }

    /** Initializes MPI on first use. */
    public static synchronized Mpi get() {
        if (mpi == null) {
            mpi = Mpi.init(new String[0]);
        }
        return mpi;
    }
}
