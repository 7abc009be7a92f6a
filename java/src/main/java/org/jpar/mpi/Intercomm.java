package org.jpar.mpi;

import org.jpar.mpi.internal.Scratch;

/**
 * A communicator between two groups of ranks (MPI's intercommunicator): one that
 * {@link Intracomm#createIntercomm} makes of two intracommunicators, or that
 * {@link Intracomm#spawn} returns and {@link Mpi#parent()} finds. Point-to-point calls name the
 * ranks of the other group; {@link #merge} makes one intracommunicator of both.
 */
public final class Intercomm extends Comm {
    private final int remoteSize;

    Intercomm(Mpi mpi, long handle) {
        super(mpi, handle, false);
        Scratch s = Scratch.get();
        check(abi.jpar_comm_remote_size(handle, s.outAddress + Scratch.INT), "remoteSize");
        this.remoteSize = s.out.getInt(Scratch.INT);
    }

    /** The size of the other group, whose ranks point-to-point calls name. */
    public int remoteSize() {
        return remoteSize;
    }

    /** The other group (MPI_Comm_remote_group), whose ranks point-to-point calls name. */
    public Group remoteGroup() {
        return Intercomms.remoteGroup(this);
    }

    /**
     * One intracommunicator of both groups (MPI_Intercomm_merge), collective over both: the
     * group whose ranks pass {@code high = false} comes first (a tie orders the groups as MPI
     * chooses), each in its own rank order.
     *
     * @throws IllegalStateException after free or disconnect
     * @throws MpiException if MPI fails
     */
    public Intracomm merge(boolean high) {
        return Intercomms.merge(this, high);
    }

    @Override
    int peers() {
        return remoteSize;
    }

    /**
     * Ends the connection (MPI_Comm_disconnect, collective over both groups), waiting for its
     * pending messages; later calls on it throw {@link IllegalStateException}. Idempotent.
     */
    public void disconnect() {
        release("disconnect", true);
    }

    @Override
    public String toString() {
        return "Intercomm[rank=" + rank + ", size=" + size + ", remoteSize=" + remoteSize
            + (handle == 0L ? ", freed" : "") + "]";
    }
}
