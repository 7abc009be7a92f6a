package org.jpar.mpi;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BinaryOperator;
import org.jpar.internal.Memory;
import org.jpar.mpi.internal.ElementType;
import org.jpar.mpi.internal.MessageBuffer;
import org.jpar.mpi.internal.ObjectMessages;
import org.jpar.mpi.internal.Scratch;

/**
 * A communicator within one group of ranks (MPI's intracommunicator), such as
 * {@link Mpi#world()}: point to point as every {@link Comm}, plus collectives and new
 * communicators. In a collective, the send and receive sides have one element type, and an
 * argument error on one rank leaves the others waiting, as in MPI: give every rank the same
 * shapes.
 */
public sealed class Intracomm extends Comm permits Topocomm {
    /**
     * MPI_IN_PLACE: passed as a collective's {@code sendbuf}, the rank's data is taken from
     * {@code recvbuf} (reductions, scans, allgather, alltoall; gather's root finds its own block
     * there already), and the result overwrites it; passed as scatter's {@code recvbuf} on the
     * root, the root keeps its block where it is. Off the root, rooted collectives refuse it.
     */
    public static final Object IN_PLACE = new Object() {
        @Override
        public String toString() {
            return "IN_PLACE";
        }
    };

    Intracomm(Mpi mpi, long handle, boolean predefined) {
        super(mpi, handle, predefined);
    }

    @Override
    int peers() {
        return size;
    }

    // ------------------------------------------------------------------------------ collectives
    //
    // Each collective has a nonblocking form, named with an i in front as in MPI, which returns a
    // Request: its buffers (and count arrays) must stay untouched until the request completes,
    // and heap storage receives its data when it does.

    /** Blocks until every rank has called it (MPI_Barrier). */
    public void barrier() {
        Collectives.barrier(this, false);
    }

    /** Starts a barrier (MPI_Ibarrier): the request completes once every rank has started it. */
    public Request ibarrier() {
        return Collectives.barrier(this, true);
    }

    /**
     * Copies {@code root}'s buffer into every other rank's (MPI_Bcast). Every rank passes a
     * buffer of the same type and element count.
     *
     * @throws IllegalArgumentException for a bad root or a read-only buffer off the root
     */
    public void bcast(Object buf, int root) {
        Collectives.bcast(this, buf, root, false);
    }

    /** {@link #bcast} started (MPI_Ibcast). */
    public Request ibcast(Object buf, int root) {
        return Collectives.bcast(this, buf, root, true);
    }

    /**
     * Combines every rank's {@code sendbuf} element-wise with {@code op} into {@code root}'s
     * {@code recvbuf} (MPI_Reduce). {@code recvbuf} is used on the root only and may be null
     * elsewhere.
     *
     * @throws IllegalArgumentException if the op does not apply to the type (logical and bitwise
     *     ops want integers), the types differ, or the root's recvbuf is too small
     */
    public void reduce(Object sendbuf, Object recvbuf, Op op, int root) {
        Collectives.reduce(this, sendbuf, recvbuf, op, root, false);
    }

    /** {@link #reduce} started (MPI_Ireduce). */
    public Request ireduce(Object sendbuf, Object recvbuf, Op op, int root) {
        return Collectives.reduce(this, sendbuf, recvbuf, op, root, true);
    }

    /**
     * Combines every rank's {@code sendbuf} element-wise with {@code op} into every rank's
     * {@code recvbuf} (MPI_Allreduce).
     *
     * @throws IllegalArgumentException as {@link #reduce}
     */
    public void allreduce(Object sendbuf, Object recvbuf, Op op) {
        Collectives.allreduce(this, sendbuf, recvbuf, op, false);
    }

    /** {@link #allreduce} started (MPI_Iallreduce). */
    public Request iallreduce(Object sendbuf, Object recvbuf, Op op) {
        return Collectives.allreduce(this, sendbuf, recvbuf, op, true);
    }

    /**
     * Rank i's {@code recvbuf} gets the combination with {@code op} of ranks 0 to i's
     * {@code sendbuf}s, in rank order (MPI_Scan).
     *
     * @throws IllegalArgumentException as {@link #allreduce}
     */
    public void scan(Object sendbuf, Object recvbuf, Op op) {
        Collectives.prefix(this, "scan", sendbuf, recvbuf, op, false, false);
    }

    /** {@link #scan} started (MPI_Iscan). */
    public Request iscan(Object sendbuf, Object recvbuf, Op op) {
        return Collectives.prefix(this, "scan", sendbuf, recvbuf, op, false, true);
    }

    /**
     * Rank i's {@code recvbuf} gets the combination with {@code op} of ranks 0 to i-1's
     * {@code sendbuf}s (MPI_Exscan); rank 0's {@code recvbuf} is left as it was.
     *
     * @throws IllegalArgumentException as {@link #allreduce}
     */
    public void exscan(Object sendbuf, Object recvbuf, Op op) {
        Collectives.prefix(this, "exscan", sendbuf, recvbuf, op, true, false);
    }

    /** {@link #exscan} started (MPI_Iexscan). */
    public Request iexscan(Object sendbuf, Object recvbuf, Op op) {
        return Collectives.prefix(this, "exscan", sendbuf, recvbuf, op, true, true);
    }

    /**
     * Combines every rank's {@code sendbuf} with {@code op} and scatters the result in blocks of
     * {@code recvbuf}'s count: rank i gets block i (MPI_Reduce_scatter_block). {@code sendbuf}
     * holds {@code size()} blocks.
     *
     * @throws IllegalArgumentException if sendbuf's count isn't {@code size()} times recvbuf's,
     *     or as {@link #allreduce}
     */
    public void reduceScatterBlock(Object sendbuf, Object recvbuf, Op op) {
        Collectives.reduceScatterBlock(this, sendbuf, recvbuf, op, false);
    }

    /** {@link #reduceScatterBlock} started (MPI_Ireduce_scatter_block). */
    public Request ireduceScatterBlock(Object sendbuf, Object recvbuf, Op op) {
        return Collectives.reduceScatterBlock(this, sendbuf, recvbuf, op, true);
    }

    /**
     * Combines every rank's {@code sendbuf} with {@code op} and scatters the result: rank i gets
     * the next {@code recvcounts[i]} elements (MPI_Reduce_scatter).
     *
     * @throws IllegalArgumentException if recvcounts doesn't have one non-negative entry per
     *     rank, sendbuf holds fewer than their sum, recvbuf fewer than this rank's, or as
     *     {@link #allreduce}
     */
    public void reduceScatter(Object sendbuf, Object recvbuf, int[] recvcounts, Op op) {
        Collectives.reduceScatter(this, sendbuf, recvbuf, recvcounts, op, false);
    }

    /** {@link #reduceScatter} started (MPI_Ireduce_scatter). */
    public Request ireduceScatter(Object sendbuf, Object recvbuf, int[] recvcounts, Op op) {
        return Collectives.reduceScatter(this, sendbuf, recvbuf, recvcounts, op, true);
    }

    /**
     * Collects every rank's {@code sendbuf}, all of one length, into {@code root}'s
     * {@code recvbuf} in rank order (MPI_Gather). {@code recvbuf} may be null off the root.
     *
     * @throws IllegalArgumentException if the root's recvbuf holds fewer than
     *     {@code size() * sendbuf's count} elements, or the types differ
     */
    public void gather(Object sendbuf, Object recvbuf, int root) {
        Collectives.gather(this, sendbuf, recvbuf, root, false);
    }

    /** {@link #gather} started (MPI_Igather). */
    public Request igather(Object sendbuf, Object recvbuf, int root) {
        return Collectives.gather(this, sendbuf, recvbuf, root, true);
    }

    /**
     * Collects {@code sendbuf}s of different lengths into {@code root}'s {@code recvbuf}, laid
     * out back to back in rank order (MPI_Gatherv). {@code counts} is read on the root only.
     *
     * @see #gatherv(Object, Object, int[], int[], int)
     */
    public void gatherv(Object sendbuf, Object recvbuf, int[] counts, int root) {
        Collectives.gatherv(this, sendbuf, recvbuf, counts, null, root, false);
    }

    /**
     * Collects {@code sendbuf}s of different lengths (MPI_Gatherv): rank i's elements land at
     * {@code displs[i]} of {@code root}'s {@code recvbuf}. {@code recvbuf}, {@code counts} and
     * {@code displs} are read on the root only; {@code displs} null means back to back.
     *
     * @throws IllegalArgumentException if counts or displs don't have {@code size()} entries,
     *     are negative, reach beyond recvbuf's remaining elements, or the root's own count is
     *     not its sendbuf's
     */
    public void gatherv(Object sendbuf, Object recvbuf, int[] counts, int[] displs, int root) {
        Collectives.gatherv(this, sendbuf, recvbuf, counts, displs, root, false);
    }

    /** {@link #gatherv(Object, Object, int[], int[], int)} started (MPI_Igatherv). */
    public Request igatherv(Object sendbuf, Object recvbuf, int[] counts, int[] displs,
                            int root) {
        return Collectives.gatherv(this, sendbuf, recvbuf, counts, displs, root, true);
    }

    /**
     * Collects every rank's {@code sendbuf}, all of one length, into every rank's
     * {@code recvbuf} in rank order (MPI_Allgather).
     *
     * @throws IllegalArgumentException as {@link #gather}
     */
    public void allgather(Object sendbuf, Object recvbuf) {
        Collectives.allgather(this, sendbuf, recvbuf, false);
    }

    /** {@link #allgather} started (MPI_Iallgather). */
    public Request iallgather(Object sendbuf, Object recvbuf) {
        return Collectives.allgather(this, sendbuf, recvbuf, true);
    }

    /**
     * Collects {@code sendbuf}s of different lengths into every rank's {@code recvbuf}, back to
     * back in rank order (MPI_Allgatherv).
     *
     * @see #allgatherv(Object, Object, int[], int[])
     */
    public void allgatherv(Object sendbuf, Object recvbuf, int[] counts) {
        Collectives.allgatherv(this, sendbuf, recvbuf, counts, null, false);
    }

    /**
     * Collects {@code sendbuf}s of different lengths into every rank's {@code recvbuf}, rank i's
     * at {@code displs[i]} (MPI_Allgatherv); {@code displs} null means back to back.
     *
     * @throws IllegalArgumentException as {@link #gatherv(Object, Object, int[], int[], int)}
     */
    public void allgatherv(Object sendbuf, Object recvbuf, int[] counts, int[] displs) {
        Collectives.allgatherv(this, sendbuf, recvbuf, counts, displs, false);
    }

    /** {@link #allgatherv(Object, Object, int[], int[])} started (MPI_Iallgatherv). */
    public Request iallgatherv(Object sendbuf, Object recvbuf, int[] counts, int[] displs) {
        return Collectives.allgatherv(this, sendbuf, recvbuf, counts, displs, true);
    }

    /**
     * Splits {@code root}'s {@code sendbuf} into {@code size()} equal blocks and gives block i to
     * rank i's {@code recvbuf} (MPI_Scatter). The block length is {@code recvbuf}'s count;
     * {@code sendbuf} may be null off the root.
     *
     * @throws IllegalArgumentException if the root's sendbuf holds fewer than
     *     {@code size() * recvbuf's count} elements, or the types differ
     */
    public void scatter(Object sendbuf, Object recvbuf, int root) {
        Collectives.scatter(this, sendbuf, recvbuf, root, false);
    }

    /** {@link #scatter} started (MPI_Iscatter). */
    public Request iscatter(Object sendbuf, Object recvbuf, int root) {
        return Collectives.scatter(this, sendbuf, recvbuf, root, true);
    }

    /**
     * Gives rank i {@code counts[i]} elements of {@code root}'s {@code sendbuf}, taken back to
     * back (MPI_Scatterv).
     *
     * @see #scatterv(Object, int[], int[], Object, int)
     */
    public void scatterv(Object sendbuf, int[] counts, Object recvbuf, int root) {
        Collectives.scatterv(this, sendbuf, counts, null, recvbuf, root, false);
    }

    /**
     * Gives rank i the {@code counts[i]} elements at {@code displs[i]} of {@code root}'s
     * {@code sendbuf} (MPI_Scatterv). Each rank receives into its {@code recvbuf}, whose count
     * must equal its {@code counts} entry; {@code sendbuf}, {@code counts} and {@code displs}
     * are read on the root only, {@code displs} null means back to back.
     *
     * @throws IllegalArgumentException as {@link #gatherv(Object, Object, int[], int[], int)}
     */
    public void scatterv(Object sendbuf, int[] counts, int[] displs, Object recvbuf, int root) {
        Collectives.scatterv(this, sendbuf, counts, displs, recvbuf, root, false);
    }

    /** {@link #scatterv(Object, int[], int[], Object, int)} started (MPI_Iscatterv). */
    public Request iscatterv(Object sendbuf, int[] counts, int[] displs, Object recvbuf,
                             int root) {
        return Collectives.scatterv(this, sendbuf, counts, displs, recvbuf, root, true);
    }

    /**
     * Every rank sends block j of its {@code sendbuf} to rank j, which stores it as block i of
     * its {@code recvbuf} (MPI_Alltoall). {@code sendbuf}'s count must divide by {@code size()}.
     *
     * @throws IllegalArgumentException if it doesn't, if recvbuf is smaller, or the types differ
     */
    public void alltoall(Object sendbuf, Object recvbuf) {
        Collectives.alltoall(this, sendbuf, recvbuf, false);
    }

    /** {@link #alltoall} started (MPI_Ialltoall). */
    public Request ialltoall(Object sendbuf, Object recvbuf) {
        return Collectives.alltoall(this, sendbuf, recvbuf, true);
    }

    /**
     * Every rank sends {@code sendcounts[j]} elements at {@code sdispls[j]} of its
     * {@code sendbuf} to rank j, which stores them at its {@code rdispls[i]} (MPI_Alltoallv).
     * Null displacements mean back to back.
     *
     * @throws IllegalArgumentException if the counts or displacements don't have one
     *     non-negative entry per rank or reach beyond a buffer's remaining elements, or the
     *     types differ
     */
    public void alltoallv(Object sendbuf, int[] sendcounts, int[] sdispls, Object recvbuf,
                          int[] recvcounts, int[] rdispls) {
        Collectives.alltoallv(this, sendbuf, sendcounts, sdispls, recvbuf, recvcounts, rdispls,
            false);
    }

    /** {@link #alltoallv} started (MPI_Ialltoallv). */
    public Request ialltoallv(Object sendbuf, int[] sendcounts, int[] sdispls, Object recvbuf,
                              int[] recvcounts, int[] rdispls) {
        return Collectives.alltoallv(this, sendbuf, sendcounts, sdispls, recvbuf, recvcounts,
            rdispls, true);
    }

    /**
     * {@link #alltoallv} with a type per peer (MPI_Alltoallw): rank j gets
     * {@code sendcounts[j]} elements of {@code sendtypes[j]} from byte {@code sdispls[j]} of
     * {@code sendbuf}, which may be any buffer or array, read as bytes; the same on the receive
     * side.
     *
     * @throws IllegalArgumentException if an array doesn't have one entry per rank, a count or
     *     displacement is negative, or a block reaches beyond its buffer's remaining bytes
     * @throws NullPointerException if an array or type is null
     */
    public void alltoallw(Object sendbuf, int[] sendcounts, int[] sdispls, Datatype[] sendtypes,
                          Object recvbuf, int[] recvcounts, int[] rdispls, Datatype[] recvtypes) {
        Collectives.alltoallw(this, sendbuf, sendcounts, sdispls, sendtypes, recvbuf, recvcounts,
            rdispls, recvtypes, false);
    }

    /** {@link #alltoallw} started (MPI_Ialltoallw). */
    public Request ialltoallw(Object sendbuf, int[] sendcounts, int[] sdispls,
                              Datatype[] sendtypes, Object recvbuf, int[] recvcounts,
                              int[] rdispls, Datatype[] recvtypes) {
        return Collectives.alltoallw(this, sendbuf, sendcounts, sdispls, sendtypes, recvbuf,
            recvcounts, rdispls, recvtypes, true);
    }

    // ------------------------------------------------------------------------ object collectives

    /**
     * Returns {@code root}'s {@code value} on every rank (mpi4py's {@code bcast}); {@code value}
     * is ignored off the root.
     *
     * @throws IllegalArgumentException on the root if the value is not serializable; the other
     *     ranks then throw {@link MpiException}
     */
    public <T> T bcastObject(T value, int root) {
        checkRoot("bcastObject", root);
        return ObjectMessages.bcast(abi, handle, rank, value, root);
    }

    /**
     * Collects every rank's value into a list in rank order on {@code root}; returns null
     * elsewhere (mpi4py's {@code gather}).
     */
    public <T> List<T> gatherObject(T value, int root) {
        checkRoot("gatherObject", root);
        return ObjectMessages.gather(abi, handle, rank, size, value, root);
    }

    /** Collects every rank's value into a list in rank order on every rank. */
    public <T> List<T> allgatherObject(T value) {
        checkOpen("allgatherObject");
        return ObjectMessages.allgather(abi, handle, rank, size, value);
    }

    /**
     * Gives rank i element i of {@code root}'s list (mpi4py's {@code scatter}); {@code values}
     * is ignored off the root.
     *
     * @throws IllegalArgumentException on the root if the list is null or its size is not
     *     {@code size()}; the other ranks then throw {@link MpiException}
     */
    public <T> T scatterObject(List<T> values, int root) {
        checkRoot("scatterObject", root);
        return ObjectMessages.scatter(abi, handle, rank, size, values, root);
    }

    /**
     * Combines every rank's value with {@code op}, in rank order, and returns the result on
     * every rank. Every rank applies {@code op} itself, so it need not be serializable.
     *
     * @throws NullPointerException if {@code op} is null
     */
    public <T> T allreduceObject(T value, BinaryOperator<T> op) {
        if (op == null) {
            throw new NullPointerException("op must not be null");
        }
        List<T> all = allgatherObject(value);
        T result = all.get(0);
        for (int i = 1; i < all.size(); i++) {
            result = op.apply(result, all.get(i));
        }
        return result;
    }

    // --------------------------------------------------------------------- communicators

    /** A new communicator with the same ranks (MPI_Comm_dup); free it when done. */
    public Intracomm dup() {
        checkOpen("dup");
        Scratch s = Scratch.get();
        check(abi.jpar_comm_dup(handle, s.outAddress + Scratch.HANDLE), "dup");
        return new Intracomm(mpi, s.out.getLong(Scratch.HANDLE), false);
    }

    /** {@link #splitType}'s type for ranks that can share memory (MPI_COMM_TYPE_SHARED). */
    public static final int TYPE_SHARED = 1;

    /**
     * A Cartesian grid of the first {@code product(dims)} ranks (MPI_Cart_create), collective
     * over this communicator: {@code periods[d]} makes dimension d wrap around, and
     * {@code reorder} lets MPI renumber the ranks to fit the machine.
     *
     * @return the grid, or null on a rank beyond it
     * @throws IllegalArgumentException if dims and periods differ in length, a dimension is not
     *     positive, or the grid has more ranks than this communicator
     */
    public Cartcomm createCart(int[] dims, boolean[] periods, boolean reorder) {
        return Topologies.cart(this, dims, periods, reorder);
    }

    /**
     * A graph of the first {@code index.length} ranks (MPI_Graph_create), collective over this
     * communicator, every rank passing the whole graph: rank i's neighbours are
     * {@code edges[index[i-1]]} to {@code edges[index[i] - 1]} ({@code index[-1]} being 0).
     *
     * @return the graph, or null on a rank beyond it
     * @throws IllegalArgumentException if index is empty or longer than the communicator, not
     *     non-decreasing, does not end at edges.length, or an edge names a rank outside it
     */
    public Graphcomm createGraph(int[] index, int[] edges, boolean reorder) {
        return Topologies.graph(this, index, edges, reorder);
    }

    /**
     * A directed graph in which this rank receives from {@code sources} and sends to
     * {@code destinations} in neighbour collectives, in that order
     * (MPI_Dist_graph_create_adjacent, unweighted), collective over this communicator: every
     * rank names its own, and a rank in one rank's destinations names it among its sources.
     *
     * @throws IllegalArgumentException for a rank outside the communicator
     */
    public Distgraphcomm createDistGraphAdjacent(int[] sources, int[] destinations,
                                                 boolean reorder) {
        return Topologies.distGraphAdjacent(this, sources, null, destinations, null, reorder);
    }

    /**
     * {@link #createDistGraphAdjacent(int[], int[], boolean)} with a weight per edge, which MPI
     * may use to place ranks ({@link Distgraphcomm#sourceWeights()} gives them back).
     *
     * @throws IllegalArgumentException for a rank outside the communicator, or weights that are
     *     negative, not one per edge, or given on one side only
     */
    public Distgraphcomm createDistGraphAdjacent(int[] sources, int[] sourceWeights,
                                                 int[] destinations, int[] destWeights,
                                                 boolean reorder) {
        return Topologies.distGraphAdjacent(this, sources, sourceWeights, destinations,
            destWeights, reorder);
    }

    /**
     * A directed graph from edges any rank may know of (MPI_Dist_graph_create), collective over
     * this communicator: this rank contributes, for each {@code sources[i]}, edges to the next
     * {@code degrees[i]} entries of {@code destinations}, weighted by {@code weights} (null for
     * an unweighted graph). Each rank's neighbours come in an order MPI chooses;
     * {@link Distgraphcomm#sources()} and {@link Distgraphcomm#destinations()} give it.
     *
     * @throws IllegalArgumentException for a rank outside the communicator, degrees that are
     *     negative or do not add up to the destinations, or weights not one per edge
     */
    public Distgraphcomm createDistGraph(int[] sources, int[] degrees, int[] destinations,
                                         int[] weights, boolean reorder) {
        return Topologies.distGraph(this, sources, degrees, destinations, weights, reorder);
    }

    /**
     * An intercommunicator between this communicator's group and another
     * (MPI_Intercomm_create), collective over both: each side names its leader, and the leaders,
     * which both belong to {@code peerComm}, meet there with {@code tag} ({@code peerComm} and
     * {@code remoteLeader} matter on the leaders only).
     *
     * @param localLeader this side's leader, a rank here
     * @param peerComm a communicator holding both leaders, such as the world
     * @param remoteLeader the other side's leader, a rank of {@code peerComm}
     * @param tag a tag the leaders' messages carry on {@code peerComm}
     * @throws IllegalArgumentException for a leader or tag out of range
     * @throws MpiException if MPI fails
     */
    public Intercomm createIntercomm(int localLeader, Intracomm peerComm, int remoteLeader,
                                     int tag) {
        return Intercomms.create(this, localLeader, peerComm, remoteLeader, tag);
    }

    /**
     * Starts duplicating this communicator (MPI_Comm_idup), collective over it; the duplicate
     * is usable once the returned request completes.
     */
    public CommRequest idup() {
        checkOpen("idup");
        Scratch s = Scratch.get();
        ByteBuffer out = DirectBuffers.allocate(8);
        int rc = abi.jpar_comm_idup(handle, Memory.address(out),
            s.outAddress + Scratch.HANDLE);
        Request r = startedCollective("idup", rc, null, MessageBuffer.NONE,
            0, out, s);
        return new CommRequest(this, r, out);
    }

    /**
     * A communicator of the processes in {@code group}, a subgroup of this one's
     * (MPI_Comm_create): collective over this communicator, every rank passing the same group.
     *
     * @return the new communicator, or null on a rank outside the group
     */
    public Intracomm create(Group group) {
        checkOpen("create");
        long g = Objects.requireNonNull(group, "group must not be null")
            .handle("create");
        Scratch s = Scratch.get();
        check(abi.jpar_comm_create(handle, g, s.outAddress + Scratch.HANDLE), "create");
        return derived(s.out.getLong(Scratch.HANDLE));
    }

    /**
     * A communicator of the processes in {@code group} (MPI_Comm_create_group): collective over
     * the group's members only, which all pass the same {@code tag}.
     *
     * @return the new communicator, or null on a rank outside the group
     * @throws IllegalArgumentException for a negative tag
     */
    public Intracomm createGroup(Group group, int tag) {
        if (tag < 0) {
            throw new IllegalArgumentException("tag must not be negative: tag=" + tag);
        }
        checkOpen("createGroup");
        long g = Objects.requireNonNull(group, "group must not be null")
            .handle("createGroup");
        if (group.rank() == UNDEFINED) {
            return null;
        }
        Scratch s = Scratch.get();
        check(abi.jpar_comm_create_group(handle, g, tag, s.outAddress + Scratch.HANDLE),
            "createGroup");
        return derived(s.out.getLong(Scratch.HANDLE));
    }

    /**
     * Splits the ranks by how they share resources (MPI_Comm_split_type): with
     * {@link #TYPE_SHARED}, one communicator per shared-memory node, ordered by {@code key}.
     *
     * @param type {@link #TYPE_SHARED} or {@link #UNDEFINED} to join none
     * @return the new communicator, or null for {@link #UNDEFINED}
     * @throws IllegalArgumentException for another type
     */
    public Intracomm splitType(int type, int key) {
        if (type != TYPE_SHARED && type != UNDEFINED) {
            throw new IllegalArgumentException("type must be TYPE_SHARED or UNDEFINED: type="
                + type);
        }
        checkOpen("splitType");
        Scratch s = Scratch.get();
        check(abi.jpar_comm_split_type(handle, type, key, s.outAddress + Scratch.HANDLE),
            "splitType");
        return derived(s.out.getLong(Scratch.HANDLE));
    }

    private Intracomm derived(long h) {
        return h == abi.jpar_comm_null() ? null : new Intracomm(mpi, h, false);
    }

    /**
     * Splits the ranks by {@code color} (MPI_Comm_split): ranks with one colour form a new
     * communicator, ordered by {@code key}, then by rank here.
     *
     * @param color a colour (non-negative) or {@link #UNDEFINED} to join none
     * @return the new communicator, or null for {@link #UNDEFINED}
     * @throws IllegalArgumentException for a negative colour other than {@link #UNDEFINED}
     */
    public Intracomm split(int color, int key) {
        if (color < 0 && color != UNDEFINED) {
            throw new IllegalArgumentException("color must be >= 0 or UNDEFINED: color=" + color);
        }
        checkOpen("split");
        Scratch s = Scratch.get();
        check(abi.jpar_comm_split(handle, color, key, s.outAddress + Scratch.HANDLE), "split");
        long h = s.out.getLong(Scratch.HANDLE);
        return h == abi.jpar_comm_null() ? null : new Intracomm(mpi, h, false);
    }

    /**
     * Starts {@code maxprocs} processes running {@code command} with {@code args}
     * (MPI_Comm_spawn, collective over this communicator) and returns an intercommunicator
     * whose remote group is the new processes; they find theirs with {@link Mpi#parent()}.
     * {@code info} holds MPI_Info keys and values, such as Open MPI's {@code map_by}.
     *
     * @throws IllegalArgumentException for a bad root or maxprocs, or a null or empty command
     * @throws UnsupportedOperationException on a backend other than native
     * @throws MpiException if MPI cannot start them (the message has MPI's reason, and says so
     *     where the MPI has no dynamic processes, as MPICH over UCX)
     */
    public Intercomm spawn(String command, List<String> args, int maxprocs,
                           Map<String, String> info, int root) {
        return Spawn.spawn(this, command, args, maxprocs, info, root);
    }

    void checkRoot(String call, int root) {
        checkOpen(call);
        checkRank(root, "root", size, false);
    }
}
