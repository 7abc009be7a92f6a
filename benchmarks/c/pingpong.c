/*
 * The C baseline for jpar's benchmarks: MPI ping-pong between ranks 0 and 1 over message sizes
 * and of a matrix column as a vector datatype (its round trip), Allreduce of doubles, an
 * Iallreduce overlapped with a compute loop, Allgather and Bcast of bytes, and calls to
 * MPI_PROC_NULL, timed with MPI_Wtime. Prints one line per measurement,
 * "c <suite> <size> <median seconds per operation>" ("c-<part>" for the overlap's three parts),
 * the median of several repetitions, each a batch of the size the JMH suites use.
 * Usage: mpirun -n 2 jpar-bench-c [repetitions [multiple]]
 */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int compare(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

static double median(double *values, int n) {
    qsort(values, (size_t) n, sizeof *values, compare);
    return values[n / 2];
}

/* Round trips for a message of bytes; returns seconds per one-way trip. */
static double pingpong(int rank, char *send, char *recv, int bytes, int round_trips) {
    MPI_Barrier(MPI_COMM_WORLD);
    double start = MPI_Wtime();
    for (int i = 0; i < round_trips; i++) {
        if (rank == 0) {
            MPI_Send(send, bytes, MPI_BYTE, 1, 0, MPI_COMM_WORLD);
            MPI_Recv(recv, bytes, MPI_BYTE, 1, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        } else if (rank == 1) {
            MPI_Recv(recv, bytes, MPI_BYTE, 0, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            MPI_Send(send, bytes, MPI_BYTE, 0, 0, MPI_COMM_WORLD);
        }
    }
    return (MPI_Wtime() - start) / round_trips / 2;
}

/* Round trips of one column of a 1024 x 1024 matrix of doubles, sent and received through a
 * vector datatype; returns seconds per round trip. */
static double column(int rank, double *send, double *recv, MPI_Datatype col, int round_trips) {
    MPI_Barrier(MPI_COMM_WORLD);
    double start = MPI_Wtime();
    for (int i = 0; i < round_trips; i++) {
        if (rank == 0) {
            MPI_Send(send, 1, col, 1, 0, MPI_COMM_WORLD);
            MPI_Recv(recv, 1, col, 1, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        } else if (rank == 1) {
            MPI_Recv(recv, 1, col, 0, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            MPI_Send(send, 1, col, 0, 0, MPI_COMM_WORLD);
        }
    }
    return (MPI_Wtime() - start) / round_trips;
}

/* Overlap's loop: chunks of passes over a small array, an MPI_Test between chunks when a
 * request is in flight (req not NULL), as the Overlap suite's. */
#define OVERLAP_CHUNKS 64
static double work[4096];

static double compute(int passes, MPI_Request *req) {
    double sum = 0;
    for (int c = 0; c < OVERLAP_CHUNKS; c++) {
        for (int p = 0; p < passes; p++) {
            for (int i = 0; i < 4096; i++) {
                work[i] = work[i] * 0.999999 + 1e-6;
            }
        }
        sum += work[c];
        if (req != NULL) {
            int done = 0;
            MPI_Test(req, &done, MPI_STATUS_IGNORE);
        }
    }
    return sum;
}

/* Seconds per call of what (0: iallreduce alone, 1: the loop alone, 2: both overlapped). */
static double overlap(int what, double *send, double *recv, int count, int passes, int calls) {
    volatile double sink = 0;
    MPI_Barrier(MPI_COMM_WORLD);
    double start = MPI_Wtime();
    for (int i = 0; i < calls; i++) {
        MPI_Request req;
        if (what == 1) {
            sink += compute(passes, NULL);
            continue;
        }
        MPI_Iallreduce(send, recv, count, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD, &req);
        if (what == 2) {
            sink += compute(passes, &req);
        }
        MPI_Wait(&req, MPI_STATUS_IGNORE);
    }
    return (MPI_Wtime() - start) / calls;
}

static double allgather(char *mine, char *all, int bytes, int calls) {
    MPI_Barrier(MPI_COMM_WORLD);
    double start = MPI_Wtime();
    for (int i = 0; i < calls; i++) {
        MPI_Allgather(mine, bytes, MPI_BYTE, all, bytes, MPI_BYTE, MPI_COMM_WORLD);
    }
    return (MPI_Wtime() - start) / calls;
}

static double bcast(char *buf, int bytes, int calls) {
    MPI_Barrier(MPI_COMM_WORLD);
    double start = MPI_Wtime();
    for (int i = 0; i < calls; i++) {
        MPI_Bcast(buf, bytes, MPI_BYTE, 0, MPI_COMM_WORLD);
    }
    return (MPI_Wtime() - start) / calls;
}

static double allreduce(double *send, double *recv, int count, int calls) {
    MPI_Barrier(MPI_COMM_WORLD);
    double start = MPI_Wtime();
    for (int i = 0; i < calls; i++) {
        MPI_Allreduce(send, recv, count, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
    }
    return (MPI_Wtime() - start) / calls;
}

int main(int argc, char **argv) {
    /* "multiple" asks for MPI_THREAD_MULTIPLE, the level jpar asks for by default. */
    int multiple = argc > 2 && strcmp(argv[2], "multiple") == 0;
    const char *label = multiple ? "c-multiple" : "c";
    int provided = 0;
    MPI_Init_thread(&argc, &argv, multiple ? MPI_THREAD_MULTIPLE : MPI_THREAD_SINGLE, &provided);
    int rank = 0;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    int repetitions = argc > 1 ? atoi(argv[1]) : 5;
    if (repetitions < 1) {
        repetitions = 1;
    }
    /* Big enough for the largest Allreduce: 1,048,576 doubles. */
    const size_t buffer_bytes = (size_t) 8 << 20;
    /* On a cache line, as jpar's DirectBuffers are: two buffers at different offsets within a
     * line make Open MPI's shared-memory copy 12-16 % slower at 1 MiB (benchmarks/README.md). */
    char *send = aligned_alloc(64, buffer_bytes);
    char *recv = aligned_alloc(64, buffer_bytes);
    if (send == NULL || recv == NULL) {
        MPI_Abort(MPI_COMM_WORLD, 1);
    }
    /* Written, so that every page is its own: calloc's untouched pages all map the kernel's one
     * zero page, which stays in L1 and made large messages look twice as fast as real data. */
    memset(send, 1, buffer_bytes);
    memset(recv, 2, buffer_bytes);
    double *times = calloc((size_t) repetitions, sizeof *times);
    const int sizes[] = {8, 64, 1024, 16384, 65536, 1 << 20, 4 << 20};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        int bytes = sizes[s];
        /* The batches of the JMH suites (PingPong: 1000 round trips, 200 from 1 MiB on, as
         * ci/bench's --batch gives them; Allreduce, Allgather and Bcast: 200 calls, 20 for the
         * Allreduce of 1M doubles), so that C's median and Java's come from equal samples. */
        int trips = bytes >= (1 << 20) ? 200 : 1000;
        pingpong(rank, send, recv, bytes, trips / 10);
        for (int r = 0; r < repetitions; r++) {
            times[r] = pingpong(rank, send, recv, bytes, trips);
        }
        if (rank == 0) {
            printf("%s pingpong %d %.9e\n", label, bytes, median(times, repetitions));
        }
    }
    /* The cost of a call that returns at once (PROC_NULL), as benchmarks' CallOverhead. */
    if (rank == 0) {
        MPI_Status status;
        const int calls = 1000000;
        for (int r = 0; r < repetitions; r++) {
            double start = MPI_Wtime();
            for (int i = 0; i < calls; i++) {
                MPI_Send(send, 8, MPI_BYTE, MPI_PROC_NULL, 0, MPI_COMM_WORLD);
            }
            times[r] = (MPI_Wtime() - start) / calls;
        }
        printf("%s callsend 0 %.9e\n", label, median(times, repetitions));
        for (int r = 0; r < repetitions; r++) {
            double start = MPI_Wtime();
            for (int i = 0; i < calls; i++) {
                MPI_Recv(recv, 8, MPI_BYTE, MPI_PROC_NULL, 0, MPI_COMM_WORLD, &status);
            }
            times[r] = (MPI_Wtime() - start) / calls;
        }
        printf("%s callrecv 0 %.9e\n", label, median(times, repetitions));
        volatile double sink = 0;
        for (int r = 0; r < repetitions; r++) {
            double start = MPI_Wtime();
            for (int i = 0; i < calls; i++) {
                sink += MPI_Wtime();
            }
            times[r] = (MPI_Wtime() - start) / calls;
        }
        printf("%s callwtime 0 %.9e\n", label, median(times, repetitions));
    }
    int counts[] = {1, 1024, 1048576};
    for (int k = 0; k < 3; k++) {
        int calls = counts[k] >= 1048576 ? 20 : 200;
        allreduce((double *) send, (double *) recv, counts[k], calls / 10);
        for (int r = 0; r < repetitions; r++) {
            times[r] = allreduce((double *) send, (double *) recv, counts[k], calls);
        }
        if (rank == 0) {
            printf("%s allreduce %d %.9e\n", label, counts[k], median(times, repetitions));
        }
    }
    /* A column of a 1024 x 1024 matrix (the send and receive buffers hold one each), as the
     * Column suite sends it: 1000 round trips a batch. */
    MPI_Datatype col;
    MPI_Type_vector(1024, 1, 1024, MPI_DOUBLE, &col);
    MPI_Type_commit(&col);
    column(rank, (double *) send, (double *) recv, col, 100);
    for (int r = 0; r < repetitions; r++) {
        times[r] = column(rank, (double *) send, (double *) recv, col, 1000);
    }
    if (rank == 0) {
        printf("%s column 1024 %.9e\n", label, median(times, repetitions));
    }
    MPI_Type_free(&col);
    /* Overlap: the loop's length set on rank 0 to the iallreduce's time alone, as the suite's. */
    for (int i = 0; i < 4096; i++) {
        work[i] = 1.0;
    }
    const int doubles = 1048576;
    double alone = overlap(0, (double *) send, (double *) recv, doubles, 1, 20);
    double pass = MPI_Wtime();
    compute(1, NULL);
    pass = MPI_Wtime() - pass;
    int passes = (int) (alone / pass);
    MPI_Bcast(&passes, 1, MPI_INT, 0, MPI_COMM_WORLD);
    passes = passes < 1 ? 1 : passes;
    const char *parts[] = {"allreduce", "compute", "overlapped"};
    for (int what = 0; what < 3; what++) {
        for (int r = 0; r < repetitions; r++) {
            times[r] = overlap(what, (double *) send, (double *) recv, doubles, passes, 20);
        }
        if (rank == 0) {
            printf("%s-%s overlap %d %.9e\n", label, parts[what], doubles,
                   median(times, repetitions));
        }
    }
    int per_rank[] = {1024, 1 << 20};
    for (int k = 0; k < 2; k++) {
        int calls = 200;
        allgather(send, recv, per_rank[k], calls / 10);
        for (int r = 0; r < repetitions; r++) {
            times[r] = allgather(send, recv, per_rank[k], calls);
        }
        if (rank == 0) {
            printf("%s allgather %d %.9e\n", label, per_rank[k], median(times, repetitions));
        }
        bcast(send, per_rank[k], calls / 10);
        for (int r = 0; r < repetitions; r++) {
            times[r] = bcast(send, per_rank[k], calls);
        }
        if (rank == 0) {
            printf("%s bcast %d %.9e\n", label, per_rank[k], median(times, repetitions));
        }
    }
    free(send);
    free(recv);
    free(times);
    MPI_Finalize();
    return 0;
}
