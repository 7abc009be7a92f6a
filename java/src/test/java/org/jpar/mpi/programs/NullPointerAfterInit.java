package org.jpar.mpi.programs;

import org.jpar.mpi.Mpi;

/**
 * The JVM turns a null dereference into a NullPointerException through SIGSEGV; MPI_Init must
 * not have taken that signal over. The loop gets the method compiled, where the JIT relies on
 * the signal most.
 */
public final class NullPointerAfterInit {
    private int field;

    private NullPointerAfterInit() {
    }

    static int read(NullPointerAfterInit holder) {
        return holder.field;
    }

    public static void main(String[] args) throws Exception {
        Mpi.run(args, mpi -> {
            NullPointerAfterInit live = new NullPointerAfterInit();
            int caught = 0;
            for (int i = 0; i < 200_000; i++) {
                try {
                    read(i % 1000 == 0 ? null : live);
                } catch (NullPointerException e) {
                    caught++;
                }
            }
            mpi.world().barrier();
            System.out.println("rank " + mpi.world().rank() + " caught " + caught
                + " NullPointerExceptions");
        });
    }
}
