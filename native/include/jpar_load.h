/*
 * jpar_load.h - libjpar-load.so, which loads libjpar.so for Java without losing the JVM's
 * signal handlers. It links no MPI, so loading it runs no MPI or transport constructor.
 *
 * The JVM turns SIGSEGV and friends into NullPointerException and the like; a library whose
 * constructor installs its own handlers for them (UCX's does, under MPICH or Open MPI over UCX)
 * makes an ordinary Java exception kill the process. jpar_load saves the handlers of the
 * signals the JVM uses, sets UCX_ERROR_SIGNALS empty unless the caller set it (so UCX installs
 * none), dlopens the library with RTLD_NOW | RTLD_GLOBAL, and restores the handlers.
 */
#ifndef JPAR_LOAD_H
#define JPAR_LOAD_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Returns 0, or -1 with dlerror's text (at most error_length - 1 bytes) in error. */
int jpar_load(const char *path, char *error, int32_t error_length);

#ifdef __cplusplus
}
#endif

#endif /* JPAR_LOAD_H */
