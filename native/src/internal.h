/* Shared helpers of the MPI shim: handle conversion, type and op tables. Not exported. */
#ifndef JPAR_INTERNAL_H
#define JPAR_INTERNAL_H

#include <mpi.h>
#include <string.h>

#include "jpar.h"

_Static_assert(sizeof(MPI_Comm) <= sizeof(int64_t), "MPI_Comm must fit in int64_t");
_Static_assert(sizeof(MPI_Request) <= sizeof(int64_t), "MPI_Request must fit in int64_t");
_Static_assert(sizeof(MPI_Message) <= sizeof(int64_t), "MPI_Message must fit in int64_t");
_Static_assert(sizeof(MPI_Group) <= sizeof(int64_t), "MPI_Group must fit in int64_t");

/* MPI handles are pointers in Open MPI and ints in MPICH: copy the bytes either way. */
#define JPAR_HANDLE_CODEC(T, name)                                   \
    static inline T name##_of(int64_t h) {                           \
        T v;                                                         \
        memcpy(&v, &h, sizeof v);                                    \
        return v;                                                    \
    }                                                                \
    static inline int64_t name##_handle(T v) {                       \
        int64_t h = 0;                                               \
        memcpy(&h, &v, sizeof v);                                    \
        return h;                                                    \
    }

JPAR_HANDLE_CODEC(MPI_Comm, comm)
JPAR_HANDLE_CODEC(MPI_Request, request)
JPAR_HANDLE_CODEC(MPI_Message, message)
JPAR_HANDLE_CODEC(MPI_Group, group)

/*
 * Stores a communicator MPI just made, with MPI_ERRORS_RETURN as every communicator jpar hands
 * out, and passes rc on. c is read after the call that fills it, which an argument passed by
 * value would not be.
 */
static inline int jpar_comm_out(int rc, const MPI_Comm *c, int64_t *out) {
    if (rc == MPI_SUCCESS && *c != MPI_COMM_NULL) {
        MPI_Comm_set_errhandler(*c, MPI_ERRORS_RETURN);
    }
    *out = comm_handle(*c);
    return rc;
}

/* MPI's comparison result as jpar's. */
static inline int32_t jpar_comparison(int result) {
    return result == MPI_IDENT ? JPAR_IDENT : result == MPI_CONGRUENT ? JPAR_CONGRUENT
         : result == MPI_SIMILAR ? JPAR_SIMILAR : JPAR_UNEQUAL;
}

/* Returns MPI_DATATYPE_NULL for a number outside the JPAR_ type enum. */
MPI_Datatype jpar_mpi_type(int32_t type);
/* A derived type's MPI handle by its number, or MPI_DATATYPE_NULL for none live. */
MPI_Datatype jpar_derived_type(int32_t type);
/* jpar's number of a predefined MPI datatype, or -1. */
int32_t jpar_type_code(MPI_Datatype type);
/* Returns MPI_OP_NULL for a number that is neither a JPAR_ op nor a created user op. */
MPI_Op jpar_mpi_op(int32_t op);

static inline int jpar_mpi_source(int32_t source) {
    return source == JPAR_ANY_SOURCE ? MPI_ANY_SOURCE
         : source == JPAR_PROC_NULL ? MPI_PROC_NULL : source;
}

/* A collective's root: a rank, or on an intercommunicator JPAR_ROOT or JPAR_PROC_NULL. */
static inline int jpar_mpi_root(int32_t root) {
    return root == JPAR_ROOT ? MPI_ROOT : root == JPAR_PROC_NULL ? MPI_PROC_NULL : root;
}

static inline int jpar_mpi_tag(int32_t tag) {
    return tag == JPAR_ANY_TAG ? MPI_ANY_TAG : tag;
}

/* The ranks a collective's per-rank arrays cover: the other group's on an intercommunicator. */
static inline int jpar_peer_count(MPI_Comm c, int *n) {
    int inter = 0;
    int rc = MPI_Comm_test_inter(c, &inter);
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    return inter ? MPI_Comm_remote_size(c, n) : MPI_Comm_size(c, n);
}

/* jpar's in-place address as MPI's marker. */
static inline const void *jpar_send_buf(const void *p) {
    return p == (const void *) JPAR_IN_PLACE ? MPI_IN_PLACE : p;
}

static inline void *jpar_recv_buf(void *p) {
    return p == (void *) JPAR_IN_PLACE ? MPI_IN_PLACE : p;
}

/* Writes a status in jpar's layout (JPAR_STATUS_*); a NULL out is allowed. */
void jpar_status_out(const MPI_Status *st, int32_t *out);

#endif
