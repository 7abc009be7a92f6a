package org.jpar.mpi.programs;

import org.jpar.mpi.Mpi;

/** Rank 1 calls abort(3) while rank 0 waits in a receive: the whole job ends. */
public final class AbortOnOneRank {
    private AbortOnOneRank() {
    }

    public static void main(String[] args) throws Exception {
        Mpi.run(args, mpi -> {
            if (mpi.world().rank() == 1) {
                System.out.println("rank 1 aborting");
                mpi.abort(3);
            }
            mpi.world().recv(new int[1], 1, 0);
        });
    }
}
