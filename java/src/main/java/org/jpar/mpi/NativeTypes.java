package org.jpar.mpi;

import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jpar.internal.Memory;
import org.jpar.mpi.internal.MpiErrors;

/**
 * A derived datatype's MPI datatypes: made by its constructor's namesake in the shim
 * ({@code jpar_type_vector} and its kin) the first time a native binding needs it, kept by
 * binding, and freed with the type. The type map in Java stays what the calls pack by; the MPI
 * datatype lets MPI read and write direct memory in place.
 */
final class NativeTypes {
    /** Makes the type in {@code mpi}, its arguments in {@code a}; returns MPI's code. */
    interface Recipe {
        int make(Mpi mpi, Arguments a);
    }

    /** Native memory for a constructor's arrays and its result, held until it returns. */
    static final class Arguments {
        private final List<ByteBuffer> held = new ArrayList<>();
        private final ByteBuffer result = DirectBuffers.allocate(8);

        long ints(int[] values) {
            ByteBuffer b = DirectBuffers.allocate(Math.max(4, 4 * values.length));
            b.asIntBuffer().put(values);
            held.add(b);
            return Memory.address(b);
        }

        long longs(long[] values) {
            ByteBuffer b = DirectBuffers.allocate(Math.max(8, 8 * values.length));
            b.asLongBuffer().put(values);
            held.add(b);
            return Memory.address(b);
        }

        long out() {
            return Memory.address(result);
        }

        int code() {
            Reference.reachabilityFence(held);
            return result.getInt(0);
        }
    }

    private final Recipe recipe;
    private final Map<Mpi, Integer> codes = new ConcurrentHashMap<>();

    NativeTypes(Recipe recipe) {
        this.recipe = recipe;
    }

    int code(Mpi mpi, Datatype type) {
        Integer code = codes.get(mpi);
        if (code != null) {
            return code;
        }
        synchronized (this) {
            code = codes.get(mpi);
            if (code == null) {
                Arguments a = new Arguments();
                int rc = recipe.make(mpi, a);
                if (rc != 0) {
                    throw MpiErrors.exception(mpi.abi, rc, "Datatype " + type);
                }
                code = a.code();
                codes.put(mpi, code);
            }
            return code;
        }
    }

    /**
     * Frees the MPI datatypes of the MPIs still open; messages in flight with them are not
     * affected (MPI_Type_free).
     */
    synchronized void free() {
        for (Map.Entry<Mpi, Integer> e : codes.entrySet()) {
            if (!e.getKey().isClosed()) {
                e.getKey().abi.jpar_type_free(e.getValue());
            }
        }
        codes.clear();
    }
}
