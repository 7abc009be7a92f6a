/* Point to point: blocking, probing, nonblocking and completion. */
#include <stdlib.h>

#include "internal.h"

int jpar_send(const void *buf, int32_t count, int32_t type, int32_t dest, int32_t tag,
              int64_t comm) {
    return MPI_Send(buf, count, jpar_mpi_type(type), jpar_mpi_source(dest), tag, comm_of(comm));
}

int jpar_ssend(const void *buf, int32_t count, int32_t type, int32_t dest, int32_t tag,
               int64_t comm) {
    return MPI_Ssend(buf, count, jpar_mpi_type(type), jpar_mpi_source(dest), tag, comm_of(comm));
}

int jpar_recv(void *buf, int32_t count, int32_t type, int32_t source, int32_t tag,
              int64_t comm, int32_t *status) {
    MPI_Status st;
    int rc = MPI_Recv(buf, count, jpar_mpi_type(type), jpar_mpi_source(source), jpar_mpi_tag(tag),
                      comm_of(comm), &st);
    jpar_status_out(&st, status);
    return rc;
}

int jpar_sendrecv(const void *sendbuf, int32_t sendcount, int32_t dest, int32_t sendtag,
                  void *recvbuf, int32_t recvcount, int32_t source, int32_t recvtag,
                  int32_t type, int64_t comm, int32_t *status) {
    MPI_Datatype t = jpar_mpi_type(type);
    MPI_Status st;
    int rc = MPI_Sendrecv(sendbuf, sendcount, t, jpar_mpi_source(dest), sendtag, recvbuf,
                          recvcount, t, jpar_mpi_source(source), jpar_mpi_tag(recvtag),
                          comm_of(comm), &st);
    jpar_status_out(&st, status);
    return rc;
}

int jpar_probe(int32_t source, int32_t tag, int64_t comm, int32_t *status) {
    MPI_Status st;
    int rc = MPI_Probe(jpar_mpi_source(source), jpar_mpi_tag(tag), comm_of(comm), &st);
    jpar_status_out(&st, status);
    return rc;
}

int jpar_iprobe(int32_t source, int32_t tag, int64_t comm, int32_t *flag, int32_t *status) {
    MPI_Status st;
    int f = 0;
    int rc = MPI_Iprobe(jpar_mpi_source(source), jpar_mpi_tag(tag), comm_of(comm), &f, &st);
    *flag = f;
    if (rc == MPI_SUCCESS && f) {
        jpar_status_out(&st, status);
    }
    return rc;
}

int jpar_mprobe(int32_t source, int32_t tag, int64_t comm, int64_t *message, int32_t *status) {
    MPI_Status st;
    MPI_Message msg = MPI_MESSAGE_NULL;
    int rc = MPI_Mprobe(jpar_mpi_source(source), jpar_mpi_tag(tag), comm_of(comm), &msg, &st);
    *message = message_handle(msg);
    jpar_status_out(&st, status);
    return rc;
}

int jpar_mrecv(void *buf, int32_t count, int32_t type, int64_t *message, int32_t *status) {
    MPI_Message msg = message_of(*message);
    MPI_Status st;
    int rc = MPI_Mrecv(buf, count, jpar_mpi_type(type), &msg, &st);
    *message = message_handle(msg);
    jpar_status_out(&st, status);
    return rc;
}

int jpar_isend(const void *buf, int32_t count, int32_t type, int32_t dest, int32_t tag,
               int64_t comm, int64_t *request) {
    MPI_Request req = MPI_REQUEST_NULL;
    int rc = MPI_Isend(buf, count, jpar_mpi_type(type), jpar_mpi_source(dest), tag,
                       comm_of(comm), &req);
    *request = request_handle(req);
    return rc;
}

int jpar_irecv(void *buf, int32_t count, int32_t type, int32_t source, int32_t tag,
               int64_t comm, int64_t *request) {
    MPI_Request req = MPI_REQUEST_NULL;
    int rc = MPI_Irecv(buf, count, jpar_mpi_type(type), jpar_mpi_source(source),
                       jpar_mpi_tag(tag), comm_of(comm), &req);
    *request = request_handle(req);
    return rc;
}

int jpar_wait(int64_t *request, int32_t *status) {
    MPI_Request req = request_of(*request);
    MPI_Status st;
    int rc = MPI_Wait(&req, &st);
    *request = request_handle(req);
    jpar_status_out(&st, status);
    return rc;
}

int jpar_test(int64_t *request, int32_t *flag, int32_t *status) {
    MPI_Request req = request_of(*request);
    MPI_Status st;
    int f = 0;
    int rc = MPI_Test(&req, &f, &st);
    *request = request_handle(req);
    *flag = f;
    if (f) {
        jpar_status_out(&st, status);
    }
    return rc;
}

/* MPI wants arrays of its own handle type; jpar's are int64_t, which may differ in size. */
static MPI_Request *requests_in(int32_t count, const int64_t *handles) {
    MPI_Request *reqs = malloc(sizeof(MPI_Request) * (count > 0 ? (size_t) count : 1));
    if (reqs != NULL) {
        for (int32_t i = 0; i < count; i++) {
            reqs[i] = request_of(handles[i]);
        }
    }
    return reqs;
}

static void requests_out(int32_t count, const MPI_Request *reqs, int64_t *handles) {
    for (int32_t i = 0; i < count; i++) {
        handles[i] = request_handle(reqs[i]);
    }
}

int jpar_waitall(int32_t count, int64_t *requests, int32_t *statuses) {
    MPI_Request *reqs = requests_in(count, requests);
    MPI_Status *sts = malloc(sizeof(MPI_Status) * (count > 0 ? (size_t) count : 1));
    if (reqs == NULL || sts == NULL) {
        free(reqs);
        free(sts);
        return MPI_ERR_NO_MEM;
    }
    int rc = MPI_Waitall(count, reqs, sts);
    requests_out(count, reqs, requests);
    for (int32_t i = 0; i < count; i++) {
        jpar_status_out(&sts[i], statuses + (size_t) i * JPAR_STATUS_INTS);
        if (rc != MPI_ERR_IN_STATUS) {
            statuses[(size_t) i * JPAR_STATUS_INTS + JPAR_STATUS_ERROR] = rc;
        }
    }
    free(reqs);
    free(sts);
    return rc;
}

int jpar_waitany(int32_t count, int64_t *requests, int32_t *index, int32_t *status) {
    MPI_Request *reqs = requests_in(count, requests);
    if (reqs == NULL) {
        return MPI_ERR_NO_MEM;
    }
    MPI_Status st;
    int idx = MPI_UNDEFINED;
    int rc = MPI_Waitany(count, reqs, &idx, &st);
    requests_out(count, reqs, requests);
    *index = idx == MPI_UNDEFINED ? JPAR_UNDEFINED : idx;
    if (idx != MPI_UNDEFINED) {
        jpar_status_out(&st, status);
    }
    free(reqs);
    return rc;
}
