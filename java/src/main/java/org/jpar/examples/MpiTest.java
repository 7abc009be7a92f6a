package org.jpar.examples;

import java.util.List;
import org.jpar.mpi.Intracomm;
import org.jpar.mpi.Mpi;

/**
 * The seed's first MPI program: rank 0 sends a list as an object message with tag 11, rank 1
 * receives and prints it. Run with {@code mpirun -n 2 java -cp jpar-all.jar org.jpar.examples.MpiTest}.
 */
public final class MpiTest {
    private MpiTest() {
    }

    /** Entry point; needs at least 2 ranks. */
    public static void main(String[] args) throws Exception {
        Mpi.run(args, mpi -> {
            Intracomm world = mpi.world();
            if (world.size() < 2) {
                throw new IllegalStateException("MpiTest needs at least 2 ranks: size=" + world.size());
            }
            if (world.rank() == 0) {
                world.sendObject(List.of(1.0, 2.0, 3.0, 4.0), 1, 11);
            } else if (world.rank() == 1) {
                List<Double> data = world.recvObject(0, 11);
                System.out.println("rank = " + world.rank() + " : data = " + data);
            }
        });
    }
}
