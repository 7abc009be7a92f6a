/* Cartesian and graph topologies, and neighbour collectives. */
#include <stdlib.h>

#include "internal.h"

int jpar_cart_create(int64_t comm, int32_t ndims, const int32_t *dims, const int32_t *periods,
                     int32_t reorder, int64_t *out) {
    MPI_Comm c = MPI_COMM_NULL;
    return jpar_comm_out(MPI_Cart_create(comm_of(comm), ndims, dims, periods, reorder != 0, &c),
                         &c, out);
}

int jpar_dims_create(int32_t nnodes, int32_t ndims, int32_t *dims) {
    return MPI_Dims_create(nnodes, ndims, dims);
}

int jpar_cartdim_get(int64_t comm, int32_t *ndims) {
    int n = 0;
    int rc = MPI_Cartdim_get(comm_of(comm), &n);
    *ndims = n;
    return rc;
}

int jpar_cart_get(int64_t comm, int32_t maxdims, int32_t *dims, int32_t *periods,
                  int32_t *coords) {
    return MPI_Cart_get(comm_of(comm), maxdims, dims, periods, coords);
}

int jpar_cart_rank(int64_t comm, const int32_t *coords, int32_t *rank) {
    int r = 0;
    int rc = MPI_Cart_rank(comm_of(comm), coords, &r);
    *rank = r;
    return rc;
}

int jpar_cart_coords(int64_t comm, int32_t rank, int32_t maxdims, int32_t *coords) {
    return MPI_Cart_coords(comm_of(comm), rank, maxdims, coords);
}

int jpar_cart_shift(int64_t comm, int32_t direction, int32_t disp, int32_t *source,
                    int32_t *dest) {
    int s = MPI_PROC_NULL;
    int d = MPI_PROC_NULL;
    int rc = MPI_Cart_shift(comm_of(comm), direction, disp, &s, &d);
    *source = s == MPI_PROC_NULL ? JPAR_PROC_NULL : s;
    *dest = d == MPI_PROC_NULL ? JPAR_PROC_NULL : d;
    return rc;
}

int jpar_cart_sub(int64_t comm, const int32_t *remain_dims, int64_t *out) {
    MPI_Comm c = MPI_COMM_NULL;
    return jpar_comm_out(MPI_Cart_sub(comm_of(comm), remain_dims, &c), &c, out);
}

int jpar_neighbor_allgather(const void *sendbuf, int32_t sendcount, void *recvbuf,
                            int32_t recvcount, int32_t type, int64_t comm) {
    MPI_Datatype t = jpar_mpi_type(type);
    return MPI_Neighbor_allgather(sendbuf, sendcount, t, recvbuf, recvcount, t, comm_of(comm));
}

int jpar_neighbor_allgatherv(const void *sendbuf, int32_t sendcount, void *recvbuf,
                             const int32_t *recvcounts, const int32_t *displs, int32_t type,
                             int64_t comm) {
    MPI_Datatype t = jpar_mpi_type(type);
    return MPI_Neighbor_allgatherv(sendbuf, sendcount, t, recvbuf, recvcounts, displs, t,
                                   comm_of(comm));
}

int jpar_neighbor_alltoall(const void *sendbuf, int32_t sendcount, void *recvbuf,
                           int32_t recvcount, int32_t type, int64_t comm) {
    MPI_Datatype t = jpar_mpi_type(type);
    return MPI_Neighbor_alltoall(sendbuf, sendcount, t, recvbuf, recvcount, t, comm_of(comm));
}

int jpar_neighbor_alltoallv(const void *sendbuf, const int32_t *sendcounts,
                            const int32_t *sdispls, void *recvbuf, const int32_t *recvcounts,
                            const int32_t *rdispls, int32_t type, int64_t comm) {
    MPI_Datatype t = jpar_mpi_type(type);
    return MPI_Neighbor_alltoallv(sendbuf, sendcounts, sdispls, t, recvbuf, recvcounts, rdispls,
                                  t, comm_of(comm));
}

/* How many a neighbour collective over c receives from (in) and sends to (out). */
static int degrees(MPI_Comm c, int *in, int *out) {
    int topology = MPI_UNDEFINED;
    int rc = MPI_Topo_test(c, &topology);
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    if (topology == MPI_CART) {
        int ndims = 0;
        rc = MPI_Cartdim_get(c, &ndims);
        *in = *out = 2 * ndims;
    } else if (topology == MPI_GRAPH) {
        int rank = 0;
        MPI_Comm_rank(c, &rank);
        rc = MPI_Graph_neighbors_count(c, rank, in);
        *out = *in;
    } else if (topology == MPI_DIST_GRAPH) {
        int weighted = 0;
        rc = MPI_Dist_graph_neighbors_count(c, in, out, &weighted);
    } else {
        rc = MPI_ERR_TOPOLOGY;
    }
    return rc;
}

/*
 * MPI's arrays for a neighbour alltoallw, laid out in workspace (16 bytes per source and per
 * destination): types, then byte displacements as MPI_Aint.
 */
static int w_arrays(MPI_Comm c, const int32_t *sdispls, const int32_t *sendtypes,
                    const int32_t *rdispls, const int32_t *recvtypes, void *workspace,
                    MPI_Datatype **st, MPI_Aint **sd, MPI_Datatype **rt, MPI_Aint **rd) {
    int in = 0;
    int out = 0;
    int rc = degrees(c, &in, &out);
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    char *at = workspace;
    *st = (MPI_Datatype *) at;
    *rt = *st + out;
    *sd = (MPI_Aint *) (at + 8 * (size_t) (out + in));
    *rd = *sd + out;
    for (int i = 0; i < out; i++) {
        (*st)[i] = jpar_mpi_type(sendtypes[i]);
        (*sd)[i] = sdispls[i];
    }
    for (int i = 0; i < in; i++) {
        (*rt)[i] = jpar_mpi_type(recvtypes[i]);
        (*rd)[i] = rdispls[i];
    }
    return MPI_SUCCESS;
}

int jpar_neighbor_alltoallw(const void *sendbuf, const int32_t *sendcounts,
                            const int32_t *sdispls, const int32_t *sendtypes, void *recvbuf,
                            const int32_t *recvcounts, const int32_t *rdispls,
                            const int32_t *recvtypes, int64_t comm) {
    MPI_Comm c = comm_of(comm);
    int in = 0;
    int out = 0;
    int rc = degrees(c, &in, &out);
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    void *workspace = malloc(16 * (size_t) (in + out) + 1);
    if (workspace == NULL) {
        return MPI_ERR_NO_MEM;
    }
    MPI_Datatype *st, *rt;
    MPI_Aint *sd, *rd;
    rc = w_arrays(c, sdispls, sendtypes, rdispls, recvtypes, workspace, &st, &sd, &rt, &rd);
    if (rc == MPI_SUCCESS) {
        rc = MPI_Neighbor_alltoallw(sendbuf, sendcounts, sd, st, recvbuf, recvcounts, rd, rt, c);
    }
    free(workspace);
    return rc;
}

/* As icoll.c's: req is read after the call that fills it. */
static int started(int rc, const MPI_Request *req, int64_t *request) {
    *request = request_handle(rc == MPI_SUCCESS ? *req : MPI_REQUEST_NULL);
    return rc;
}

int jpar_ineighbor_allgather(const void *sendbuf, int32_t sendcount, void *recvbuf,
                             int32_t recvcount, int32_t type, int64_t comm, int64_t *request) {
    MPI_Datatype t = jpar_mpi_type(type);
    MPI_Request req = MPI_REQUEST_NULL;
    return started(MPI_Ineighbor_allgather(sendbuf, sendcount, t, recvbuf, recvcount, t,
                                           comm_of(comm), &req), &req, request);
}

int jpar_ineighbor_allgatherv(const void *sendbuf, int32_t sendcount, void *recvbuf,
                              const int32_t *recvcounts, const int32_t *displs, int32_t type,
                              int64_t comm, int64_t *request) {
    MPI_Datatype t = jpar_mpi_type(type);
    MPI_Request req = MPI_REQUEST_NULL;
    return started(MPI_Ineighbor_allgatherv(sendbuf, sendcount, t, recvbuf, recvcounts, displs,
                                            t, comm_of(comm), &req), &req, request);
}

int jpar_ineighbor_alltoall(const void *sendbuf, int32_t sendcount, void *recvbuf,
                            int32_t recvcount, int32_t type, int64_t comm, int64_t *request) {
    MPI_Datatype t = jpar_mpi_type(type);
    MPI_Request req = MPI_REQUEST_NULL;
    return started(MPI_Ineighbor_alltoall(sendbuf, sendcount, t, recvbuf, recvcount, t,
                                          comm_of(comm), &req), &req, request);
}

int jpar_ineighbor_alltoallw(const void *sendbuf, const int32_t *sendcounts,
                             const int32_t *sdispls, const int32_t *sendtypes, void *recvbuf,
                             const int32_t *recvcounts, const int32_t *rdispls,
                             const int32_t *recvtypes, int64_t comm, void *workspace,
                             int64_t *request) {
    MPI_Comm c = comm_of(comm);
    MPI_Datatype *st, *rt;
    MPI_Aint *sd, *rd;
    MPI_Request req = MPI_REQUEST_NULL;
    int rc = w_arrays(c, sdispls, sendtypes, rdispls, recvtypes, workspace, &st, &sd, &rt, &rd);
    if (rc != MPI_SUCCESS) {
        *request = request_handle(MPI_REQUEST_NULL);
        return rc;
    }
    return started(MPI_Ineighbor_alltoallw(sendbuf, sendcounts, sd, st, recvbuf, recvcounts, rd,
                                           rt, c, &req), &req, request);
}

int jpar_ineighbor_alltoallv(const void *sendbuf, const int32_t *sendcounts,
                             const int32_t *sdispls, void *recvbuf, const int32_t *recvcounts,
                             const int32_t *rdispls, int32_t type, int64_t comm,
                             int64_t *request) {
    MPI_Datatype t = jpar_mpi_type(type);
    MPI_Request req = MPI_REQUEST_NULL;
    return started(MPI_Ineighbor_alltoallv(sendbuf, sendcounts, sdispls, t, recvbuf, recvcounts,
                                           rdispls, t, comm_of(comm), &req), &req, request);
}

int jpar_graph_create(int64_t comm, int32_t nnodes, const int32_t *index, const int32_t *edges,
                      int32_t reorder, int64_t *out) {
    MPI_Comm c = MPI_COMM_NULL;
    return jpar_comm_out(MPI_Graph_create(comm_of(comm), nnodes, index, edges, reorder != 0, &c),
                         &c, out);
}

int jpar_graph_neighbors_count(int64_t comm, int32_t rank, int32_t *count) {
    int n = 0;
    int rc = MPI_Graph_neighbors_count(comm_of(comm), rank, &n);
    *count = n;
    return rc;
}

int jpar_graph_neighbors(int64_t comm, int32_t rank, int32_t maxneighbors, int32_t *neighbors) {
    return MPI_Graph_neighbors(comm_of(comm), rank, maxneighbors, neighbors);
}

/* MPI_UNWEIGHTED is a sentinel address, which gcc takes for a buffer of no bytes. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-overread"
#pragma GCC diagnostic ignored "-Wstringop-overflow"

/* A weight array, or MPI_UNWEIGHTED for none. */
static int *weights_of(const int32_t *weights) {
    return weights == NULL ? MPI_UNWEIGHTED : (int *) weights;
}

int jpar_dist_graph_create_adjacent(int64_t comm, int32_t indegree, const int32_t *sources,
                                    const int32_t *sourceweights, int32_t outdegree,
                                    const int32_t *destinations, const int32_t *destweights,
                                    int32_t reorder, int64_t *out) {
    MPI_Comm c = MPI_COMM_NULL;
    return jpar_comm_out(MPI_Dist_graph_create_adjacent(comm_of(comm), indegree, sources,
                                                        weights_of(sourceweights), outdegree,
                                                        destinations, weights_of(destweights),
                                                        MPI_INFO_NULL, reorder != 0, &c),
                         &c, out);
}

int jpar_dist_graph_create(int64_t comm, int32_t n, const int32_t *sources,
                           const int32_t *degrees, const int32_t *destinations,
                           const int32_t *weights, int32_t reorder, int64_t *out) {
    MPI_Comm c = MPI_COMM_NULL;
    return jpar_comm_out(MPI_Dist_graph_create(comm_of(comm), n, sources, degrees, destinations,
                                               weights_of(weights), MPI_INFO_NULL, reorder != 0,
                                               &c),
                         &c, out);
}

int jpar_dist_graph_neighbors_count(int64_t comm, int32_t *indegree, int32_t *outdegree,
                                    int32_t *weighted) {
    int in = 0;
    int out = 0;
    int w = 0;
    int rc = MPI_Dist_graph_neighbors_count(comm_of(comm), &in, &out, &w);
    *indegree = in;
    *outdegree = out;
    *weighted = w != 0;
    return rc;
}

int jpar_dist_graph_neighbors(int64_t comm, int32_t maxindegree, int32_t *sources,
                              int32_t *sourceweights, int32_t maxoutdegree,
                              int32_t *destinations, int32_t *destweights) {
    return MPI_Dist_graph_neighbors(comm_of(comm), maxindegree, sources,
                                    weights_of(sourceweights), maxoutdegree, destinations,
                                    weights_of(destweights));
}

#pragma GCC diagnostic pop
