package org.jpar.mpi;

/**
 * A communicator with a topology ({@link Cartcomm}, {@link Graphcomm}, {@link Distgraphcomm}):
 * its neighbours, and the collectives that exchange with them alone (MPI's neighbour
 * collectives), each blocking and nonblocking. Block k of a receive buffer comes from source k,
 * block k of a send buffer goes to destination k; a neighbour that is {@link #PROC_NULL} (off a
 * non-periodic edge) leaves its block as it was.
 */
public abstract sealed class Topocomm extends Intracomm
        permits Cartcomm, Graphcomm, Distgraphcomm {
    /** Set once by each topology's constructor: a topology does not change. */
    private int[] sources;
    private int[] destinations;

    Topocomm(Mpi mpi, long handle) {
        super(mpi, handle, false);
    }

    /** Records this rank's neighbours, once, as the subclass's constructor learns them. */
    final void neighbors(int[] in, int[] out) {
        sources = in;
        destinations = out;
    }

    /** The ranks this one receives from in a neighbour collective, in order. */
    public final int[] sources() {
        return sources.clone();
    }

    /** The ranks this one sends to in a neighbour collective, in order. */
    public final int[] destinations() {
        return destinations.clone();
    }

    /** How many ranks a neighbour collective receives from. */
    final int inDegree() {
        return sources.length;
    }

    /** How many ranks a neighbour collective sends to. */
    final int outDegree() {
        return destinations.length;
    }

    /**
     * Sends {@code sendbuf} to every destination and receives each source's into its block of
     * {@code recvbuf} (MPI_Neighbor_allgather).
     *
     * @throws IllegalArgumentException if recvbuf holds fewer than sources × sendbuf's count
     *     elements, or the types differ
     */
    public void neighborAllgather(Object sendbuf, Object recvbuf) {
        NeighborCollectives.allgather(this, sendbuf, recvbuf, false);
    }

    /** {@link #neighborAllgather} started (MPI_Ineighbor_allgather). */
    public Request ineighborAllgather(Object sendbuf, Object recvbuf) {
        return NeighborCollectives.allgather(this, sendbuf, recvbuf, true);
    }

    /**
     * {@link #neighborAllgather} with a count and displacement per neighbour
     * (MPI_Neighbor_allgatherv); null displacements mean back to back.
     */
    public void neighborAllgatherv(Object sendbuf, Object recvbuf, int[] counts, int[] displs) {
        NeighborCollectives.allgatherv(this, sendbuf, recvbuf, counts, displs, false);
    }

    /** {@link #neighborAllgatherv} started (MPI_Ineighbor_allgatherv). */
    public Request ineighborAllgatherv(Object sendbuf, Object recvbuf, int[] counts,
                                       int[] displs) {
        return NeighborCollectives.allgatherv(this, sendbuf, recvbuf, counts, displs, true);
    }

    /**
     * Sends block k of {@code sendbuf} to destination k and receives source k's block into
     * block k of {@code recvbuf} (MPI_Neighbor_alltoall): the halo exchange of a stencil code.
     *
     * @throws IllegalArgumentException if sendbuf's count does not divide by the destinations,
     *     recvbuf is smaller, or the types differ
     */
    public void neighborAlltoall(Object sendbuf, Object recvbuf) {
        NeighborCollectives.alltoall(this, sendbuf, recvbuf, false);
    }

    /** {@link #neighborAlltoall} started (MPI_Ineighbor_alltoall). */
    public Request ineighborAlltoall(Object sendbuf, Object recvbuf) {
        return NeighborCollectives.alltoall(this, sendbuf, recvbuf, true);
    }

    /**
     * {@link #neighborAlltoall} with a count and displacement per neighbour on each side
     * (MPI_Neighbor_alltoallv); null displacements mean back to back.
     */
    public void neighborAlltoallv(Object sendbuf, int[] sendcounts, int[] sdispls,
                                  Object recvbuf, int[] recvcounts, int[] rdispls) {
        NeighborCollectives.alltoallv(this, sendbuf, sendcounts, sdispls, recvbuf, recvcounts,
            rdispls, false);
    }

    /** {@link #neighborAlltoallv} started (MPI_Ineighbor_alltoallv). */
    public Request ineighborAlltoallv(Object sendbuf, int[] sendcounts, int[] sdispls,
                                      Object recvbuf, int[] recvcounts, int[] rdispls) {
        return NeighborCollectives.alltoallv(this, sendbuf, sendcounts, sdispls, recvbuf,
            recvcounts, rdispls, true);
    }

    /**
     * {@link #neighborAlltoallv} with a type per neighbour (MPI_Neighbor_alltoallw): counts in
     * each neighbour's {@link Datatype}, displacements in bytes of buffers read as bytes, as
     * {@link Intracomm#alltoallw}.
     *
     * @throws IllegalArgumentException if an array does not have one entry per destination
     *     (send side) or source (receive side), or a block reaches beyond its buffer
     * @throws UnsupportedOperationException on the openmpi backend, whose mpi.jar lacks it
     */
    public void neighborAlltoallw(Object sendbuf, int[] sendcounts, int[] sdispls,
                                  Datatype[] sendtypes, Object recvbuf, int[] recvcounts,
                                  int[] rdispls, Datatype[] recvtypes) {
        NeighborCollectives.alltoallw(this, sendbuf, sendcounts, sdispls, sendtypes, recvbuf,
            recvcounts, rdispls, recvtypes, false);
    }

    /** {@link #neighborAlltoallw} started (MPI_Ineighbor_alltoallw). */
    public Request ineighborAlltoallw(Object sendbuf, int[] sendcounts, int[] sdispls,
                                      Datatype[] sendtypes, Object recvbuf, int[] recvcounts,
                                      int[] rdispls, Datatype[] recvtypes) {
        return NeighborCollectives.alltoallw(this, sendbuf, sendcounts, sdispls, sendtypes,
            recvbuf, recvcounts, rdispls, recvtypes, true);
    }
}
