package org.jpar.examples;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.jpar.io.Npy;
import org.jpar.io.NpyArray;
import org.jpar.mpi.Intracomm;
import org.jpar.mpi.Mpi;

/**
 * The seed's parallel matrix-vector product y = A·x. Rank 0 makes (or loads) A (N×N) and x;
 * x is broadcast, A's rows are scattered in blocks (N need not divide by the rank count), each
 * rank multiplies its rows, and Allgatherv assembles y on every rank. Rank 0 checks y against
 * the serial product. All buffers are direct, so no message is copied.
 *
 * <p>Arguments: {@code [N] [--seed S] [--load DIR] [--save DIR]}: {@code --load} reads
 * {@code A.npy} and {@code x.npy} (float64, as {@code numpy.save} writes them), {@code --save}
 * writes A, x and y there.
 */
public final class MatVec {
    private MatVec() {
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Mpi.run(args, mpi -> {
            Intracomm world = mpi.world();
            DoubleBuffer a = null;
            DoubleBuffer x = null;
            int[] n = {options.n};
            if (world.rank() == 0) {
                if (options.load != null) {
                    NpyArray loadedA = Npy.read(options.load.resolve("A.npy"));
                    NpyArray loadedX = Npy.read(options.load.resolve("x.npy"));
                    checkShapes(loadedA.shape(), loadedX.shape());
                    a = loadedA.data();
                    x = loadedX.data();
                    n[0] = loadedX.shape()[0];
                } else {
                    Random random = new Random(options.seed);
                    a = random(random, (long) n[0] * n[0]);
                    x = random(random, n[0]);
                }
            }
            world.bcast(n, 0);
            int size = n[0];
            if (x == null) {
                x = doubles(size);
            }
            world.bcast(x, 0);

            int[] rows = Partition.counts(size, world.size());
            int[] elements = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                elements[i] = rows[i] * size;
            }
            DoubleBuffer block = doubles(elements[world.rank()]);
            world.scatterv(a, elements, block, 0);

            DoubleBuffer yBlock = multiply(block, x, rows[world.rank()], size);
            DoubleBuffer y = doubles(size);
            world.allgatherv(yBlock, y, rows);

            if (world.rank() == 0) {
                DoubleBuffer serial = multiply(a, x, size, size);
                double maxDiff = 0;
                for (int i = 0; i < size; i++) {
                    maxDiff = Math.max(maxDiff, Math.abs(y.get(i) - serial.get(i)));
                }
                System.out.println("matvec N=" + size + " ranks=" + world.size()
                    + ": y equals serial A·x to 1e-12: " + (maxDiff <= 1e-12)
                    + " (max |diff| = " + maxDiff + ")");
                if (options.save != null) {
                    Files.createDirectories(options.save);
                    Npy.write(options.save.resolve("A.npy"), a, size, size);
                    Npy.write(options.save.resolve("x.npy"), x, size);
                    Npy.write(options.save.resolve("y.npy"), y, size);
                    System.out.println("saved A.npy, x.npy, y.npy in " + options.save);
                }
            }
        });
    }

    /** y = A·x for {@code rows} rows of a row-major A with {@code cols} columns. */
    static DoubleBuffer multiply(DoubleBuffer a, DoubleBuffer x, int rows, int cols) {
        DoubleBuffer y = doubles(rows);
        for (int i = 0; i < rows; i++) {
            double sum = 0;
            int row = i * cols;
            for (int j = 0; j < cols; j++) {
                sum += a.get(row + j) * x.get(j);
            }
            y.put(i, sum);
        }
        return y;
    }

    private static void checkShapes(int[] a, int[] x) {
        if (x.length != 1 || a.length != 2 || a[0] != x[0] || a[1] != x[0]) {
            throw new IllegalArgumentException("A must be N×N and x of length N: A.shape="
                + java.util.Arrays.toString(a) + ", x.shape=" + java.util.Arrays.toString(x));
        }
    }

    private static DoubleBuffer doubles(long count) {
        return ByteBuffer.allocateDirect(Math.toIntExact(count * Double.BYTES))
            .order(ByteOrder.nativeOrder()).asDoubleBuffer();
    }

    private static DoubleBuffer random(Random random, long count) {
        DoubleBuffer b = doubles(count);
        for (int i = 0; i < count; i++) {
            b.put(i, random.nextDouble());
        }
        return b;
    }

    private record Options(int n, long seed, Path load, Path save) {
        static Options parse(String[] args) {
            int n = 1000;
            long seed = 42L;
            Path load = null;
            Path save = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--seed" -> seed = Long.parseLong(value(args, ++i, "--seed"));
                    case "--load" -> load = Path.of(value(args, ++i, "--load"));
                    case "--save" -> save = Path.of(value(args, ++i, "--save"));
                    default -> n = Integer.parseInt(args[i]);
                }
            }
            if (n < 1) {
                throw new IllegalArgumentException("N must be positive: N=" + n);
            }
            return new Options(n, seed, load, save);
        }

        private static String value(String[] args, int i, String flag) {
            if (i >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args[i];
        }
    }
}
