/* Maps jpar's type and op numbers to MPI's handles. */
#include "internal.h"

MPI_Datatype jpar_mpi_type(int32_t type) {
    switch (type) {
    case JPAR_BYTE: return MPI_INT8_T;
    case JPAR_SHORT: return MPI_INT16_T;
    case JPAR_INT: return MPI_INT32_T;
    case JPAR_LONG: return MPI_INT64_T;
    case JPAR_FLOAT: return MPI_FLOAT;
    case JPAR_DOUBLE: return MPI_DOUBLE;
    case JPAR_CHAR: return MPI_UINT16_T;
    default: return MPI_DATATYPE_NULL;
    }
}

MPI_Op jpar_mpi_op(int32_t op) {
    switch (op) {
    case JPAR_SUM: return MPI_SUM;
    case JPAR_PROD: return MPI_PROD;
    case JPAR_MIN: return MPI_MIN;
    case JPAR_MAX: return MPI_MAX;
    case JPAR_LAND: return MPI_LAND;
    case JPAR_LOR: return MPI_LOR;
    case JPAR_LXOR: return MPI_LXOR;
    case JPAR_BAND: return MPI_BAND;
    case JPAR_BOR: return MPI_BOR;
    case JPAR_BXOR: return MPI_BXOR;
    default: return MPI_OP_NULL;
    }
}

void jpar_status_out(const MPI_Status *st, int32_t *out) {
    if (out == NULL) {
        return;
    }
    int bytes = 0;
    MPI_Get_count(st, MPI_BYTE, &bytes);
    out[JPAR_STATUS_SOURCE] = st->MPI_SOURCE == MPI_ANY_SOURCE ? JPAR_ANY_SOURCE
                            : st->MPI_SOURCE == MPI_PROC_NULL ? JPAR_PROC_NULL : st->MPI_SOURCE;
    out[JPAR_STATUS_TAG] = st->MPI_TAG == MPI_ANY_TAG ? JPAR_ANY_TAG : st->MPI_TAG;
    out[JPAR_STATUS_ERROR] = st->MPI_ERROR;
    out[JPAR_STATUS_BYTES] = bytes == MPI_UNDEFINED ? JPAR_UNDEFINED : bytes;
    int cancelled = 0;
    MPI_Test_cancelled(st, &cancelled);
    out[JPAR_STATUS_CANCELLED] = cancelled;
}
