/* parallel-for over the pool: the caller runs index 0 and waits for the others. */
#include <errno.h>
#include <stdlib.h>

#include "pool.h"

struct loop {
    jpar_range_fn fn;
    void *arg;
    atomic_int remaining;
    pthread_mutex_t lock;
    pthread_cond_t done;
    int waiting;
};

struct step {
    struct loop *loop;
    int64_t index;
};

static void step_main(void *arg, int32_t worker) {
    struct step *s = arg;
    struct loop *loop = s->loop;
    loop->fn(loop->arg, s->index, worker);
    if (atomic_fetch_sub(&loop->remaining, 1) == 1) {
        pthread_mutex_lock(&loop->lock);
        if (loop->waiting) {
            pthread_cond_signal(&loop->done);
        }
        pthread_mutex_unlock(&loop->lock);
    }
}

int jpar_pool_parallel_for(int64_t handle, int64_t count, jpar_range_fn fn, void *arg) {
    if (count < 0 || fn == NULL) {
        return -EINVAL;
    }
    if (count <= 1) {
        if (count == 1) {
            fn(arg, 0, -1);
        }
        return 0;
    }
    struct jpar_pool *pool = jpar_pool_of(handle);
    struct step *steps = calloc((size_t) count, sizeof *steps);
    if (steps == NULL) {
        return -ENOMEM;
    }
    struct loop loop = {.fn = fn, .arg = arg};
    pthread_mutex_init(&loop.lock, NULL);
    pthread_cond_init(&loop.done, NULL);
    atomic_init(&loop.remaining, (int) (count - 1));
    int64_t queued = 0;
    for (int64_t i = 1; i < count; i++) {
        steps[i].loop = &loop;
        steps[i].index = i;
        struct jpar_work work = {step_main, &steps[i], 0};
        if (jpar_pool_push(pool, work) != 0) {
            break;
        }
        queued++;
    }
    /* What a closed pool would not take runs here, so the loop still completes. */
    for (int64_t i = queued + 1; i < count; i++) {
        fn(arg, i, -1);
        atomic_fetch_sub(&loop.remaining, 1);
    }
    fn(arg, 0, -1);
    int64_t deadline = jpar_now_ns() + jpar_pool_spin_ns(pool);
    while (atomic_load(&loop.remaining) > 0 && jpar_now_ns() < deadline) {
        jpar_cpu_relax();
    }
    pthread_mutex_lock(&loop.lock);
    loop.waiting = 1;
    while (atomic_load(&loop.remaining) > 0) {
        pthread_cond_wait(&loop.done, &loop.lock);
    }
    pthread_mutex_unlock(&loop.lock);
    pthread_mutex_destroy(&loop.lock);
    pthread_cond_destroy(&loop.done);
    free(steps);
    return 0;
}
