package org.jpar.mpi.local;

import org.jpar.internal.JparH;
import org.jpar.internal.Memory;
import org.jpar.mpi.Comm;
import org.jpar.mpi.internal.StatusLayout;
import org.jpar.mpi.internal.UserOps;

/**
 * Requests of the pure-Java backend: nonblocking and persistent starts, and every way to
 * complete, test, cancel or free them. A request's handle goes when it completes, a persistent
 * one's when it is freed.
 */
abstract class LocalCompletion extends LocalPointToPoint {
    LocalCompletion(LocalWorld world, int worldRank) {
        super(world, worldRank);
    }

    // ------------------------------------------------------------------------------- starting

    @Override
    public int jpar_isend(long buf, int count, int type, int dest, int tag, long comm,
                          long request) {
        return jpar_isend_mode(JparH.MODE_STANDARD, buf, count, type, dest, tag, comm, request);
    }

    @Override
    public int jpar_isend_mode(int mode, long buf, int count, int type, int dest, int tag,
                               long comm, long request) {
        return guarded(() -> Memory.putLong(request,
            requests.add(startSend(comm(comm), buf, count, type, dest, tag, mode))));
    }

    @Override
    public int jpar_irecv(long buf, int count, int type, int source, int tag, long comm,
                          long request) {
        return guarded(() -> Memory.putLong(request,
            requests.add(startRecv(comm(comm), buf, count, type, source, tag))));
    }

    @Override
    public int jpar_send_init(int mode, long buf, int count, int type, int dest, int tag,
                              long comm, long request) {
        if (mode < JparH.MODE_STANDARD || mode > JparH.MODE_READY) {
            return LocalAbi.ERR_ARG;
        }
        LocalComm c = comm(comm);
        Memory.putLong(request, requests.add(new LocalRequest(world, me,
            r -> start(r, c, buf, count, type, dest, tag, true, mode))));
        return 0;
    }

    @Override
    public int jpar_recv_init(long buf, int count, int type, int source, int tag, long comm,
                              long request) {
        LocalComm c = comm(comm);
        Memory.putLong(request, requests.add(new LocalRequest(world, me,
            r -> start(r, c, buf, count, type, source, tag, false, JparH.MODE_STANDARD))));
        return 0;
    }

    @Override
    public int jpar_start(long request) {
        return guarded(() -> {
            LocalRequest r = requests.at(request);
            r.restart();
            r.starter.start(r);
            r.active = true;
        });
    }

    @Override
    public int jpar_startall(int count, long requestArray) {
        return guardedCode(() -> {
            for (int i = 0; i < count; i++) {
                int rc = jpar_start(requestArray + 8L * i);
                if (rc != 0) {
                    return rc;
                }
            }
            return 0;
        });
    }

    // ----------------------------------------------------------------------------- completing

    /** Whether {@code r} is a request in flight whose operation is done; the lock is held. */
    private static boolean ready(LocalRequest r) {
        return r != null && r.active && r.done;
    }

    private static boolean inFlight(LocalRequest r) {
        return r != null && r.active;
    }

    /**
     * Takes the completion of the finished request whose handle is at {@code at}: writes its
     * status, ends it (a persistent one goes inactive, keeping its handle) and returns its code.
     */
    private int take(long at, long status) {
        LocalRequest r = requests.at(at);
        r.writeStatus(status);
        r.active = false;
        if (r.opFailure != null) {
            UserOps.record(r.opFailure);
            r.opFailure = null;
        }
        if (!r.persistent()) {
            requests.takeAt(at);
        }
        return r.error;
    }

    /** An inactive or null request's status: empty, as MPI gives. */
    private static void writeEmpty(long status) {
        StatusLayout.write(status, Comm.ANY_SOURCE, Comm.ANY_TAG, 0, 0);
    }

    @Override
    public int jpar_wait(long request, long status) {
        return guardedCode(() -> {
            LocalRequest r = requests.at(request);
            if (!inFlight(r)) {
                writeEmpty(status);
                return 0;
            }
            finish(r, 0);
            return take(request, status);
        });
    }

    @Override
    public int jpar_test(long request, long flag, long status) {
        return guardedCode(() -> {
            int[] found = scan(1, request, false);
            Memory.putInt(flag, found[0] != 0 ? 1 : 0);
            if (found[0] != 1) {
                if (found[0] < 0) {
                    writeEmpty(status);
                }
                return 0;
            }
            return take(request, status);
        });
    }

    /**
     * Under the lock: for each of the {@code count} handles at {@code array}, 1 if its request
     * is ready, 0 if in flight, -1 if not; waits first until one is ready when {@code block}
     * and any is in flight.
     */
    private int[] scan(int count, long array, boolean block) {
        int[] found = new int[count];
        world.lock.lock();
        try {
            while (true) {
                world.checkFailure();
                boolean anyReady = false;
                boolean anyInFlight = false;
                for (int i = 0; i < count; i++) {
                    LocalRequest r = requests.at(array + 8L * i);
                    found[i] = ready(r) ? 1 : inFlight(r) ? 0 : -1;
                    anyReady |= found[i] == 1;
                    anyInFlight |= found[i] >= 0;
                }
                if (anyReady || !anyInFlight || !block) {
                    return found;
                }
                world.await(me);
            }
        } finally {
            world.lock.unlock();
        }
    }

    @Override
    public int jpar_waitall(int count, long requestArray, long statuses) {
        return guardedCode(() -> {
            int first = 0;
            for (int i = 0; i < count; i++) {
                long status = statuses + (long) StatusLayout.BYTES * i;
                int rc = jpar_wait(requestArray + 8L * i, status);
                StatusLayout.writeError(status, rc);
                if (rc != 0 && first == 0) {
                    first = rc;
                }
            }
            return first;
        });
    }

    @Override
    public int jpar_testall(int count, long requestArray, long flag, long statuses) {
        return guardedCode(() -> {
            int[] found = scan(count, requestArray, false);
            for (int f : found) {
                if (f == 0) {
                    Memory.putInt(flag, 0);
                    return 0;
                }
            }
            Memory.putInt(flag, 1);
            return jpar_waitall(count, requestArray, statuses);
        });
    }

    @Override
    public int jpar_waitany(int count, long requestArray, long index, long status) {
        return guardedCode(() -> any(count, requestArray, index, status, true));
    }

    @Override
    public int jpar_testany(int count, long requestArray, long index, long flag, long status) {
        return guardedCode(() -> {
            int rc = any(count, requestArray, index, status, false);
            Memory.putInt(flag, Memory.getInt(index) != -1 ? 1 : 0);
            if (Memory.getInt(index) == -1) {
                Memory.putInt(index, Comm.UNDEFINED);
            }
            return rc;
        });
    }

    /** The first ready request's index, UNDEFINED if none is in flight, -1 if none is ready. */
    private int any(int count, long requestArray, long index, long status, boolean block) {
        int[] found = scan(count, requestArray, block);
        boolean anyInFlight = false;
        for (int i = 0; i < count; i++) {
            if (found[i] == 1) {
                Memory.putInt(index, i);
                return take(requestArray + 8L * i, status);
            }
            anyInFlight |= found[i] == 0;
        }
        Memory.putInt(index, anyInFlight ? -1 : Comm.UNDEFINED);
        return 0;
    }

    @Override
    public int jpar_waitsome(int count, long requestArray, long outcount, long indices,
                             long statuses) {
        return guardedCode(() -> some(count, requestArray, outcount, indices, statuses, true));
    }

    @Override
    public int jpar_testsome(int count, long requestArray, long outcount, long indices,
                             long statuses) {
        return guardedCode(() -> some(count, requestArray, outcount, indices, statuses, false));
    }

    private int some(int count, long requestArray, long outcount, long indices, long statuses,
                     boolean block) {
        int[] found = scan(count, requestArray, block);
        int n = 0;
        boolean anyInFlight = false;
        int first = 0;
        for (int i = 0; i < count; i++) {
            anyInFlight |= found[i] >= 0;
            if (found[i] == 1) {
                long status = statuses + (long) StatusLayout.BYTES * n;
                int rc = take(requestArray + 8L * i, status);
                StatusLayout.writeError(status, rc);
                first = first == 0 ? rc : first;
                Memory.putInt(indices + 4L * n++, i);
            }
        }
        Memory.putInt(outcount, anyInFlight ? n : Comm.UNDEFINED);
        return first;
    }

    @Override
    public int jpar_request_get_status(long request, long flag, long status) {
        LocalRequest r = requests.get(request);
        world.lock.lock();
        try {
            boolean done = !inFlight(r) || r.done;
            Memory.putInt(flag, done ? 1 : 0);
            if (done && inFlight(r)) {
                r.writeStatus(status);
            } else if (done) {
                writeEmpty(status);
            }
        } finally {
            world.lock.unlock();
        }
        return 0;
    }

    @Override
    public int jpar_cancel(long request) {
        LocalRequest r = requests.get(request);
        if (inFlight(r)) {
            world.lock.lock();
            try {
                LocalComm.cancel(r);
            } finally {
                world.lock.unlock();
            }
        }
        return 0;
    }

    @Override
    public int jpar_request_free(long request) {
        requests.takeAt(request);
        return 0;
    }
}
