/* Communicators: the predefined ones, rank and size, dup, split and free. */
#include "internal.h"

int64_t jpar_comm_null(void) {
    return comm_handle(MPI_COMM_NULL);
}

int64_t jpar_comm_world(void) {
    return comm_handle(MPI_COMM_WORLD);
}

int64_t jpar_comm_self(void) {
    return comm_handle(MPI_COMM_SELF);
}

int jpar_comm_rank(int64_t comm, int32_t *rank) {
    int r = 0;
    int rc = MPI_Comm_rank(comm_of(comm), &r);
    *rank = r;
    return rc;
}

int jpar_comm_size(int64_t comm, int32_t *size) {
    int s = 0;
    int rc = MPI_Comm_size(comm_of(comm), &s);
    *size = s;
    return rc;
}

int jpar_comm_tag_ub(int64_t comm, int32_t *tag_ub) {
    int *value = NULL;
    int flag = 0;
    int rc = MPI_Comm_get_attr(comm_of(comm), MPI_TAG_UB, &value, &flag);
    *tag_ub = (rc == MPI_SUCCESS && flag) ? *value : 32767; /* 32767: the least MPI allows */
    return rc;
}

int jpar_comm_dup(int64_t comm, int64_t *out) {
    MPI_Comm dup = MPI_COMM_NULL;
    int rc = MPI_Comm_dup(comm_of(comm), &dup);
    *out = comm_handle(dup);
    return rc;
}

int jpar_comm_split(int64_t comm, int32_t color, int32_t key, int64_t *out) {
    MPI_Comm part = MPI_COMM_NULL;
    return jpar_comm_out(MPI_Comm_split(comm_of(comm),
                                        color == JPAR_UNDEFINED ? MPI_UNDEFINED : color, key,
                                        &part),
                         &part, out);
}

int jpar_comm_free(int64_t *comm) {
    MPI_Comm c = comm_of(*comm);
    int rc = MPI_Comm_free(&c);
    *comm = comm_handle(c);
    return rc;
}

int jpar_barrier(int64_t comm) {
    return MPI_Barrier(comm_of(comm));
}
