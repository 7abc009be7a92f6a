package org.jpar.mpi;

import org.jpar.internal.Memory;

/**
 * The ABI of libjpar.so ({@code native/include/jpar.h}), one Java method per C function.
 *
 * <p>Addresses are {@code long}; out-parameters point into native memory the caller owns. Each
 * method returns the C function's MPI error code unless the header says otherwise. A binding
 * (JNA today, FFM later) implements this interface; nothing above it knows which one runs.
 */
interface MpiAbi {
    int jpar_init(int required, long provided);
    int jpar_finalize();
    int jpar_initialized(long flag);
    int jpar_finalized(long flag);
    int jpar_abort(long comm, int code);
    double jpar_wtime();
    int jpar_max_processor_name();
    int jpar_processor_name(long name, long length);
    int jpar_error_string(int code, long text, long length);
    int jpar_error_class(int code, long errorClass);
    int jpar_max_error_string();

    long jpar_comm_null();
    long jpar_comm_world();
    long jpar_comm_self();
    int jpar_comm_rank(long comm, long rank);
    int jpar_comm_size(long comm, long size);
    int jpar_comm_tag_ub(long comm, long tagUb);
    int jpar_comm_dup(long comm, long out);
    int jpar_comm_split(long comm, int color, int key, long out);
    int jpar_comm_free(long comm);
    int jpar_barrier(long comm);

    // Dynamic processes: only the native binding has them. Comm refuses them on other backends
    // before calling; these defaults answer "not an intercommunicator" and "no parent".

    /** MPI_ERR_OTHER, for the calls a backend does not have. */
    int UNSUPPORTED = 16;

    default int jpar_comm_test_inter(long comm, long flag) {
        Memory.putInt(flag, 0);
        return 0;
    }

    default int jpar_comm_remote_size(long comm, long size) {
        return UNSUPPORTED;
    }

    default int jpar_comm_disconnect(long comm) {
        return UNSUPPORTED;
    }

    default int jpar_comm_get_parent(long parent) {
        Memory.putLong(parent, 0L);
        return 0;
    }

    default int jpar_comm_spawn(long command, long argv, int maxprocs, long info, int root,
                                long comm, long intercomm, long errcodes) {
        return UNSUPPORTED;
    }

    int jpar_send(long buf, int count, int type, int dest, int tag, long comm);
    int jpar_recv(long buf, int count, int type, int source, int tag, long comm, long status);
    int jpar_sendrecv(long sendbuf, int sendcount, int dest, int sendtag, long recvbuf,
                      int recvcount, int source, int recvtag, int type, long comm, long status);
    int jpar_probe(int source, int tag, long comm, long status);
    int jpar_iprobe(int source, int tag, long comm, long flag, long status);
    int jpar_mprobe(int source, int tag, long comm, long message, long status);
    int jpar_mrecv(long buf, int count, int type, long message, long status);

    int jpar_isend(long buf, int count, int type, int dest, int tag, long comm, long request);
    int jpar_irecv(long buf, int count, int type, int source, int tag, long comm, long request);
    int jpar_wait(long request, long status);
    int jpar_test(long request, long flag, long status);
    int jpar_waitall(int count, long requests, long statuses);
    int jpar_waitany(int count, long requests, long index, long status);

    int jpar_bcast(long buf, int count, int type, int root, long comm);
    int jpar_reduce(long sendbuf, long recvbuf, int count, int type, int op, int root, long comm);
    int jpar_allreduce(long sendbuf, long recvbuf, int count, int type, int op, long comm);
    int jpar_gather(long sendbuf, int sendcount, long recvbuf, int recvcount, int type, int root,
                    long comm);
    int jpar_gatherv(long sendbuf, int sendcount, long recvbuf, long recvcounts, long displs,
                     int type, int root, long comm);
    int jpar_allgather(long sendbuf, int sendcount, long recvbuf, int recvcount, int type,
                       long comm);
    int jpar_allgatherv(long sendbuf, int sendcount, long recvbuf, long recvcounts, long displs,
                        int type, long comm);
    int jpar_scatter(long sendbuf, int sendcount, long recvbuf, int recvcount, int type, int root,
                     long comm);
    int jpar_scatterv(long sendbuf, long sendcounts, long displs, long recvbuf, int recvcount,
                      int type, int root, long comm);
    int jpar_alltoall(long sendbuf, int sendcount, long recvbuf, int recvcount, int type,
                      long comm);
}
