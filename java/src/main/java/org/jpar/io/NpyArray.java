package org.jpar.io;

import java.nio.DoubleBuffer;
import java.util.Arrays;

/**
 * A float64 array in C (row-major) order with its shape, as NumPy's {@code .npy} files hold it.
 * The data is a direct, native-order buffer, so it can go to MPI without a copy.
 */
public final class NpyArray {
    private final int[] shape;
    private final DoubleBuffer data;

    /**
     * @throws IllegalArgumentException if a dimension is negative or the data's remaining
     *     elements are not the product of the shape
     */
    public NpyArray(DoubleBuffer data, int... shape) {
        long elements = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("dimensions must not be negative: shape="
                    + Arrays.toString(shape));
            }
            elements *= d;
        }
        if (elements != data.remaining()) {
            throw new IllegalArgumentException("shape does not match the data: shape="
                + Arrays.toString(shape) + ", elements=" + data.remaining());
        }
        this.shape = shape.clone();
        this.data = data;
    }

    /** The dimensions, outermost first. */
    public int[] shape() {
        return shape.clone();
    }

    /** The elements in row-major order (not a copy). */
    public DoubleBuffer data() {
        return data;
    }

    /** The elements as a new array. */
    public double[] toArray() {
        double[] values = new double[data.remaining()];
        data.get(data.position(), values);
        return values;
    }

    @Override
    public String toString() {
        return "NpyArray[shape=" + Arrays.toString(shape) + "]";
    }
}
