/* Nonblocking collectives: each starts its blocking twin's operation and gives a request. */
#include "internal.h"

/* Stores the request (the null one after a failure) and passes the code on; req is read after
   the call that fills it, which an argument passed by value would not be. */
static int started(int rc, const MPI_Request *req, int64_t *request) {
    *request = request_handle(rc == MPI_SUCCESS ? *req : MPI_REQUEST_NULL);
    return rc;
}

int jpar_ibarrier(int64_t comm, int64_t *request) {
    MPI_Request req = MPI_REQUEST_NULL;
    return started(MPI_Ibarrier(comm_of(comm), &req), &req, request);
}

int jpar_ibcast(void *buf, int32_t count, int32_t type, int32_t root, int64_t comm,
                int64_t *request) {
    MPI_Request req = MPI_REQUEST_NULL;
    return started(MPI_Ibcast(buf, count, jpar_mpi_type(type),
                              jpar_mpi_root(root), comm_of(comm), &req),
                   &req, request);
}

int jpar_ireduce(const void *sendbuf, void *recvbuf, int32_t count, int32_t type, int32_t op,
                 int32_t root, int64_t comm, int64_t *request) {
    MPI_Request req = MPI_REQUEST_NULL;
    return started(MPI_Ireduce(jpar_send_buf(sendbuf), recvbuf, count, jpar_mpi_type(type),
                               jpar_mpi_op(op), jpar_mpi_root(root), comm_of(comm), &req),
                   &req, request);
}

int jpar_iallreduce(const void *sendbuf, void *recvbuf, int32_t count, int32_t type, int32_t op,
                    int64_t comm, int64_t *request) {
    MPI_Request req = MPI_REQUEST_NULL;
    return started(MPI_Iallreduce(jpar_send_buf(sendbuf), recvbuf, count, jpar_mpi_type(type),
                                  jpar_mpi_op(op), comm_of(comm), &req), &req, request);
}

int jpar_igather(const void *sendbuf, int32_t sendcount, void *recvbuf, int32_t recvcount,
                 int32_t type, int32_t root, int64_t comm, int64_t *request) {
    MPI_Datatype t = jpar_mpi_type(type);
    MPI_Request req = MPI_REQUEST_NULL;
    return started(MPI_Igather(jpar_send_buf(sendbuf), sendcount, t, recvbuf, recvcount, t,
                               jpar_mpi_root(root), comm_of(comm), &req), &req, request);
}

int jpar_igatherv(const void *sendbuf, int32_t sendcount, void *recvbuf,
                  const int32_t *recvcounts, const int32_t *displs, int32_t type, int32_t root,
                  int64_t comm, int64_t *request) {
    MPI_Datatype t = jpar_mpi_type(type);
    MPI_Request req = MPI_REQUEST_NULL;
    return started(MPI_Igatherv(jpar_send_buf(sendbuf), sendcount, t, recvbuf, recvcounts, displs,
                                t, jpar_mpi_root(root), comm_of(comm), &req), &req, request);
}

int jpar_iallgather(const void *sendbuf, int32_t sendcount, void *recvbuf, int32_t recvcount,
                    int32_t type, int64_t comm, int64_t *request) {
    MPI_Datatype t = jpar_mpi_type(type);
    MPI_Request req = MPI_REQUEST_NULL;
    return started(MPI_Iallgather(jpar_send_buf(sendbuf), sendcount, t, recvbuf, recvcount, t,
                                  comm_of(comm), &req), &req, request);
}

int jpar_iallgatherv(const void *sendbuf, int32_t sendcount, void *recvbuf,
                     const int32_t *recvcounts, const int32_t *displs, int32_t type, int64_t comm,
                     int64_t *request) {
    MPI_Datatype t = jpar_mpi_type(type);
    MPI_Request req = MPI_REQUEST_NULL;
    return started(MPI_Iallgatherv(jpar_send_buf(sendbuf), sendcount, t, recvbuf, recvcounts,
                                   displs, t, comm_of(comm), &req), &req, request);
}

int jpar_iscatter(const void *sendbuf, int32_t sendcount, void *recvbuf, int32_t recvcount,
                  int32_t type, int32_t root, int64_t comm, int64_t *request) {
    MPI_Datatype t = jpar_mpi_type(type);
    MPI_Request req = MPI_REQUEST_NULL;
    return started(MPI_Iscatter(jpar_send_buf(sendbuf), sendcount, t, jpar_recv_buf(recvbuf),
                                recvcount, t, jpar_mpi_root(root), comm_of(comm), &req),
                   &req, request);
}

int jpar_iscatterv(const void *sendbuf, const int32_t *sendcounts, const int32_t *displs,
                   void *recvbuf, int32_t recvcount, int32_t type, int32_t root, int64_t comm,
                   int64_t *request) {
    MPI_Datatype t = jpar_mpi_type(type);
    MPI_Request req = MPI_REQUEST_NULL;
    return started(MPI_Iscatterv(jpar_send_buf(sendbuf), sendcounts, displs, t,
                                 jpar_recv_buf(recvbuf), recvcount, t, jpar_mpi_root(root),
                                 comm_of(comm), &req),
                   &req, request);
}

int jpar_ialltoall(const void *sendbuf, int32_t sendcount, void *recvbuf, int32_t recvcount,
                   int32_t type, int64_t comm, int64_t *request) {
    MPI_Datatype t = jpar_mpi_type(type);
    MPI_Request req = MPI_REQUEST_NULL;
    return started(MPI_Ialltoall(jpar_send_buf(sendbuf), sendcount, t, recvbuf, recvcount, t,
                                 comm_of(comm), &req), &req, request);
}

int jpar_ialltoallv(const void *sendbuf, const int32_t *sendcounts, const int32_t *sdispls,
                    void *recvbuf, const int32_t *recvcounts, const int32_t *rdispls, int32_t type,
                    int64_t comm, int64_t *request) {
    MPI_Datatype t = jpar_mpi_type(type);
    MPI_Request req = MPI_REQUEST_NULL;
    return started(MPI_Ialltoallv(jpar_send_buf(sendbuf), sendcounts, sdispls, t, recvbuf,
                                  recvcounts, rdispls, t, comm_of(comm), &req), &req, request);
}

int jpar_ialltoallw(const void *sendbuf, const int32_t *sendcounts, const int32_t *sdispls,
                    const int32_t *sendtypes, void *recvbuf, const int32_t *recvcounts,
                    const int32_t *rdispls, const int32_t *recvtypes, int64_t comm,
                    void *workspace, int64_t *request) {
    _Static_assert(sizeof(MPI_Datatype) <= 8, "two MPI_Datatype arrays must fit 16 bytes a rank");
    MPI_Comm c = comm_of(comm);
    int n = 0;
    int rc = jpar_peer_count(c, &n);
    if (rc != MPI_SUCCESS) {
        *request = request_handle(MPI_REQUEST_NULL);
        return rc;
    }
    MPI_Datatype *st = workspace;
    MPI_Datatype *rt = st + n;
    for (int i = 0; i < n; i++) {
        st[i] = jpar_mpi_type(sendtypes[i]);
        rt[i] = jpar_mpi_type(recvtypes[i]);
    }
    MPI_Request req = MPI_REQUEST_NULL;
    return started(MPI_Ialltoallw(jpar_send_buf(sendbuf), sendcounts, sdispls, st, recvbuf,
                                  recvcounts, rdispls, rt, c, &req), &req, request);
}

int jpar_iscan(const void *sendbuf, void *recvbuf, int32_t count, int32_t type, int32_t op,
               int64_t comm, int64_t *request) {
    MPI_Request req = MPI_REQUEST_NULL;
    return started(MPI_Iscan(jpar_send_buf(sendbuf), recvbuf, count, jpar_mpi_type(type),
                             jpar_mpi_op(op), comm_of(comm), &req), &req, request);
}

int jpar_iexscan(const void *sendbuf, void *recvbuf, int32_t count, int32_t type, int32_t op,
                 int64_t comm, int64_t *request) {
    MPI_Request req = MPI_REQUEST_NULL;
    return started(MPI_Iexscan(jpar_send_buf(sendbuf), recvbuf, count, jpar_mpi_type(type),
                               jpar_mpi_op(op), comm_of(comm), &req), &req, request);
}

int jpar_ireduce_scatter(const void *sendbuf, void *recvbuf, const int32_t *recvcounts,
                         int32_t type, int32_t op, int64_t comm, int64_t *request) {
    MPI_Request req = MPI_REQUEST_NULL;
    return started(MPI_Ireduce_scatter(jpar_send_buf(sendbuf), recvbuf, recvcounts,
                                       jpar_mpi_type(type), jpar_mpi_op(op), comm_of(comm), &req),
                                       &req, request);
}

int jpar_ireduce_scatter_block(const void *sendbuf, void *recvbuf, int32_t recvcount,
                               int32_t type, int32_t op, int64_t comm, int64_t *request) {
    MPI_Request req = MPI_REQUEST_NULL;
    return started(MPI_Ireduce_scatter_block(jpar_send_buf(sendbuf), recvbuf, recvcount,
                                             jpar_mpi_type(type), jpar_mpi_op(op), comm_of(comm),
                                             &req), &req, request);
}
