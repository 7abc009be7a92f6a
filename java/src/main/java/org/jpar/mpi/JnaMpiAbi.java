package org.jpar.mpi;

import org.jpar.internal.NativeLoader;

/**
 * The JNA binding of {@link MpiAbi}: direct mapping ({@code Native.register}), every pointer a
 * {@code long}, so a call allocates nothing and costs one JNA dispatch.
 */
final class JnaMpiAbi implements MpiAbi {
    private static MpiAbi loaded;

    private JnaMpiAbi() {
    }

    /**
     * Registers the natives, or throws {@link UnsatisfiedLinkError} with what was tried and what
     * to do.
     */
    static synchronized MpiAbi load() {
        if (loaded == null) {
            NativeLoader.register(JnaMpiAbi.class);
            loaded = new JnaMpiAbi();
        }
        return loaded;
    }

    @Override public native int jpar_init(int required, long provided);
    @Override public native int jpar_finalize();
    @Override public native int jpar_initialized(long flag);
    @Override public native int jpar_finalized(long flag);
    @Override public native int jpar_abort(long comm, int code);
    @Override public native double jpar_wtime();
    @Override public native int jpar_max_processor_name();
    @Override public native int jpar_processor_name(long name, long length);
    @Override public native int jpar_error_string(int code, long text, long length);
    @Override public native int jpar_error_class(int code, long errorClass);
    @Override public native int jpar_max_error_string();

    @Override public native long jpar_comm_null();
    @Override public native long jpar_comm_world();
    @Override public native long jpar_comm_self();
    @Override public native int jpar_comm_rank(long comm, long rank);
    @Override public native int jpar_comm_size(long comm, long size);
    @Override public native int jpar_comm_tag_ub(long comm, long tagUb);
    @Override public native int jpar_comm_dup(long comm, long out);
    @Override public native int jpar_comm_split(long comm, int color, int key, long out);
    @Override public native int jpar_comm_free(long comm);
    @Override public native int jpar_barrier(long comm);
    @Override public native int jpar_comm_test_inter(long comm, long flag);
    @Override public native int jpar_comm_remote_size(long comm, long size);
    @Override public native int jpar_comm_disconnect(long comm);
    @Override public native int jpar_comm_get_parent(long parent);
    @Override public native int jpar_comm_spawn(long command, long argv, int maxprocs, long info,
                                                int root, long comm, long intercomm,
                                                long errcodes);

    @Override public native int jpar_send(long buf, int count, int type, int dest, int tag,
                                          long comm);
    @Override public native int jpar_recv(long buf, int count, int type, int source, int tag,
                                          long comm, long status);
    @Override public native int jpar_sendrecv(long sendbuf, int sendcount, int dest, int sendtag,
                                              long recvbuf, int recvcount, int source,
                                              int recvtag, int type, long comm, long status);
    @Override public native int jpar_probe(int source, int tag, long comm, long status);
    @Override public native int jpar_iprobe(int source, int tag, long comm, long flag,
                                            long status);
    @Override public native int jpar_mprobe(int source, int tag, long comm, long message,
                                            long status);
    @Override public native int jpar_mrecv(long buf, int count, int type, long message,
                                           long status);

    @Override public native int jpar_isend(long buf, int count, int type, int dest, int tag,
                                           long comm, long request);
    @Override public native int jpar_irecv(long buf, int count, int type, int source, int tag,
                                           long comm, long request);
    @Override public native int jpar_wait(long request, long status);
    @Override public native int jpar_test(long request, long flag, long status);
    @Override public native int jpar_waitall(int count, long requests, long statuses);
    @Override public native int jpar_waitany(int count, long requests, long index, long status);

    @Override public native int jpar_bcast(long buf, int count, int type, int root, long comm);
    @Override public native int jpar_reduce(long sendbuf, long recvbuf, int count, int type,
                                            int op, int root, long comm);
    @Override public native int jpar_allreduce(long sendbuf, long recvbuf, int count, int type,
                                               int op, long comm);
    @Override public native int jpar_gather(long sendbuf, int sendcount, long recvbuf,
                                            int recvcount, int type, int root, long comm);
    @Override public native int jpar_gatherv(long sendbuf, int sendcount, long recvbuf,
                                             long recvcounts, long displs, int type, int root,
                                             long comm);
    @Override public native int jpar_allgather(long sendbuf, int sendcount, long recvbuf,
                                               int recvcount, int type, long comm);
    @Override public native int jpar_allgatherv(long sendbuf, int sendcount, long recvbuf,
                                                long recvcounts, long displs, int type,
                                                long comm);
    @Override public native int jpar_scatter(long sendbuf, int sendcount, long recvbuf,
                                             int recvcount, int type, int root, long comm);
    @Override public native int jpar_scatterv(long sendbuf, long sendcounts, long displs,
                                              long recvbuf, int recvcount, int type, int root,
                                              long comm);
    @Override public native int jpar_alltoall(long sendbuf, int sendcount, long recvbuf,
                                              int recvcount, int type, long comm);
}
