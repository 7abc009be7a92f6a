package org.jpar.mpi;

import java.io.ByteArrayOutputStream;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jpar.internal.Memory;
import org.jpar.mpi.internal.BackendChoice;
import org.jpar.mpi.internal.MpiErrors;
import org.jpar.mpi.internal.Scratch;

/** How {@link Intracomm#spawn} starts processes: its arguments as native strings, one call. */
final class Spawn {
    private Spawn() {
    }

    static Intercomm spawn(Intracomm c, String command, List<String> args, int maxprocs,
                           Map<String, String> info, int root) {
        if (command == null || command.isEmpty()) {
            throw new IllegalArgumentException("command must not be empty");
        }
        if (maxprocs < 1) {
            throw new IllegalArgumentException("maxprocs must be at least 1: maxprocs=" + maxprocs);
        }
        c.checkRoot("spawn", root);
        if (!c.mpi.backend().equals(BackendChoice.NATIVE)) {
            throw new UnsupportedOperationException("spawn needs the native backend: backend="
                + c.mpi.backend());
        }
        List<String> infoList = new ArrayList<>();
        if (info != null) {
            info.forEach((k, v) -> {
                infoList.add(k);
                infoList.add(v);
            });
        }
        ByteBuffer cmd = strings(List.of(command));
        ByteBuffer argv = strings(args == null ? List.of() : args);
        ByteBuffer infoBytes = strings(infoList);
        ByteBuffer errcodes = ByteBuffer.allocateDirect(4 * maxprocs);
        Scratch s = Scratch.get();
        int rc = c.abi.jpar_comm_spawn(Memory.address(cmd), Memory.address(argv), maxprocs,
            Memory.address(infoBytes), root, c.handle, s.outAddress + Scratch.HANDLE,
            Memory.address(errcodes));
        Reference.reachabilityFence(cmd);
        Reference.reachabilityFence(argv);
        Reference.reachabilityFence(infoBytes);
        Reference.reachabilityFence(errcodes);
        if (rc != 0) {
            throw spawnFailure(c, MpiErrors.exception(c.abi, rc, "spawn"));
        }
        return new Intercomm(c.mpi, s.out.getLong(Scratch.HANDLE));
    }


    /** MPI's failure of a spawn, with the reason where the MPI has no dynamic processes. */
    private static MpiException spawnFailure(Intracomm c, MpiException e) {
        String library = c.mpi.libraryVersion();
        if (!library.contains("MPICH") || !library.contains("ch4:ucx")) {
            return e;
        }
        MpiException explained = new MpiException("spawn", e.errorCode(), e.errorClass(),
            e.errorClassName(), "MPICH on the ch4:ucx device (Debian's MPICH 4) cannot start "
                + "processes (no dynamic processes over UCX: MPI_Comm_spawn and MPI_Open_port "
                + "fail); start every process with mpiexec instead (Cluster.fromWorld), or use "
                + "an MPI that has them (Open MPI). MPI said: " + e.getMessage());
        explained.initCause(e);
        return explained;
    }

    /** NUL-terminated strings followed by an empty one, in native memory, as jpar.h wants. */
    private static ByteBuffer strings(List<String> values) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String v : values) {
            if (v == null || v.isEmpty() || v.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("arguments and info must be non-empty strings "
                    + "without NUL: " + v);
            }
            bytes.writeBytes(v.getBytes(StandardCharsets.UTF_8));
            bytes.write(0);
        }
        bytes.write(0);
        byte[] all = bytes.toByteArray();
        return ByteBuffer.allocateDirect(all.length).put(all).flip();
    }
}
