/* Collectives. Send and receive sides share one element type. */
#include <stdlib.h>

#include "internal.h"

int jpar_bcast(void *buf, int32_t count, int32_t type, int32_t root, int64_t comm) {
    return MPI_Bcast(buf, count, jpar_mpi_type(type), jpar_mpi_root(root), comm_of(comm));
}

int jpar_reduce(const void *sendbuf, void *recvbuf, int32_t count, int32_t type, int32_t op,
                int32_t root, int64_t comm) {
    return MPI_Reduce(jpar_send_buf(sendbuf), recvbuf, count, jpar_mpi_type(type), jpar_mpi_op(op),
                      jpar_mpi_root(root), comm_of(comm));
}

int jpar_allreduce(const void *sendbuf, void *recvbuf, int32_t count, int32_t type, int32_t op,
                   int64_t comm) {
    return MPI_Allreduce(jpar_send_buf(sendbuf), recvbuf, count, jpar_mpi_type(type),
                         jpar_mpi_op(op), comm_of(comm));
}

int jpar_gather(const void *sendbuf, int32_t sendcount, void *recvbuf, int32_t recvcount,
                int32_t type, int32_t root, int64_t comm) {
    MPI_Datatype t = jpar_mpi_type(type);
    return MPI_Gather(jpar_send_buf(sendbuf), sendcount, t, recvbuf, recvcount, t,
                      jpar_mpi_root(root), comm_of(comm));
}

int jpar_gatherv(const void *sendbuf, int32_t sendcount, void *recvbuf, const int32_t *recvcounts,
                 const int32_t *displs, int32_t type, int32_t root, int64_t comm) {
    MPI_Datatype t = jpar_mpi_type(type);
    return MPI_Gatherv(jpar_send_buf(sendbuf), sendcount, t, recvbuf, recvcounts, displs, t,
                       jpar_mpi_root(root), comm_of(comm));
}

int jpar_allgather(const void *sendbuf, int32_t sendcount, void *recvbuf, int32_t recvcount,
                   int32_t type, int64_t comm) {
    MPI_Datatype t = jpar_mpi_type(type);
    return MPI_Allgather(jpar_send_buf(sendbuf), sendcount, t, recvbuf, recvcount, t,
                         comm_of(comm));
}

int jpar_allgatherv(const void *sendbuf, int32_t sendcount, void *recvbuf,
                    const int32_t *recvcounts, const int32_t *displs, int32_t type, int64_t comm) {
    MPI_Datatype t = jpar_mpi_type(type);
    return MPI_Allgatherv(jpar_send_buf(sendbuf), sendcount, t, recvbuf, recvcounts, displs, t,
                          comm_of(comm));
}

int jpar_scatter(const void *sendbuf, int32_t sendcount, void *recvbuf, int32_t recvcount,
                 int32_t type, int32_t root, int64_t comm) {
    MPI_Datatype t = jpar_mpi_type(type);
    return MPI_Scatter(jpar_send_buf(sendbuf), sendcount, t, jpar_recv_buf(recvbuf), recvcount, t,
                       jpar_mpi_root(root), comm_of(comm));
}

int jpar_scatterv(const void *sendbuf, const int32_t *sendcounts, const int32_t *displs,
                  void *recvbuf, int32_t recvcount, int32_t type, int32_t root, int64_t comm) {
    MPI_Datatype t = jpar_mpi_type(type);
    return MPI_Scatterv(jpar_send_buf(sendbuf), sendcounts, displs, t, jpar_recv_buf(recvbuf),
                        recvcount, t, jpar_mpi_root(root), comm_of(comm));
}

int jpar_alltoall(const void *sendbuf, int32_t sendcount, void *recvbuf, int32_t recvcount,
                  int32_t type, int64_t comm) {
    MPI_Datatype t = jpar_mpi_type(type);
    return MPI_Alltoall(jpar_send_buf(sendbuf), sendcount, t, recvbuf, recvcount, t, comm_of(comm));
}

int jpar_alltoallv(const void *sendbuf, const int32_t *sendcounts, const int32_t *sdispls,
                   void *recvbuf, const int32_t *recvcounts, const int32_t *rdispls, int32_t type,
                   int64_t comm) {
    MPI_Datatype t = jpar_mpi_type(type);
    return MPI_Alltoallv(jpar_send_buf(sendbuf), sendcounts, sdispls, t, recvbuf, recvcounts,
                         rdispls, t, comm_of(comm));
}

/* MPI wants arrays of its own type handles for jpar's type numbers. */
static MPI_Datatype *types_in(int n, const int32_t *types) {
    MPI_Datatype *out = malloc(sizeof(MPI_Datatype) * (n > 0 ? (size_t) n : 1));
    for (int i = 0; out != NULL && i < n; i++) {
        out[i] = jpar_mpi_type(types[i]);
    }
    return out;
}

int jpar_alltoallw(const void *sendbuf, const int32_t *sendcounts, const int32_t *sdispls,
                   const int32_t *sendtypes, void *recvbuf, const int32_t *recvcounts,
                   const int32_t *rdispls, const int32_t *recvtypes, int64_t comm) {
    MPI_Comm c = comm_of(comm);
    int n = 0;
    int rc = jpar_peer_count(c, &n);
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    MPI_Datatype *st = types_in(n, sendtypes);
    MPI_Datatype *rt = types_in(n, recvtypes);
    if (st == NULL || rt == NULL) {
        free(st);
        free(rt);
        return MPI_ERR_NO_MEM;
    }
    rc = MPI_Alltoallw(jpar_send_buf(sendbuf), sendcounts, sdispls, st, recvbuf, recvcounts,
                       rdispls, rt, c);
    free(st);
    free(rt);
    return rc;
}

int jpar_scan(const void *sendbuf, void *recvbuf, int32_t count, int32_t type, int32_t op,
              int64_t comm) {
    return MPI_Scan(jpar_send_buf(sendbuf), recvbuf, count, jpar_mpi_type(type), jpar_mpi_op(op),
                    comm_of(comm));
}

int jpar_exscan(const void *sendbuf, void *recvbuf, int32_t count, int32_t type, int32_t op,
                int64_t comm) {
    return MPI_Exscan(jpar_send_buf(sendbuf), recvbuf, count, jpar_mpi_type(type), jpar_mpi_op(op),
                      comm_of(comm));
}

int jpar_reduce_scatter(const void *sendbuf, void *recvbuf, const int32_t *recvcounts,
                        int32_t type, int32_t op, int64_t comm) {
    return MPI_Reduce_scatter(jpar_send_buf(sendbuf), recvbuf, recvcounts, jpar_mpi_type(type),
                              jpar_mpi_op(op), comm_of(comm));
}

int jpar_reduce_scatter_block(const void *sendbuf, void *recvbuf, int32_t recvcount,
                              int32_t type, int32_t op, int64_t comm) {
    return MPI_Reduce_scatter_block(jpar_send_buf(sendbuf), recvbuf, recvcount, jpar_mpi_type(type),
                                    jpar_mpi_op(op), comm_of(comm));
}

int jpar_reduce_local(const void *inbuf, void *inoutbuf, int32_t count, int32_t type, int32_t op) {
    return MPI_Reduce_local(inbuf, inoutbuf, count, jpar_mpi_type(type), jpar_mpi_op(op));
}
