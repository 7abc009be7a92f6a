package org.jpar.mpi.programs;

import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import org.jpar.mpi.DirectBuffers;
import org.jpar.mpi.Intracomm;
import org.jpar.mpi.Mpi;

/**
 * Rank 0 sends the last rank a message of {@code args[0]} MiB from a direct buffer, and one
 * from a long[] (the staged heap path); the last rank checks every element and prints what
 * arrived where (its node: JPAR_NODE, else the kernel's host name).
 */
public final class LargeMessage {
    private LargeMessage() {
    }

    private static long element(long i) {
        return i * 0x9E3779B97F4A7C15L + 7;
    }

    public static void main(String[] args) throws Exception {
        int mib = Integer.parseInt(args[0]);
        int longs = mib * (1 << 20) / 8;
        Mpi.run(args, mpi -> {
            Intracomm world = mpi.world();
            int last = world.size() - 1;
            String node = System.getenv().getOrDefault("JPAR_NODE", java.nio.file.Files.readString(
                java.nio.file.Path.of("/proc/sys/kernel/hostname")).strip());
            ByteBuffer direct = DirectBuffers.allocate(longs * 8);
            LongBuffer view = direct.asLongBuffer();
            long[] heap = new long[longs];
            if (world.rank() == 0) {
                for (int i = 0; i < longs; i++) {
                    view.put(i, element(i));
                    heap[i] = ~element(i);
                }
                world.send(direct, last, 1);
                world.send(heap, last, 2);
                System.out.println("sent " + mib + " MiB twice from " + node);
            } else if (world.rank() == last) {
                world.recv(direct, 0, 1);
                world.recv(heap, 0, 2);
                long directBad = 0;
                long heapBad = 0;
                for (int i = 0; i < longs; i++) {
                    directBad += view.get(i) == element(i) ? 0 : 1;
                    heapBad += heap[i] == ~element(i) ? 0 : 1;
                }
                System.out.println("received " + mib + " MiB on " + node + ": direct "
                    + (directBad == 0 ? "intact" : directBad + " wrong") + ", heap "
                    + (heapBad == 0 ? "intact" : heapBad + " wrong"));
            }
            world.barrier();
        });
    }
}
