package org.jpar.mpi;

import java.nio.ByteBuffer;

/**
 * The body of a user-defined reduction op ({@link Op#create}): combines {@code count} elements of
 * {@code type} from {@code in} into {@code inout}, element-wise,
 * {@code inout[i] = in[i] op inout[i]} (MPI_User_function). MPI may call it with the reduction's
 * data split into pieces, so {@code count} need not be the call's count.
 */
@FunctionalInterface
public interface UserFunction {
    /**
     * Combines {@code in} into {@code inout}.
     *
     * @param in {@code count} elements, read only; native byte order, position 0
     * @param inout {@code count} elements that receive the result; native byte order, position 0
     * @param count the elements in each buffer
     * @param type their type: the elements lie {@link Datatype#extent()} bytes apart
     */
    void apply(ByteBuffer in, ByteBuffer inout, int count, Datatype type);
}
