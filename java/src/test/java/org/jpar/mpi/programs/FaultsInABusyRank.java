package org.jpar.mpi.programs;

import org.jpar.mpi.Intracomm;
import org.jpar.mpi.Mpi;

/**
 * Ranks 0 and 1 ping-pong while each provokes null dereferences (compiled code turns them into
 * NullPointerException through SIGSEGV) and, halfway, a StackOverflowError (the JVM catches the
 * guard page's SIGSEGV): with the JVM's signal handlers intact, both are ordinary exceptions and
 * the messages go on. Other ranks wait at the final barrier.
 */
public final class FaultsInABusyRank {
    private static final int ROUNDS = 20_000;

    private int field;

    private FaultsInABusyRank() {
    }

    static int read(FaultsInABusyRank holder) {
        return holder.field;
    }

    static int deep(int depth) {
        return depth == Integer.MAX_VALUE ? depth : deep(depth + 1) + 1;
    }

    public static void main(String[] args) throws Exception {
        Mpi.run(args, mpi -> {
            Intracomm world = mpi.world();
            int rank = world.rank();
            FaultsInABusyRank live = new FaultsInABusyRank();
            int npes = 0;
            boolean overflowed = false;
            int[] token = new int[1];
            for (int i = 0; i < ROUNDS && world.size() > 1 && rank < 2; i++) {
                if (rank == 0) {
                    token[0] = i;
                    world.send(token, 1, 0);
                    world.recv(token, 1, 0);
                } else {
                    world.recv(token, 0, 0);
                    world.send(token, 0, 0);
                }
                try {
                    read(i % 100 == 0 ? null : live);
                } catch (NullPointerException e) {
                    npes++;
                }
                if (i == ROUNDS / 2) {
                    try {
                        deep(0);
                    } catch (StackOverflowError e) {
                        overflowed = true;
                    }
                }
            }
            world.barrier();
            System.out.println("rank " + rank + " npes " + npes + " stackoverflow " + overflowed
                + " last token " + token[0]);
        });
    }
}
