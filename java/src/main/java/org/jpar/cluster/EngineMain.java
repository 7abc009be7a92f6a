package org.jpar.cluster;

import java.util.Optional;
import org.jpar.mpi.Intercomm;
import org.jpar.mpi.Mpi;

/**
 * The entry point of an engine JVM. Started by {@link Cluster#spawn}, it serves the client
 * through its parent intercommunicator; started by mpirun beside a client program that calls
 * {@link Cluster#fromWorld} as rank 0, it serves as one of that program's engines:
 *
 * <pre>{@code
 * mpirun -n 1 java -cp app.jar:jpar-all.jar App : -n 4 java -cp jpar-all.jar org.jpar.cluster.EngineMain
 * }</pre>
 *
 * Engines need only jpar on their class path: the task classes come from the client. It
 * serves until the client closes, then exits.
 */
public final class EngineMain {
    private EngineMain() {
    }

    /** Runs the engine; as rank 0 of a job it was not spawned into, it ends the job. */
    public static void main(String[] args) {
        try (Mpi mpi = Mpi.init(args)) {
            Optional<Intercomm> parent = mpi.parent();
            if (parent.isPresent()) {
                Engine.serve(parent.get(), 0, mpi.world().rank(),
                    MessageWait.forEngine(mpi.backend()), TaskFilter.fromProperty());
                parent.get().disconnect();
                return;
            }
            if (mpi.world().rank() == 0) {
                // The other ranks wait for a client in Cluster.fromWorld: end the whole job.
                System.err.println("EngineMain serves a client: rank 0 must be the client"
                    + " program (mpirun -n 1 java ... App : -n N java ... "
                    + EngineMain.class.getName() + "), or the client starts engines with"
                    + " Cluster.spawn");
                mpi.abort(2);
            }
            Cluster.fromWorld(mpi);
        }
    }
}
