package org.jpar.mpi.openmpi;

import static org.jpar.mpi.openmpi.MpiJarTerms.bytes;
import static org.jpar.mpi.openmpi.MpiJarTerms.extent;
import static org.jpar.mpi.openmpi.MpiJarTerms.op;
import static org.jpar.mpi.openmpi.MpiJarTerms.type;

import java.nio.ByteBuffer;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import org.jpar.internal.JparH;
import org.jpar.internal.Memory;
import org.jpar.mpi.Comm;

/**
 * jpar's ABI over Open MPI's own Java bindings (mpi.jar and libmpi_java.so): the comparison path
 * for users coming from them. Addresses become direct ByteBuffer views, which mpi.jar hands to
 * MPI without a copy; handles index mpi.jar's objects. Built only when mpi.jar is present (the
 * Maven profile {@code openmpi}).
 */
public final class OpenMpiAbi extends OpenMpiTopologies {
    private static final long WORLD = 1;
    private static final long SELF = 2;

    private final Handles<Intracomm> comms = new Handles<>();

    public OpenMpiAbi() {
        super(SELF + 1);
    }

    @Override
    Intracomm comm(long handle) {
        return handle == WORLD ? MPI.COMM_WORLD : handle == SELF ? MPI.COMM_SELF : comms.get(handle);
    }

    // ------------------------------------------------------------------------------ lifecycle

    @Override
    public int jpar_init(int required, long provided) {
        return call(() -> {
            int level = MPI.InitThread(new String[0], required);
            MPI.COMM_WORLD.setErrhandler(MPI.ERRORS_RETURN);
            MPI.COMM_SELF.setErrhandler(MPI.ERRORS_RETURN);
            Memory.putInt(provided, level == MPI.THREAD_MULTIPLE ? 3
                : level == MPI.THREAD_SERIALIZED ? 2 : level == MPI.THREAD_FUNNELED ? 1 : 0);
        });
    }

    @Override
    public int jpar_finalize() {
        return call(MPI::Finalize);
    }

    @Override
    public int jpar_initialized(long flag) {
        return call(() -> Memory.putInt(flag, MPI.isInitialized() ? 1 : 0));
    }

    @Override
    public int jpar_finalized(long flag) {
        return call(() -> Memory.putInt(flag, MPI.isFinalized() ? 1 : 0));
    }

    @Override
    public int jpar_abort(long comm, int code) {
        return call(() -> comm(comm).abort(code));
    }

    @Override
    public double jpar_wtime() {
        try {
            return MPI.wtime();
        } catch (MPIException e) {
            return System.nanoTime() / 1e9;
        }
    }

    @Override
    public int jpar_max_processor_name() {
        return 256;
    }

    @Override
    public int jpar_processor_name(long name, long length) {
        return call(() -> writeText(MPI.getProcessorName(), name, length, 256));
    }

    @Override
    public int jpar_max_library_version() {
        return 256;
    }

    @Override
    public int jpar_library_version(long text, long length) {
        return call(() -> writeText(MPI.getLibVersion(), text, length, 256));
    }

    @Override
    public int jpar_error_string(int code, long text, long length) {
        MPIException last = LAST_ERROR.get();
        return writeText(last != null && last.getErrorCode() == code ? last.getMessage()
            : "MPI error " + code, text, length, 256);
    }

    @Override
    public int jpar_error_class(int code, long errorClass) {
        MPIException last = LAST_ERROR.get();
        Memory.putInt(errorClass, last != null && last.getErrorCode() == code
            ? last.getErrorClass() : code);
        return 0;
    }

    @Override
    public int jpar_max_error_string() {
        return 256;
    }

    // -------------------------------------------------------------------------- communicators

    @Override
    public long jpar_comm_null() {
        return 0L;
    }

    @Override
    public long jpar_comm_world() {
        return WORLD;
    }

    @Override
    public long jpar_comm_self() {
        return SELF;
    }

    @Override
    public int jpar_comm_rank(long comm, long rank) {
        return call(() -> Memory.putInt(rank, comm(comm).getRank()));
    }

    @Override
    public int jpar_comm_size(long comm, long size) {
        return call(() -> Memory.putInt(size, comm(comm).getSize()));
    }

    @Override
    public int jpar_comm_tag_ub(long comm, long tagUb) {
        return call(() -> {
            Object value = comm(comm).getAttr(MPI.TAG_UB);
            Memory.putInt(tagUb, value instanceof Integer i ? i : 32767);
        });
    }

    @Override
    long register(Intracomm c) {
        if (c == null || c.isNull()) {
            return 0L;
        }
        return comms.add(c);
    }

    @Override
    public int jpar_comm_dup(long comm, long out) {
        return call(() -> Memory.putLong(out, register(comm(comm).dup())));
    }

    @Override
    public int jpar_comm_split(long comm, int color, int key, long out) {
        return call(() -> Memory.putLong(out, register(comm(comm).split(
            color == Comm.UNDEFINED ? MPI.UNDEFINED : color, key))));
    }

    @Override
    public int jpar_comm_free(long comm) {
        return call(() -> {
            Intracomm c = comms.takeAt(comm);
            if (c != null) {
                c.free();
            }
        });
    }

    @Override
    public int jpar_barrier(long comm) {
        return call(() -> comm(comm).barrier());
    }

    // ----------------------------------------------------------------------------- collectives

    @Override
    public int jpar_bcast(long buf, int count, int type, int root, long comm) {
        return call(() -> comm(comm).bcast(view(buf, bytes(count, type)), count, type(type), root));
    }

    @Override
    public int jpar_reduce(long sendbuf, long recvbuf, int count, int type, int op, int root,
                           long comm) {
        return call(() -> comm(comm).reduce(sendView(sendbuf, bytes(count, type), () -> recvbuf),
            view(recvbuf, bytes(count, type)), count, type(type), op(op), root));
    }

    @Override
    public int jpar_allreduce(long sendbuf, long recvbuf, int count, int type, int op,
                              long comm) {
        return call(() -> comm(comm).allReduce(sendView(sendbuf, bytes(count, type), () -> recvbuf),
            view(recvbuf, bytes(count, type)), count, type(type), op(op)));
    }

    @Override
    public int jpar_gather(long sendbuf, int sendcount, long recvbuf, int recvcount, int type,
                           int root, long comm) {
        return call(() -> {
            Intracomm c = comm(comm);
            c.gather(sendView(sendbuf, bytes(sendcount, type), 
                () -> recvbuf + c.getRank() * bytes(recvcount, type)), sendcount, type(type),
                view(recvbuf, bytes(recvcount, type) * c.getSize()), recvcount, type(type), root);
        });
    }

    @Override
    public int jpar_gatherv(long sendbuf, int sendcount, long recvbuf, long recvcounts,
                            long displs, int type, int root, long comm) {
        return call(() -> {
            Intracomm c = comm(comm);
            boolean isRoot = c.getRank() == root;
            int n = c.getSize();
            int[] counts = isRoot ? ints(recvcounts, n) : new int[n];
            int[] offsets = isRoot ? ints(displs, n) : new int[n];
            c.gatherv(sendView(sendbuf, bytes(sendcount, type), 
                () -> recvbuf + ownDispl(displs, c, type)), sendcount, type(type),
                view(recvbuf, isRoot ? extent(counts, offsets, type) : 0), counts, offsets,
                type(type), root);
        });
    }

    @Override
    public int jpar_allgather(long sendbuf, int sendcount, long recvbuf, int recvcount, int type,
                              long comm) {
        return call(() -> {
            Intracomm c = comm(comm);
            c.allGather(sendView(sendbuf, bytes(sendcount, type), 
                () -> recvbuf + c.getRank() * bytes(sendcount, type)), sendcount, type(type),
                view(recvbuf, bytes(recvcount, type) * c.getSize()), recvcount, type(type));
        });
    }

    @Override
    public int jpar_allgatherv(long sendbuf, int sendcount, long recvbuf, long recvcounts,
                               long displs, int type, long comm) {
        return call(() -> {
            Intracomm c = comm(comm);
            int[] counts = ints(recvcounts, c.getSize());
            int[] offsets = ints(displs, c.getSize());
            c.allGatherv(sendView(sendbuf, bytes(sendcount, type), 
                () -> recvbuf + ownDispl(displs, c, type)), sendcount, type(type),
                view(recvbuf, extent(counts, offsets, type)), counts, offsets, type(type));
        });
    }

    @Override
    public int jpar_scatter(long sendbuf, int sendcount, long recvbuf, int recvcount, int type,
                            int root, long comm) {
        return call(() -> {
            Intracomm c = comm(comm);
            c.scatter(view(sendbuf, bytes(sendcount, type) * c.getSize()), sendcount, type(type),
                recvView(recvbuf, bytes(recvcount, type)), recvcount, type(type), root);
        });
    }

    @Override
    public int jpar_scatterv(long sendbuf, long sendcounts, long displs, long recvbuf,
                             int recvcount, int type, int root, long comm) {
        return call(() -> {
            Intracomm c = comm(comm);
            boolean isRoot = c.getRank() == root;
            int n = c.getSize();
            int[] counts = isRoot ? ints(sendcounts, n) : new int[n];
            int[] offsets = isRoot ? ints(displs, n) : new int[n];
            c.scatterv(view(sendbuf, isRoot ? extent(counts, offsets, type) : 0), counts, offsets,
                type(type), recvView(recvbuf, bytes(recvcount, type)), recvcount, type(type), root);
        });
    }

    @Override
    public int jpar_alltoall(long sendbuf, int sendcount, long recvbuf, int recvcount, int type,
                             long comm) {
        return call(() -> {
            Intracomm c = comm(comm);
            c.allToAll(sendView(sendbuf, bytes(sendcount, type) * c.getSize(), () -> recvbuf),
                sendcount, type(type),
                view(recvbuf, bytes(recvcount, type) * c.getSize()), recvcount, type(type));
        });
    }

    @Override
    public int jpar_alltoallv(long sendbuf, long sendcounts, long sdispls, long recvbuf,
                              long recvcounts, long rdispls, int type, long comm) {
        return call(() -> {
            int n = comm(comm).getSize();
            int[] sc = ints(sendcounts, n);
            int[] sd = ints(sdispls, n);
            int[] rc = ints(recvcounts, n);
            int[] rd = ints(rdispls, n);
            comm(comm).allToAllv(sendView(sendbuf, extent(sc, sd, type), () -> recvbuf), sc, sd,
                type(type),
                view(recvbuf, extent(rc, rd, type)), rc, rd, type(type));
        });
    }

    @Override
    public int jpar_alltoallw(long sendbuf, long sendcounts, long sdispls, long sendtypes,
                              long recvbuf, long recvcounts, long rdispls, long recvtypes,
                              long comm) {
        return call(() -> {
            int n = comm(comm).getSize();
            int[] sc = ints(sendcounts, n);
            int[] sd = ints(sdispls, n);
            int[] rc = ints(recvcounts, n);
            int[] rd = ints(rdispls, n);
            mpi.Datatype[] st = types(ints(sendtypes, n));
            mpi.Datatype[] rt = types(ints(recvtypes, n));
            comm(comm).allToAllw(sendView(sendbuf, byteExtent(sc, sd, ints(sendtypes, n)),
                () -> recvbuf), sc, sd,
                st, view(recvbuf, byteExtent(rc, rd, ints(recvtypes, n))), rc, rd, rt);
        });
    }

    private static mpi.Datatype[] types(int[] codes) {
        mpi.Datatype[] out = new mpi.Datatype[codes.length];
        for (int i = 0; i < codes.length; i++) {
            out[i] = type(codes[i]);
        }
        return out;
    }

    private static long byteExtent(int[] counts, int[] displs, int[] types) {
        long end = 0;
        for (int i = 0; i < counts.length; i++) {
            end = Math.max(end, displs[i] + (long) counts[i] * bytes(1, types[i]));
        }
        return end;
    }

    @Override
    public int jpar_scan(long sendbuf, long recvbuf, int count, int type, int op, long comm) {
        return call(() -> comm(comm).scan(sendView(sendbuf, bytes(count, type), () -> recvbuf),
            view(recvbuf, bytes(count, type)), count, type(type), op(op)));
    }

    @Override
    public int jpar_exscan(long sendbuf, long recvbuf, int count, int type, int op, long comm) {
        return call(() -> comm(comm).exScan(sendView(sendbuf, bytes(count, type), () -> recvbuf),
            view(recvbuf, bytes(count, type)), count, type(type), op(op)));
    }

    @Override
    public int jpar_reduce_scatter(long sendbuf, long recvbuf, long recvcounts, int type, int op,
                                   long comm) {
        return call(() -> {
            Intracomm c = comm(comm);
            int[] counts = ints(recvcounts, c.getSize());
            long total = 0;
            for (int k : counts) {
                total += k;
            }
            c.reduceScatter(sendView(sendbuf, total * bytes(1, type), () -> recvbuf),
                view(recvbuf, bytes(counts[c.getRank()], type)), counts, type(type), op(op));
        });
    }

    @Override
    public int jpar_reduce_scatter_block(long sendbuf, long recvbuf, int recvcount, int type,
                                         int op, long comm) {
        return call(() -> {
            Intracomm c = comm(comm);
            c.reduceScatterBlock(sendView(sendbuf, bytes(recvcount, type) * c.getSize(),
                () -> recvbuf),
                view(recvbuf, bytes(recvcount, type)), recvcount, type(type), op(op));
        });
    }

    /** mpi.jar 4.1 has no MPI_Intercomm_create (its intercommunicators come from spawn). */
    @Override
    public int jpar_intercomm_create(long localComm, int localLeader, long peerComm,
                                     int remoteLeader, int tag, long out) {
        throw new UnsupportedOperationException("the openmpi backend (Open MPI's mpi.jar) has no"
            + " createIntercomm (MPI_Intercomm_create); the native and local backends have");
    }

    /**
     * mpi.jar's user ops keep the JNI local reference of the call that first used them, so a
     * second reduction with one calls a dead reference (Open MPI 4.1's mpi_Op.c): refused.
     */
    @Override
    public int jpar_op_create(int slot, int commute, long function) {
        throw new UnsupportedOperationException("the openmpi backend (Open MPI's mpi.jar) has no"
            + " working user-defined ops (Op.create): its mpi.Op fails from the second reduction"
            + " on; the native and local backends have them");
    }

    @Override
    public int jpar_op_free(int slot) {
        return 0;
    }

    @Override
    public int jpar_reduce_local(long inbuf, long inoutbuf, int count, int type, int op) {
        return call(() -> mpi.Comm.reduceLocal(view(inbuf, bytes(count, type)),
            view(inoutbuf, bytes(count, type)), count, type(type), op(op)));
    }

    // --------------------------------------------------------------------------------- in place

    /**
     * The send side of a collective: a view of {@code sendbuf}, or, for MPI_IN_PLACE, a copy of
     * the {@code bytes} at {@code from} in this rank's receive buffer. mpi.jar's in-place forms
     * do not cover every collective, and the copy is what MPI_IN_PLACE means; a request of
     * mpi.jar keeps the copy reachable until it completes.
     */
    private ByteBuffer sendView(long sendbuf, long bytes, Address from) throws MPIException {
        if (sendbuf != JparH.IN_PLACE) {
            return view(sendbuf, bytes);
        }
        ByteBuffer copy = ByteBuffer.allocateDirect((int) Math.max(1, bytes));
        copy.put(view(from.at(), bytes));
        return copy.clear();
    }

    /** An address worked out only when needed (from arrays a non-root rank need not pass). */
    @FunctionalInterface
    private interface Address {
        long at() throws MPIException;
    }

    /** The receive side of a scatter: for the root's MPI_IN_PLACE, a block to discard. */
    private ByteBuffer recvView(long recvbuf, long bytes) {
        return recvbuf == JparH.IN_PLACE ? ByteBuffer.allocateDirect((int) Math.max(1, bytes))
            : view(recvbuf, bytes);
    }

    /** This rank's displacement, in bytes, of the int array at {@code displs}. */
    private static long ownDispl(long displs, Intracomm c, int type) throws MPIException {
        return bytes(Memory.getInt(displs + 4L * c.getRank()), type);
    }

    // ------------------------------------------------------------------ nonblocking collectives


    @Override
    public int jpar_ibarrier(long comm, long request) {
        return started(request, () -> comm(comm).iBarrier());
    }

    @Override
    public int jpar_ibcast(long buf, int count, int type, int root, long comm, long request) {
        return started(request, () -> comm(comm).iBcast(view(buf, bytes(count, type)), count,
            type(type), root));
    }

    @Override
    public int jpar_ireduce(long sendbuf, long recvbuf, int count, int type, int op, int root,
                            long comm, long request) {
        return started(request, () -> comm(comm).iReduce(sendView(sendbuf, bytes(count, type),
            () -> recvbuf),
            view(recvbuf, bytes(count, type)), count, type(type), op(op), root));
    }

    @Override
    public int jpar_iallreduce(long sendbuf, long recvbuf, int count, int type, int op, long comm,
                               long request) {
        return started(request, () -> comm(comm).iAllReduce(sendView(sendbuf, bytes(count, type),
            () -> recvbuf),
            view(recvbuf, bytes(count, type)), count, type(type), op(op)));
    }

    @Override
    public int jpar_igather(long sendbuf, int sendcount, long recvbuf, int recvcount, int type,
                            int root, long comm, long request) {
        return started(request, () -> {
            Intracomm c = comm(comm);
            return c.iGather(sendView(sendbuf, bytes(sendcount, type), 
                () -> recvbuf + c.getRank() * bytes(recvcount, type)), sendcount, type(type),
                view(recvbuf, bytes(recvcount, type) * c.getSize()), recvcount, type(type), root);
        });
    }

    @Override
    public int jpar_igatherv(long sendbuf, int sendcount, long recvbuf, long recvcounts,
                             long displs, int type, int root, long comm, long request) {
        return started(request, () -> {
            Intracomm c = comm(comm);
            boolean isRoot = c.getRank() == root;
            int n = c.getSize();
            int[] counts = isRoot ? ints(recvcounts, n) : new int[n];
            int[] offsets = isRoot ? ints(displs, n) : new int[n];
            return c.iGatherv(sendView(sendbuf, bytes(sendcount, type), 
                () -> recvbuf + ownDispl(displs, c, type)), sendcount, type(type),
                view(recvbuf, isRoot ? extent(counts, offsets, type) : 0), counts, offsets,
                type(type), root);
        });
    }

    @Override
    public int jpar_iallgather(long sendbuf, int sendcount, long recvbuf, int recvcount, int type,
                               long comm, long request) {
        return started(request, () -> {
            Intracomm c = comm(comm);
            return c.iAllGather(sendView(sendbuf, bytes(sendcount, type), 
                () -> recvbuf + c.getRank() * bytes(sendcount, type)), sendcount, type(type),
                view(recvbuf, bytes(recvcount, type) * c.getSize()), recvcount, type(type));
        });
    }

    @Override
    public int jpar_iallgatherv(long sendbuf, int sendcount, long recvbuf, long recvcounts,
                                long displs, int type, long comm, long request) {
        return started(request, () -> {
            Intracomm c = comm(comm);
            int[] counts = ints(recvcounts, c.getSize());
            int[] offsets = ints(displs, c.getSize());
            return c.iAllGatherv(sendView(sendbuf, bytes(sendcount, type), 
                () -> recvbuf + ownDispl(displs, c, type)), sendcount, type(type),
                view(recvbuf, extent(counts, offsets, type)), counts, offsets, type(type));
        });
    }

    @Override
    public int jpar_iscatter(long sendbuf, int sendcount, long recvbuf, int recvcount, int type,
                             int root, long comm, long request) {
        return started(request, () -> {
            Intracomm c = comm(comm);
            return c.iScatter(view(sendbuf, bytes(sendcount, type) * c.getSize()), sendcount,
                type(type), recvView(recvbuf, bytes(recvcount, type)), recvcount, type(type), root);
        });
    }

    @Override
    public int jpar_iscatterv(long sendbuf, long sendcounts, long displs, long recvbuf,
                              int recvcount, int type, int root, long comm, long request) {
        return started(request, () -> {
            Intracomm c = comm(comm);
            boolean isRoot = c.getRank() == root;
            int n = c.getSize();
            int[] counts = isRoot ? ints(sendcounts, n) : new int[n];
            int[] offsets = isRoot ? ints(displs, n) : new int[n];
            return c.iScatterv(view(sendbuf, isRoot ? extent(counts, offsets, type) : 0), counts,
                offsets, type(type), recvView(recvbuf, bytes(recvcount, type)), recvcount,
                type(type), root);
        });
    }

    @Override
    public int jpar_ialltoall(long sendbuf, int sendcount, long recvbuf, int recvcount, int type,
                              long comm, long request) {
        return started(request, () -> {
            Intracomm c = comm(comm);
            return c.iAllToAll(sendView(sendbuf, bytes(sendcount, type) * c.getSize(),
                () -> recvbuf), sendcount,
                type(type), view(recvbuf, bytes(recvcount, type) * c.getSize()), recvcount,
                type(type));
        });
    }

    @Override
    public int jpar_ialltoallv(long sendbuf, long sendcounts, long sdispls, long recvbuf,
                               long recvcounts, long rdispls, int type, long comm, long request) {
        return started(request, () -> {
            int n = comm(comm).getSize();
            int[] sc = ints(sendcounts, n);
            int[] sd = ints(sdispls, n);
            int[] rc = ints(recvcounts, n);
            int[] rd = ints(rdispls, n);
            return comm(comm).iAllToAllv(sendView(sendbuf, extent(sc, sd, type), () -> recvbuf), sc,
                sd, type(type),
                view(recvbuf, extent(rc, rd, type)), rc, rd, type(type));
        });
    }

    @Override
    public int jpar_ialltoallw(long sendbuf, long sendcounts, long sdispls, long sendtypes,
                               long recvbuf, long recvcounts, long rdispls, long recvtypes,
                               long comm, long workspace, long request) {
        return started(request, () -> {
            int n = comm(comm).getSize();
            int[] sc = ints(sendcounts, n);
            int[] sd = ints(sdispls, n);
            int[] rc = ints(recvcounts, n);
            int[] rd = ints(rdispls, n);
            return comm(comm).iAllToAllw(sendView(sendbuf, byteExtent(sc, sd, ints(sendtypes, n)),
                () -> recvbuf),
                sc, sd, types(ints(sendtypes, n)),
                view(recvbuf, byteExtent(rc, rd, ints(recvtypes, n))), rc, rd,
                types(ints(recvtypes, n)));
        });
    }

    @Override
    public int jpar_iscan(long sendbuf, long recvbuf, int count, int type, int op, long comm,
                          long request) {
        return started(request, () -> comm(comm).iScan(sendView(sendbuf, bytes(count, type),
            () -> recvbuf),
            view(recvbuf, bytes(count, type)), count, type(type), op(op)));
    }

    @Override
    public int jpar_iexscan(long sendbuf, long recvbuf, int count, int type, int op, long comm,
                            long request) {
        return started(request, () -> comm(comm).iExScan(sendView(sendbuf, bytes(count, type),
            () -> recvbuf),
            view(recvbuf, bytes(count, type)), count, type(type), op(op)));
    }

    @Override
    public int jpar_ireduce_scatter(long sendbuf, long recvbuf, long recvcounts, int type, int op,
                                    long comm, long request) {
        return started(request, () -> {
            Intracomm c = comm(comm);
            int[] counts = ints(recvcounts, c.getSize());
            long total = 0;
            for (int k : counts) {
                total += k;
            }
            return c.iReduceScatter(sendView(sendbuf, total * bytes(1, type), () -> recvbuf),
                view(recvbuf, bytes(counts[c.getRank()], type)), counts, type(type), op(op));
        });
    }

    @Override
    public int jpar_ireduce_scatter_block(long sendbuf, long recvbuf, int recvcount, int type,
                                          int op, long comm, long request) {
        return started(request, () -> {
            Intracomm c = comm(comm);
            return c.iReduceScatterBlock(sendView(sendbuf, bytes(recvcount, type) * c.getSize(),
                () -> recvbuf),
                view(recvbuf, bytes(recvcount, type)), recvcount, type(type), op(op));
        });
    }
}
