package org.jpar.mpi;

/**
 * What a receive, probe or completed request found.
 *
 * @param source the rank that sent the message
 * @param tag the message's tag
 * @param count the elements received (a receive), or the message's size in bytes (a probe)
 * @param bytes the message's size in bytes
 * @param cancelled whether {@link Request#cancel} stopped the request (MPI_Test_cancelled)
 */
public record Status(int source, int tag, int count, int bytes, boolean cancelled) {
    /** A status of a request that was not cancelled. */
    public Status(int source, int tag, int count, int bytes) {
        this(source, tag, count, bytes, false);
    }

    /**
     * The message's size in whole elements of {@code type} (MPI_Get_count), or
     * {@link Comm#UNDEFINED} when it is not a whole number of them.
     *
     * @throws NullPointerException if {@code type} is null
     */
    public int count(Datatype type) {
        int size = type.size();
        return bytes < 0 || bytes % size != 0 ? Comm.UNDEFINED : bytes / size;
    }

    /**
     * The primitive elements of {@code type} the message holds (MPI_Get_elements): for a
     * predefined type, as {@link #count(Datatype)}; for a derived one, also those of a last,
     * partial element. {@link Comm#UNDEFINED} when they end inside a primitive.
     *
     * @throws NullPointerException if {@code type} is null
     */
    public int elements(Datatype type) {
        long n = bytes < 0 ? -1 : type.map.elements(bytes);
        return n < 0 || n > Integer.MAX_VALUE ? Comm.UNDEFINED : (int) n;
    }

    /** Whether {@link Request#cancel} stopped the request (MPI_Test_cancelled). */
    public boolean isCancelled() {
        return cancelled;
    }
}
