package org.jpar.examples;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.Arrays;
import java.util.Random;
import org.jpar.mpi.Intracomm;
import org.jpar.mpi.Mpi;

/**
 * The seed's array message: rank 0 sends 10 random doubles from a direct buffer with tag 13,
 * rank 1 receives them into a direct buffer, with no copy on either side, and prints them.
 */
public final class MpiArray {
    private static final int COUNT = 10;

    private MpiArray() {
    }

    /** Entry point; needs at least 2 ranks. An optional argument is the random seed. */
    public static void main(String[] args) throws Exception {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 42L;
        Mpi.run(args, mpi -> {
            Intracomm world = mpi.world();
            if (world.size() < 2) {
                throw new IllegalStateException("MpiArray needs at least 2 ranks: size=" + world.size());
            }
            DoubleBuffer data = ByteBuffer.allocateDirect(COUNT * Double.BYTES)
                .order(ByteOrder.nativeOrder()).asDoubleBuffer();
            if (world.rank() == 0) {
                Random random = new Random(seed);
                for (int i = 0; i < COUNT; i++) {
                    data.put(i, random.nextDouble());
                }
                world.send(data, 1, 13);
                System.out.println("rank = 0 : sent = " + Arrays.toString(toArray(data)));
            } else if (world.rank() == 1) {
                world.recv(data, 0, 13);
                System.out.println("rank = 1 : data = " + Arrays.toString(toArray(data)));
            }
        });
    }

    private static double[] toArray(DoubleBuffer buffer) {
        double[] values = new double[buffer.remaining()];
        buffer.get(buffer.position(), values);
        return values;
    }
}
