package org.jpar.bench;

import mpi.MPI;
import mpi.MPIException;

/** Open MPI's own Java bindings, initialized directly (not through jpar), for their suites. */
public final class MpiJarRanks {
    private MpiJarRanks() {
    }

    /** MPI_Init_thread through mpi.jar; returns this rank. */
    public static int init() throws MPIException {
        MPI.InitThread(new String[0], MPI.THREAD_MULTIPLE);
        return MPI.COMM_WORLD.getRank();
    }

    /** MPI_Finalize through mpi.jar. */
    public static void finish() throws MPIException {
        MPI.Finalize();
    }
}
