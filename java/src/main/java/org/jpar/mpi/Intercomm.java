package org.jpar.mpi;

import org.jpar.mpi.internal.Scratch;

/**
 * A communicator between two groups of ranks (MPI's intercommunicator): one that
 * {@link Intracomm#createIntercomm} makes of two intracommunicators, or that
 * {@link Intracomm#spawn} returns and {@link Mpi#parent()} finds. Point-to-point calls name the
 * ranks of the other group, and collectives move data between the groups; {@link #merge}
 * makes one intracommunicator of both.
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

    // ------------------------------------------------------------------------- collectives

    /**
     * Returns once every rank of both groups has called it (MPI_Barrier).
     *
     * @throws MpiException if MPI fails
     */
    public void barrier() {
        InterCollectives.barrier(this, false);
    }

    /** Starts a {@link #barrier()} (MPI_Ibarrier). */
    public Request ibarrier() {
        return InterCollectives.barrier(this, true);
    }

    /**
     * Sends the root's {@code buf} to every rank of the other group (MPI_Bcast): the root passes
     * {@link #ROOT}, the rest of its group {@link #PROC_NULL} (their {@code buf} may be null),
     * the other group the root's rank and a buffer to receive into.
     *
     * @throws IllegalArgumentException for a root that is none of those
     */
    public void bcast(Object buf, int root) {
        InterCollectives.bcast(this, buf, root, false);
    }

    /** Starts a {@link #bcast} (MPI_Ibcast). */
    public Request ibcast(Object buf, int root) {
        return InterCollectives.bcast(this, buf, root, true);
    }

    /**
     * Gathers the other group's {@code sendbuf}s, in its rank order, into the root's
     * {@code recvbuf} (MPI_Gather): roots as in {@link #bcast}; the root's recvbuf holds
     * {@link #remoteSize()} equal blocks.
     */
    public void gather(Object sendbuf, Object recvbuf, int root) {
        InterCollectives.gather(this, sendbuf, recvbuf, root, false);
    }

    /** Starts a {@link #gather} (MPI_Igather). */
    public Request igather(Object sendbuf, Object recvbuf, int root) {
        return InterCollectives.gather(this, sendbuf, recvbuf, root, true);
    }

    /**
     * Scatters the root's {@code sendbuf}, {@link #remoteSize()} equal blocks, to the other
     * group's {@code recvbuf}s, block k to its rank k (MPI_Scatter): roots as in {@link #bcast}.
     */
    public void scatter(Object sendbuf, Object recvbuf, int root) {
        InterCollectives.scatter(this, sendbuf, recvbuf, root, false);
    }

    /** Starts a {@link #scatter} (MPI_Iscatter). */
    public Request iscatter(Object sendbuf, Object recvbuf, int root) {
        return InterCollectives.scatter(this, sendbuf, recvbuf, root, true);
    }

    /**
     * Every rank's {@code sendbuf} to every rank of the other group (MPI_Allgather):
     * {@code recvbuf} gets the other group's, in its rank order.
     */
    public void allgather(Object sendbuf, Object recvbuf) {
        InterCollectives.allgather(this, sendbuf, recvbuf, false);
    }

    /** Starts an {@link #allgather} (MPI_Iallgather). */
    public Request iallgather(Object sendbuf, Object recvbuf) {
        return InterCollectives.allgather(this, sendbuf, recvbuf, true);
    }

    /**
     * Block k of {@code sendbuf} to rank k of the other group; {@code recvbuf}'s block k comes
     * from its rank k (MPI_Alltoall). Both hold {@link #remoteSize()} equal blocks.
     */
    public void alltoall(Object sendbuf, Object recvbuf) {
        InterCollectives.alltoall(this, sendbuf, recvbuf, false);
    }

    /** Starts an {@link #alltoall} (MPI_Ialltoall). */
    public Request ialltoall(Object sendbuf, Object recvbuf) {
        return InterCollectives.alltoall(this, sendbuf, recvbuf, true);
    }

    /**
     * Reduces the other group's {@code sendbuf}s with {@code op} into the root's
     * {@code recvbuf} (MPI_Reduce): roots as in {@link #bcast}. The root's recvbuf, and the
     * {@code sendbuf} of the rest of its group, name the element type and count; MPI moves
     * nothing of theirs (Open MPI wants the type and count there too).
     */
    public void reduce(Object sendbuf, Object recvbuf, Op op, int root) {
        InterCollectives.reduce(this, sendbuf, recvbuf, op, root, false);
    }

    /** Starts a {@link #reduce} (MPI_Ireduce). */
    public Request ireduce(Object sendbuf, Object recvbuf, Op op, int root) {
        return InterCollectives.reduce(this, sendbuf, recvbuf, op, root, true);
    }

    /**
     * Each group's {@code recvbuf}s get the other group's {@code sendbuf}s reduced with
     * {@code op} (MPI_Allreduce).
     */
    public void allreduce(Object sendbuf, Object recvbuf, Op op) {
        InterCollectives.allreduce(this, sendbuf, recvbuf, op, false);
    }

    /** Starts an {@link #allreduce} (MPI_Iallreduce). */
    public Request iallreduce(Object sendbuf, Object recvbuf, Op op) {
        return InterCollectives.allreduce(this, sendbuf, recvbuf, op, true);
    }

    /**
     * Gathers the other group's {@code sendbuf}s, of different lengths, into the root's
     * {@code recvbuf} (MPI_Gatherv): their rank k's {@code counts[k]} elements land at
     * {@code displs[k]}, back to back when {@code displs} is null. Roots as in {@link #bcast};
     * the arrays, read on the root only, have {@link #remoteSize()} entries.
     *
     * @throws IllegalArgumentException for a bad root, arrays of another length, negative
     *     entries, or a layout beyond the root's recvbuf
     */
    public void gatherv(Object sendbuf, Object recvbuf, int[] counts, int[] displs, int root) {
        InterCollectives.gatherv(this, sendbuf, recvbuf, counts, displs, root, false);
    }

    /** Starts a {@link #gatherv} (MPI_Igatherv). */
    public Request igatherv(Object sendbuf, Object recvbuf, int[] counts, int[] displs,
                            int root) {
        return InterCollectives.gatherv(this, sendbuf, recvbuf, counts, displs, root, true);
    }

    /**
     * Scatters the root's {@code sendbuf} to the other group (MPI_Scatterv): their rank k gets
     * {@code counts[k]} elements from {@code displs[k]} (back to back when null) into its
     * {@code recvbuf}. Roots as in {@link #bcast}; the arrays are read on the root only.
     *
     * @throws IllegalArgumentException as {@link #gatherv}
     */
    public void scatterv(Object sendbuf, int[] counts, int[] displs, Object recvbuf, int root) {
        InterCollectives.scatterv(this, sendbuf, counts, displs, recvbuf, root, false);
    }

    /** Starts a {@link #scatterv} (MPI_Iscatterv). */
    public Request iscatterv(Object sendbuf, int[] counts, int[] displs, Object recvbuf,
                             int root) {
        return InterCollectives.scatterv(this, sendbuf, counts, displs, recvbuf, root, true);
    }

    /**
     * Every rank's {@code sendbuf}, of its own length, to every rank of the other group
     * (MPI_Allgatherv): {@code recvbuf} gets their rank k's {@code counts[k]} elements at
     * {@code displs[k]}, back to back when {@code displs} is null.
     *
     * @throws IllegalArgumentException as {@link #gatherv}
     */
    public void allgatherv(Object sendbuf, Object recvbuf, int[] counts, int[] displs) {
        InterCollectives.allgatherv(this, sendbuf, recvbuf, counts, displs, false);
    }

    /** Starts an {@link #allgatherv} (MPI_Iallgatherv). */
    public Request iallgatherv(Object sendbuf, Object recvbuf, int[] counts, int[] displs) {
        return InterCollectives.allgatherv(this, sendbuf, recvbuf, counts, displs, true);
    }

    /**
     * Rank k of the other group gets {@code sendcounts[k]} elements from {@code sdispls[k]} of
     * {@code sendbuf}, and {@code recvbuf} gets its block at {@code rdispls[k]}
     * (MPI_Alltoallv). Each array has {@link #remoteSize()} entries; null displacements mean
     * back to back.
     *
     * @throws IllegalArgumentException as {@link Intracomm#alltoallv}
     */
    public void alltoallv(Object sendbuf, int[] sendcounts, int[] sdispls, Object recvbuf,
                          int[] recvcounts, int[] rdispls) {
        InterCollectives.alltoallv(this, sendbuf, sendcounts, sdispls, recvbuf, recvcounts,
            rdispls, false);
    }

    /** Starts an {@link #alltoallv} (MPI_Ialltoallv). */
    public Request ialltoallv(Object sendbuf, int[] sendcounts, int[] sdispls, Object recvbuf,
                              int[] recvcounts, int[] rdispls) {
        return InterCollectives.alltoallv(this, sendbuf, sendcounts, sdispls, recvbuf,
            recvcounts, rdispls, true);
    }

    /**
     * {@link #alltoallv} with a type per rank of the other group and displacements in bytes
     * (MPI_Alltoallw), as {@link Intracomm#alltoallw}.
     *
     * @throws IllegalArgumentException as {@link Intracomm#alltoallw}
     */
    public void alltoallw(Object sendbuf, int[] sendcounts, int[] sdispls, Datatype[] sendtypes,
                          Object recvbuf, int[] recvcounts, int[] rdispls, Datatype[] recvtypes) {
        InterCollectives.alltoallw(this, sendbuf, sendcounts, sdispls, sendtypes, recvbuf,
            recvcounts, rdispls, recvtypes, false);
    }

    /** Starts an {@link #alltoallw} (MPI_Ialltoallw). */
    public Request ialltoallw(Object sendbuf, int[] sendcounts, int[] sdispls,
                              Datatype[] sendtypes, Object recvbuf, int[] recvcounts,
                              int[] rdispls, Datatype[] recvtypes) {
        return InterCollectives.alltoallw(this, sendbuf, sendcounts, sdispls, sendtypes, recvbuf,
            recvcounts, rdispls, recvtypes, true);
    }

    /**
     * Reduces the other group's {@code sendbuf}s with {@code op} and scatters the result over
     * this group (MPI_Reduce_scatter): rank i gets {@code recvcounts[i]} elements.
     * {@code recvcounts} has {@link #size()} entries, and every sendbuf in both groups holds
     * the sum of its group's counts (the two sums must agree).
     *
     * @throws IllegalArgumentException for counts of another length, negative counts, or a
     *     sendbuf shorter than their sum
     */
    public void reduceScatter(Object sendbuf, Object recvbuf, int[] recvcounts, Op op) {
        InterCollectives.reduceScatter(this, sendbuf, recvbuf, recvcounts, op, false);
    }

    /** Starts a {@link #reduceScatter} (MPI_Ireduce_scatter). */
    public Request ireduceScatter(Object sendbuf, Object recvbuf, int[] recvcounts, Op op) {
        return InterCollectives.reduceScatter(this, sendbuf, recvbuf, recvcounts, op, true);
    }

    /**
     * {@link #reduceScatter} in equal blocks of {@code recvbuf}'s count
     * (MPI_Reduce_scatter_block): sendbufs hold {@link #size()} blocks, and both groups'
     * sendbufs the same number of elements.
     *
     * @throws IllegalArgumentException if sendbuf holds fewer than {@code size()} blocks
     */
    public void reduceScatterBlock(Object sendbuf, Object recvbuf, Op op) {
        InterCollectives.reduceScatterBlock(this, sendbuf, recvbuf, op, false);
    }

    /** Starts a {@link #reduceScatterBlock} (MPI_Ireduce_scatter_block). */
    public Request ireduceScatterBlock(Object sendbuf, Object recvbuf, Op op) {
        return InterCollectives.reduceScatterBlock(this, sendbuf, recvbuf, op, true);
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
