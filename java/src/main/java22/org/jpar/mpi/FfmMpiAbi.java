package org.jpar.mpi;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.jpar.internal.Downcalls.handle;
import static org.jpar.internal.Downcalls.rethrow;

import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;

/**
 * The FFM binding of {@link MpiAbi} (JDK 22+): one {@code java.lang.foreign} downcall per jpar.h
 * function, addresses passed as {@code long}. Downcalls are marked critical only for functions
 * that return at once (rank, size, wtime), never for one that can wait for a peer. Lives in the
 * jar's {@code META-INF/versions/22}; {@link NativeBinding} chooses it on JDK 22 and later.
 */
final class FfmMpiAbi implements MpiAbi {
    private static final MethodHandle JPAR_INIT = handle("jpar_init", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle JPAR_FINALIZE = handle("jpar_finalize", false,
        FunctionDescriptor.of(JAVA_INT));
    private static final MethodHandle JPAR_INITIALIZED = handle("jpar_initialized", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
    private static final MethodHandle JPAR_FINALIZED = handle("jpar_finalized", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
    private static final MethodHandle JPAR_ABORT = handle("jpar_abort", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT));
    private static final MethodHandle JPAR_WTIME = handle("jpar_wtime", true,
        FunctionDescriptor.of(JAVA_DOUBLE));
    private static final MethodHandle JPAR_MAX_PROCESSOR_NAME = handle("jpar_max_processor_name", false,
        FunctionDescriptor.of(JAVA_INT));
    private static final MethodHandle JPAR_PROCESSOR_NAME = handle("jpar_processor_name", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle JPAR_ERROR_STRING = handle("jpar_error_string", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle JPAR_ERROR_CLASS = handle("jpar_error_class", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle JPAR_MAX_ERROR_STRING = handle("jpar_max_error_string", false,
        FunctionDescriptor.of(JAVA_INT));
    private static final MethodHandle JPAR_COMM_NULL = handle("jpar_comm_null", false,
        FunctionDescriptor.of(JAVA_LONG));
    private static final MethodHandle JPAR_COMM_WORLD = handle("jpar_comm_world", false,
        FunctionDescriptor.of(JAVA_LONG));
    private static final MethodHandle JPAR_COMM_SELF = handle("jpar_comm_self", false,
        FunctionDescriptor.of(JAVA_LONG));
    private static final MethodHandle JPAR_COMM_RANK = handle("jpar_comm_rank", true,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle JPAR_COMM_SIZE = handle("jpar_comm_size", true,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle JPAR_COMM_TAG_UB = handle("jpar_comm_tag_ub", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle JPAR_COMM_DUP = handle("jpar_comm_dup", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle JPAR_COMM_SPLIT = handle("jpar_comm_split", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle JPAR_COMM_FREE = handle("jpar_comm_free", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
    private static final MethodHandle JPAR_BARRIER = handle("jpar_barrier", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
    private static final MethodHandle JPAR_COMM_TEST_INTER = handle("jpar_comm_test_inter", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle JPAR_COMM_REMOTE_SIZE = handle("jpar_comm_remote_size", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle JPAR_COMM_DISCONNECT = handle("jpar_comm_disconnect", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
    private static final MethodHandle JPAR_COMM_GET_PARENT = handle("jpar_comm_get_parent", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
    private static final MethodHandle JPAR_COMM_SPAWN = handle("jpar_comm_spawn", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle JPAR_SEND = handle("jpar_send", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle JPAR_RECV = handle("jpar_recv", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle JPAR_SENDRECV = handle("jpar_sendrecv", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle JPAR_PROBE = handle("jpar_probe", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle JPAR_IPROBE = handle("jpar_iprobe", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle JPAR_MPROBE = handle("jpar_mprobe", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle JPAR_MRECV = handle("jpar_mrecv", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle JPAR_ISEND = handle("jpar_isend", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle JPAR_IRECV = handle("jpar_irecv", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle JPAR_WAIT = handle("jpar_wait", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle JPAR_TEST = handle("jpar_test", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle JPAR_WAITALL = handle("jpar_waitall", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle JPAR_WAITANY = handle("jpar_waitany", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle JPAR_BCAST = handle("jpar_bcast", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle JPAR_REDUCE = handle("jpar_reduce", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle JPAR_ALLREDUCE = handle("jpar_allreduce", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle JPAR_GATHER = handle("jpar_gather", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle JPAR_GATHERV = handle("jpar_gatherv", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle JPAR_ALLGATHER = handle("jpar_allgather", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle JPAR_ALLGATHERV = handle("jpar_allgatherv", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_LONG));
    private static final MethodHandle JPAR_SCATTER = handle("jpar_scatter", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle JPAR_SCATTERV = handle("jpar_scatterv", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle JPAR_ALLTOALL = handle("jpar_alltoall", false,
        FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_LONG));

    FfmMpiAbi() {
    }

    @Override
    public int jpar_init(int required, long provided) {
        try {
            return (int) JPAR_INIT.invokeExact(required, provided);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_finalize() {
        try {
            return (int) JPAR_FINALIZE.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_initialized(long flag) {
        try {
            return (int) JPAR_INITIALIZED.invokeExact(flag);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_finalized(long flag) {
        try {
            return (int) JPAR_FINALIZED.invokeExact(flag);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_abort(long comm, int code) {
        try {
            return (int) JPAR_ABORT.invokeExact(comm, code);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public double jpar_wtime() {
        try {
            return (double) JPAR_WTIME.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_max_processor_name() {
        try {
            return (int) JPAR_MAX_PROCESSOR_NAME.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_processor_name(long name, long length) {
        try {
            return (int) JPAR_PROCESSOR_NAME.invokeExact(name, length);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_error_string(int code, long text, long length) {
        try {
            return (int) JPAR_ERROR_STRING.invokeExact(code, text, length);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_error_class(int code, long errorClass) {
        try {
            return (int) JPAR_ERROR_CLASS.invokeExact(code, errorClass);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_max_error_string() {
        try {
            return (int) JPAR_MAX_ERROR_STRING.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public long jpar_comm_null() {
        try {
            return (long) JPAR_COMM_NULL.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public long jpar_comm_world() {
        try {
            return (long) JPAR_COMM_WORLD.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public long jpar_comm_self() {
        try {
            return (long) JPAR_COMM_SELF.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_comm_rank(long comm, long rank) {
        try {
            return (int) JPAR_COMM_RANK.invokeExact(comm, rank);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_comm_size(long comm, long size) {
        try {
            return (int) JPAR_COMM_SIZE.invokeExact(comm, size);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_comm_tag_ub(long comm, long tagUb) {
        try {
            return (int) JPAR_COMM_TAG_UB.invokeExact(comm, tagUb);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_comm_dup(long comm, long out) {
        try {
            return (int) JPAR_COMM_DUP.invokeExact(comm, out);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_comm_split(long comm, int color, int key, long out) {
        try {
            return (int) JPAR_COMM_SPLIT.invokeExact(comm, color, key, out);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_comm_free(long comm) {
        try {
            return (int) JPAR_COMM_FREE.invokeExact(comm);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_barrier(long comm) {
        try {
            return (int) JPAR_BARRIER.invokeExact(comm);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_comm_test_inter(long comm, long flag) {
        try {
            return (int) JPAR_COMM_TEST_INTER.invokeExact(comm, flag);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_comm_remote_size(long comm, long size) {
        try {
            return (int) JPAR_COMM_REMOTE_SIZE.invokeExact(comm, size);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_comm_disconnect(long comm) {
        try {
            return (int) JPAR_COMM_DISCONNECT.invokeExact(comm);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_comm_get_parent(long parent) {
        try {
            return (int) JPAR_COMM_GET_PARENT.invokeExact(parent);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_comm_spawn(long command, long argv, int maxprocs, long info, int root, long comm, long intercomm, long errcodes) {
        try {
            return (int) JPAR_COMM_SPAWN.invokeExact(command, argv, maxprocs, info, root, comm, intercomm, errcodes);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_send(long buf, int count, int type, int dest, int tag, long comm) {
        try {
            return (int) JPAR_SEND.invokeExact(buf, count, type, dest, tag, comm);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_recv(long buf, int count, int type, int source, int tag, long comm, long status) {
        try {
            return (int) JPAR_RECV.invokeExact(buf, count, type, source, tag, comm, status);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_sendrecv(long sendbuf, int sendcount, int dest, int sendtag, long recvbuf, int recvcount, int source, int recvtag, int type, long comm, long status) {
        try {
            return (int) JPAR_SENDRECV.invokeExact(sendbuf, sendcount, dest, sendtag, recvbuf, recvcount, source, recvtag, type, comm, status);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_probe(int source, int tag, long comm, long status) {
        try {
            return (int) JPAR_PROBE.invokeExact(source, tag, comm, status);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_iprobe(int source, int tag, long comm, long flag, long status) {
        try {
            return (int) JPAR_IPROBE.invokeExact(source, tag, comm, flag, status);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_mprobe(int source, int tag, long comm, long message, long status) {
        try {
            return (int) JPAR_MPROBE.invokeExact(source, tag, comm, message, status);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_mrecv(long buf, int count, int type, long message, long status) {
        try {
            return (int) JPAR_MRECV.invokeExact(buf, count, type, message, status);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_isend(long buf, int count, int type, int dest, int tag, long comm, long request) {
        try {
            return (int) JPAR_ISEND.invokeExact(buf, count, type, dest, tag, comm, request);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_irecv(long buf, int count, int type, int source, int tag, long comm, long request) {
        try {
            return (int) JPAR_IRECV.invokeExact(buf, count, type, source, tag, comm, request);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_wait(long request, long status) {
        try {
            return (int) JPAR_WAIT.invokeExact(request, status);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_test(long request, long flag, long status) {
        try {
            return (int) JPAR_TEST.invokeExact(request, flag, status);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_waitall(int count, long requests, long statuses) {
        try {
            return (int) JPAR_WAITALL.invokeExact(count, requests, statuses);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_waitany(int count, long requests, long index, long status) {
        try {
            return (int) JPAR_WAITANY.invokeExact(count, requests, index, status);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_bcast(long buf, int count, int type, int root, long comm) {
        try {
            return (int) JPAR_BCAST.invokeExact(buf, count, type, root, comm);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_reduce(long sendbuf, long recvbuf, int count, int type, int op, int root, long comm) {
        try {
            return (int) JPAR_REDUCE.invokeExact(sendbuf, recvbuf, count, type, op, root, comm);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_allreduce(long sendbuf, long recvbuf, int count, int type, int op, long comm) {
        try {
            return (int) JPAR_ALLREDUCE.invokeExact(sendbuf, recvbuf, count, type, op, comm);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_gather(long sendbuf, int sendcount, long recvbuf, int recvcount, int type, int root, long comm) {
        try {
            return (int) JPAR_GATHER.invokeExact(sendbuf, sendcount, recvbuf, recvcount, type, root, comm);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_gatherv(long sendbuf, int sendcount, long recvbuf, long recvcounts, long displs, int type, int root, long comm) {
        try {
            return (int) JPAR_GATHERV.invokeExact(sendbuf, sendcount, recvbuf, recvcounts, displs, type, root, comm);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_allgather(long sendbuf, int sendcount, long recvbuf, int recvcount, int type, long comm) {
        try {
            return (int) JPAR_ALLGATHER.invokeExact(sendbuf, sendcount, recvbuf, recvcount, type, comm);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_allgatherv(long sendbuf, int sendcount, long recvbuf, long recvcounts, long displs, int type, long comm) {
        try {
            return (int) JPAR_ALLGATHERV.invokeExact(sendbuf, sendcount, recvbuf, recvcounts, displs, type, comm);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_scatter(long sendbuf, int sendcount, long recvbuf, int recvcount, int type, int root, long comm) {
        try {
            return (int) JPAR_SCATTER.invokeExact(sendbuf, sendcount, recvbuf, recvcount, type, root, comm);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_scatterv(long sendbuf, long sendcounts, long displs, long recvbuf, int recvcount, int type, int root, long comm) {
        try {
            return (int) JPAR_SCATTERV.invokeExact(sendbuf, sendcounts, displs, recvbuf, recvcount, type, root, comm);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int jpar_alltoall(long sendbuf, int sendcount, long recvbuf, int recvcount, int type, long comm) {
        try {
            return (int) JPAR_ALLTOALL.invokeExact(sendbuf, sendcount, recvbuf, recvcount, type, comm);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

}
