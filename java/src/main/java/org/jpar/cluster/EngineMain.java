package org.jpar.cluster;

import org.jpar.mpi.Intercomm;
import org.jpar.mpi.Mpi;

/**
 * The entry point of an engine JVM that {@link Cluster#spawn} started: it serves the client
 * through its parent intercommunicator until the client closes, then disconnects and exits.
 */
public final class EngineMain {
    private EngineMain() {
    }

    /** Runs the engine; exits with an error when not started by {@link Cluster#spawn}. */
    public static void main(String[] args) {
        try (Mpi mpi = Mpi.init(args)) {
            Intercomm parent = mpi.parent().orElseThrow(() -> new IllegalStateException(
                "EngineMain serves a client that started it with Cluster.spawn; run a program "
                    + "that calls Cluster.spawn instead"));
            Engine.serve(parent, 0, mpi.world().rank(), MessageWait.forEngine(mpi.backend()));
            parent.disconnect();
        }
    }
}
