package org.jpar.mpi.programs;

import org.jpar.mpi.Mpi;

/** Prints which backend Mpi.run chose, the world's size, and the thread level, on every rank. */
public final class ShowBackend {
    private ShowBackend() {
    }

    public static void main(String[] args) throws Exception {
        Mpi.run(args, mpi -> {
            System.out.println("backend=" + mpi.backend() + " rank=" + mpi.world().rank()
                + " size=" + mpi.world().size() + " binding=" + mpi.binding());
            System.out.println("threadLevel=" + mpi.threadLevel() + " rank=" + mpi.world().rank());
            System.out.println("library=" + mpi.libraryVersion().lines().findFirst().orElse("")
                + " rank=" + mpi.world().rank());
        });
    }
}
