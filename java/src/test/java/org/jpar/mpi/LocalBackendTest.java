package org.jpar.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What the local backend adds to MPI's semantics: many ranks, failures, abort. */
class LocalBackendTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @Test
    void sixtyFourRanksOnTwoCoresExchangeAndReduce() {
        AtomicInteger done = new AtomicInteger();
        assertTimeoutPreemptively(LIMIT, () -> Mpi.local(64, mpi -> {
            Intracomm world = mpi.world();
            int next = (world.rank() + 1) % world.size();
            int previous = (world.rank() + world.size() - 1) % world.size();
            long[] in = new long[1];
            Request r = world.isend(new long[] {world.rank()}, next, 1);
            world.recv(in, previous, 1);
            r.waitFor();
            assertEquals(previous, in[0]);
            long[] sum = new long[1];
            world.allreduce(new long[] {world.rank()}, sum, Op.SUM);
            assertEquals(64L * 63 / 2, sum[0]);
            done.incrementAndGet();
        }));
        assertEquals(64, done.get());
    }

    /** 63 ranks wait in a barrier while rank 0 sleeps: blocked, they use next to no CPU. */
    @Test
    void waitingRanksBlockInsteadOfSpinning() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        AtomicLong waitingCpuNanos = new AtomicLong();
        assertTimeoutPreemptively(LIMIT, () -> Mpi.local(64, mpi -> {
            Intracomm world = mpi.world();
            world.barrier();
            long before = threads.getCurrentThreadCpuTime();
            if (world.rank() == 0) {
                Thread.sleep(400);
            }
            world.barrier();
            if (world.rank() != 0) {
                waitingCpuNanos.addAndGet(threads.getCurrentThreadCpuTime() - before);
            }
        }));
        // Spinning would burn both cores for the 400 ms: about 800 ms of CPU in all.
        assertTrue(waitingCpuNanos.get() < 200_000_000L,
            "CPU used while waiting: " + waitingCpuNanos.get() / 1_000_000 + " ms");
    }

    @Test
    void aFailingRankReleasesTheOthersAndItsExceptionReachesTheCaller() {
        IllegalStateException boom = new IllegalStateException("boom on rank 2");
        AtomicInteger released = new AtomicInteger();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () ->
            assertTimeoutPreemptively(LIMIT, () -> Mpi.local(4, mpi -> {
                Intracomm world = mpi.world();
                if (world.rank() == 2) {
                    throw boom;
                }
                try {
                    if (world.rank() == 0) {
                        world.recv(new int[1], 2, 0);
                    } else {
                        world.barrier();
                    }
                } catch (MpiException e) {
                    assertTrue(e.getMessage().contains("rank 2"), e.getMessage());
                    released.incrementAndGet();
                    throw e;
                }
            })));
        assertSame(boom, thrown);
        assertEquals(3, released.get());
    }

    @Test
    void abortEndsEveryRank() {
        MpiException e = assertThrows(MpiException.class, () ->
            assertTimeoutPreemptively(LIMIT, () -> Mpi.local(3, mpi -> {
                if (mpi.world().rank() == 1) {
                    mpi.abort(5);
                }
                mpi.world().barrier();
            })));
        assertTrue(e.getMessage().contains("code 5"), e.getMessage());
    }

    @Test
    void theLocalBackendNamesItselfAsTheLibrary() throws Exception {
        Mpi.local(2, mpi -> assertTrue(mpi.libraryVersion().startsWith("jpar local backend"),
            mpi.libraryVersion()));
    }

    @Test
    void callsAfterTheRanksFinishAreRefused() throws Exception {
        Comm[] kept = new Comm[1];
        Mpi.local(1, mpi -> kept[0] = mpi.world());
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> kept[0].send(new int[1], 0, 0));
        assertTrue(e.getMessage().contains("call=send"), e.getMessage());
    }

    @Test
    void spawnNeedsTheNativeBackend() throws Exception {
        Mpi.local(1, mpi -> {
            assertTrue(mpi.parent().isEmpty());
            assertThrows(UnsupportedOperationException.class,
                () -> mpi.self().spawn("java", java.util.List.of(), 1, null, 0));
            assertThrows(IllegalArgumentException.class,
                () -> mpi.self().spawn("", java.util.List.of(), 1, null, 0));
            assertThrows(IllegalArgumentException.class,
                () -> mpi.self().spawn("java", java.util.List.of(), 0, null, 0));
        });
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Mpi.local(0, mpi -> { }));
        assertThrows(NullPointerException.class, () -> Mpi.local(2, null));
    }

    @Test
    void ranksAreIndependentOfTheProcessMpi() throws Exception {
        AtomicInteger ranks = new AtomicInteger();
        Mpi.local(2, mpi -> {
            assertEquals(ThreadLevel.MULTIPLE, mpi.threadLevel());
            assertTrue(mpi.wtime() > 0);
            assertTrue(!mpi.processorName().isEmpty());
            ranks.incrementAndGet();
        });
        Mpi.local(2, mpi -> ranks.incrementAndGet());
        assertEquals(4, ranks.get());
    }

    /**
     * A buffered send that finds no room is MPI_ERR_BUFFER on the local backend, and sends
     * nothing: the next message is the one sent after. Room comes back once a message leaves.
     */
    @Test
    void bufferedSendWithoutRoomIsErrBuffer() {
        assertTimeoutPreemptively(LIMIT, () -> Mpi.local(2, mpi -> {
            Intracomm world = mpi.world();
            int peer = 1 - world.rank();
            MpiException none = assertThrows(MpiException.class,
                () -> world.bsend(new byte[8], peer, 1));
            assertEquals("MPI_ERR_BUFFER", none.errorClassName());
            mpi.attachBuffer(DirectBuffers.allocate(mpi.bsendOverhead() + 16));
            world.bsend(new byte[16], peer, 1);
            MpiException full = assertThrows(MpiException.class,
                () -> world.bsend(new byte[1], peer, 1));
            assertEquals("MPI_ERR_BUFFER", full.errorClassName());
            world.barrier();
            byte[] in = new byte[16];
            assertEquals(16, world.recv(in, peer, 1).count());
            mpi.detachBuffer();
            world.send(new int[] {world.rank() + 5}, peer, 2);
            int[] next = new int[1];
            world.recv(next, peer, 2);
            assertEquals(peer + 5, next[0]);
        }));
    }

    /**
     * A receive the program starts and drops keeps its buffer reachable while it is in flight,
     * so the message lands in live memory.
     */
    @Test
    void aDroppedRequestKeepsItsBufferUntilItCompletes() {
        assertTimeoutPreemptively(LIMIT, () -> Mpi.local(1, mpi -> {
            Intracomm world = mpi.world();
            WeakReference<ByteBuffer> buffer = startAndDrop(world);
            for (int i = 0; i < 5; i++) {
                System.gc();
            }
            ByteBuffer kept = buffer.get();
            assertNotNull(kept, "the buffer of a request in flight was collected");
            world.send(new int[] {42}, 0, 77);
            assertEquals(42, kept.getInt(0));
        }));
    }

    private static WeakReference<ByteBuffer> startAndDrop(Intracomm world) {
        ByteBuffer b = DirectBuffers.allocate(4);
        world.irecv(b, 0, 77);
        return new WeakReference<>(b);
    }
}
