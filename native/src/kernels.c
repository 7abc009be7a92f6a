/* Parallel kernels over the pthread pool, with a fixed chunking so results are reproducible. */
#include <errno.h>
#include <stdlib.h>

#include "pool.h"

enum kind { SUM_F64, SUM_F32, DOT_F64, DOT_F32, AXPY_F64, SCALE_F64, MATVEC_F64 };

struct job {
    enum kind kind;
    const void *x;
    const void *y;
    double *out;
    double a;
    int64_t n;
    int64_t cols;
    int64_t chunks;
    double *partials;
};

/* Four accumulators, element i of the chunk into accumulator i % 4. */
#define SUM4(EXPR)                                                  \
    double a0 = 0, a1 = 0, a2 = 0, a3 = 0;                          \
    int64_t i = lo;                                                 \
    for (; i + 3 < hi; i += 4) {                                    \
        { int64_t k = i;     a0 += (EXPR); }                        \
        { int64_t k = i + 1; a1 += (EXPR); }                        \
        { int64_t k = i + 2; a2 += (EXPR); }                        \
        { int64_t k = i + 3; a3 += (EXPR); }                        \
    }                                                               \
    if (i < hi) { int64_t k = i++; a0 += (EXPR); }                  \
    if (i < hi) { int64_t k = i++; a1 += (EXPR); }                  \
    if (i < hi) { int64_t k = i++; a2 += (EXPR); }                  \
    return (a0 + a1) + (a2 + a3)

static double sum_f64(const double *x, int64_t lo, int64_t hi) { SUM4(x[k]); }
static double sum_f32(const float *x, int64_t lo, int64_t hi) { SUM4((double) x[k]); }
static double dot_f64(const double *x, const double *y, int64_t lo, int64_t hi) {
    SUM4(x[k] * y[k]);
}
static double dot_f32(const float *x, const float *y, int64_t lo, int64_t hi) {
    SUM4((double) x[k] * (double) y[k]);
}

static void run_range(struct job *job, int32_t index, int64_t lo, int64_t hi) {
    switch (job->kind) {
    case SUM_F64: job->partials[index] = sum_f64(job->x, lo, hi); break;
    case SUM_F32: job->partials[index] = sum_f32(job->x, lo, hi); break;
    case DOT_F64: job->partials[index] = dot_f64(job->x, job->y, lo, hi); break;
    case DOT_F32: job->partials[index] = dot_f32(job->x, job->y, lo, hi); break;
    case AXPY_F64: {
        const double *x = job->x;
        double *y = job->out;
        for (int64_t k = lo; k < hi; k++) {
            y[k] = job->a * x[k] + y[k];
        }
        break;
    }
    case SCALE_F64: {
        double *x = job->out;
        for (int64_t k = lo; k < hi; k++) {
            x[k] = job->a * x[k];
        }
        break;
    }
    case MATVEC_F64: {
        const double *a = job->x;
        for (int64_t r = lo; r < hi; r++) {
            job->out[r] = dot_f64(a + r * job->cols, job->y, 0, job->cols);
        }
        break;
    }
    }
}

static void run_chunk(void *arg, int64_t index, int32_t worker) {
    (void) worker;
    struct job *job = arg;
    int64_t lo = job->n * index / job->chunks;
    int64_t hi = job->n * (index + 1) / job->chunks;
    run_range(job, (int32_t) index, lo, hi);
}

/* Runs the job's chunks on the pool, or inline when the range is small; sums partials in order. */
static int run(int64_t handle, struct job *job, int64_t min_parallel) {
    int64_t chunks = job->n < min_parallel || job->n < 2 ? 1 : jpar_pool_size(jpar_pool_of(handle));
    if (chunks > job->n && job->n > 0) {
        chunks = job->n;
    }
    double one[1] = {0};
    job->chunks = chunks;
    job->partials = chunks == 1 ? one : calloc((size_t) chunks, sizeof(double));
    if (job->partials == NULL) {
        return -ENOMEM;
    }
    int rc = jpar_pool_parallel_for(handle, chunks, run_chunk, job);
    if (rc == 0 && job->kind <= DOT_F32) {
        double total = 0;
        for (int64_t i = 0; i < chunks; i++) {
            total += job->partials[i];
        }
        *job->out = total;
    }
    if (job->partials != one) {
        free(job->partials);
    }
    return rc;
}

int jpar_sum_f64(int64_t pool, const double *x, int64_t n, int64_t min_parallel, double *out) {
    struct job job = {.kind = SUM_F64, .x = x, .out = out, .n = n};
    return run(pool, &job, min_parallel);
}

int jpar_sum_f32(int64_t pool, const float *x, int64_t n, int64_t min_parallel, double *out) {
    struct job job = {.kind = SUM_F32, .x = x, .out = out, .n = n};
    return run(pool, &job, min_parallel);
}

int jpar_dot_f64(int64_t pool, const double *x, const double *y, int64_t n, int64_t min_parallel,
                 double *out) {
    struct job job = {.kind = DOT_F64, .x = x, .y = y, .out = out, .n = n};
    return run(pool, &job, min_parallel);
}

int jpar_dot_f32(int64_t pool, const float *x, const float *y, int64_t n, int64_t min_parallel,
                 double *out) {
    struct job job = {.kind = DOT_F32, .x = x, .y = y, .out = out, .n = n};
    return run(pool, &job, min_parallel);
}

int jpar_axpy_f64(int64_t pool, double a, const double *x, double *y, int64_t n,
                  int64_t min_parallel) {
    struct job job = {.kind = AXPY_F64, .x = x, .out = y, .a = a, .n = n};
    return run(pool, &job, min_parallel);
}

int jpar_scale_f64(int64_t pool, double a, double *x, int64_t n, int64_t min_parallel) {
    struct job job = {.kind = SCALE_F64, .out = x, .a = a, .n = n};
    return run(pool, &job, min_parallel);
}

int jpar_matvec_f64(int64_t pool, const double *a, const double *x, double *y, int64_t rows,
                    int64_t cols, int64_t min_parallel) {
    struct job job = {.kind = MATVEC_F64, .x = a, .y = x, .out = y, .n = rows, .cols = cols};
    return run(pool, &job, min_parallel);
}
