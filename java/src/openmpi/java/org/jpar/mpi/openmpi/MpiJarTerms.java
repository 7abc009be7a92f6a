package org.jpar.mpi.openmpi;

import mpi.Datatype;
import mpi.MPI;
import mpi.MPIException;
import mpi.Status;
import org.jpar.internal.JparH;
import org.jpar.mpi.Comm;
import org.jpar.mpi.internal.CollectiveArgs;
import org.jpar.mpi.internal.ElementType;
import org.jpar.mpi.internal.StatusLayout;

/** jpar.h's element types, ops, ranks, tags and statuses in mpi.jar's terms, and back. */
final class MpiJarTerms {
    private MpiJarTerms() {
    }

    static Datatype type(int code) {
        return switch (ElementType.of(code)) {
            case BYTE -> MPI.BYTE;
            case SHORT -> MPI.SHORT;
            case INT -> MPI.INT;
            case LONG -> MPI.LONG;
            case FLOAT -> MPI.FLOAT;
            case DOUBLE -> MPI.DOUBLE;
            case CHAR -> MPI.CHAR;
            case DOUBLE_INT -> MPI.DOUBLE_INT;
            case FLOAT_INT -> MPI.FLOAT_INT;
            case LONG_INT -> MPI.LONG_INT;
            case INT_INT -> MPI.INT2;
            case SHORT_INT -> MPI.SHORT_INT;
        };
    }

    static long bytes(int count, int type) {
        return (long) count * ElementType.of(type).bytes;
    }

    static mpi.Op op(int code) {
        return switch (code) {
            case JparH.SUM -> MPI.SUM;
            case JparH.PROD -> MPI.PROD;
            case JparH.MIN -> MPI.MIN;
            case JparH.MAX -> MPI.MAX;
            case JparH.LAND -> MPI.LAND;
            case JparH.LOR -> MPI.LOR;
            case JparH.LXOR -> MPI.LXOR;
            case JparH.BAND -> MPI.BAND;
            case JparH.BOR -> MPI.BOR;
            case JparH.BXOR -> MPI.BXOR;
            case JparH.MINLOC -> MPI.MINLOC;
            case JparH.MAXLOC -> MPI.MAXLOC;
            case JparH.REPLACE -> MPI.REPLACE;
            case JparH.NO_OP -> MPI.NO_OP;
            default -> throw new IllegalArgumentException("no such op: op=" + code);
        };
    }

    static int rank(int jparRank) {
        return jparRank == Comm.ANY_SOURCE ? MPI.ANY_SOURCE
            : jparRank == Comm.PROC_NULL ? MPI.PROC_NULL : jparRank;
    }

    static int tag(int jparTag) {
        return jparTag == Comm.ANY_TAG ? MPI.ANY_TAG : jparTag;
    }

    static void writeStatus(Status st, long status) throws MPIException {
        int source = st.getSource();
        int t = st.getTag();
        int count = st.getCount(MPI.BYTE);
        StatusLayout.write(status, source == MPI.PROC_NULL ? Comm.PROC_NULL
            : source == MPI.ANY_SOURCE ? Comm.ANY_SOURCE : source,
            t == MPI.ANY_TAG ? Comm.ANY_TAG : t, st.getError(),
            count == MPI.UNDEFINED ? Comm.UNDEFINED : count, st.isCancelled());
    }

    /** The bytes the v-variant layout {@code counts}, {@code displs} spans. */
    static long extent(int[] counts, int[] displs, int type) {
        return (long) CollectiveArgs.extent(counts, displs) * ElementType.of(type).bytes;
    }

}
