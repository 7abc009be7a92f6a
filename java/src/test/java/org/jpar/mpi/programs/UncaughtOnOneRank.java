package org.jpar.mpi.programs;

import org.jpar.mpi.Mpi;

/**
 * Rank 1 throws while rank 0 waits for a message that never comes: the job must abort, not
 * hang. With {@code plain}, the program uses init without Mpi.run, so the uncaught exception
 * handler has to do it.
 */
public final class UncaughtOnOneRank {
    private UncaughtOnOneRank() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("plain")) {
            Mpi mpi = Mpi.init(args);
            body(mpi);
            mpi.close();
        } else {
            Mpi.run(args, UncaughtOnOneRank::body);
        }
    }

    private static void body(Mpi mpi) {
        if (mpi.world().rank() == 1) {
            throw new IllegalStateException("boom on rank 1");
        }
        mpi.world().recv(new int[1], 1, 0);
    }
}
