/* Nonblocking and persistent point to point, and completion of requests. */
#include <stdlib.h>

#include "internal.h"

int jpar_isend(const void *buf, int32_t count, int32_t type, int32_t dest, int32_t tag,
               int64_t comm, int64_t *request) {
    MPI_Request req = MPI_REQUEST_NULL;
    int rc = MPI_Isend(buf, count, jpar_mpi_type(type), jpar_mpi_source(dest), tag,
                       comm_of(comm), &req);
    *request = request_handle(req);
    return rc;
}

/* MPI's four sends that start a request, and its four persistent ones, by JPAR_MODE_. */
typedef int (*start_call)(const void *, int, MPI_Datatype, int, int, MPI_Comm, MPI_Request *);
static const start_call ISENDS[] = {MPI_Isend, MPI_Issend, MPI_Ibsend, MPI_Irsend};
static const start_call SEND_INITS[] = {MPI_Send_init, MPI_Ssend_init, MPI_Bsend_init,
                                        MPI_Rsend_init};

static int start_in_mode(const start_call *calls, int32_t mode, const void *buf, int32_t count,
                         int32_t type, int32_t dest, int32_t tag, int64_t comm,
                         int64_t *request) {
    MPI_Request req = MPI_REQUEST_NULL;
    int rc = JPAR_ERR_ARG;
    if (mode >= JPAR_MODE_STANDARD && mode <= JPAR_MODE_READY) {
        rc = calls[mode](buf, count, jpar_mpi_type(type), jpar_mpi_source(dest), tag,
                         comm_of(comm), &req);
    }
    *request = request_handle(req);
    return rc;
}

int jpar_isend_mode(int32_t mode, const void *buf, int32_t count, int32_t type, int32_t dest,
                    int32_t tag, int64_t comm, int64_t *request) {
    return start_in_mode(ISENDS, mode, buf, count, type, dest, tag, comm, request);
}

/* MPI_Irecv and MPI_Recv_init take the same arguments. */
typedef int (*receive_call)(void *, int, MPI_Datatype, int, int, MPI_Comm, MPI_Request *);

static int start_receive(receive_call call, void *buf, int32_t count, int32_t type,
                         int32_t source, int32_t tag, int64_t comm, int64_t *request) {
    MPI_Request req = MPI_REQUEST_NULL;
    int rc = call(buf, count, jpar_mpi_type(type), jpar_mpi_source(source), jpar_mpi_tag(tag),
                  comm_of(comm), &req);
    *request = request_handle(req);
    return rc;
}

int jpar_irecv(void *buf, int32_t count, int32_t type, int32_t source, int32_t tag,
               int64_t comm, int64_t *request) {
    return start_receive(MPI_Irecv, buf, count, type, source, tag, comm, request);
}

int jpar_send_init(int32_t mode, const void *buf, int32_t count, int32_t type, int32_t dest,
                   int32_t tag, int64_t comm, int64_t *request) {
    return start_in_mode(SEND_INITS, mode, buf, count, type, dest, tag, comm, request);
}

int jpar_recv_init(void *buf, int32_t count, int32_t type, int32_t source, int32_t tag,
                   int64_t comm, int64_t *request) {
    return start_receive(MPI_Recv_init, buf, count, type, source, tag, comm, request);
}

int jpar_start(int64_t *request) {
    MPI_Request req = request_of(*request);
    int rc = MPI_Start(&req);
    *request = request_handle(req);
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

/* Writes the handles back and frees the array. */
static void requests_out(int32_t count, MPI_Request *reqs, int64_t *handles) {
    for (int32_t i = 0; i < count; i++) {
        handles[i] = request_handle(reqs[i]);
    }
    free(reqs);
}

static MPI_Status *statuses_new(int32_t count) {
    return malloc(sizeof(MPI_Status) * (count > 0 ? (size_t) count : 1));
}

/* Copies n statuses out; when rc isn't MPI_ERR_IN_STATUS, MPI left their error fields alone. */
static void statuses_out(int32_t n, MPI_Status *sts, int rc, int32_t *out) {
    for (int32_t i = 0; i < n; i++) {
        int32_t *one = out + (size_t) i * JPAR_STATUS_INTS;
        jpar_status_out(&sts[i], one);
        if (rc != MPI_ERR_IN_STATUS) {
            one[JPAR_STATUS_ERROR] = rc;
        }
    }
    free(sts);
}

int jpar_startall(int32_t count, int64_t *requests) {
    MPI_Request *reqs = requests_in(count, requests);
    if (reqs == NULL) {
        return MPI_ERR_NO_MEM;
    }
    int rc = MPI_Startall(count, reqs);
    requests_out(count, reqs, requests);
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

int jpar_waitall(int32_t count, int64_t *requests, int32_t *statuses) {
    MPI_Request *reqs = requests_in(count, requests);
    MPI_Status *sts = statuses_new(count);
    if (reqs == NULL || sts == NULL) {
        free(reqs);
        free(sts);
        return MPI_ERR_NO_MEM;
    }
    int rc = MPI_Waitall(count, reqs, sts);
    requests_out(count, reqs, requests);
    statuses_out(count, sts, rc, statuses);
    return rc;
}

int jpar_testall(int32_t count, int64_t *requests, int32_t *flag, int32_t *statuses) {
    MPI_Request *reqs = requests_in(count, requests);
    MPI_Status *sts = statuses_new(count);
    if (reqs == NULL || sts == NULL) {
        free(reqs);
        free(sts);
        return MPI_ERR_NO_MEM;
    }
    int f = 0;
    int rc = MPI_Testall(count, reqs, &f, sts);
    requests_out(count, reqs, requests);
    *flag = f;
    statuses_out(f || rc == MPI_ERR_IN_STATUS ? count : 0, sts, rc, statuses);
    return rc;
}

static int32_t index_out(int idx) {
    return idx == MPI_UNDEFINED ? JPAR_UNDEFINED : idx;
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
    *index = index_out(idx);
    if (idx != MPI_UNDEFINED) {
        jpar_status_out(&st, status);
    }
    return rc;
}

int jpar_testany(int32_t count, int64_t *requests, int32_t *index, int32_t *flag,
                 int32_t *status) {
    MPI_Request *reqs = requests_in(count, requests);
    if (reqs == NULL) {
        return MPI_ERR_NO_MEM;
    }
    MPI_Status st;
    int idx = MPI_UNDEFINED;
    int f = 0;
    int rc = MPI_Testany(count, reqs, &idx, &f, &st);
    requests_out(count, reqs, requests);
    *index = index_out(idx);
    *flag = f;
    if (f && idx != MPI_UNDEFINED) {
        jpar_status_out(&st, status);
    }
    return rc;
}

typedef int (*some_call)(int, MPI_Request *, int *, int *, MPI_Status *);

static int some(some_call call, int32_t count, int64_t *requests, int32_t *outcount,
                int32_t *indices, int32_t *statuses) {
    MPI_Request *reqs = requests_in(count, requests);
    MPI_Status *sts = statuses_new(count);
    int *idx = malloc(sizeof(int) * (count > 0 ? (size_t) count : 1));
    if (reqs == NULL || sts == NULL || idx == NULL) {
        free(reqs);
        free(sts);
        free(idx);
        return MPI_ERR_NO_MEM;
    }
    int n = 0;
    int rc = call(count, reqs, &n, idx, sts);
    requests_out(count, reqs, requests);
    *outcount = index_out(n);
    int done = n == MPI_UNDEFINED ? 0 : n;
    for (int i = 0; i < done; i++) {
        indices[i] = idx[i];
    }
    free(idx);
    statuses_out(done, sts, rc, statuses);
    return rc;
}

int jpar_waitsome(int32_t count, int64_t *requests, int32_t *outcount, int32_t *indices,
                  int32_t *statuses) {
    return some(MPI_Waitsome, count, requests, outcount, indices, statuses);
}

int jpar_testsome(int32_t count, int64_t *requests, int32_t *outcount, int32_t *indices,
                  int32_t *statuses) {
    return some(MPI_Testsome, count, requests, outcount, indices, statuses);
}

int jpar_request_get_status(int64_t request, int32_t *flag, int32_t *status) {
    MPI_Status st;
    int f = 0;
    int rc = MPI_Request_get_status(request_of(request), &f, &st);
    *flag = f;
    if (f) {
        jpar_status_out(&st, status);
    }
    return rc;
}

int jpar_cancel(int64_t request) {
    MPI_Request req = request_of(request);
    return MPI_Cancel(&req);
}

int jpar_request_free(int64_t *request) {
    MPI_Request req = request_of(*request);
    int rc = MPI_Request_free(&req);
    *request = request_handle(req);
    return rc;
}
