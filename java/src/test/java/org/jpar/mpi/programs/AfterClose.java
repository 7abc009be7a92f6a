package org.jpar.mpi.programs;

import org.jpar.mpi.Intracomm;
import org.jpar.mpi.Mpi;

/** Every call after close is an IllegalStateException; close is idempotent; no second init. */
public final class AfterClose {
    private AfterClose() {
    }

    public static void main(String[] args) {
        Mpi mpi = Mpi.init(args);
        Intracomm world = mpi.world();
        Intracomm dup = world.dup();
        mpi.close();
        mpi.close();
        expect(() -> world.send(new int[1], 0, 0), "send");
        expect(() -> world.recvObject(0, 0), "recvObject");
        expect(world::barrier, "barrier");
        expect(dup::dup, "dup");
        expect(mpi::world, "world");
        expect(mpi::wtime, "wtime");
        expect(mpi::processorName, "processorName");
        expect(mpi::libraryVersion, "libraryVersion");
        expect(() -> world.ssend(new int[1], 0, 0), "ssend");
        expect(() -> Mpi.init(args), "init after close");
        System.out.println("closed=" + mpi.isClosed() + " initialized=" + Mpi.isInitialized());
        System.out.println("after close: all refused");
    }

    private static void expect(Runnable call, String name) {
        try {
            call.run();
        } catch (IllegalStateException e) {
            System.out.println("refused " + name + ": " + e.getMessage());
            return;
        }
        throw new AssertionError(name + " after close did not throw IllegalStateException");
    }
}
