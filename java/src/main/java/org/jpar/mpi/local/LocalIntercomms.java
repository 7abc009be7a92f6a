package org.jpar.mpi.local;

import org.jpar.internal.Memory;

/**
 * Intercommunicators of the pure-Java backend. Both groups derive one pair of views under a key
 * they share (see {@link LocalComm#inter}); the groups' leaders trade what the other group
 * needs at a meeting point of the world ({@link LocalWorld#meet}), and each leader passes it on
 * to its group. Point to point then runs as on any communicator, into the other group's queues.
 */
abstract class LocalIntercomms extends LocalTopologies {
    LocalIntercomms(LocalWorld world, int worldRank) {
        super(world, worldRank);
    }

    /** Writes a group of {@code members} (world ranks) at {@code address}; returns 0. */
    abstract int group(long address, int[] members);

    @Override
    public int jpar_intercomm_create(long localComm, int localLeader, long peerComm,
                                     int remoteLeader, int tag, long out) {
        return guarded(() -> {
            LocalComm c = comm(localComm);
            int rank = rankIn(c);
            Object[] mine = null;
            if (rank == localLeader) {
                LocalComm peer = comm(peerComm);
                int me = peer.members[rankIn(peer)];
                int other = peer.members[remoteLeader];
                String prefix = "intercomm/" + peer.id + "/" + tag + "/" + Math.min(me, other)
                    + "/" + Math.max(me, other);
                String key = prefix + "/" + world.nextMeeting(prefix, me);
                int[] remote = (int[]) world.meet(key, me, c.members);
                mine = new Object[] {remote, me < other, key};
            }
            Object[] leader = (Object[]) c.exchange(rank, mine)[localLeader];
            int[] remote = (int[]) leader[0];
            boolean first = (Boolean) leader[1];
            String key = (String) leader[2];
            LocalComm[] pair = first ? world.deriveInter(key, c.members, remote)
                : world.deriveInter(key, remote, c.members);
            Memory.putLong(out, (first ? pair[0] : pair[1]).id);
        });
    }

    @Override
    public int jpar_intercomm_merge(long intercomm, int high, long out) {
        return guardedCode(() -> {
            LocalComm c = comm(intercomm);
            if (c.remoteMembers == null) {
                return ERR_OTHER;
            }
            int rank = rankIn(c);
            String key = c.nextInterKey(rank, "merge");
            Object mine = rank == 0 ? world.meet(key, c.members[0], high != 0) : null;
            boolean remoteHigh = (Boolean) c.exchange(rank, mine)[0];
            // The group that passed high = false comes first; on a tie, the first view's group.
            boolean localFirst = (high != 0) == remoteHigh ? c.isFirstGroup() : high == 0;
            int[] first = localFirst ? c.members : c.remoteMembers;
            int[] second = localFirst ? c.remoteMembers : c.members;
            int[] all = new int[first.length + second.length];
            System.arraycopy(first, 0, all, 0, first.length);
            System.arraycopy(second, 0, all, first.length, second.length);
            Memory.putLong(out, world.derive(key, all).id);
            return 0;
        });
    }

    @Override
    public int jpar_comm_remote_size(long comm, long size) {
        LocalComm c = comm(comm);
        if (c.remoteMembers == null) {
            return ERR_OTHER;
        }
        Memory.putInt(size, c.remoteMembers.length);
        return 0;
    }

    @Override
    public int jpar_comm_remote_group(long comm, long group) {
        LocalComm c = comm(comm);
        return c.remoteMembers == null ? ERR_OTHER : group(group, c.remoteMembers);
    }

    @Override
    public int jpar_comm_test_inter(long comm, long flag) {
        Memory.putInt(flag, comm(comm).remoteMembers == null ? 0 : 1);
        return 0;
    }
}
