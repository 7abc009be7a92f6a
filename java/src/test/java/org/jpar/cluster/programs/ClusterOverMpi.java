package org.jpar.cluster.programs;

import java.util.List;
import java.util.Optional;
import org.jpar.cluster.Client;
import org.jpar.cluster.Cluster;
import org.jpar.cluster.RemoteException;
import org.jpar.mpi.Mpi;

/** The cluster API with engines as MPI ranks; prints what the IT checks. */
public final class ClusterOverMpi {
    private ClusterOverMpi() {
    }

    public static void main(String[] args) throws Exception {
        Mpi.run(args, mpi -> {
            Optional<Client> maybe = Cluster.fromWorld(mpi);
            if (maybe.isEmpty()) {
                System.out.println("engine rank " + mpi.world().rank() + " left its loop");
                return;
            }
            try (Client client = maybe.get()) {
                System.out.println("ids " + client.ids());
                List<Long> pids = client.all().applySync(() -> ProcessHandle.current().pid());
                System.out.println("distinct engine pids " + pids.stream().distinct().count());
                System.out.println("map " + client.loadBalancedView().map(x -> x * x, List.of(1, 2, 3, 4)));
                try {
                    client.engine(0).applySync(() -> {
                        throw new IllegalStateException("failure on a rank");
                    });
                } catch (RemoteException e) {
                    System.out.println("remote failure: " + e.getMessage());
                    System.out.println("engine trace has frames: " + e.engineStackTrace().contains("\tat "));
                }
                System.out.println("still serving " + client.engine(0).applySync(() -> "yes"));
            }
            System.out.println("client closed");
        });
    }
}
