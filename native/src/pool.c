/* A fixed pool of pthreads with a FIFO queue; idle workers spin briefly, then sleep. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "pool.h"

enum { RUNNING = 0, CLOSING = 1, TERMINATED = 2 };

struct jpar_pool {
    int32_t size;
    int64_t spin_ns;
    jpar_pool_callback callback;
    pthread_t *threads;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    struct jpar_work *ring;
    size_t capacity;
    size_t head;
    size_t count;
    int sleeping;
    atomic_long queued;
    atomic_int state;
    /* Workers still running plus one for the owner; the last one out frees the pool. */
    atomic_int references;
};

struct worker_start {
    struct jpar_pool *pool;
    int32_t index;
};

int64_t jpar_now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t) ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

struct jpar_pool *jpar_pool_of(int64_t handle) {
    return (struct jpar_pool *) (intptr_t) handle;
}

int32_t jpar_pool_size(struct jpar_pool *pool) {
    return pool->size;
}

int64_t jpar_pool_spin_ns(struct jpar_pool *pool) {
    return pool->spin_ns;
}

static void release(struct jpar_pool *pool) {
    if (atomic_fetch_sub(&pool->references, 1) == 1) {
        pthread_mutex_destroy(&pool->lock);
        pthread_cond_destroy(&pool->wake);
        free(pool->ring);
        free(pool->threads);
        free(pool);
    }
}

/* Takes the next item; the lock is held. */
static int take(struct jpar_pool *pool, struct jpar_work *out) {
    if (pool->count == 0) {
        return 0;
    }
    *out = pool->ring[pool->head];
    pool->head = (pool->head + 1) % pool->capacity;
    pool->count--;
    atomic_fetch_sub(&pool->queued, 1);
    return 1;
}

static int next_work(struct jpar_pool *pool, struct jpar_work *out) {
    for (;;) {
        pthread_mutex_lock(&pool->lock);
        int got = take(pool, out);
        int state = atomic_load(&pool->state);
        pthread_mutex_unlock(&pool->lock);
        if (got && state != TERMINATED) {
            return 1;
        }
        if (state == TERMINATED || (state == CLOSING && !got)) {
            return 0;
        }
        /* Spin: a task that arrives soon is taken without a wake-up (15-20 us here). */
        int64_t deadline = jpar_now_ns() + pool->spin_ns;
        while (atomic_load_explicit(&pool->queued, memory_order_acquire) == 0
               && atomic_load(&pool->state) == RUNNING && jpar_now_ns() < deadline) {
            jpar_cpu_relax();
        }
        pthread_mutex_lock(&pool->lock);
        while (pool->count == 0 && atomic_load(&pool->state) == RUNNING) {
            pool->sleeping++;
            pthread_cond_wait(&pool->wake, &pool->lock);
            pool->sleeping--;
        }
        pthread_mutex_unlock(&pool->lock);
    }
}

static void *worker_main(void *arg) {
    struct worker_start start = *(struct worker_start *) arg;
    free(arg);
    struct jpar_pool *pool = start.pool;
    char name[16];
    snprintf(name, sizeof name, "jpar-pool-%d", start.index);
    pthread_setname_np(pthread_self(), name);
    pool->callback(JPAR_POOL_WORKER_START, start.index);
    struct jpar_work work;
    while (next_work(pool, &work)) {
        if (work.run != NULL) {
            work.run(work.arg, start.index);
        } else {
            pool->callback(work.task, start.index);
        }
    }
    pool->callback(JPAR_POOL_WORKER_EXIT, start.index);
    release(pool);
    return NULL;
}

int jpar_pool_create(int32_t workers, int64_t spin_ns, jpar_pool_callback callback,
                     int64_t *out) {
    if (workers < 1 || spin_ns < 0 || callback == NULL) {
        return -EINVAL;
    }
    struct jpar_pool *pool = calloc(1, sizeof *pool);
    if (pool == NULL) {
        return -ENOMEM;
    }
    pool->size = workers;
    pool->spin_ns = spin_ns;
    pool->callback = callback;
    pool->capacity = 64;
    pool->ring = malloc(pool->capacity * sizeof *pool->ring);
    pool->threads = calloc((size_t) workers, sizeof *pool->threads);
    if (pool->ring == NULL || pool->threads == NULL) {
        free(pool->ring);
        free(pool->threads);
        free(pool);
        return -ENOMEM;
    }
    pthread_mutex_init(&pool->lock, NULL);
    pthread_cond_init(&pool->wake, NULL);
    atomic_init(&pool->queued, 0);
    atomic_init(&pool->state, RUNNING);
    atomic_init(&pool->references, 1);
    for (int32_t i = 0; i < workers; i++) {
        struct worker_start *start = malloc(sizeof *start);
        if (start == NULL) {
            pool->size = i;
            jpar_pool_close((int64_t) (intptr_t) pool);
            jpar_pool_free((int64_t) (intptr_t) pool, 1);
            return -ENOMEM;
        }
        start->pool = pool;
        start->index = i;
        atomic_fetch_add(&pool->references, 1);
        int rc = pthread_create(&pool->threads[i], NULL, worker_main, start);
        if (rc != 0) {
            atomic_fetch_sub(&pool->references, 1);
            free(start);
            pool->size = i;
            jpar_pool_close((int64_t) (intptr_t) pool);
            jpar_pool_free((int64_t) (intptr_t) pool, 1);
            return -rc;
        }
    }
    *out = (int64_t) (intptr_t) pool;
    return 0;
}

int jpar_pool_push(struct jpar_pool *pool, struct jpar_work work) {
    pthread_mutex_lock(&pool->lock);
    if (atomic_load(&pool->state) != RUNNING) {
        pthread_mutex_unlock(&pool->lock);
        return -EPIPE;
    }
    if (pool->count == pool->capacity) {
        size_t grown = pool->capacity * 2;
        struct jpar_work *ring = malloc(grown * sizeof *ring);
        if (ring == NULL) {
            pthread_mutex_unlock(&pool->lock);
            return -ENOMEM;
        }
        for (size_t i = 0; i < pool->count; i++) {
            ring[i] = pool->ring[(pool->head + i) % pool->capacity];
        }
        free(pool->ring);
        pool->ring = ring;
        pool->head = 0;
        pool->capacity = grown;
    }
    pool->ring[(pool->head + pool->count) % pool->capacity] = work;
    pool->count++;
    atomic_fetch_add_explicit(&pool->queued, 1, memory_order_release);
    if (pool->sleeping > 0) {
        pthread_cond_signal(&pool->wake);
    }
    pthread_mutex_unlock(&pool->lock);
    return 0;
}

int jpar_pool_submit(int64_t handle, int64_t task) {
    if (task < 0) {
        return -EINVAL;
    }
    struct jpar_work work = {NULL, NULL, task};
    return jpar_pool_push(jpar_pool_of(handle), work);
}

static void stop(struct jpar_pool *pool, int state) {
    pthread_mutex_lock(&pool->lock);
    atomic_store(&pool->state, state);
    pthread_cond_broadcast(&pool->wake);
    pthread_mutex_unlock(&pool->lock);
}

int jpar_pool_close(int64_t handle) {
    struct jpar_pool *pool = jpar_pool_of(handle);
    int expected = RUNNING;
    atomic_compare_exchange_strong(&pool->state, &expected, CLOSING);
    stop(pool, atomic_load(&pool->state));
    return 0;
}

int jpar_pool_terminate(int64_t handle) {
    struct jpar_pool *pool = jpar_pool_of(handle);
    pthread_mutex_lock(&pool->lock);
    atomic_store(&pool->state, TERMINATED);
    size_t kernels = 0;
    struct jpar_work *pending = malloc((pool->count + 1) * sizeof *pending);
    struct jpar_work work;
    while (take(pool, &work)) {
        if (work.run != NULL && pending != NULL) {
            pending[kernels++] = work;
        }
    }
    pthread_cond_broadcast(&pool->wake);
    pthread_mutex_unlock(&pool->lock);
    /* A kernel's caller waits for every chunk: finish the queued ones here. */
    for (size_t i = 0; i < kernels; i++) {
        pending[i].run(pending[i].arg, -1);
    }
    free(pending);
    return 0;
}

int jpar_pool_free(int64_t handle, int32_t join) {
    struct jpar_pool *pool = jpar_pool_of(handle);
    for (int32_t i = 0; i < pool->size; i++) {
        if (join) {
            pthread_join(pool->threads[i], NULL);
        } else {
            pthread_detach(pool->threads[i]);
        }
    }
    release(pool);
    return 0;
}

int64_t jpar_thread_id(void) {
    return (int64_t) syscall(SYS_gettid);
}
