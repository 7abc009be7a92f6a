/* The pthread pool's internals, shared by pool.c and kernels.c. Not exported. */
#ifndef JPAR_POOL_H
#define JPAR_POOL_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

#include "jpar.h"

/* A unit of work: C code (a kernel chunk) or, with run == NULL, a Java task number. */
struct jpar_work {
    void (*run)(void *arg, int32_t worker);
    void *arg;
    int64_t task;
};

struct jpar_pool;

/* Queues C work; returns 0 or -errno. */
int jpar_pool_push(struct jpar_pool *pool, struct jpar_work work);
struct jpar_pool *jpar_pool_of(int64_t handle);
int32_t jpar_pool_size(struct jpar_pool *pool);
int64_t jpar_pool_spin_ns(struct jpar_pool *pool);

/* Runs fn(arg, i, worker) for every i in [0, count) on the workers and the calling thread
   (worker -1), and returns when all have run: the kernels' loop. */
typedef void (*jpar_range_fn)(void *arg, int64_t index, int32_t worker);
int jpar_pool_parallel_for(int64_t pool, int64_t count, jpar_range_fn fn, void *arg);

/* Monotonic nanoseconds. */
int64_t jpar_now_ns(void);

static inline void jpar_cpu_relax(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

#endif
