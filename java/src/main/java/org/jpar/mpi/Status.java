package org.jpar.mpi;

/**
 * What a receive or probe found.
 *
 * @param source the rank that sent the message
 * @param tag the message's tag
 * @param count the elements received (a receive), or the message's size in bytes (a probe)
 * @param bytes the message's size in bytes
 */
public record Status(int source, int tag, int count, int bytes) {
}
