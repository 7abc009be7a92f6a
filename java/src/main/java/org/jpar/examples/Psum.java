package org.jpar.examples;

import java.util.Random;
import org.jpar.mpi.Intracomm;
import org.jpar.mpi.Mpi;
import org.jpar.mpi.Op;

/**
 * The seed's parallel sum: rank 0 makes N random doubles (4096 by default, or the first
 * argument) and scatters a slice to every rank; each rank sums its slice and Allreduce(SUM)
 * combines them. N need not divide by the number of ranks.
 */
public final class Psum {
    private Psum() {
    }

    /** Entry point. Arguments: {@code [N [seed]]}. */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 4096;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42L;
        Mpi.run(args, mpi -> {
            Intracomm world = mpi.world();
            int[] counts = Partition.counts(n, world.size());
            double[] all = null;
            if (world.rank() == 0) {
                all = new double[n];
                Random random = new Random(seed);
                for (int i = 0; i < n; i++) {
                    all[i] = random.nextDouble();
                }
            }
            double[] mine = new double[counts[world.rank()]];
            world.scatterv(all, counts, mine, 0);
            double partial = 0;
            for (double v : mine) {
                partial += v;
            }
            double[] total = new double[1];
            world.allreduce(new double[] {partial}, total, Op.SUM);
            if (world.rank() == 0) {
                double serial = 0;
                for (double v : all) {
                    serial += v;
                }
                System.out.println("sum = " + total[0] + " , serial sum = " + serial);
            }
        });
    }
}
