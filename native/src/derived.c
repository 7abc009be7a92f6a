/*
 * Derived datatypes: MPI's constructors, each result committed and kept in a table under a
 * number from JPAR_TYPE_COUNT up. The table grows in chunks that never move, so a lookup on the
 * hot path reads without a lock.
 */
#include <pthread.h>
#include <stdlib.h>

#include "internal.h"

_Static_assert(sizeof(MPI_Aint) == sizeof(int64_t), "MPI_Aint must be 64 bits");

#define CHUNK 1024
#define CHUNKS 1024

struct slot {
    MPI_Datatype type;
    int live;
    int32_t next_free;
};

static struct slot *chunks[CHUNKS];
static int32_t used;
static int32_t free_list = -1;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

MPI_Datatype jpar_derived_type(int32_t type) {
    int32_t i = type - JPAR_TYPE_COUNT;
    if (i < 0 || i / CHUNK >= CHUNKS) {
        return MPI_DATATYPE_NULL;
    }
    struct slot *chunk = __atomic_load_n(&chunks[i / CHUNK], __ATOMIC_ACQUIRE);
    if (chunk == NULL || !__atomic_load_n(&chunk[i % CHUNK].live, __ATOMIC_ACQUIRE)) {
        return MPI_DATATYPE_NULL;
    }
    return chunk[i % CHUNK].type;
}

/* Commits t and gives it a number; on failure frees it and passes the code on. */
static int keep(int rc, MPI_Datatype *t, int32_t *out) {
    if (rc == MPI_SUCCESS) {
        rc = MPI_Type_commit(t);
    }
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    pthread_mutex_lock(&lock);
    int32_t i = free_list;
    struct slot *s = NULL;
    if (i >= 0) {
        s = &chunks[i / CHUNK][i % CHUNK];
        free_list = s->next_free;
    } else if (used < CHUNK * CHUNKS) {
        i = used;
        if (chunks[i / CHUNK] == NULL) {
            struct slot *c = calloc(CHUNK, sizeof *c);
            if (c != NULL) {
                __atomic_store_n(&chunks[i / CHUNK], c, __ATOMIC_RELEASE);
            }
        }
        if (chunks[i / CHUNK] != NULL) {
            used++;
            s = &chunks[i / CHUNK][i % CHUNK];
        }
    }
    if (s != NULL) {
        s->type = *t;
        __atomic_store_n(&s->live, 1, __ATOMIC_RELEASE);
        *out = JPAR_TYPE_COUNT + i;
    }
    pthread_mutex_unlock(&lock);
    if (s == NULL) {
        MPI_Type_free(t);
        return MPI_ERR_NO_MEM;
    }
    return MPI_SUCCESS;
}

int jpar_type_free(int32_t type) {
    int32_t i = type - JPAR_TYPE_COUNT;
    MPI_Datatype t = jpar_derived_type(type);
    if (t == MPI_DATATYPE_NULL) {
        return JPAR_ERR_ARG;
    }
    pthread_mutex_lock(&lock);
    struct slot *s = &chunks[i / CHUNK][i % CHUNK];
    __atomic_store_n(&s->live, 0, __ATOMIC_RELEASE);
    s->next_free = free_list;
    free_list = i;
    pthread_mutex_unlock(&lock);
    return MPI_Type_free(&t);
}

int jpar_type_contiguous(int32_t count, int32_t oldtype, int32_t *newtype) {
    MPI_Datatype t;
    return keep(MPI_Type_contiguous(count, jpar_mpi_type(oldtype), &t), &t, newtype);
}

int jpar_type_vector(int32_t count, int32_t blocklength, int32_t stride, int32_t oldtype,
                     int32_t *newtype) {
    MPI_Datatype t;
    return keep(MPI_Type_vector(count, blocklength, stride, jpar_mpi_type(oldtype), &t), &t,
                newtype);
}

int jpar_type_hvector(int32_t count, int32_t blocklength, int64_t stride, int32_t oldtype,
                      int32_t *newtype) {
    MPI_Datatype t;
    return keep(MPI_Type_create_hvector(count, blocklength, stride, jpar_mpi_type(oldtype), &t),
                &t, newtype);
}

int jpar_type_indexed(int32_t count, const int32_t *blocklengths, const int32_t *displs,
                      int32_t oldtype, int32_t *newtype) {
    MPI_Datatype t;
    return keep(MPI_Type_indexed(count, blocklengths, displs, jpar_mpi_type(oldtype), &t), &t,
                newtype);
}

int jpar_type_indexed_block(int32_t count, int32_t blocklength, const int32_t *displs,
                            int32_t oldtype, int32_t *newtype) {
    MPI_Datatype t;
    return keep(MPI_Type_create_indexed_block(count, blocklength, displs, jpar_mpi_type(oldtype),
                                              &t), &t, newtype);
}

int jpar_type_hindexed(int32_t count, const int32_t *blocklengths, const int64_t *displs,
                       int32_t oldtype, int32_t *newtype) {
    MPI_Datatype t;
    return keep(MPI_Type_create_hindexed(count, blocklengths, (const MPI_Aint *) displs,
                                         jpar_mpi_type(oldtype), &t), &t, newtype);
}

int jpar_type_struct(int32_t count, const int32_t *blocklengths, const int64_t *displs,
                     const int32_t *types, int32_t *newtype) {
    MPI_Datatype *mpi_types = malloc((count > 0 ? count : 1) * sizeof *mpi_types);
    if (mpi_types == NULL) {
        return MPI_ERR_NO_MEM;
    }
    for (int32_t i = 0; i < count; i++) {
        mpi_types[i] = jpar_mpi_type(types[i]);
    }
    MPI_Datatype t;
    int rc = MPI_Type_create_struct(count, blocklengths, (const MPI_Aint *) displs, mpi_types, &t);
    free(mpi_types);
    return keep(rc, &t, newtype);
}

int jpar_type_subarray(int32_t ndims, const int32_t *sizes, const int32_t *subsizes,
                       const int32_t *starts, int32_t fortran, int32_t oldtype, int32_t *newtype) {
    MPI_Datatype t;
    return keep(MPI_Type_create_subarray(ndims, sizes, subsizes, starts,
                                         fortran ? MPI_ORDER_FORTRAN : MPI_ORDER_C,
                                         jpar_mpi_type(oldtype), &t), &t, newtype);
}

int jpar_type_darray(int32_t size, int32_t rank, int32_t ndims, const int32_t *gsizes,
                     const int32_t *distribs, const int32_t *dargs, const int32_t *psizes,
                     int32_t fortran, int32_t oldtype, int32_t *newtype) {
    int *how = malloc((ndims > 0 ? ndims : 1) * 2 * sizeof *how);
    if (how == NULL) {
        return MPI_ERR_NO_MEM;
    }
    int *args = how + (ndims > 0 ? ndims : 1);
    for (int32_t d = 0; d < ndims; d++) {
        how[d] = distribs[d] == JPAR_DISTRIBUTE_BLOCK ? MPI_DISTRIBUTE_BLOCK
               : distribs[d] == JPAR_DISTRIBUTE_CYCLIC ? MPI_DISTRIBUTE_CYCLIC
               : MPI_DISTRIBUTE_NONE;
        args[d] = dargs[d] == JPAR_DISTRIBUTE_DFLT_DARG ? MPI_DISTRIBUTE_DFLT_DARG : dargs[d];
    }
    MPI_Datatype t;
    int rc = MPI_Type_create_darray(size, rank, ndims, gsizes, how, args, psizes,
                                    fortran ? MPI_ORDER_FORTRAN : MPI_ORDER_C,
                                    jpar_mpi_type(oldtype), &t);
    free(how);
    return keep(rc, &t, newtype);
}

int jpar_type_resized(int32_t oldtype, int64_t lb, int64_t extent, int32_t *newtype) {
    MPI_Datatype t;
    return keep(MPI_Type_create_resized(jpar_mpi_type(oldtype), lb, extent, &t), &t, newtype);
}

int jpar_type_dup(int32_t oldtype, int32_t *newtype) {
    MPI_Datatype t;
    return keep(MPI_Type_dup(jpar_mpi_type(oldtype), &t), &t, newtype);
}

int jpar_type_bounds(int32_t type, int64_t *out) {
    MPI_Datatype t = jpar_mpi_type(type);
    MPI_Aint lb, extent, true_lb, true_extent;
    MPI_Count size;
    int rc = MPI_Type_get_extent(t, &lb, &extent);
    if (rc == MPI_SUCCESS) {
        rc = MPI_Type_get_true_extent(t, &true_lb, &true_extent);
    }
    if (rc == MPI_SUCCESS) {
        rc = MPI_Type_size_x(t, &size);
    }
    if (rc == MPI_SUCCESS) {
        out[0] = lb;
        out[1] = extent;
        out[2] = true_lb;
        out[3] = true_extent;
        out[4] = size;
    }
    return rc;
}
