/*
 * The C baseline for jpar's kernels: the sum and dot of N doubles, single-threaded in strict
 * order and on OpenMP's threads (one per CPU; they stay alive between calls, as the threads of
 * jpar's pool do), each with four accumulators (the compiler may vectorize them). Prints tab-separated
 * "c|c-strict <sum|dot> <N> <median seconds>". Usage: jpar-bench-kernels-c [repetitions [max N]]
 */
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int compare(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

static double dot4(const double *x, const double *y, long lo, long hi) {
    double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
    long i = lo;
    for (; i + 3 < hi; i += 4) {
        a0 += x[i] * (y ? y[i] : 1);
        a1 += x[i + 1] * (y ? y[i + 1] : 1);
        a2 += x[i + 2] * (y ? y[i + 2] : 1);
        a3 += x[i + 3] * (y ? y[i + 3] : 1);
    }
    for (; i < hi; i++) {
        a0 += x[i] * (y ? y[i] : 1);
    }
    return (a0 + a1) + (a2 + a3);
}

/* Sum (y == NULL) or dot, one contiguous block per OpenMP thread. */
static double parallel(const double *x, const double *y, long n) {
    double total = 0;
#pragma omp parallel reduction(+ : total)
    {
        long t = omp_get_thread_num(), threads = omp_get_num_threads();
        total += dot4(x, y, n * t / threads, n * (t + 1) / threads);
    }
    return total;
}

static double strict(const double *x, const double *y, long n) {
    double s = 0;
    for (long i = 0; i < n; i++) {
        s += x[i] * (y ? y[i] : 1);
    }
    return s;
}

static volatile double sink;

int main(int argc, char **argv) {
    int reps = argc > 1 ? atoi(argv[1]) : 5;
    long max_n = argc > 2 ? atol(argv[2]) : 100000000;
    if (reps < 1) reps = 1;
    long sizes[] = {4096, 100000000};
    double *times = calloc((size_t) reps, sizeof *times);
    for (int s = 0; s < 2 && sizes[s] <= max_n; s++) {
        long n = sizes[s];
        double *x = malloc(sizeof(double) * n), *y = malloc(sizeof(double) * n);
        for (long i = 0; i < n; i++) {
            x[i] = (i % 1000) * 0.001;
            y[i] = x[i];
        }
        long inner = n < 100000 ? 20000 : 1;
        for (int kind = 0; kind < 4; kind++) {
            const char *name[] = {"sum-strict", "sum-parallel", "dot-strict", "dot-parallel"};
            for (int r = 0; r < reps; r++) {
                double start = now();
                for (long k = 0; k < inner; k++) {
                    const double *second = kind < 2 ? NULL : y;
                    sink = kind % 2 == 0 ? strict(x, second, n) : parallel(x, second, n);
                }
                times[r] = (now() - start) / inner;
            }
            qsort(times, (size_t) reps, sizeof *times, compare);
            /* The parallel variants are the baseline ("c"); strict order is shown beside them. */
            printf("%s\t%.3s\t%ld\t%.9e\n", kind % 2 == 0 ? "c-strict" : "c", name[kind], n,
                   times[reps / 2]);
        }
        free(x);
        free(y);
    }
    free(times);
    return 0;
}
