/* Lifecycle, time, processor name and error text. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <signal.h>
#include <stdlib.h>

#include "internal.h"

/* The JVM uses these signals itself (null checks, safepoints): MPI_Init must not keep them. */
static const int guarded_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP};
#define GUARDED_COUNT ((int) (sizeof guarded_signals / sizeof guarded_signals[0]))

static void save_handlers(struct sigaction *saved) {
    for (int i = 0; i < GUARDED_COUNT; i++) {
        sigaction(guarded_signals[i], NULL, &saved[i]);
    }
}

static void restore_handlers(const struct sigaction *saved) {
    for (int i = 0; i < GUARDED_COUNT; i++) {
        sigaction(guarded_signals[i], &saved[i], NULL);
    }
}

/*
 * A host that loads us with RTLD_LOCAL (the JVM, through JNA) hides libmpi's symbols from the
 * plugins Open MPI dlopens later; reopening libmpi RTLD_GLOBAL makes them visible.
 */
static void promote_mpi_library(void) {
    Dl_info info;
    if (dladdr((void *) &MPI_Init_thread, &info) != 0 && info.dli_fname != NULL) {
        dlopen(info.dli_fname, RTLD_NOW | RTLD_GLOBAL | RTLD_NOLOAD);
    }
}

static int mpi_thread_level(int32_t level) {
    switch (level) {
    case JPAR_THREAD_SINGLE: return MPI_THREAD_SINGLE;
    case JPAR_THREAD_FUNNELED: return MPI_THREAD_FUNNELED;
    case JPAR_THREAD_SERIALIZED: return MPI_THREAD_SERIALIZED;
    default: return MPI_THREAD_MULTIPLE;
    }
}

static int32_t jpar_thread_level(int level) {
    if (level == MPI_THREAD_SINGLE) return JPAR_THREAD_SINGLE;
    if (level == MPI_THREAD_FUNNELED) return JPAR_THREAD_FUNNELED;
    if (level == MPI_THREAD_SERIALIZED) return JPAR_THREAD_SERIALIZED;
    return JPAR_THREAD_MULTIPLE;
}

int jpar_init(int32_t required, int32_t *provided) {
    if (required < JPAR_THREAD_SINGLE || required > JPAR_THREAD_MULTIPLE) {
        return JPAR_ERR_ARG;
    }
    promote_mpi_library();
    /* UCX installs its own fault handlers lazily, after we could restore the JVM's. */
    setenv("UCX_ERROR_SIGNALS", "", 0);
    struct sigaction saved[GUARDED_COUNT];
    save_handlers(saved);
    int level = MPI_THREAD_SINGLE;
    int rc = MPI_Init_thread(NULL, NULL, mpi_thread_level(required), &level);
    restore_handlers(saved);
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
    MPI_Comm_set_errhandler(MPI_COMM_SELF, MPI_ERRORS_RETURN);
    *provided = jpar_thread_level(level);
    return MPI_SUCCESS;
}

int jpar_finalize(void) {
    struct sigaction saved[GUARDED_COUNT];
    save_handlers(saved);
    int rc = MPI_Finalize();
    restore_handlers(saved);
    return rc;
}

int jpar_initialized(int32_t *flag) {
    int f = 0;
    int rc = MPI_Initialized(&f);
    *flag = f;
    return rc;
}

int jpar_finalized(int32_t *flag) {
    int f = 0;
    int rc = MPI_Finalized(&f);
    *flag = f;
    return rc;
}

int jpar_abort(int64_t comm, int32_t code) {
    return MPI_Abort(comm_of(comm), code);
}

double jpar_wtime(void) {
    return MPI_Wtime();
}

int jpar_max_processor_name(void) {
    return MPI_MAX_PROCESSOR_NAME;
}

int jpar_processor_name(char *name, int32_t *length) {
    int len = 0;
    int rc = MPI_Get_processor_name(name, &len);
    *length = len;
    return rc;
}

int jpar_max_error_string(void) {
    return MPI_MAX_ERROR_STRING;
}

int jpar_error_string(int32_t code, char *text, int32_t *length) {
    if (code == JPAR_ERR_ARG) {
        static const char msg[] = "jpar: invalid type, op or thread level number";
        memcpy(text, msg, sizeof msg);
        *length = (int32_t) sizeof msg - 1;
        return MPI_SUCCESS;
    }
    int len = 0;
    int rc = MPI_Error_string(code, text, &len);
    *length = len;
    return rc;
}

int jpar_error_class(int32_t code, int32_t *error_class) {
    if (code == JPAR_ERR_ARG) {
        *error_class = MPI_ERR_ARG;
        return MPI_SUCCESS;
    }
    int cls = 0;
    int rc = MPI_Error_class(code, &cls);
    *error_class = cls;
    return rc;
}

int jpar_max_library_version(void) {
    return MPI_MAX_LIBRARY_VERSION_STRING;
}

int jpar_library_version(char *text, int32_t *length) {
    int len = 0;
    int rc = MPI_Get_library_version(text, &len);
    *length = len;
    return rc;
}

#define CLASS_NAME(c) case c: name = #c; break;

int jpar_error_class_name(int32_t error_class, char *text, int32_t *length) {
    const char *name = "MPI_ERR_UNKNOWN_CLASS";
    switch (error_class) {
    CLASS_NAME(MPI_SUCCESS)
    CLASS_NAME(MPI_ERR_BUFFER)
    CLASS_NAME(MPI_ERR_COUNT)
    CLASS_NAME(MPI_ERR_TYPE)
    CLASS_NAME(MPI_ERR_TAG)
    CLASS_NAME(MPI_ERR_COMM)
    CLASS_NAME(MPI_ERR_RANK)
    CLASS_NAME(MPI_ERR_REQUEST)
    CLASS_NAME(MPI_ERR_ROOT)
    CLASS_NAME(MPI_ERR_GROUP)
    CLASS_NAME(MPI_ERR_OP)
    CLASS_NAME(MPI_ERR_TOPOLOGY)
    CLASS_NAME(MPI_ERR_DIMS)
    CLASS_NAME(MPI_ERR_ARG)
    CLASS_NAME(MPI_ERR_UNKNOWN)
    CLASS_NAME(MPI_ERR_TRUNCATE)
    CLASS_NAME(MPI_ERR_OTHER)
    CLASS_NAME(MPI_ERR_INTERN)
    CLASS_NAME(MPI_ERR_IN_STATUS)
    CLASS_NAME(MPI_ERR_PENDING)
    CLASS_NAME(MPI_ERR_KEYVAL)
    CLASS_NAME(MPI_ERR_NO_MEM)
    CLASS_NAME(MPI_ERR_BASE)
    CLASS_NAME(MPI_ERR_INFO_KEY)
    CLASS_NAME(MPI_ERR_INFO_VALUE)
    CLASS_NAME(MPI_ERR_INFO_NOKEY)
    CLASS_NAME(MPI_ERR_SPAWN)
    CLASS_NAME(MPI_ERR_PORT)
    CLASS_NAME(MPI_ERR_SERVICE)
    CLASS_NAME(MPI_ERR_NAME)
    CLASS_NAME(MPI_ERR_WIN)
    CLASS_NAME(MPI_ERR_SIZE)
    CLASS_NAME(MPI_ERR_DISP)
    CLASS_NAME(MPI_ERR_INFO)
    CLASS_NAME(MPI_ERR_LOCKTYPE)
    CLASS_NAME(MPI_ERR_ASSERT)
    CLASS_NAME(MPI_ERR_RMA_CONFLICT)
    CLASS_NAME(MPI_ERR_RMA_SYNC)
    CLASS_NAME(MPI_ERR_RMA_RANGE)
    CLASS_NAME(MPI_ERR_RMA_ATTACH)
    CLASS_NAME(MPI_ERR_RMA_SHARED)
    CLASS_NAME(MPI_ERR_RMA_FLAVOR)
    CLASS_NAME(MPI_ERR_FILE)
    CLASS_NAME(MPI_ERR_NOT_SAME)
    CLASS_NAME(MPI_ERR_AMODE)
    CLASS_NAME(MPI_ERR_UNSUPPORTED_DATAREP)
    CLASS_NAME(MPI_ERR_UNSUPPORTED_OPERATION)
    CLASS_NAME(MPI_ERR_NO_SUCH_FILE)
    CLASS_NAME(MPI_ERR_FILE_EXISTS)
    CLASS_NAME(MPI_ERR_BAD_FILE)
    CLASS_NAME(MPI_ERR_ACCESS)
    CLASS_NAME(MPI_ERR_NO_SPACE)
    CLASS_NAME(MPI_ERR_QUOTA)
    CLASS_NAME(MPI_ERR_READ_ONLY)
    CLASS_NAME(MPI_ERR_FILE_IN_USE)
    CLASS_NAME(MPI_ERR_DUP_DATAREP)
    CLASS_NAME(MPI_ERR_CONVERSION)
    CLASS_NAME(MPI_ERR_IO)
    default: break;
    }
    size_t n = strlen(name);
    memcpy(text, name, n + 1);
    *length = (int32_t) n;
    return MPI_SUCCESS;
}
