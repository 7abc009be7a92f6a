/* Groups, and the communicators made from them; comparison and names. */
#include <stdlib.h>

#include "internal.h"

int jpar_comm_create(int64_t comm, int64_t group, int64_t *out) {
    MPI_Comm c = MPI_COMM_NULL;
    return jpar_comm_out(MPI_Comm_create(comm_of(comm), group_of(group), &c), &c, out);
}

int jpar_comm_create_group(int64_t comm, int64_t group, int32_t tag, int64_t *out) {
    MPI_Comm c = MPI_COMM_NULL;
    return jpar_comm_out(MPI_Comm_create_group(comm_of(comm), group_of(group), tag, &c), &c, out);
}

int jpar_comm_compare(int64_t comm1, int64_t comm2, int32_t *result) {
    int r = MPI_UNEQUAL;
    int rc = MPI_Comm_compare(comm_of(comm1), comm_of(comm2), &r);
    *result = jpar_comparison(r);
    return rc;
}

int jpar_comm_idup(int64_t comm, int64_t *out, int64_t *request) {
    _Static_assert(sizeof(MPI_Comm) <= sizeof *out, "MPI writes the new MPI_Comm into *out");
    /* MPI writes the handle when the request completes, so it gets the caller's slot, which
     * outlives the request, not a local of this frame. The codec keeps a handle in the slot's
     * first bytes, the rest zero. */
    MPI_Request req = MPI_REQUEST_NULL;
    *out = comm_handle(MPI_COMM_NULL);
    int rc = MPI_Comm_idup(comm_of(comm), (MPI_Comm *) (void *) out, &req);
    *request = request_handle(req);
    return rc;
}

int jpar_comm_split_type(int64_t comm, int32_t split_type, int32_t key, int64_t *out) {
    int type = split_type == JPAR_COMM_TYPE_SHARED ? MPI_COMM_TYPE_SHARED : MPI_UNDEFINED;
    MPI_Comm c = MPI_COMM_NULL;
    return jpar_comm_out(MPI_Comm_split_type(comm_of(comm), type, key, MPI_INFO_NULL, &c), &c, out);
}

int jpar_comm_set_name(int64_t comm, const char *name) {
    return MPI_Comm_set_name(comm_of(comm), name);
}

int jpar_comm_get_name(int64_t comm, char *name, int32_t *length) {
    int n = 0;
    int rc = MPI_Comm_get_name(comm_of(comm), name, &n);
    *length = n;
    return rc;
}

int jpar_max_object_name(void) {
    return MPI_MAX_OBJECT_NAME;
}

int jpar_comm_group(int64_t comm, int64_t *group) {
    MPI_Group g = MPI_GROUP_NULL;
    int rc = MPI_Comm_group(comm_of(comm), &g);
    *group = group_handle(g);
    return rc;
}

int jpar_group_size(int64_t group, int32_t *size) {
    int s = 0;
    int rc = MPI_Group_size(group_of(group), &s);
    *size = s;
    return rc;
}

int jpar_group_rank(int64_t group, int32_t *rank) {
    int r = MPI_UNDEFINED;
    int rc = MPI_Group_rank(group_of(group), &r);
    *rank = r == MPI_UNDEFINED ? JPAR_UNDEFINED : r;
    return rc;
}

int jpar_group_translate_ranks(int64_t group1, int32_t n, const int32_t *ranks1, int64_t group2,
                               int32_t *ranks2) {
    int *in = calloc(n > 0 ? (size_t) n : 1, sizeof(int));
    if (in == NULL) {
        return MPI_ERR_NO_MEM;
    }
    for (int32_t i = 0; i < n; i++) {
        in[i] = jpar_mpi_source(ranks1[i]);
    }
    int rc = MPI_Group_translate_ranks(group_of(group1), n, in, group_of(group2), ranks2);
    for (int32_t i = 0; rc == MPI_SUCCESS && i < n; i++) {
        ranks2[i] = ranks2[i] == MPI_UNDEFINED ? JPAR_UNDEFINED
                  : ranks2[i] == MPI_PROC_NULL ? JPAR_PROC_NULL : ranks2[i];
    }
    free(in);
    return rc;
}

int jpar_group_compare(int64_t group1, int64_t group2, int32_t *result) {
    int r = MPI_UNEQUAL;
    int rc = MPI_Group_compare(group_of(group1), group_of(group2), &r);
    *result = jpar_comparison(r);
    return rc;
}

typedef int (*group_pair)(MPI_Group, MPI_Group, MPI_Group *);

static int pair(group_pair call, int64_t group1, int64_t group2, int64_t *out) {
    MPI_Group g = MPI_GROUP_NULL;
    int rc = call(group_of(group1), group_of(group2), &g);
    *out = group_handle(g);
    return rc;
}

int jpar_group_union(int64_t group1, int64_t group2, int64_t *out) {
    return pair(MPI_Group_union, group1, group2, out);
}

int jpar_group_intersection(int64_t group1, int64_t group2, int64_t *out) {
    return pair(MPI_Group_intersection, group1, group2, out);
}

int jpar_group_difference(int64_t group1, int64_t group2, int64_t *out) {
    return pair(MPI_Group_difference, group1, group2, out);
}

int jpar_group_incl(int64_t group, int32_t n, const int32_t *ranks, int64_t *out) {
    MPI_Group g = MPI_GROUP_NULL;
    int rc = MPI_Group_incl(group_of(group), n, ranks, &g);
    *out = group_handle(g);
    return rc;
}

int jpar_group_excl(int64_t group, int32_t n, const int32_t *ranks, int64_t *out) {
    MPI_Group g = MPI_GROUP_NULL;
    int rc = MPI_Group_excl(group_of(group), n, ranks, &g);
    *out = group_handle(g);
    return rc;
}

/* MPI wants int[n][3]; jpar's triplets are laid out the same. */
int jpar_group_range_incl(int64_t group, int32_t n, const int32_t *ranges, int64_t *out) {
    MPI_Group g = MPI_GROUP_NULL;
    int rc = MPI_Group_range_incl(group_of(group), n, (int (*)[3]) ranges, &g);
    *out = group_handle(g);
    return rc;
}

int jpar_group_range_excl(int64_t group, int32_t n, const int32_t *ranges, int64_t *out) {
    MPI_Group g = MPI_GROUP_NULL;
    int rc = MPI_Group_range_excl(group_of(group), n, (int (*)[3]) ranges, &g);
    *out = group_handle(g);
    return rc;
}

int jpar_group_free(int64_t *group) {
    MPI_Group g = group_of(*group);
    int rc = MPI_Group_free(&g);
    *group = group_handle(g);
    return rc;
}
