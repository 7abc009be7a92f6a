package org.jpar.mpi;

import org.jpar.internal.Memory;

/**
 * The dynamic-process part of {@link MpiAbi} for backends that have none (local, openmpi): no
 * process has a parent, so no intercommunicator exists. {@link Intracomm#spawn} refuses these
 * backends before calling, so the rest answer MPI_ERR_OTHER.
 */
interface WithoutDynamicProcesses extends MpiAbi {
    /** MPI_ERR_OTHER. */
    int ERR_OTHER = 16;

    @Override
    default int jpar_comm_remote_size(long comm, long size) {
        return ERR_OTHER;
    }

    @Override
    default int jpar_comm_disconnect(long comm) {
        return ERR_OTHER;
    }

    @Override
    default int jpar_comm_get_parent(long parent) {
        Memory.putLong(parent, 0L);
        return 0;
    }

    @Override
    default int jpar_comm_spawn(long command, long argv, int maxprocs, long info, int root,
                                long comm, long intercomm, long errcodes) {
        return ERR_OTHER;
    }
}
