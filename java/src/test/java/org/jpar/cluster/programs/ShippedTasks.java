package org.jpar.cluster.programs;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.jpar.cluster.Client;
import org.jpar.cluster.Cluster;
import org.jpar.cluster.RemoteException;
import org.jpar.cluster.RemoteFunction;
import org.jpar.mpi.Mpi;

/**
 * A client whose task classes the engines do not have: run as rank 0 beside engines that are
 * {@code EngineMain} on jpar's jar alone. Prints what the IT checks.
 */
public final class ShippedTasks {
    private ShippedTasks() {
    }

    /** A class of the client's only, sent to the engines inside tasks and back in results. */
    record Reading(String sensor, double value) implements Serializable {
    }

    public static void main(String[] args) throws Exception {
        try (Mpi mpi = Mpi.init(args); Client client = Cluster.fromWorld(mpi).orElseThrow()) {
            String self = ShippedTasks.class.getName();
            System.out.println("engines lack the task classes: " + client.all().applySync(() -> {
                try {
                    ClassLoader.getSystemClassLoader().loadClass(self);
                    return false;
                } catch (ClassNotFoundException e) {
                    return true;
                }
            }));
            double scale = 2.5;
            System.out.println("scaled " + client.all().map(r -> r.value() * scale,
                List.of(new Reading("a", 1), new Reading("b", 2), new Reading("c", 4))));
            System.out.println("returned " + client.engine(1).applySync(
                () -> new Reading("d", 8)));
            RemoteFunction<Integer, Integer> nap = millis -> {
                Thread.sleep(millis);
                return millis;
            };
            System.out.println("balanced " + client.loadBalancedView().map(nap, List.of(3, 1, 2)));
            try {
                client.engine(0).applySync(() -> {
                    throw new IOException("checked on an engine");
                });
            } catch (RemoteException e) {
                System.out.println("cause " + e.getCause());
            }
        }
        System.out.println("client closed");
    }
}
