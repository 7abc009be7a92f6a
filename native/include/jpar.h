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
 *   - A status is four int32_t: source, tag, error, byte count.
 *   - Source and tag wildcards, MPI_PROC_NULL and MPI_UNDEFINED are the JPAR_
 *     values below, whatever the MPI library uses.
 *
 * Nothing here calls back into the caller.
 */
#ifndef JPAR_H
#define JPAR_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Element types. Java's char is a 16-bit unsigned integer. */
enum {
    JPAR_BYTE = 0,
    JPAR_SHORT = 1,
    JPAR_INT = 2,
    JPAR_LONG = 3,
    JPAR_FLOAT = 4,
    JPAR_DOUBLE = 5,
    JPAR_CHAR = 6,
    JPAR_TYPE_COUNT = 7
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
    JPAR_OP_COUNT = 10
};

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

/* Layout of a status: four int32_t. */
#define JPAR_STATUS_SOURCE 0
#define JPAR_STATUS_TAG 1
#define JPAR_STATUS_ERROR 2
#define JPAR_STATUS_BYTES 3
#define JPAR_STATUS_INTS 4

/* Error codes of jpar's own, outside MPI's range: a bad type or op number. */
#define JPAR_ERR_ARG (-22)

/* Lifecycle. */
int jpar_init(int32_t required, int32_t *provided);
int jpar_finalize(void);
int jpar_initialized(int32_t *flag);
int jpar_finalized(int32_t *flag);
int jpar_abort(int64_t comm, int32_t code);
double jpar_wtime(void);
int jpar_max_processor_name(void);
int jpar_processor_name(char *name, int32_t *length);
int jpar_error_string(int32_t code, char *text, int32_t *length);
int jpar_error_class(int32_t code, int32_t *error_class);
int jpar_max_error_string(void);

/* Communicators. */
int64_t jpar_comm_null(void);
int64_t jpar_comm_world(void);
int64_t jpar_comm_self(void);
int jpar_comm_rank(int64_t comm, int32_t *rank);
int jpar_comm_size(int64_t comm, int32_t *size);
int jpar_comm_tag_ub(int64_t comm, int32_t *tag_ub);
int jpar_comm_dup(int64_t comm, int64_t *out);
int jpar_comm_split(int64_t comm, int32_t color, int32_t key, int64_t *out);
int jpar_comm_free(int64_t *comm);
int jpar_barrier(int64_t comm);

/* Point to point. */
int jpar_send(const void *buf, int32_t count, int32_t type, int32_t dest, int32_t tag,
              int64_t comm);
int jpar_recv(void *buf, int32_t count, int32_t type, int32_t source, int32_t tag,
              int64_t comm, int32_t *status);
int jpar_sendrecv(const void *sendbuf, int32_t sendcount, int32_t dest, int32_t sendtag,
                  void *recvbuf, int32_t recvcount, int32_t source, int32_t recvtag,
                  int32_t type, int64_t comm, int32_t *status);
int jpar_probe(int32_t source, int32_t tag, int64_t comm, int32_t *status);
int jpar_iprobe(int32_t source, int32_t tag, int64_t comm, int32_t *flag, int32_t *status);
int jpar_mprobe(int32_t source, int32_t tag, int64_t comm, int64_t *message, int32_t *status);
int jpar_mrecv(void *buf, int32_t count, int32_t type, int64_t *message, int32_t *status);
int jpar_get_count(const int32_t *status, int32_t type, int32_t *count);

/* Nonblocking point to point and completion. */
int jpar_isend(const void *buf, int32_t count, int32_t type, int32_t dest, int32_t tag,
               int64_t comm, int64_t *request);
int jpar_irecv(void *buf, int32_t count, int32_t type, int32_t source, int32_t tag,
               int64_t comm, int64_t *request);
int jpar_wait(int64_t *request, int32_t *status);
int jpar_test(int64_t *request, int32_t *flag, int32_t *status);
int jpar_waitall(int32_t count, int64_t *requests, int32_t *statuses);
int jpar_waitany(int32_t count, int64_t *requests, int32_t *index, int32_t *status);

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

#ifdef __cplusplus
}
#endif

#endif /* JPAR_H */
