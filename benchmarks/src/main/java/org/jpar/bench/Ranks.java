package org.jpar.bench;

import org.jpar.mpi.Intracomm;
import org.jpar.mpi.Mpi;

/** The MPI that BenchMain initialized, for the benchmark states of this process. */
final class Ranks {
    private static Mpi mpi;

    private Ranks() {
    }

    static void set(Mpi initialized) {
        mpi = initialized;
    }

    static Intracomm world() {
        if (mpi == null) {
            throw new IllegalStateException("run the benchmarks through BenchMain under mpirun");
        }
        return mpi.world();
    }

    static Mpi mpi() {
        return mpi;
    }
}
