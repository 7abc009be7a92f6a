/*
 * Whether MPI_Finalize returns after one-way traffic: rank 0 sends one int to rank 1, reaches
 * MPI_Finalize a little after the others, and every rank prints "finalized <rank>" once it
 * returns. MPICH 4.0.2 (Debian 12's) over UCX's TCP transport does not return: rank 0's
 * disconnect flushes its endpoint to rank 1 and waits for an acknowledgement that rank 1,
 * already in MPICH's PMI barrier, no longer reads (pmodels/mpich#6596 removed that barrier from
 * MPICH's finalize). The tests run MPICH across ci/nodes' two nodes only where this program
 * finalizes.
 * Usage: mpiexec -n 2 jpar-finalize-probe
 */
#include <mpi.h>
#include <stdio.h>
#include <time.h>

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size, value = 42;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    if (size >= 2 && rank == 0) {
        MPI_Send(&value, 1, MPI_INT, 1, 0, MPI_COMM_WORLD);
        struct timespec late = {0, 300 * 1000 * 1000};
        nanosleep(&late, NULL);
    } else if (size >= 2 && rank == 1) {
        MPI_Recv(&value, 1, MPI_INT, 0, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    }
    MPI_Finalize();
    printf("finalized %d\n", rank);
    return 0;
}
