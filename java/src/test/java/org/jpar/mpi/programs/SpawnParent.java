package org.jpar.mpi.programs;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jpar.mpi.Intercomm;
import org.jpar.mpi.Mpi;

/** Spawns two SpawnChild JVMs and talks to them through the intercommunicator. */
public final class SpawnParent {
    private SpawnParent() {
    }

    public static void main(String[] args) throws Exception {
        Mpi.run(args, mpi -> {
            System.out.println("parent has no parent: " + mpi.parent().isEmpty());
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Intercomm children = mpi.self().spawn(java, List.of("-cp",
                System.getProperty("java.class.path"), SpawnChild.class.getName()), 2,
                Map.of("map_by", ":OVERSUBSCRIBE"), 0);
            System.out.println("remoteSize "
                + children.remoteSize() + " localSize " + children.size());
            for (int child = 0; child < 2; child++) {
                children.send(new int[] {child + 100}, child, 1);
            }
            int[] reply = new int[1];
            for (int child = 0; child < 2; child++) {
                children.recv(reply, child, 2);
                System.out.println("child " + child + " replied " + reply[0]);
            }
            System.out.println("object from child 1: " + children.recvObject(1, 3));
            try {
                children.send(new int[1], 2, 1);
            } catch (IllegalArgumentException e) {
                System.out.println("remote rank checked: " + e.getMessage());
            }
            children.disconnect();
            children.disconnect();
            System.out.println("parent disconnected");
        });
    }
}
