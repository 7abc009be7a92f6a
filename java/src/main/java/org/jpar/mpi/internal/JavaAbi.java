package org.jpar.mpi.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jpar.internal.Memory;
import org.jpar.mpi.binding.MpiAbi;

/**
 * The plumbing that every backend implementing {@link MpiAbi} in Java (local, openmpi) shares,
 * so that each is only its own MPI: handle tables for the objects it hands out, the text,
 * status and int-array out-parameters of jpar.h, and the dynamic-process calls, which neither
 * has (no process has a parent, so no intercommunicator exists; {@link Intracomm#spawn}
 * refuses these backends before calling).
 */
public abstract class JavaAbi implements MpiAbi {
    /** MPI_ERR_OTHER. */
    public static final int ERR_OTHER = 16;

    /**
     * The names of the error classes by number, as Open MPI numbers them: the openmpi backend
     * runs on Open MPI, and the local backend uses the same numbers.
     */
    private static final String[] CLASS_NAMES = {"MPI_SUCCESS", "MPI_ERR_BUFFER",
        "MPI_ERR_COUNT", "MPI_ERR_TYPE", "MPI_ERR_TAG", "MPI_ERR_COMM", "MPI_ERR_RANK",
        "MPI_ERR_REQUEST", "MPI_ERR_ROOT", "MPI_ERR_GROUP", "MPI_ERR_OP", "MPI_ERR_TOPOLOGY",
        "MPI_ERR_DIMS", "MPI_ERR_ARG", "MPI_ERR_UNKNOWN", "MPI_ERR_TRUNCATE", "MPI_ERR_OTHER",
        "MPI_ERR_INTERN", "MPI_ERR_IN_STATUS", "MPI_ERR_PENDING"};

    /**
     * Objects behind the {@code int64_t} handles a backend gives out; 0 is the null handle.
     * Handles of every table of one backend are distinct.
     */
    public final class Handles<T> {
        private final Map<Long, T> objects = new ConcurrentHashMap<>();

        /** A new handle for {@code object}. */
        public long add(T object) {
            long handle = nextHandle.getAndIncrement();
            objects.put(handle, object);
            return handle;
        }

        /** The object behind {@code handle}, or null. */
        public T get(long handle) {
            return objects.get(handle);
        }

        /** The object whose handle is stored at {@code address}, or null. */
        public T at(long address) {
            return objects.get(Memory.getLong(address));
        }

        /** Removes the object whose handle is at {@code address} and stores the null handle. */
        public T takeAt(long address) {
            T object = objects.remove(Memory.getLong(address));
            Memory.putLong(address, 0L);
            return object;
        }
    }

    private final AtomicLong nextHandle;

    /** {@code firstHandle}: where this backend's handles start (below it, its own constants). */
    public JavaAbi(long firstHandle) {
        this.nextHandle = new AtomicLong(firstHandle);
    }

    /** Writes {@code s} (at most {@code max} bytes, UTF-8) at {@code text}, its length at {@code length}. */
    public static int writeText(String s, long text, long length, int max) {
        Memory.putInt(length, Memory.putText(text, s, max));
        return 0;
    }

    /** The {@code n} int32_t at {@code address}. */
    public static int[] ints(long address, int n) {
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = Memory.getInt(address + 4L * i);
        }
        return values;
    }

    /** Writes at most {@code max} of {@code values} as int32_t at {@code address}. */
    public static void putInts(long address, int[] values, int max) {
        for (int i = 0; i < Math.min(max, values.length); i++) {
            Memory.putInt(address + 4L * i, values[i]);
        }
    }

    @Override
    public int jpar_error_class_name(int errorClass, long name, long length) {
        return writeText(errorClass >= 0 && errorClass < CLASS_NAMES.length
            ? CLASS_NAMES[errorClass] : "MPI_ERR_UNKNOWN_CLASS", name, length, 64);
    }

    @Override
    public int jpar_comm_remote_size(long comm, long size) {
        return ERR_OTHER;
    }

    @Override
    public int jpar_comm_disconnect(long comm) {
        return ERR_OTHER;
    }

    @Override
    public int jpar_comm_get_parent(long parent) {
        Memory.putLong(parent, 0L);
        return 0;
    }

    @Override
    public int jpar_comm_spawn(long command, long argv, int maxprocs, long info, int root,
                               long comm, long intercomm, long errcodes) {
        return ERR_OTHER;
    }

    // Intercommunicators: none unless a backend makes them.

    @Override
    public int jpar_intercomm_create(long localComm, int localLeader, long peerComm,
                                     int remoteLeader, int tag, long out) {
        return ERR_OTHER;
    }

    @Override
    public int jpar_intercomm_merge(long intercomm, int high, long out) {
        return ERR_OTHER;
    }

    @Override
    public int jpar_comm_remote_group(long comm, long group) {
        return ERR_OTHER;
    }

    @Override
    public int jpar_comm_test_inter(long comm, long flag) {
        Memory.putInt(flag, 0);
        return 0;
    }

    // Derived datatypes: the Java backends never see one, since calls pack their elements as
    // primitives before they reach a backend (see TypeMap); so none can be made here.

    @Override
    public int jpar_type_contiguous(int count, int oldtype, long newtype) {
        return ERR_OTHER;
    }

    @Override
    public int jpar_type_vector(int count, int blocklength, int stride, int oldtype,
                                long newtype) {
        return ERR_OTHER;
    }

    @Override
    public int jpar_type_hvector(int count, int blocklength, long stride, int oldtype,
                                 long newtype) {
        return ERR_OTHER;
    }

    @Override
    public int jpar_type_indexed(int count, long blocklengths, long displs, int oldtype,
                                 long newtype) {
        return ERR_OTHER;
    }

    @Override
    public int jpar_type_indexed_block(int count, int blocklength, long displs, int oldtype,
                                       long newtype) {
        return ERR_OTHER;
    }

    @Override
    public int jpar_type_hindexed(int count, long blocklengths, long displs, int oldtype,
                                  long newtype) {
        return ERR_OTHER;
    }

    @Override
    public int jpar_type_struct(int count, long blocklengths, long displs, long types,
                                long newtype) {
        return ERR_OTHER;
    }

    @Override
    public int jpar_type_subarray(int ndims, long sizes, long subsizes, long starts, int fortran,
                                  int oldtype, long newtype) {
        return ERR_OTHER;
    }

    @Override
    public int jpar_type_darray(int size, int rank, int ndims, long gsizes, long distribs,
                                long dargs, long psizes, int fortran, int oldtype, long newtype) {
        return ERR_OTHER;
    }

    @Override
    public int jpar_type_resized(int oldtype, long lb, long extent, long newtype) {
        return ERR_OTHER;
    }

    @Override
    public int jpar_type_dup(int oldtype, long newtype) {
        return ERR_OTHER;
    }

    @Override
    public int jpar_type_free(int type) {
        return ERR_OTHER;
    }

    @Override
    public int jpar_type_bounds(int type, long out) {
        return ERR_OTHER;
    }
}
