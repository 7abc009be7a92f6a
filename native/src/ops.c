/*
 * Reduction ops: jpar's op numbers as MPI_Op handles, and user-defined ops. MPI calls a user
 * function with no argument of the caller's, so each slot has a C function of its own that
 * passes its op number on to the one jpar_op_function the caller registered.
 */
#include <pthread.h>

#include "internal.h"

static jpar_op_function user_function;
/* A slot's op is user_ops[slot] while live[slot] is 1 (MPI_OP_NULL need not be 0). */
static MPI_Op user_ops[JPAR_USER_OPS];
static int live[JPAR_USER_OPS];
static pthread_mutex_t user_ops_lock = PTHREAD_MUTEX_INITIALIZER;

static void user_call(int slot, void *in, void *inout, int *len, MPI_Datatype *type) {
    jpar_op_function fn = __atomic_load_n(&user_function, __ATOMIC_ACQUIRE);
    fn(JPAR_OP_COUNT + slot, in, inout, *len, jpar_type_code(*type));
}

#define SLOT(n) \
    static void user_op_##n(void *in, void *inout, int *len, MPI_Datatype *type) { \
        user_call(n, in, inout, len, type); \
    }
#define SLOTS8(n) SLOT(n##0) SLOT(n##1) SLOT(n##2) SLOT(n##3) \
                  SLOT(n##4) SLOT(n##5) SLOT(n##6) SLOT(n##7)
SLOT(0) SLOT(1) SLOT(2) SLOT(3) SLOT(4) SLOT(5) SLOT(6) SLOT(7)
SLOTS8(1) SLOTS8(2) SLOTS8(3) SLOTS8(4) SLOTS8(5) SLOTS8(6) SLOTS8(7)
#undef SLOTS8
#undef SLOT

/* Slot n's function is user_op_<n in octal>: 0-7, then 10-17 for 8-15, up to 77 for 63. */
#define ROW(n) user_op_##n##0, user_op_##n##1, user_op_##n##2, user_op_##n##3, \
               user_op_##n##4, user_op_##n##5, user_op_##n##6, user_op_##n##7
static MPI_User_function *const slot_functions[JPAR_USER_OPS] = {
    user_op_0, user_op_1, user_op_2, user_op_3, user_op_4, user_op_5, user_op_6, user_op_7,
    ROW(1), ROW(2), ROW(3), ROW(4), ROW(5), ROW(6), ROW(7)
};
#undef ROW

_Static_assert(JPAR_USER_OPS == 64, "slot_functions has 64 entries");

MPI_Op jpar_mpi_op(int32_t op) {
    switch (op) {
    case JPAR_SUM: return MPI_SUM;
    case JPAR_PROD: return MPI_PROD;
    case JPAR_MIN: return MPI_MIN;
    case JPAR_MAX: return MPI_MAX;
    case JPAR_LAND: return MPI_LAND;
    case JPAR_LOR: return MPI_LOR;
    case JPAR_LXOR: return MPI_LXOR;
    case JPAR_BAND: return MPI_BAND;
    case JPAR_BOR: return MPI_BOR;
    case JPAR_BXOR: return MPI_BXOR;
    case JPAR_MINLOC: return MPI_MINLOC;
    case JPAR_MAXLOC: return MPI_MAXLOC;
    case JPAR_REPLACE: return MPI_REPLACE;
    case JPAR_NO_OP: return MPI_NO_OP;
    default:
        if (op >= JPAR_OP_COUNT && op < JPAR_OP_COUNT + JPAR_USER_OPS) {
            int slot = op - JPAR_OP_COUNT;
            return __atomic_load_n(&live[slot], __ATOMIC_ACQUIRE) ? user_ops[slot] : MPI_OP_NULL;
        }
        return MPI_OP_NULL;
    }
}

int jpar_op_create(int32_t slot, int32_t commute, jpar_op_function fn) {
    if (slot < 0 || slot >= JPAR_USER_OPS || fn == NULL) {
        return JPAR_ERR_ARG;
    }
    pthread_mutex_lock(&user_ops_lock);
    __atomic_store_n(&user_function, fn, __ATOMIC_RELEASE);
    int rc = MPI_SUCCESS;
    if (!live[slot]) {
        rc = MPI_Op_create(slot_functions[slot], commute != 0, &user_ops[slot]);
        __atomic_store_n(&live[slot], rc == MPI_SUCCESS, __ATOMIC_RELEASE);
    }
    pthread_mutex_unlock(&user_ops_lock);
    return rc;
}

int jpar_op_free(int32_t slot) {
    if (slot < 0 || slot >= JPAR_USER_OPS) {
        return JPAR_ERR_ARG;
    }
    pthread_mutex_lock(&user_ops_lock);
    int rc = MPI_SUCCESS;
    if (live[slot]) {
        __atomic_store_n(&live[slot], 0, __ATOMIC_RELEASE);
        rc = MPI_Op_free(&user_ops[slot]);
    }
    pthread_mutex_unlock(&user_ops_lock);
    return rc;
}
