/* Collectives. Send and receive sides share one element type. */
#include "internal.h"

int jpar_bcast(void *buf, int32_t count, int32_t type, int32_t root, int64_t comm) {
    return MPI_Bcast(buf, count, jpar_mpi_type(type), root, comm_of(comm));
}

int jpar_reduce(const void *sendbuf, void *recvbuf, int32_t count, int32_t type, int32_t op,
                int32_t root, int64_t comm) {
    return MPI_Reduce(sendbuf, recvbuf, count, jpar_mpi_type(type), jpar_mpi_op(op), root,
                      comm_of(comm));
}

int jpar_allreduce(const void *sendbuf, void *recvbuf, int32_t count, int32_t type, int32_t op,
                   int64_t comm) {
    return MPI_Allreduce(sendbuf, recvbuf, count, jpar_mpi_type(type), jpar_mpi_op(op),
                         comm_of(comm));
}

int jpar_gather(const void *sendbuf, int32_t sendcount, void *recvbuf, int32_t recvcount,
                int32_t type, int32_t root, int64_t comm) {
    MPI_Datatype t = jpar_mpi_type(type);
    return MPI_Gather(sendbuf, sendcount, t, recvbuf, recvcount, t, root, comm_of(comm));
}

int jpar_gatherv(const void *sendbuf, int32_t sendcount, void *recvbuf, const int32_t *recvcounts,
                 const int32_t *displs, int32_t type, int32_t root, int64_t comm) {
    MPI_Datatype t = jpar_mpi_type(type);
    return MPI_Gatherv(sendbuf, sendcount, t, recvbuf, recvcounts, displs, t, root,
                       comm_of(comm));
}

int jpar_allgather(const void *sendbuf, int32_t sendcount, void *recvbuf, int32_t recvcount,
                   int32_t type, int64_t comm) {
    MPI_Datatype t = jpar_mpi_type(type);
    return MPI_Allgather(sendbuf, sendcount, t, recvbuf, recvcount, t, comm_of(comm));
}

int jpar_allgatherv(const void *sendbuf, int32_t sendcount, void *recvbuf,
                    const int32_t *recvcounts, const int32_t *displs, int32_t type, int64_t comm) {
    MPI_Datatype t = jpar_mpi_type(type);
    return MPI_Allgatherv(sendbuf, sendcount, t, recvbuf, recvcounts, displs, t, comm_of(comm));
}

int jpar_scatter(const void *sendbuf, int32_t sendcount, void *recvbuf, int32_t recvcount,
                 int32_t type, int32_t root, int64_t comm) {
    MPI_Datatype t = jpar_mpi_type(type);
    return MPI_Scatter(sendbuf, sendcount, t, recvbuf, recvcount, t, root, comm_of(comm));
}

int jpar_scatterv(const void *sendbuf, const int32_t *sendcounts, const int32_t *displs,
                  void *recvbuf, int32_t recvcount, int32_t type, int32_t root, int64_t comm) {
    MPI_Datatype t = jpar_mpi_type(type);
    return MPI_Scatterv(sendbuf, sendcounts, displs, t, recvbuf, recvcount, t, root,
                        comm_of(comm));
}

int jpar_alltoall(const void *sendbuf, int32_t sendcount, void *recvbuf, int32_t recvcount,
                  int32_t type, int64_t comm) {
    MPI_Datatype t = jpar_mpi_type(type);
    return MPI_Alltoall(sendbuf, sendcount, t, recvbuf, recvcount, t, comm_of(comm));
}
