/*
 * jpar.h - the whole ABI of libjpar.so, the native part of jpar.
 *
 * Every exported symbol starts with jpar_. Functions take primitives and raw
 * addresses and return an MPI error code (MPI_SUCCESS == 0), so that a caller
 * in any language can bind them without MPI's headers:
 *
 *   - MPI handles (communicators, requests, matched messages) travel as
 *     int64_t values; the null handle is what jpar_comm_null() returns.
 *   - Element types and reduction ops are the small integers below, not MPI
 *     handles.
 *   - A status is five int32_t: source, tag, error, byte count, cancelled.
 *   - Source and tag wildcards, MPI_PROC_NULL and MPI_UNDEFINED are the JPAR_
 *     values below, whatever the MPI library uses.
 *
 * Only the pool's task callback and user-defined ops call back into the caller.
 *
 * The build generates jpar's Java bindings from this file (java/src/build, AbiGen), so it keeps
 * to what AbiGen maps: parameters are int32_t, int64_t, double, pointers or function-pointer
 * typedefs; results are int, int32_t, int64_t, double or void. A comment "jpar-java: PACKAGE
 * NAME [public]" starts the functions bound as one Java interface; JPAR_NOWAIT marks a function that
 * returns at once (never waits for a peer, a lock or a pool), which FFM may call as a critical
 * downcall.
 */
#ifndef JPAR_H
#define JPAR_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Everything declared here is exported; the library builds with hidden visibility otherwise. */
#pragma GCC visibility push(default)

#define JPAR_NOWAIT

/*
 * Element types. Java's char is a 16-bit unsigned integer. The pair types are MPI's value-index
 * pairs for MINLOC and MAXLOC, laid out as C structs {value; int index;} (MPI_DOUBLE_INT,
 * MPI_FLOAT_INT, MPI_LONG_INT, MPI_2INT, MPI_SHORT_INT).
 */
enum {
    JPAR_BYTE = 0,
    JPAR_SHORT = 1,
    JPAR_INT = 2,
    JPAR_LONG = 3,
    JPAR_FLOAT = 4,
    JPAR_DOUBLE = 5,
    JPAR_CHAR = 6,
    JPAR_DOUBLE_INT = 7,
    JPAR_FLOAT_INT = 8,
    JPAR_LONG_INT = 9,
    JPAR_INT_INT = 10,
    JPAR_SHORT_INT = 11,
    JPAR_TYPE_COUNT = 12
};

/* Reduction operations. */
enum {
    JPAR_SUM = 0,
    JPAR_PROD = 1,
    JPAR_MIN = 2,
    JPAR_MAX = 3,
    JPAR_LAND = 4,
    JPAR_LOR = 5,
    JPAR_LXOR = 6,
    JPAR_BAND = 7,
    JPAR_BOR = 8,
    JPAR_BXOR = 9,
    JPAR_MINLOC = 10,
    JPAR_MAXLOC = 11,
    JPAR_REPLACE = 12,
    JPAR_NO_OP = 13,
    JPAR_OP_COUNT = 14
};

/*
 * User-defined ops: op number JPAR_OP_COUNT + slot, for a slot from 0 to JPAR_USER_OPS - 1 that
 * jpar_op_create filled. MPI calls the function with that op number, its two buffers, the
 * element count and the element type's number: inout[i] = in[i] op inout[i].
 */
#define JPAR_USER_OPS 64
typedef void (*jpar_op_function)(int32_t op, const void *in, void *inout, int32_t count,
                                  int32_t type);

/* Thread levels, in MPI's order. */
enum {
    JPAR_THREAD_SINGLE = 0,
    JPAR_THREAD_FUNNELED = 1,
    JPAR_THREAD_SERIALIZED = 2,
    JPAR_THREAD_MULTIPLE = 3
};

#define JPAR_ANY_SOURCE (-1)
#define JPAR_ANY_TAG (-1)
#define JPAR_PROC_NULL (-2)
#define JPAR_UNDEFINED (-3)
/* On an intercommunicator, the root of a rooted collective (MPI_ROOT). */
#define JPAR_ROOT (-4)

/* Layout of a status: five int32_t. CANCELLED is 1 for a request that MPI_Cancel stopped. */
#define JPAR_STATUS_SOURCE 0
#define JPAR_STATUS_TAG 1
#define JPAR_STATUS_ERROR 2
#define JPAR_STATUS_BYTES 3
#define JPAR_STATUS_CANCELLED 4
#define JPAR_STATUS_INTS 5

/* Send modes: MPI_Send, MPI_Ssend, MPI_Bsend and MPI_Rsend, and their I- and _init forms. */
enum {
    JPAR_MODE_STANDARD = 0,
    JPAR_MODE_SYNCHRONOUS = 1,
    JPAR_MODE_BUFFERED = 2,
    JPAR_MODE_READY = 3
};

/* A send buffer's address that means MPI_IN_PLACE (on a scatter's root, the receive buffer's). */
#define JPAR_IN_PLACE 1

/* Results of group and communicator comparisons, in MPI's order. */
enum {
    JPAR_IDENT = 0,
    JPAR_CONGRUENT = 1,
    JPAR_SIMILAR = 2,
    JPAR_UNEQUAL = 3
};

/* MPI_COMM_TYPE_SHARED: ranks that can share memory, for jpar_comm_split_type. */
#define JPAR_COMM_TYPE_SHARED 1

/* Error codes of jpar's own, outside MPI's range: a bad type or op number. */
#define JPAR_ERR_ARG (-22)

/* jpar-java: org.jpar.mpi.binding MpiAbi public */

/* Lifecycle. */
int jpar_init(int32_t required, int32_t *provided);
int jpar_finalize(void);
int jpar_initialized(int32_t *flag);
int jpar_finalized(int32_t *flag);
int jpar_abort(int64_t comm, int32_t code);
JPAR_NOWAIT double jpar_wtime(void);
int jpar_max_processor_name(void);
int jpar_processor_name(char *name, int32_t *length);
int jpar_error_string(int32_t code, char *text, int32_t *length);
int jpar_error_class(int32_t code, int32_t *error_class);
int jpar_max_error_string(void);
/* The name of an MPI error class ("MPI_ERR_TRUNCATE"), whose number differs between MPIs;
   "MPI_ERR_UNKNOWN_CLASS" for a number that is none of MPI 3.1's classes. */
int jpar_error_class_name(int32_t error_class, char *name, int32_t *length);
/* MPI_Get_library_version: which MPI library, of which version, this process runs on. */
int jpar_library_version(char *text, int32_t *length);
int jpar_max_library_version(void);

/* Communicators. */
int64_t jpar_comm_null(void);
int64_t jpar_comm_world(void);
int64_t jpar_comm_self(void);
JPAR_NOWAIT int jpar_comm_rank(int64_t comm, int32_t *rank);
JPAR_NOWAIT int jpar_comm_size(int64_t comm, int32_t *size);
int jpar_comm_tag_ub(int64_t comm, int32_t *tag_ub);
int jpar_comm_dup(int64_t comm, int64_t *out);
int jpar_comm_split(int64_t comm, int32_t color, int32_t key, int64_t *out);
int jpar_comm_free(int64_t *comm);
int jpar_barrier(int64_t comm);
int jpar_comm_remote_size(int64_t comm, int32_t *size);
/* Ends a connection made by spawn; waits for its pending messages. */
int jpar_comm_disconnect(int64_t *comm);
/* The intercommunicator to the processes that spawned this one, or the null handle. */
int jpar_comm_get_parent(int64_t *parent);
/*
 * Starts maxprocs copies of command (MPI_Comm_spawn). argv and info are lists of NUL-terminated
 * strings ending with an empty one: arguments, then info key, value, key, value. errcodes gets
 * maxprocs codes.
 */
int jpar_comm_spawn(const char *command, const char *argv, int32_t maxprocs, const char *info,
                    int32_t root, int64_t comm, int64_t *intercomm, int32_t *errcodes);

/* Communicators from groups, comparison, names. A rank outside the group gets the null handle. */
int jpar_comm_create(int64_t comm, int64_t group, int64_t *out);
int jpar_comm_create_group(int64_t comm, int64_t group, int32_t tag, int64_t *out);
int jpar_comm_compare(int64_t comm1, int64_t comm2, int32_t *result);
/* MPI_Comm_idup: MPI writes the new handle to out when the request completes, so out must stay
 * valid until then. */
int jpar_comm_idup(int64_t comm, int64_t *out, int64_t *request);
int jpar_comm_split_type(int64_t comm, int32_t split_type, int32_t key, int64_t *out);
int jpar_comm_set_name(int64_t comm, const char *name);
int jpar_comm_get_name(int64_t comm, char *name, int32_t *length);
int jpar_max_object_name(void);

/*
 * Cartesian topologies. periods and remain_dims are int32_t flags (0 or 1). A shift off a
 * non-periodic edge gives JPAR_PROC_NULL. dims' zeros are what jpar_dims_create fills in.
 */
int jpar_cart_create(int64_t comm, int32_t ndims, const int32_t *dims, const int32_t *periods,
                     int32_t reorder, int64_t *out);
int jpar_dims_create(int32_t nnodes, int32_t ndims, int32_t *dims);
int jpar_cartdim_get(int64_t comm, int32_t *ndims);
int jpar_cart_get(int64_t comm, int32_t maxdims, int32_t *dims, int32_t *periods,
                  int32_t *coords);
int jpar_cart_rank(int64_t comm, const int32_t *coords, int32_t *rank);
int jpar_cart_coords(int64_t comm, int32_t rank, int32_t maxdims, int32_t *coords);
int jpar_cart_shift(int64_t comm, int32_t direction, int32_t disp, int32_t *source,
                    int32_t *dest);
int jpar_cart_sub(int64_t comm, const int32_t *remain_dims, int64_t *out);

/*
 * Graph topologies. jpar_graph_create takes MPI_Graph_create's index and edges (the whole
 * graph, the same on every rank); jpar_dist_graph_create_adjacent each rank's own sources and
 * destinations, in the order its neighbour collectives use; jpar_dist_graph_create any edges a
 * rank knows of (MPI_Dist_graph_create: from each of n sources to its degrees[i] next
 * destinations), in an order MPI chooses. Weight arrays may be NULL, for an unweighted graph
 * (MPI_UNWEIGHTED); jpar_dist_graph_neighbors writes weights only where the graph has them and
 * the pointers are not NULL.
 */
int jpar_graph_create(int64_t comm, int32_t nnodes, const int32_t *index, const int32_t *edges,
                      int32_t reorder, int64_t *out);
int jpar_graph_neighbors_count(int64_t comm, int32_t rank, int32_t *count);
int jpar_graph_neighbors(int64_t comm, int32_t rank, int32_t maxneighbors, int32_t *neighbors);
int jpar_dist_graph_create_adjacent(int64_t comm, int32_t indegree, const int32_t *sources,
                                    const int32_t *sourceweights, int32_t outdegree,
                                    const int32_t *destinations, const int32_t *destweights,
                                    int32_t reorder, int64_t *out);
int jpar_dist_graph_create(int64_t comm, int32_t n, const int32_t *sources,
                           const int32_t *degrees, const int32_t *destinations,
                           const int32_t *weights, int32_t reorder, int64_t *out);
int jpar_dist_graph_neighbors_count(int64_t comm, int32_t *indegree, int32_t *outdegree,
                                    int32_t *weighted);
int jpar_dist_graph_neighbors(int64_t comm, int32_t maxindegree, int32_t *sources,
                              int32_t *sourceweights, int32_t maxoutdegree,
                              int32_t *destinations, int32_t *destweights);

/*
 * Intercommunicators. jpar_intercomm_create is collective over both local communicators, whose
 * leaders meet through peer_comm with tag; jpar_intercomm_merge makes the intracommunicator of
 * both groups, the group whose ranks pass high = 0 first.
 */
int jpar_intercomm_create(int64_t local_comm, int32_t local_leader, int64_t peer_comm,
                          int32_t remote_leader, int32_t tag, int64_t *out);
int jpar_intercomm_merge(int64_t intercomm, int32_t high, int64_t *out);
int jpar_comm_remote_group(int64_t comm, int64_t *group);
int jpar_comm_test_inter(int64_t comm, int32_t *flag);

/* Groups (MPI_Group), as handles like communicators'. */
int jpar_comm_group(int64_t comm, int64_t *group);
int jpar_group_size(int64_t group, int32_t *size);
/* JPAR_UNDEFINED when this process is not in the group. */
int jpar_group_rank(int64_t group, int32_t *rank);
/* ranks2 gets JPAR_UNDEFINED for a rank with no counterpart. */
int jpar_group_translate_ranks(int64_t group1, int32_t n, const int32_t *ranks1, int64_t group2,
                               int32_t *ranks2);
int jpar_group_compare(int64_t group1, int64_t group2, int32_t *result);
int jpar_group_union(int64_t group1, int64_t group2, int64_t *out);
int jpar_group_intersection(int64_t group1, int64_t group2, int64_t *out);
int jpar_group_difference(int64_t group1, int64_t group2, int64_t *out);
int jpar_group_incl(int64_t group, int32_t n, const int32_t *ranks, int64_t *out);
int jpar_group_excl(int64_t group, int32_t n, const int32_t *ranks, int64_t *out);
/* ranges: n triplets of first, last, stride. */
int jpar_group_range_incl(int64_t group, int32_t n, const int32_t *ranges, int64_t *out);
int jpar_group_range_excl(int64_t group, int32_t n, const int32_t *ranges, int64_t *out);
int jpar_group_free(int64_t *group);

/*
 * Derived datatypes: numbers from JPAR_TYPE_COUNT up, which every call that takes a type takes.
 * Each constructor makes a committed MPI datatype from old ones (of either kind) as its MPI_Type_
 * namesake does, and writes its number; jpar_type_free gives the number back. Byte displacements
 * and strides are int64_t (MPI_Aint).
 */
#define JPAR_DISTRIBUTE_BLOCK 0
#define JPAR_DISTRIBUTE_CYCLIC 1
#define JPAR_DISTRIBUTE_NONE 2
#define JPAR_DISTRIBUTE_DFLT_DARG (-1)

int jpar_type_contiguous(int32_t count, int32_t oldtype, int32_t *newtype);
int jpar_type_vector(int32_t count, int32_t blocklength, int32_t stride, int32_t oldtype,
                     int32_t *newtype);
int jpar_type_hvector(int32_t count, int32_t blocklength, int64_t stride, int32_t oldtype,
                      int32_t *newtype);
int jpar_type_indexed(int32_t count, const int32_t *blocklengths, const int32_t *displs,
                      int32_t oldtype, int32_t *newtype);
int jpar_type_indexed_block(int32_t count, int32_t blocklength, const int32_t *displs,
                            int32_t oldtype, int32_t *newtype);
int jpar_type_hindexed(int32_t count, const int32_t *blocklengths, const int64_t *displs,
                       int32_t oldtype, int32_t *newtype);
int jpar_type_struct(int32_t count, const int32_t *blocklengths, const int64_t *displs,
                     const int32_t *types, int32_t *newtype);
/* fortran != 0 for MPI_ORDER_FORTRAN. */
int jpar_type_subarray(int32_t ndims, const int32_t *sizes, const int32_t *subsizes,
                       const int32_t *starts, int32_t fortran, int32_t oldtype, int32_t *newtype);
/* distribs are JPAR_DISTRIBUTE_*; a darg of JPAR_DISTRIBUTE_DFLT_DARG is MPI's default. */
int jpar_type_darray(int32_t size, int32_t rank, int32_t ndims, const int32_t *gsizes,
                     const int32_t *distribs, const int32_t *dargs, const int32_t *psizes,
                     int32_t fortran, int32_t oldtype, int32_t *newtype);
int jpar_type_resized(int32_t oldtype, int64_t lb, int64_t extent, int32_t *newtype);
int jpar_type_dup(int32_t oldtype, int32_t *newtype);
int jpar_type_free(int32_t type);
/* Five int64_t: lower bound, extent, true lower bound, true extent, size. */
int jpar_type_bounds(int32_t type, int64_t *out);

/* Point to point. */
int jpar_send(const void *buf, int32_t count, int32_t type, int32_t dest, int32_t tag,
              int64_t comm);
/* A send in one of the JPAR_MODE_ modes (standard is jpar_send's). */
int jpar_send_mode(int32_t mode, const void *buf, int32_t count, int32_t type, int32_t dest,
                   int32_t tag, int64_t comm);
/* MPI_Buffer_attach: buffered sends copy into these size bytes until jpar_buffer_detach. */
int jpar_buffer_attach(void *buf, int32_t size);
/* MPI_Buffer_detach: waits for the buffered sends to leave, then gives the buffer back. */
int jpar_buffer_detach(int64_t *address, int32_t *size);
/* MPI_BSEND_OVERHEAD: the bytes an attached buffer needs per buffered message on top of it. */
int jpar_bsend_overhead(void);
int jpar_recv(void *buf, int32_t count, int32_t type, int32_t source, int32_t tag,
              int64_t comm, int32_t *status);
int jpar_sendrecv(const void *sendbuf, int32_t sendcount, int32_t dest, int32_t sendtag,
                  void *recvbuf, int32_t recvcount, int32_t source, int32_t recvtag,
                  int32_t type, int64_t comm, int32_t *status);
int jpar_sendrecv_replace(void *buf, int32_t count, int32_t type, int32_t dest, int32_t sendtag,
                          int32_t source, int32_t recvtag, int64_t comm, int32_t *status);
int jpar_probe(int32_t source, int32_t tag, int64_t comm, int32_t *status);
int jpar_iprobe(int32_t source, int32_t tag, int64_t comm, int32_t *flag, int32_t *status);
int jpar_mprobe(int32_t source, int32_t tag, int64_t comm, int64_t *message, int32_t *status);
int jpar_improbe(int32_t source, int32_t tag, int64_t comm, int32_t *flag, int64_t *message,
                 int32_t *status);
int jpar_mrecv(void *buf, int32_t count, int32_t type, int64_t *message, int32_t *status);
int jpar_imrecv(void *buf, int32_t count, int32_t type, int64_t *message, int64_t *request);

/* Nonblocking point to point and completion. */
int jpar_isend(const void *buf, int32_t count, int32_t type, int32_t dest, int32_t tag,
               int64_t comm, int64_t *request);
int jpar_isend_mode(int32_t mode, const void *buf, int32_t count, int32_t type, int32_t dest,
                    int32_t tag, int64_t comm, int64_t *request);
int jpar_irecv(void *buf, int32_t count, int32_t type, int32_t source, int32_t tag,
               int64_t comm, int64_t *request);
/* Persistent requests (MPI_Send_init and its modes, MPI_Recv_init): inactive until started;
   completing one makes it inactive again, and only jpar_request_free ends it. */
int jpar_send_init(int32_t mode, const void *buf, int32_t count, int32_t type, int32_t dest,
                   int32_t tag, int64_t comm, int64_t *request);
int jpar_recv_init(void *buf, int32_t count, int32_t type, int32_t source, int32_t tag,
                   int64_t comm, int64_t *request);
int jpar_start(int64_t *request);
int jpar_startall(int32_t count, int64_t *requests);
/* Completion. A completed request's handle becomes the null handle, a persistent one's stays. */
int jpar_wait(int64_t *request, int32_t *status);
int jpar_test(int64_t *request, int32_t *flag, int32_t *status);
int jpar_waitall(int32_t count, int64_t *requests, int32_t *statuses);
int jpar_waitany(int32_t count, int64_t *requests, int32_t *index, int32_t *status);
/* index is JPAR_UNDEFINED with flag 1 when no request is active. */
int jpar_testany(int32_t count, int64_t *requests, int32_t *index, int32_t *flag,
                 int32_t *status);
int jpar_testall(int32_t count, int64_t *requests, int32_t *flag, int32_t *statuses);
/* outcount is JPAR_UNDEFINED when no request is active; indices and statuses get outcount. */
int jpar_waitsome(int32_t count, int64_t *requests, int32_t *outcount, int32_t *indices,
                  int32_t *statuses);
int jpar_testsome(int32_t count, int64_t *requests, int32_t *outcount, int32_t *indices,
                  int32_t *statuses);
/* MPI_Request_get_status: whether the request is complete, without completing it. */
int jpar_request_get_status(int64_t request, int32_t *flag, int32_t *status);
int jpar_cancel(int64_t request);
int jpar_request_free(int64_t *request);

/* Collectives. Counts are in elements of one type. */
int jpar_bcast(void *buf, int32_t count, int32_t type, int32_t root, int64_t comm);
int jpar_reduce(const void *sendbuf, void *recvbuf, int32_t count, int32_t type, int32_t op,
                int32_t root, int64_t comm);
int jpar_allreduce(const void *sendbuf, void *recvbuf, int32_t count, int32_t type, int32_t op,
                   int64_t comm);
int jpar_gather(const void *sendbuf, int32_t sendcount, void *recvbuf, int32_t recvcount,
                int32_t type, int32_t root, int64_t comm);
int jpar_gatherv(const void *sendbuf, int32_t sendcount, void *recvbuf, const int32_t *recvcounts,
                 const int32_t *displs, int32_t type, int32_t root, int64_t comm);
int jpar_allgather(const void *sendbuf, int32_t sendcount, void *recvbuf, int32_t recvcount,
                   int32_t type, int64_t comm);
int jpar_allgatherv(const void *sendbuf, int32_t sendcount, void *recvbuf,
                    const int32_t *recvcounts, const int32_t *displs, int32_t type, int64_t comm);
int jpar_scatter(const void *sendbuf, int32_t sendcount, void *recvbuf, int32_t recvcount,
                 int32_t type, int32_t root, int64_t comm);
int jpar_scatterv(const void *sendbuf, const int32_t *sendcounts, const int32_t *displs,
                  void *recvbuf, int32_t recvcount, int32_t type, int32_t root, int64_t comm);
int jpar_alltoall(const void *sendbuf, int32_t sendcount, void *recvbuf, int32_t recvcount,
                  int32_t type, int64_t comm);
int jpar_alltoallv(const void *sendbuf, const int32_t *sendcounts, const int32_t *sdispls,
                   void *recvbuf, const int32_t *recvcounts, const int32_t *rdispls, int32_t type,
                   int64_t comm);
/* Counts are in elements of each peer's own type, displacements in bytes. */
int jpar_alltoallw(const void *sendbuf, const int32_t *sendcounts, const int32_t *sdispls,
                   const int32_t *sendtypes, void *recvbuf, const int32_t *recvcounts,
                   const int32_t *rdispls, const int32_t *recvtypes, int64_t comm);
/* Inclusive (scan) and exclusive (exscan) prefix reductions in rank order. */
int jpar_scan(const void *sendbuf, void *recvbuf, int32_t count, int32_t type, int32_t op,
              int64_t comm);
int jpar_exscan(const void *sendbuf, void *recvbuf, int32_t count, int32_t type, int32_t op,
                int64_t comm);
int jpar_reduce_scatter(const void *sendbuf, void *recvbuf, const int32_t *recvcounts,
                        int32_t type, int32_t op, int64_t comm);
int jpar_reduce_scatter_block(const void *sendbuf, void *recvbuf, int32_t recvcount,
                              int32_t type, int32_t op, int64_t comm);
/*
 * Nonblocking collectives: the blocking ones' arguments, then the request. Buffers, count and
 * displacement arrays must stay untouched until the request completes; so must workspace, which
 * jpar_ialltoallw uses for MPI's type arrays (16 bytes per rank of comm).
 */
int jpar_ibarrier(int64_t comm, int64_t *request);
int jpar_ibcast(void *buf, int32_t count, int32_t type, int32_t root, int64_t comm,
                int64_t *request);
int jpar_ireduce(const void *sendbuf, void *recvbuf, int32_t count, int32_t type, int32_t op,
                 int32_t root, int64_t comm, int64_t *request);
int jpar_iallreduce(const void *sendbuf, void *recvbuf, int32_t count, int32_t type, int32_t op,
                    int64_t comm, int64_t *request);
int jpar_igather(const void *sendbuf, int32_t sendcount, void *recvbuf, int32_t recvcount,
                 int32_t type, int32_t root, int64_t comm, int64_t *request);
int jpar_igatherv(const void *sendbuf, int32_t sendcount, void *recvbuf,
                  const int32_t *recvcounts, const int32_t *displs, int32_t type, int32_t root,
                  int64_t comm, int64_t *request);
int jpar_iallgather(const void *sendbuf, int32_t sendcount, void *recvbuf, int32_t recvcount,
                    int32_t type, int64_t comm, int64_t *request);
int jpar_iallgatherv(const void *sendbuf, int32_t sendcount, void *recvbuf,
                     const int32_t *recvcounts, const int32_t *displs, int32_t type, int64_t comm,
                     int64_t *request);
int jpar_iscatter(const void *sendbuf, int32_t sendcount, void *recvbuf, int32_t recvcount,
                  int32_t type, int32_t root, int64_t comm, int64_t *request);
int jpar_iscatterv(const void *sendbuf, const int32_t *sendcounts, const int32_t *displs,
                   void *recvbuf, int32_t recvcount, int32_t type, int32_t root, int64_t comm,
                   int64_t *request);
int jpar_ialltoall(const void *sendbuf, int32_t sendcount, void *recvbuf, int32_t recvcount,
                   int32_t type, int64_t comm, int64_t *request);
int jpar_ialltoallv(const void *sendbuf, const int32_t *sendcounts, const int32_t *sdispls,
                    void *recvbuf, const int32_t *recvcounts, const int32_t *rdispls, int32_t type,
                    int64_t comm, int64_t *request);
int jpar_ialltoallw(const void *sendbuf, const int32_t *sendcounts, const int32_t *sdispls,
                    const int32_t *sendtypes, void *recvbuf, const int32_t *recvcounts,
                    const int32_t *rdispls, const int32_t *recvtypes, int64_t comm,
                    void *workspace, int64_t *request);
int jpar_iscan(const void *sendbuf, void *recvbuf, int32_t count, int32_t type, int32_t op,
               int64_t comm, int64_t *request);
int jpar_iexscan(const void *sendbuf, void *recvbuf, int32_t count, int32_t type, int32_t op,
                 int64_t comm, int64_t *request);
int jpar_ireduce_scatter(const void *sendbuf, void *recvbuf, const int32_t *recvcounts,
                         int32_t type, int32_t op, int64_t comm, int64_t *request);
int jpar_ireduce_scatter_block(const void *sendbuf, void *recvbuf, int32_t recvcount,
                               int32_t type, int32_t op, int64_t comm, int64_t *request);
/*
 * Neighbour collectives over a topology's neighbours, in its order (a Cartesian one: for each
 * dimension, the lower neighbour, then the upper): block k goes to and comes from neighbour k.
 */
int jpar_neighbor_allgather(const void *sendbuf, int32_t sendcount, void *recvbuf,
                            int32_t recvcount, int32_t type, int64_t comm);
int jpar_neighbor_allgatherv(const void *sendbuf, int32_t sendcount, void *recvbuf,
                             const int32_t *recvcounts, const int32_t *displs, int32_t type,
                             int64_t comm);
int jpar_neighbor_alltoall(const void *sendbuf, int32_t sendcount, void *recvbuf,
                           int32_t recvcount, int32_t type, int64_t comm);
int jpar_neighbor_alltoallv(const void *sendbuf, const int32_t *sendcounts,
                            const int32_t *sdispls, void *recvbuf, const int32_t *recvcounts,
                            const int32_t *rdispls, int32_t type, int64_t comm);
/* Counts in each neighbour's type, displacements in bytes (as jpar_alltoallw's). */
int jpar_neighbor_alltoallw(const void *sendbuf, const int32_t *sendcounts,
                            const int32_t *sdispls, const int32_t *sendtypes, void *recvbuf,
                            const int32_t *recvcounts, const int32_t *rdispls,
                            const int32_t *recvtypes, int64_t comm);
/* workspace: 16 bytes per source and per destination, untouched until the request completes. */
int jpar_ineighbor_alltoallw(const void *sendbuf, const int32_t *sendcounts,
                             const int32_t *sdispls, const int32_t *sendtypes, void *recvbuf,
                             const int32_t *recvcounts, const int32_t *rdispls,
                             const int32_t *recvtypes, int64_t comm, void *workspace,
                             int64_t *request);
int jpar_ineighbor_allgather(const void *sendbuf, int32_t sendcount, void *recvbuf,
                             int32_t recvcount, int32_t type, int64_t comm, int64_t *request);
int jpar_ineighbor_allgatherv(const void *sendbuf, int32_t sendcount, void *recvbuf,
                              const int32_t *recvcounts, const int32_t *displs, int32_t type,
                              int64_t comm, int64_t *request);
int jpar_ineighbor_alltoall(const void *sendbuf, int32_t sendcount, void *recvbuf,
                            int32_t recvcount, int32_t type, int64_t comm, int64_t *request);
int jpar_ineighbor_alltoallv(const void *sendbuf, const int32_t *sendcounts,
                             const int32_t *sdispls, void *recvbuf, const int32_t *recvcounts,
                             const int32_t *rdispls, int32_t type, int64_t comm,
                             int64_t *request);

/*
 * Makes op JPAR_OP_COUNT + slot a user-defined op (MPI_Op_create) that calls fn; commute != 0
 * for a commutative one. Every user op calls the same fn, which the last create sets.
 */
int jpar_op_create(int32_t slot, int32_t commute, jpar_op_function fn);
/* Frees a user-defined op's slot (MPI_Op_free); the slot may be created again. */
int jpar_op_free(int32_t slot);

/* inoutbuf = inbuf op inoutbuf, element-wise, on this process alone. */
int jpar_reduce_local(const void *inbuf, void *inoutbuf, int32_t count, int32_t type, int32_t op);

/* jpar-java: org.jpar.pool PoolAbi */

/*
 * The pthread pool. Workers run tasks from a FIFO queue; an idle worker spins for at most
 * spin_ns nanoseconds before it sleeps, so a busy pool answers in well under a microsecond and
 * an idle one uses no CPU. Workers inherit the creating thread's CPU affinity set. Pool calls
 * return 0 or a negative errno.
 *
 * A Java task is a number: a worker runs it by calling the pool's callback with the number and
 * its worker index. Each worker also calls it once with JPAR_POOL_WORKER_START before its first
 * task and once with JPAR_POOL_WORKER_EXIT before it ends.
 */
#define JPAR_POOL_WORKER_START (-1)
#define JPAR_POOL_WORKER_EXIT (-2)

typedef void (*jpar_pool_callback)(int64_t task, int32_t worker);

int jpar_pool_create(int32_t workers, int64_t spin_ns, jpar_pool_callback callback,
                     int64_t *pool);
int jpar_pool_submit(int64_t pool, int64_t task);
/* No new tasks; workers finish the queue, then exit. */
int jpar_pool_close(int64_t pool);
/* No new tasks; queued Java tasks are dropped and workers exit as soon as they come back. */
int jpar_pool_terminate(int64_t pool);
/* After close or terminate: join != 0 waits for every worker to exit. The pool's memory goes
   when the last worker has; the handle is invalid after this call. */
int jpar_pool_free(int64_t pool, int32_t join);
/* The calling thread's kernel thread id. */
JPAR_NOWAIT int64_t jpar_thread_id(void);

/*
 * Kernels over the pool: the range splits into one contiguous chunk per worker (fixed, so results
 * are the same for a given worker count): chunk c of C covers [c*n/C, (c+1)*n/C). Each chunk
 * sums with four accumulators (its k-th element into accumulator k % 4, combined as
 * (a0 + a1) + (a2 + a3)) and chunks combine in order, in double precision. Ranges
 * shorter than min_parallel run on the calling thread as one chunk.
 */
int jpar_sum_f64(int64_t pool, const double *x, int64_t n, int64_t min_parallel, double *out);
int jpar_sum_f32(int64_t pool, const float *x, int64_t n, int64_t min_parallel, double *out);
int jpar_dot_f64(int64_t pool, const double *x, const double *y, int64_t n, int64_t min_parallel,
                 double *out);
int jpar_dot_f32(int64_t pool, const float *x, const float *y, int64_t n, int64_t min_parallel,
                 double *out);
/* y = a * x + y */
int jpar_axpy_f64(int64_t pool, double a, const double *x, double *y, int64_t n,
                  int64_t min_parallel);
/* x = a * x */
int jpar_scale_f64(int64_t pool, double a, double *x, int64_t n, int64_t min_parallel);
/* y = A x, A row-major rows x cols; rows split into chunks, each row a four-accumulator dot. */
int jpar_matvec_f64(int64_t pool, const double *a, const double *x, double *y, int64_t rows,
                    int64_t cols, int64_t min_parallel);

#pragma GCC visibility pop

#ifdef __cplusplus
}
#endif

#endif /* JPAR_H */
