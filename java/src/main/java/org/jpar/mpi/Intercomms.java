package org.jpar.mpi;

import java.util.Objects;
import org.jpar.mpi.internal.Scratch;

/** The bodies of the calls that make and merge intercommunicators. */
final class Intercomms {
    private Intercomms() {
    }

    static Intercomm create(Intracomm local, int localLeader, Intracomm peer, int remoteLeader,
                            int tag) {
        Objects.requireNonNull(peer, "peerComm must not be null");
        local.checkOpen("createIntercomm");
        Comm.checkRank(localLeader, "localLeader", local.size, false);
        if (localLeader == Comm.PROC_NULL) {
            throw new IllegalArgumentException("localLeader must be a rank: PROC_NULL");
        }
        if (local.rank == localLeader) {
            peer.checkOpen("createIntercomm");
            if (remoteLeader < 0 || remoteLeader >= peer.size) {
                throw new IllegalArgumentException("remoteLeader must be a rank of peerComm, from"
                    + " 0 to " + (peer.size - 1) + ": remoteLeader=" + remoteLeader);
            }
        }
        if (tag < 0 || tag > local.tagUpperBound()) {
            throw new IllegalArgumentException("tag must be from 0 to " + local.tagUpperBound()
                + ": tag=" + tag);
        }
        if (peer.mpi != local.mpi) {
            throw new IllegalArgumentException("peerComm belongs to another MPI");
        }
        Scratch s = Scratch.get();
        local.check(local.abi.jpar_intercomm_create(local.handle, localLeader, peer.handle,
            remoteLeader, tag, s.outAddress + Scratch.HANDLE), "createIntercomm");
        return new Intercomm(local.mpi, s.out.getLong(Scratch.HANDLE));
    }

    static Intracomm merge(Intercomm c, boolean high) {
        c.checkOpen("merge");
        Scratch s = Scratch.get();
        c.check(c.abi.jpar_intercomm_merge(c.handle, high ? 1 : 0, s.outAddress + Scratch.HANDLE),
            "merge");
        return new Intracomm(c.mpi, s.out.getLong(Scratch.HANDLE), false);
    }

    static Group remoteGroup(Intercomm c) {
        c.checkOpen("remoteGroup");
        Scratch s = Scratch.get();
        c.check(c.abi.jpar_comm_remote_group(c.handle, s.outAddress + Scratch.HANDLE),
            "remoteGroup");
        return new Group(c.mpi, s.out.getLong(Scratch.HANDLE));
    }
}
