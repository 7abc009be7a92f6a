/* Point to point: blocking sends in every mode, receives and probes, the attached buffer. */
#include <stdint.h>

#include "internal.h"

int jpar_send(const void *buf, int32_t count, int32_t type, int32_t dest, int32_t tag,
              int64_t comm) {
    return MPI_Send(buf, count, jpar_mpi_type(type), jpar_mpi_source(dest), tag, comm_of(comm));
}

/* MPI's four blocking sends, by JPAR_MODE_. */
typedef int (*send_call)(const void *, int, MPI_Datatype, int, int, MPI_Comm);
static const send_call SENDS[] = {MPI_Send, MPI_Ssend, MPI_Bsend, MPI_Rsend};

int jpar_send_mode(int32_t mode, const void *buf, int32_t count, int32_t type, int32_t dest,
                   int32_t tag, int64_t comm) {
    if (mode < JPAR_MODE_STANDARD || mode > JPAR_MODE_READY) {
        return JPAR_ERR_ARG;
    }
    return SENDS[mode](buf, count, jpar_mpi_type(type), jpar_mpi_source(dest), tag,
                       comm_of(comm));
}

int jpar_buffer_attach(void *buf, int32_t size) {
    return MPI_Buffer_attach(buf, size);
}

int jpar_buffer_detach(int64_t *address, int32_t *size) {
    void *buf = NULL;
    int bytes = 0;
    int rc = MPI_Buffer_detach(&buf, &bytes);
    *address = (int64_t) (intptr_t) buf;
    *size = bytes;
    return rc;
}

int jpar_bsend_overhead(void) {
    return MPI_BSEND_OVERHEAD;
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

int jpar_sendrecv_replace(void *buf, int32_t count, int32_t type, int32_t dest, int32_t sendtag,
                          int32_t source, int32_t recvtag, int64_t comm, int32_t *status) {
    MPI_Status st;
    int rc = MPI_Sendrecv_replace(buf, count, jpar_mpi_type(type), jpar_mpi_source(dest), sendtag,
                                  jpar_mpi_source(source), jpar_mpi_tag(recvtag), comm_of(comm),
                                  &st);
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

int jpar_improbe(int32_t source, int32_t tag, int64_t comm, int32_t *flag, int64_t *message,
                 int32_t *status) {
    MPI_Status st;
    MPI_Message msg = MPI_MESSAGE_NULL;
    int f = 0;
    int rc = MPI_Improbe(jpar_mpi_source(source), jpar_mpi_tag(tag), comm_of(comm), &f, &msg, &st);
    *flag = f;
    *message = message_handle(msg);
    if (rc == MPI_SUCCESS && f) {
        jpar_status_out(&st, status);
    }
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

int jpar_imrecv(void *buf, int32_t count, int32_t type, int64_t *message, int64_t *request) {
    MPI_Message msg = message_of(*message);
    MPI_Request req = MPI_REQUEST_NULL;
    int rc = MPI_Imrecv(buf, count, jpar_mpi_type(type), &msg, &req);
    *message = message_handle(msg);
    *request = request_handle(req);
    return rc;
}
