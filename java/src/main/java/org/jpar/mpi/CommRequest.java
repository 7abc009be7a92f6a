package org.jpar.mpi;

import java.nio.ByteBuffer;

/**
 * A communicator being duplicated by {@link Intracomm#idup()} (MPI_Comm_idup): usable once
 * {@link #waitFor()} returns it, or {@link #test()} says it is ready.
 */
public final class CommRequest {
    private final Intracomm parent;
    private final Request request;
    /** Where MPI writes the new handle; it must outlive the request. */
    private final ByteBuffer out;
    private Intracomm result;

    CommRequest(Intracomm parent, Request request, ByteBuffer out) {
        this.parent = parent;
        this.request = request;
        this.out = out;
    }

    /** The underlying request, to wait for it with others ({@link Request#waitAll}). */
    public Request request() {
        return request;
    }

    /**
     * Waits for the duplicate and returns it.
     *
     * @throws MpiException if MPI fails
     */
    public synchronized Intracomm waitFor() {
        request.waitFor();
        return built();
    }

    /** Whether the duplicate is ready, without waiting. */
    public synchronized boolean test() {
        return request.test();
    }

    private Intracomm built() {
        if (result == null) {
            result = new Intracomm(parent.mpi, out.getLong(0), false);
        }
        return result;
    }
}
