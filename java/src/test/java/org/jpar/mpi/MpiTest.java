package org.jpar.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.jpar.testing.TestMpi;
import org.junit.jupiter.api.Test;

/** The lifecycle calls that can run in a JVM whose MPI stays initialized; see LifecycleIT. */
class MpiTest {
    @Test
    void initTwiceIsRefused() {
        Mpi mpi = TestMpi.get();
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> Mpi.init(new String[0]));
        assertTrue(e.getMessage().contains("only once"), e.getMessage());
        assertTrue(Mpi.isInitialized());
        assertFalse(mpi.isClosed());
        assertEquals(1, mpi.world().size());
    }

    @Test
    void providesTheRequestedThreadLevel() {
        assertEquals(ThreadLevel.MULTIPLE, TestMpi.get().threadLevel());
    }

    @Test
    void processorNameIsThisHost() throws Exception {
        String name = TestMpi.get().processorName();
        assertFalse(name.isEmpty());
        assertTrue(InetAddress.getLocalHost().getHostName().startsWith(name)
            || name.startsWith(InetAddress.getLocalHost().getHostName()), name);
    }

    @Test
    void wtimeAdvances() throws Exception {
        Mpi mpi = TestMpi.get();
        double start = mpi.wtime();
        Thread.sleep(20);
        double elapsed = mpi.wtime() - start;
        assertTrue(elapsed >= 0.015 && elapsed < 5, "elapsed=" + elapsed);
    }

    @Test
    void selfHasOneRank() {
        Comm self = TestMpi.get().self();
        assertEquals(0, self.rank());
        assertEquals(1, self.size());
        assertThrows(IllegalStateException.class, self::free);
    }

    @Test
    void nullThreadLevelIsRefused() {
        assertThrows(NullPointerException.class, () -> Mpi.init(new String[0], null));
    }

    @Test
    void threadsCallMpiAtOnce() throws Exception {
        Intracomm world = TestMpi.get().world();
        Thread[] threads = new Thread[4];
        Throwable[] failures = new Throwable[threads.length];
        for (int t = 0; t < threads.length; t++) {
            final int id = t;
            threads[t] = new Thread(() -> {
                try {
                    for (int i = 0; i < 200; i++) {
                        Request r = world.isend(new int[] {id, i}, 0, 200 + id);
                        int[] in = new int[2];
                        world.recv(in, 0, 200 + id);
                        r.waitFor();
                        assertEquals(id, in[0]);
                        assertEquals(i, in[1]);
                        assertEquals(id * 10 + i, (int) world.<Integer>bcastObject(id * 10 + i, 0));
                    }
                } catch (Throwable e) {
                    failures[id] = e;
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        for (Throwable failure : failures) {
            if (failure != null) {
                throw new AssertionError(failure);
            }
        }
    }
}
