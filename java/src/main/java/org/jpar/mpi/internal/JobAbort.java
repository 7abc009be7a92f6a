package org.jpar.mpi.internal;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jpar.mpi.binding.MpiAbi;

/**
 * How a process of an MPI job fails: an exception that escapes the thread that initialized MPI
 * aborts the whole job with MPI_Abort, so that the other ranks do not wait forever (as mpi4py
 * does), and a JVM that exits with MPI still open finalizes it. Internal to jpar: public only so
 * that its packages can share it.
 */
public final class JobAbort {
    private JobAbort() {
    }

    /**
     * Installs the default uncaught-exception handler and the shutdown hook for one job.
     *
     * @param mainThread the thread that initialized MPI
     * @param abortOnFailure whether its failure must abort the job now (MPI open, other ranks)
     * @param abort what aborts the job after a failure
     * @param finalizeAtExit what the shutdown hook runs
     */
    public static void install(Thread mainThread, BooleanSupplier abortOnFailure,
                               Consumer<Throwable> abort, Runnable finalizeAtExit) {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            if (thread == mainThread && abortOnFailure.getAsBoolean()) {
                abort.accept(error);
            } else if (previous != null) {
                previous.uncaughtException(thread, error);
            } else {
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                error.printStackTrace();
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(finalizeAtExit, "jpar-finalize"));
    }

    /** Prints {@code error} as rank {@code rank}'s reason and aborts the job with exit code 1. */
    public static void abort(Throwable error, int rank, MpiAbi abi, long world) {
        System.err.print("jpar: uncaught exception on rank " + rank + ", aborting the MPI job: ");
        error.printStackTrace();
        System.err.flush();
        System.out.flush();
        abi.jpar_abort(world, 1);
    }
}
