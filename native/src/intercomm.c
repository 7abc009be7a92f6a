/* Intercommunicators: made from two intracommunicators, merged back into one. */
#include "internal.h"

int jpar_intercomm_create(int64_t local_comm, int32_t local_leader, int64_t peer_comm,
                          int32_t remote_leader, int32_t tag, int64_t *out) {
    MPI_Comm c = MPI_COMM_NULL;
    return jpar_comm_out(MPI_Intercomm_create(comm_of(local_comm), local_leader,
                                              comm_of(peer_comm), remote_leader, tag, &c),
                         &c, out);
}

int jpar_intercomm_merge(int64_t intercomm, int32_t high, int64_t *out) {
    MPI_Comm c = MPI_COMM_NULL;
    return jpar_comm_out(MPI_Intercomm_merge(comm_of(intercomm), high != 0, &c), &c, out);
}

int jpar_comm_remote_group(int64_t comm, int64_t *group) {
    MPI_Group g = MPI_GROUP_NULL;
    int rc = MPI_Comm_remote_group(comm_of(comm), &g);
    *group = group_handle(g);
    return rc;
}

int jpar_comm_test_inter(int64_t comm, int32_t *flag) {
    int f = 0;
    int rc = MPI_Comm_test_inter(comm_of(comm), &f);
    *flag = f != 0;
    return rc;
}
