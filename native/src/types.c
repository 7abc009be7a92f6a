/* Maps jpar's type numbers to MPI's handles, and MPI's statuses to jpar's. */
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
    case JPAR_DOUBLE_INT: return MPI_DOUBLE_INT;
    case JPAR_FLOAT_INT: return MPI_FLOAT_INT;
    case JPAR_LONG_INT: return MPI_LONG_INT;
    case JPAR_INT_INT: return MPI_2INT;
    case JPAR_SHORT_INT: return MPI_SHORT_INT;
    default: return jpar_derived_type(type);
    }
}

int32_t jpar_type_code(MPI_Datatype type) {
    for (int32_t code = 0; code < JPAR_TYPE_COUNT; code++) {
        if (jpar_mpi_type(code) == type) {
            return code;
        }
    }
    return -1;
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
