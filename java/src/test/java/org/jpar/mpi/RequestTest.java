package org.jpar.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import org.jpar.internal.Memory;
import org.jpar.mpi.binding.MpiAbi;
import org.jpar.mpi.internal.StatusLayout;
import org.junit.jupiter.api.Test;

class RequestTest {
    private static final int REQUESTS = 12;
    private static final int ERR_TRUNCATE = 15;
    private static final String LONG_TEXT = "x".repeat(250);

    /**
     * A one-rank MPI whose waitall fails the first request with a 250-character error text and
     * completes the others with tag i and i elements: what a real MPI does when one receive of
     * many is truncated, with a long text as some MPIs give.
     */
    private static Mpi mpiWithOneFailingRequest() throws Exception {
        MpiAbi abi = (MpiAbi) Proxy.newProxyInstance(MpiAbi.class.getClassLoader(),
            new Class<?>[] {MpiAbi.class}, (proxy, method, args) -> switch (method.getName()) {
                case "jpar_init" -> {
                    Memory.putInt((Long) args[1], ThreadLevel.MULTIPLE.ordinal());
                    yield 0;
                }
                case "jpar_comm_world", "jpar_comm_self" -> 1L;
                case "jpar_comm_rank" -> {
                    Memory.putInt((Long) args[1], 0);
                    yield 0;
                }
                case "jpar_comm_size" -> {
                    Memory.putInt((Long) args[1], 1);
                    yield 0;
                }
                case "jpar_comm_tag_ub" -> {
                    Memory.putInt((Long) args[1], 32767);
                    yield 0;
                }
                case "jpar_irecv" -> {
                    Memory.putLong((Long) args[6], 100L + (Integer) args[4]);
                    yield 0;
                }
                case "jpar_waitall" -> {
                    long statuses = (Long) args[2];
                    for (int i = 0; i < (Integer) args[0]; i++) {
                        StatusLayout.write(statuses + (long) StatusLayout.BYTES * i, 0, i,
                            i == 0 ? ERR_TRUNCATE : 0, 8 * i);
                    }
                    yield ERR_TRUNCATE;
                }
                case "jpar_max_error_string" -> 256;
                case "jpar_error_string" -> {
                    Memory.putInt((Long) args[2], Memory.putText((Long) args[1], LONG_TEXT, 256));
                    yield 0;
                }
                case "jpar_error_class" -> {
                    Memory.putInt((Long) args[1], (Integer) args[0]);
                    yield 0;
                }
                case "jpar_error_class_name" -> {
                    Memory.putInt((Long) args[2], Memory.putText((Long) args[1],
                        "MPI_ERR_TRUNCATE", 256));
                    yield 0;
                }
                default -> throw new UnsupportedOperationException(method.getName());
            });
        var constructor = Mpi.class.getDeclaredConstructor(MpiAbi.class, String.class, int.class);
        constructor.setAccessible(true);
        return constructor.newInstance(abi, "fake", ThreadLevel.MULTIPLE.ordinal());
    }

    @Test
    void aLongErrorTextLeavesTheOtherStatusesOfWaitAllIntact() throws Exception {
        Intracomm comm = mpiWithOneFailingRequest().world();
        Request[] requests = new Request[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            requests[i] = comm.irecv(DirectBuffers.allocate(8 * REQUESTS).asDoubleBuffer(), 0, i);
        }
        MpiException e = assertThrows(MpiException.class, () -> Request.waitAll(requests));
        assertTrue(e.getMessage().contains(LONG_TEXT), e.getMessage());
        assertEquals(ERR_TRUNCATE, e.errorClass());
        assertEquals("MPI_ERR_TRUNCATE", e.errorClassName());
        for (int i = 1; i < REQUESTS; i++) {
            assertEquals(new Status(0, i, i, 8 * i), requests[i].status(), "request " + i);
        }
    }
}
