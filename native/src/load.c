/* libjpar-load.so: dlopen with the JVM's signal handlers kept (see jpar_load.h). */
#include <dlfcn.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "jpar_load.h"

/* What the JVM handles: faults it turns into exceptions, and SIGQUIT's thread dump. */
static const int JVM_SIGNALS[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGQUIT};
#define SIGNAL_COUNT (sizeof JVM_SIGNALS / sizeof JVM_SIGNALS[0])

__attribute__((visibility("default")))
int jpar_load(const char *path, char *error, int32_t error_length) {
    struct sigaction saved[SIGNAL_COUNT];
    for (size_t i = 0; i < SIGNAL_COUNT; i++) {
        sigaction(JVM_SIGNALS[i], NULL, &saved[i]);
    }
    /* UCX reads its configuration in its constructor: after that, the variable is ignored. */
    setenv("UCX_ERROR_SIGNALS", "", 0);
    void *handle = dlopen(path, RTLD_NOW | RTLD_GLOBAL);
    for (size_t i = 0; i < SIGNAL_COUNT; i++) {
        sigaction(JVM_SIGNALS[i], &saved[i], NULL);
    }
    if (handle == NULL) {
        const char *text = dlerror();
        if (error != NULL && error_length > 0) {
            strncpy(error, text != NULL ? text : "dlopen failed", (size_t) error_length - 1);
            error[error_length - 1] = '\0';
        }
        return -1;
    }
    return 0;
}
