package org.jpar.mpi.programs;

import org.jpar.mpi.Intercomm;
import org.jpar.mpi.Mpi;

/** Started by SpawnParent: answers through its parent intercommunicator. */
public final class SpawnChild {
    private SpawnChild() {
    }

    public static void main(String[] args) throws Exception {
        Mpi.run(args, mpi -> {
            Intercomm parent = mpi.parent().orElseThrow();
            int[] value = new int[1];
            parent.recv(value, 0, 1);
            parent.send(new int[] {value[0] * 10 + mpi.world().rank()}, 0, 2);
            if (mpi.world().rank() == 1) {
                parent.sendObject("hello from a spawned JVM of " + mpi.world().size(), 0, 3);
            }
            parent.disconnect();
        });
    }
}
