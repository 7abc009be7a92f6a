package org.jpar.mpi.programs;

import org.jpar.mpi.Intracomm;
import org.jpar.mpi.Mpi;

/**
 * Rank 0 sends an object of a class only it has on its class path, then an ordinary one; rank 1
 * must get a clear exception naming the class and then receive the second message.
 */
public final class MissingClass {
    private MissingClass() {
    }

    public static void main(String[] args) throws Exception {
        String className = args[0];
        Mpi.run(args, mpi -> {
            Intracomm world = mpi.world();
            if (world.rank() == 0) {
                Object value = Class.forName(className).getConstructor().newInstance();
                world.sendObject(value, 1, 3);
                world.sendObject("after", 1, 3);
            } else {
                try {
                    world.recvObject(0, 3);
                    System.out.println("rank 1 unexpectedly deserialized " + className);
                } catch (org.jpar.mpi.MpiException e) {
                    System.out.println("rank 1 refused: " + e.getMessage());
                }
                String next = world.recvObject(0, 3);
                System.out.println("rank 1 then received: " + next);
            }
        });
    }
}
