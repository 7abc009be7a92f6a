package org.jpar.mpi.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jpar.mpi.Intracomm;
import org.jpar.mpi.Mpi;

/**
 * The MPI conformance suite, written against the public API only. Every rank runs every check
 * and prints {@code PASS name} or {@code FAIL name: why}; ConformanceIT runs it under mpirun
 * and wants every rank to pass every check. Arguments name checks to run (default: all).
 */
public final class Conformance {
    private Conformance() {
    }

    /** The checks, by name, in the order they run. */
    public static Map<String, Consumer<Intracomm>> checks() {
        Map<String, Consumer<Intracomm>> all = new LinkedHashMap<>();
        PointToPointChecks.register(all);
        SendModeChecks.register(all);
        RequestChecks.register(all);
        CollectiveChecks.register(all);
        ReductionChecks.register(all);
        OpChecks.register(all);
        DatatypeChecks.register(all);
        PackChecks.register(all);
        AlltoallChecks.register(all);
        NonblockingCollectiveChecks.register(all);
        InPlaceChecks.register(all);
        ObjectChecks.register(all);
        CommChecks.register(all);
        GroupChecks.register(all);
        IntercommChecks.register(all);
        TopologyChecks.register(all);
        BadInputChecks.register(all);
        return all;
    }

    /** Runs the checks named in {@code args}, or all. */
    public static void main(String[] args) throws Exception {
        Mpi.run(args, mpi -> {
            Intracomm world = mpi.world();
            System.out.println("BACKEND " + mpi.backend() + " binding=" + mpi.binding() + " rank="
                + world.rank() + " size=" + world.size() + " java=" + Runtime.version().feature()
                + " library=" + mpi.libraryVersion().lines().findFirst().orElse(""));
            List<String> failed = new ArrayList<>();
            for (Map.Entry<String, Consumer<Intracomm>> check : checks().entrySet()) {
                if (args.length > 0 && !List.of(args).contains(check.getKey())) {
                    continue;
                }
                try {
                    check.getValue().accept(world);
                    System.out.println("PASS " + check.getKey() + " rank=" + world.rank());
                } catch (Throwable t) {
                    failed.add(check.getKey());
                    System.out.println("FAIL " + check.getKey() + " rank=" + world.rank() + ": " + t);
                    t.printStackTrace(System.out);
                }
                System.out.flush();
                // Keeps the ranks in step, so a failed check on one rank doesn't shift the rest.
                world.barrier();
            }
            if (!failed.isEmpty()) {
                System.out.println("rank " + world.rank() + " failed " + failed);
            }
        });
    }
}
