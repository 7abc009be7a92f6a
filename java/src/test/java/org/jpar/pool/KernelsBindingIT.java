package org.jpar.pool;

/**
 * KernelsTest again, in the integration tests' JVM (jpar's multi-release jar), where the native
 * kernels are FFM downcalls on JDK 22+.
 */
class KernelsBindingIT extends KernelsTest {
}
