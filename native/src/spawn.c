/* Dynamic processes: spawn, parent, intercommunicators, disconnect. */
#include <stdlib.h>

#include "internal.h"

/* Counts the strings of a list that ends with an empty string. */
static int count_strings(const char *list) {
    int n = 0;
    for (const char *p = list; p != NULL && *p != '\0'; p += strlen(p) + 1) {
        n++;
    }
    return n;
}

int jpar_comm_remote_size(int64_t comm, int32_t *size) {
    int s = 0;
    int rc = MPI_Comm_remote_size(comm_of(comm), &s);
    *size = s;
    return rc;
}

int jpar_comm_disconnect(int64_t *comm) {
    MPI_Comm c = comm_of(*comm);
    int rc = MPI_Comm_disconnect(&c);
    *comm = comm_handle(c);
    return rc;
}

int jpar_comm_get_parent(int64_t *parent) {
    MPI_Comm p = MPI_COMM_NULL;
    int rc = MPI_Comm_get_parent(&p);
    if (rc == MPI_SUCCESS && p != MPI_COMM_NULL) {
        MPI_Comm_set_errhandler(p, MPI_ERRORS_RETURN);
    }
    *parent = comm_handle(p);
    return rc;
}

int jpar_comm_spawn(const char *command, const char *argv, int32_t maxprocs, const char *info,
                    int32_t root, int64_t comm, int64_t *intercomm, int32_t *errcodes) {
    int argc = count_strings(argv);
    char **args = calloc((size_t) argc + 1, sizeof *args);
    if (args == NULL) {
        return MPI_ERR_NO_MEM;
    }
    const char *p = argv;
    for (int i = 0; i < argc; i++) {
        args[i] = (char *) p;
        p += strlen(p) + 1;
    }
    MPI_Info mpi_info = MPI_INFO_NULL;
    int rc = MPI_SUCCESS;
    if (count_strings(info) > 0) {
        rc = MPI_Info_create(&mpi_info);
        for (const char *k = info; rc == MPI_SUCCESS && *k != '\0';) {
            const char *v = k + strlen(k) + 1;
            rc = MPI_Info_set(mpi_info, k, v);
            k = v + strlen(v) + 1;
        }
    }
    MPI_Comm children = MPI_COMM_NULL;
    if (rc == MPI_SUCCESS) {
        rc = MPI_Comm_spawn(command, argc > 0 ? args : MPI_ARGV_NULL, maxprocs, mpi_info, root,
                            comm_of(comm), &children, errcodes);
    }
    if (rc == MPI_SUCCESS && children != MPI_COMM_NULL) {
        MPI_Comm_set_errhandler(children, MPI_ERRORS_RETURN);
    }
    if (mpi_info != MPI_INFO_NULL) {
        MPI_Info_free(&mpi_info);
    }
    free(args);
    *intercomm = comm_handle(children);
    return rc;
}
