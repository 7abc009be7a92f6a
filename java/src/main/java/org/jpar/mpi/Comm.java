package org.jpar.mpi;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.jpar.internal.JparH;
import org.jpar.mpi.binding.MpiAbi;
import org.jpar.mpi.internal.Buffers;
import org.jpar.mpi.internal.CollectiveArgs;
import org.jpar.mpi.internal.ElementType;
import org.jpar.mpi.internal.MessageBuffer;
import org.jpar.mpi.internal.MpiErrors;
import org.jpar.mpi.internal.ObjectMessages;
import org.jpar.mpi.internal.Scratch;

/**
 * A communicator: a group of ranks that exchange messages, as MPI_Comm. This class has what
 * every communicator has (point to point, object messages, free); {@link Intracomm} adds the
 * collectives and the ways to make new communicators, {@link Intercomm} the remote group.
 *
 * <p><b>Buffers.</b> Buffer calls take a {@code java.nio} buffer of any element type or a
 * primitive array. A call uses a buffer's elements from position to limit and leaves its
 * position and limit alone, like NIO's absolute bulk operations; it uses an array whole. A
 * direct buffer goes to MPI without a copy (typed views must be in native byte order); heap
 * buffers and arrays are copied once through native memory, the slower path.
 *
 * <p><b>Objects.</b> The {@code *Object} calls send any {@link java.io.Serializable} value,
 * as mpi4py's lowercase calls do.
 *
 * <p><b>Errors.</b> What Java can check (ranks, tags, buffer kinds and sizes, use after close)
 * throws {@link IllegalArgumentException}, {@link NullPointerException} or
 * {@link IllegalStateException} before any native call; failures inside MPI throw
 * {@link MpiException}. Either way the communicator stays usable.
 */
public abstract sealed class Comm permits Intracomm, Intercomm {
    /** Receive from any source. */
    public static final int ANY_SOURCE = -1;
    /** Receive with any tag. */
    public static final int ANY_TAG = -1;
    /** A rank that sends and receives nothing: calls with it return at once. */
    public static final int PROC_NULL = -2;
    /** A {@link Intracomm#split} colour for ranks that join no new communicator. */
    public static final int UNDEFINED = -3;
    /**
     * On an intercommunicator, what the root of a rooted collective passes as {@code root}
     * (MPI_ROOT); the rest of its group pass {@link #PROC_NULL}, the other group the root's rank.
     */
    public static final int ROOT = JparH.ROOT;

    final Mpi mpi;
    final MpiAbi abi;
    private final boolean predefined;
    volatile long handle;
    final int rank;
    final int size;
    private final int tagUpperBound;
    /**
     * Whether point-to-point calls hand MPI a derived datatype for a {@link TypedBuffer} in
     * direct memory (the native backend), rather than packing it.
     */
    private final boolean inPlaceTypes;

    Comm(Mpi mpi, long handle, boolean predefined) {
        this.mpi = mpi;
        this.abi = mpi.abi;
        this.handle = handle;
        this.predefined = predefined;
        Scratch s = Scratch.get();
        long out = s.outAddress + Scratch.INT;
        check(abi.jpar_comm_rank(handle, out), "rank");
        this.rank = s.out.getInt(Scratch.INT);
        check(abi.jpar_comm_size(handle, out), "size");
        this.size = s.out.getInt(Scratch.INT);
        check(abi.jpar_comm_tag_ub(handle, out), "tagUpperBound");
        this.tagUpperBound = s.out.getInt(Scratch.INT);
        this.inPlaceTypes = mpi.backend().equals("native");
    }

    /** This process's rank in the communicator, from 0 to {@code size() - 1}. */
    public int rank() {
        return rank;
    }

    /** The number of ranks in this process's group of the communicator. */
    public int size() {
        return size;
    }

    /** The MPI this communicator belongs to (on the local backend, its rank's). */
    public Mpi mpi() {
        return mpi;
    }

    /** The largest tag a message may carry (MPI_TAG_UB, at least 32767). */
    public int tagUpperBound() {
        return tagUpperBound;
    }

    long handle() {
        return handle;
    }

    /** How many ranks point-to-point calls can name: this group's, or the remote group's. */
    abstract int peers();

    // ---------------------------------------------------------------- point to point, blocking

    /**
     * Sends {@code buf} to {@code dest} (MPI_Send).
     *
     * @throws IllegalArgumentException for a rank or tag out of range or a buffer that isn't one
     * @throws NullPointerException if {@code buf} is null
     * @throws IllegalStateException after close or free
     * @throws MpiException if MPI fails
     */
    public void send(Object buf, int dest, int tag) {
        MessageBuffer m = outgoing("send", buf, dest, tag, Scratch.get());
        complete("send", abi.jpar_send(m.address(), m.count(), m.typeCode(), dest, tag, handle),
            m, null, 0);
    }

    /**
     * Sends {@code buf} to {@code dest} and returns only once the matching receive has started
     * (MPI_Ssend), so it never relies on MPI's buffering.
     *
     * @throws IllegalArgumentException as {@link #send}
     */
    public void ssend(Object buf, int dest, int tag) {
        sendInMode("ssend", JparH.MODE_SYNCHRONOUS, buf, dest, tag);
    }

    /**
     * Sends {@code buf} through the buffer attached with {@link Mpi#attachBuffer} (MPI_Bsend):
     * returns once the message is copied there.
     *
     * @throws MpiException (MPI_ERR_BUFFER) when no buffer is attached or the message does not
     *     fit in what is free of it, with {@link Mpi#bsendOverhead()} bytes per message
     * @throws IllegalArgumentException as {@link #send}
     */
    public void bsend(Object buf, int dest, int tag) {
        sendInMode("bsend", JparH.MODE_BUFFERED, buf, dest, tag);
    }

    /**
     * Sends {@code buf} to {@code dest} whose matching receive is already posted (MPI_Rsend).
     * MPI does not check that it is; a ready send without its receive is an error in the
     * program that MPI may not report.
     *
     * @throws IllegalArgumentException as {@link #send}
     */
    public void rsend(Object buf, int dest, int tag) {
        sendInMode("rsend", JparH.MODE_READY, buf, dest, tag);
    }

    private void sendInMode(String call, int mode, Object buf, int dest, int tag) {
        MessageBuffer m = outgoing(call, buf, dest, tag, Scratch.get());
        complete(call, abi.jpar_send_mode(mode, m.address(), m.count(), m.typeCode(), dest, tag,
            handle), m, null, 0);
    }

    /**
     * Receives into {@code buf} a message from {@code source} with {@code tag} (MPI_Recv). A
     * message longer than the buffer is an {@link MpiException} (MPI_ERR_TRUNCATE).
     *
     * @param source a rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag a tag or {@link #ANY_TAG}
     * @return the source, tag and element count of the message
     * @throws IllegalArgumentException for a rank or tag out of range or a read-only buffer
     */
    public Status recv(Object buf, int source, int tag) {
        Scratch s = Scratch.get();
        MessageBuffer m = incoming("recv", buf, source, tag, s);
        int rc = abi.jpar_recv(m.address(), m.count(), m.typeCode(), source, tag, handle,
            s.outAddress + Scratch.STATUS);
        return completeWithStatus("recv", rc, null, m, s);
    }

    /**
     * Sends {@code sendbuf} to {@code dest} and receives into {@code recvbuf} from
     * {@code source} in one call (MPI_Sendrecv), which cannot deadlock on a ring.
     *
     * @throws IllegalArgumentException as {@link #send} and {@link #recv}, or if the two
     *     buffers have different element types
     */
    public Status sendrecv(Object sendbuf, int dest, int sendtag,
                           Object recvbuf, int source, int recvtag) {
        CollectiveArgs.sameType(sendbuf, recvbuf);
        Scratch s = Scratch.get();
        MessageBuffer in = outgoing("sendrecv", sendbuf, dest, sendtag, s);
        MessageBuffer out = incoming("sendrecv", recvbuf, source, recvtag, s);
        if (in.typeCode() != out.typeCode()) {
            // MPI_Sendrecv's one type: a derived type on one side only goes packed.
            in = MessageBuffer.in(sendbuf, in.type(), Buffers.count(sendbuf), s, Scratch.SEND);
            out = receiving(recvbuf, s);
        }
        int rc = abi.jpar_sendrecv(in.address(), in.count(), dest, sendtag, out.address(),
            out.count(), source, recvtag, in.typeCode(), handle, s.outAddress + Scratch.STATUS);
        return completeWithStatus("sendrecv", rc, in, out, s);
    }

    /**
     * Sends {@code buf} to {@code dest} and receives into the same buffer from {@code source}
     * (MPI_Sendrecv_replace).
     *
     * @throws IllegalArgumentException as {@link #send} and {@link #recv}
     */
    public Status sendrecvReplace(Object buf, int dest, int sendtag, int source, int recvtag) {
        ElementType t = ElementType.of(buf, "buf");
        Buffers.checkWritable(buf, "buf");
        checkPeer("sendrecvReplace", dest, sendtag, false);
        checkPeer("sendrecvReplace", source, recvtag, true);
        Scratch s = Scratch.get();
        MessageBuffer m = MessageBuffer.in(buf, t, Buffers.count(buf), s, Scratch.SEND);
        int rc = abi.jpar_sendrecv_replace(m.address(), m.count(), m.typeCode(), dest, sendtag,
            source, recvtag, handle, s.outAddress + Scratch.STATUS);
        return completeWithStatus("sendrecvReplace", rc, null, m, s);
    }

    /**
     * Waits for a message from {@code source} with {@code tag} without receiving it (MPI_Probe).
     *
     * @return the message's source, tag and size; {@code count} is in bytes
     */
    public Status probe(int source, int tag) {
        checkPeer("probe", source, tag, true);
        Scratch s = Scratch.get();
        check(abi.jpar_probe(source, tag, handle, s.outAddress + Scratch.STATUS), "probe");
        return s.status(ElementType.BYTE);
    }

    /**
     * Checks for a message without waiting (MPI_Iprobe).
     *
     * @return its status ({@code count} in bytes), or empty if none has arrived
     */
    public Optional<Status> iprobe(int source, int tag) {
        checkPeer("iprobe", source, tag, true);
        Scratch s = Scratch.get();
        check(abi.jpar_iprobe(source, tag, handle, s.outAddress + Scratch.INT,
            s.outAddress + Scratch.STATUS), "iprobe");
        return s.out.getInt(Scratch.INT) != 0
            ? Optional.of(s.status(ElementType.BYTE)) : Optional.empty();
    }

    /**
     * Waits for a message and takes it off the queue, so that only the returned {@link Message}
     * can receive it (MPI_Mprobe): no other thread's receive or probe can match it.
     *
     * @param source a rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag a tag or {@link #ANY_TAG}
     * @throws IllegalArgumentException for a rank or tag out of range
     */
    public Message mprobe(int source, int tag) {
        checkPeer("mprobe", source, tag, true);
        Scratch s = Scratch.get();
        check(abi.jpar_mprobe(source, tag, handle, s.outAddress + Scratch.HANDLE,
            s.outAddress + Scratch.STATUS), "mprobe");
        return new Message(this, s.out.getLong(Scratch.HANDLE), s.status(ElementType.BYTE));
    }

    /**
     * {@link #mprobe} without waiting (MPI_Improbe).
     *
     * @return the message, or empty if none has arrived
     */
    public Optional<Message> improbe(int source, int tag) {
        checkPeer("improbe", source, tag, true);
        Scratch s = Scratch.get();
        check(abi.jpar_improbe(source, tag, handle, s.outAddress + Scratch.FLAG,
            s.outAddress + Scratch.HANDLE, s.outAddress + Scratch.STATUS), "improbe");
        return s.out.getInt(Scratch.FLAG) == 0 ? Optional.empty() : Optional.of(
            new Message(this, s.out.getLong(Scratch.HANDLE), s.status(ElementType.BYTE)));
    }

    // ------------------------------------------------------------- point to point, nonblocking

    /**
     * Starts sending {@code buf} (MPI_Isend). The request keeps the buffer reachable until it
     * completes; do not modify the buffer before then. Heap storage is copied at this call.
     *
     * @throws IllegalArgumentException as {@link #send}
     */
    public Request isend(Object buf, int dest, int tag) {
        MessageBuffer m = outgoing("isend", buf, dest, tag, null);
        Scratch s = Scratch.get();
        int rc = abi.jpar_isend(m.address(), m.count(), m.typeCode(), dest, tag, handle,
            s.outAddress + Scratch.HANDLE);
        return started("isend", rc, m, false, s);
    }

    /**
     * Starts a synchronous send (MPI_Issend): the request completes once the matching receive
     * has started.
     *
     * @throws IllegalArgumentException as {@link #send}
     */
    public Request issend(Object buf, int dest, int tag) {
        return isendInMode("issend", JparH.MODE_SYNCHRONOUS, buf, dest, tag);
    }

    /**
     * Starts a buffered send (MPI_Ibsend) through the buffer of {@link Mpi#attachBuffer}.
     *
     * @throws MpiException (MPI_ERR_BUFFER) as {@link #bsend}
     */
    public Request ibsend(Object buf, int dest, int tag) {
        return isendInMode("ibsend", JparH.MODE_BUFFERED, buf, dest, tag);
    }

    /**
     * Starts a ready send (MPI_Irsend): the matching receive must be posted already.
     *
     * @throws IllegalArgumentException as {@link #send}
     */
    public Request irsend(Object buf, int dest, int tag) {
        return isendInMode("irsend", JparH.MODE_READY, buf, dest, tag);
    }

    private Request isendInMode(String call, int mode, Object buf, int dest, int tag) {
        MessageBuffer m = outgoing(call, buf, dest, tag, null);
        Scratch s = Scratch.get();
        int rc = abi.jpar_isend_mode(mode, m.address(), m.count(), m.typeCode(), dest, tag,
            handle, s.outAddress + Scratch.HANDLE);
        return started(call, rc, m, false, s);
    }

    /**
     * Starts receiving into {@code buf} (MPI_Irecv). The request keeps the buffer reachable
     * until it completes. Heap storage receives through a copy made when the request completes,
     * in {@link Request#waitFor()} or a successful {@link Request#test()}.
     *
     * @throws IllegalArgumentException as {@link #recv}
     */
    public Request irecv(Object buf, int source, int tag) {
        MessageBuffer m = incoming("irecv", buf, source, tag, null);
        Scratch s = Scratch.get();
        int rc = abi.jpar_irecv(m.address(), m.count(), m.typeCode(), source, tag, handle,
            s.outAddress + Scratch.HANDLE);
        return started("irecv", rc, m, true, s);
    }

    // ---------------------------------------------------------------- persistent requests

    /**
     * A persistent standard send of {@code buf} to {@code dest} (MPI_Send_init), inactive until
     * {@link Prequest#start()}.
     *
     * @throws IllegalArgumentException as {@link #send}
     */
    public Prequest sendInit(Object buf, int dest, int tag) {
        return persistentSend("sendInit", JparH.MODE_STANDARD, buf, dest, tag);
    }

    /** A persistent synchronous send (MPI_Ssend_init); see {@link #sendInit}. */
    public Prequest ssendInit(Object buf, int dest, int tag) {
        return persistentSend("ssendInit", JparH.MODE_SYNCHRONOUS, buf, dest, tag);
    }

    /** A persistent buffered send (MPI_Bsend_init); see {@link #sendInit} and {@link #bsend}. */
    public Prequest bsendInit(Object buf, int dest, int tag) {
        return persistentSend("bsendInit", JparH.MODE_BUFFERED, buf, dest, tag);
    }

    /** A persistent ready send (MPI_Rsend_init); see {@link #sendInit} and {@link #rsend}. */
    public Prequest rsendInit(Object buf, int dest, int tag) {
        return persistentSend("rsendInit", JparH.MODE_READY, buf, dest, tag);
    }

    /**
     * A persistent receive into {@code buf} from {@code source} (MPI_Recv_init), inactive until
     * {@link Prequest#start()}.
     *
     * @throws IllegalArgumentException as {@link #recv}
     */
    public Prequest recvInit(Object buf, int source, int tag) {
        MessageBuffer m = incoming("recvInit", buf, source, tag, null);
        Scratch s = Scratch.get();
        int rc = abi.jpar_recv_init(m.address(), m.count(), m.typeCode(), source, tag, handle,
            s.outAddress + Scratch.HANDLE);
        return persistent("recvInit", rc, m, true, s);
    }

    private Prequest persistentSend(String call, int mode, Object buf, int dest, int tag) {
        MessageBuffer m = outgoing(call, buf, dest, tag, null);
        Scratch s = Scratch.get();
        int rc = abi.jpar_send_init(mode, m.address(), m.count(), m.typeCode(), dest, tag, handle,
            s.outAddress + Scratch.HANDLE);
        return persistent(call, rc, m, false, s);
    }

    private Prequest persistent(String call, int rc, MessageBuffer m, boolean receive,
                                Scratch s) {
        if (rc != 0) {
            m.release();
            throw MpiErrors.exception(abi, rc, call);
        }
        return new Prequest(this, m, receive, s.out.getLong(Scratch.HANDLE));
    }

    // ------------------------------------------------------------------------------ objects

    /**
     * Sends a serializable object (mpi4py's {@code send}).
     *
     * @throws IllegalArgumentException naming the class if it is not serializable; nothing is
     *     sent then
     */
    public void sendObject(Object value, int dest, int tag) {
        checkPeer("sendObject", dest, tag, false);
        ObjectMessages.send(abi, handle, value, dest, tag);
    }

    /**
     * Receives an object sent with {@link #sendObject} (mpi4py's {@code recv}).
     *
     * @throws MpiException naming the class if this rank cannot deserialize it; the message is
     *     consumed and the next one can be received
     */
    public <T> T recvObject(int source, int tag) {
        checkPeer("recvObject", source, tag, true);
        return ObjectMessages.recv(abi, handle, source, tag);
    }

    // ------------------------------------------------------------------------------ packing

    /**
     * Packs {@code inbuf}'s elements (a NIO buffer, an array or a {@link TypedBuffer}) back to
     * back into {@code outbuf} from byte {@code position} (MPI_Pack), in the layout a message of
     * their type has on this machine: send the packed bytes as bytes, and a receiver reads them
     * as that type or unpacks them. {@code outbuf} is a {@code ByteBuffer}, its bytes from its
     * position to its limit, or a {@code byte[]}; positions count from its start.
     *
     * @return the position after the packed bytes, where the next pack goes
     * @throws IllegalArgumentException if {@code outbuf} is read-only or not bytes, or the
     *     elements do not fit from {@code position}; nothing is written then
     */
    public int pack(Object inbuf, Object outbuf, int position) {
        return Packing.pack(this, inbuf, outbuf, position);
    }

    /**
     * Unpacks {@code outbuf}'s elements (a NIO buffer, an array or a {@link TypedBuffer}) from
     * {@code inbuf}'s bytes at {@code position} (MPI_Unpack), as {@link #pack} laid them out.
     *
     * @return the position after the unpacked bytes, where the next unpack starts
     * @throws IllegalArgumentException if {@code outbuf} is read-only, {@code inbuf} is not
     *     bytes, or it holds fewer than the elements need from {@code position}; nothing is
     *     written then
     */
    public int unpack(Object inbuf, int position, Object outbuf) {
        return Packing.unpack(this, inbuf, position, outbuf);
    }

    /**
     * The bytes {@code count} elements of {@code type} take packed (MPI_Pack_size): their data,
     * without the gaps the type leaves between them.
     *
     * @throws IllegalArgumentException for a negative count, or more bytes than a buffer holds
     * @throws IllegalStateException if the type is freed
     */
    public int packSize(int count, Datatype type) {
        return Packing.packSize(this, count, type);
    }

    // ---------------------------------------------------------------- group, comparison, name

    /**
     * The group of this communicator's processes (MPI_Comm_group; for an intercommunicator, the
     * local group). Free it when done.
     */
    public Group group() {
        checkOpen("group");
        Scratch s = Scratch.get();
        check(abi.jpar_comm_group(handle, s.outAddress + Scratch.HANDLE), "group");
        return new Group(mpi, s.out.getLong(Scratch.HANDLE));
    }

    /**
     * How this communicator compares with {@code other} (MPI_Comm_compare): {@code IDENT} for
     * the same one, {@code CONGRUENT} for a duplicate.
     */
    public Comparison compare(Comm other) {
        checkOpen("compare");
        Objects.requireNonNull(other, "other must not be null").checkOpen("compare");
        Scratch s = Scratch.get();
        check(abi.jpar_comm_compare(handle, other.handle, s.outAddress + Scratch.INT), "compare");
        return Comparison.values()[s.out.getInt(Scratch.INT)];
    }

    /** The communicator's name (MPI_Comm_get_name): MPI_COMM_WORLD's is "MPI_COMM_WORLD". */
    public String name() {
        checkOpen("name");
        int[] rc = new int[1];
        String name = Scratch.get().text(abi.jpar_max_object_name(),
            (at, length) -> rc[0] = abi.jpar_comm_get_name(handle, at, length));
        check(rc[0], "name");
        return name;
    }

    /**
     * Names the communicator (MPI_Comm_set_name), for debuggers and error messages; local to
     * this process.
     *
     * @throws IllegalArgumentException if the name is longer than MPI allows
     */
    public void setName(String name) {
        checkOpen("setName");
        byte[] bytes = Objects.requireNonNull(name, "name must not be null")
            .getBytes(StandardCharsets.UTF_8);
        int max = abi.jpar_max_object_name();
        if (bytes.length >= max) {
            throw new IllegalArgumentException("name longer than MPI_MAX_OBJECT_NAME - 1 bytes: "
                + "bytes=" + bytes.length + ", max=" + (max - 1));
        }
        Scratch s = Scratch.get();
        ByteBuffer text = s.slot(Scratch.TEXT, bytes.length + 1L);
        text.put(0, bytes).put(bytes.length, (byte) 0);
        check(abi.jpar_comm_set_name(handle, s.slotAddress(Scratch.TEXT)), "setName");
    }

    // ------------------------------------------------------------------------------ lifecycle

    /**
     * Frees a communicator this program made (MPI_Comm_free); later calls on it throw
     * {@link IllegalStateException}. Idempotent.
     *
     * @throws IllegalStateException for the world and self communicators
     */
    public void free() {
        if (predefined) {
            throw new IllegalStateException("the world and self communicators cannot be freed");
        }
        release("free", false);
    }

    /** Frees or disconnects once; the handle reads as 0 afterwards, so later calls fail. */
    synchronized void release(String call, boolean disconnect) {
        if (handle == 0L) {
            return;
        }
        checkOpen(call);
        Scratch s = Scratch.get();
        s.out.putLong(Scratch.HANDLE, handle);
        handle = 0L;
        long at = s.outAddress + Scratch.HANDLE;
        check(disconnect ? abi.jpar_comm_disconnect(at) : abi.jpar_comm_free(at), call);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[rank=" + rank + ", size=" + size
            + (handle == 0L ? ", freed" : "") + "]";
    }

    // ---------------------------------------------------------------- messages, checks, errors

    /**
     * The checks of a sending call, then {@code buf} as the call's input message, staged in the
     * scratch {@code s}, or in staging of its own (for a request) when {@code s} is null.
     */
    private MessageBuffer outgoing(String call, Object buf, int dest, int tag, Scratch s) {
        ElementType t = ElementType.of(buf, "buf");
        checkPeer(call, dest, tag, false);
        if (buf instanceof TypedBuffer tb && inPlaceTypes && tb.isDirect()) {
            return tb.inPlace(mpi);
        }
        return MessageBuffer.in(buf, t, Buffers.count(buf), s, Scratch.SEND);
    }

    /** The checks of a receiving call, then {@code buf} as the call's output message. */
    private MessageBuffer incoming(String call, Object buf, int source, int tag, Scratch s) {
        checkPeer(call, source, tag, true);
        if (buf instanceof TypedBuffer tb && inPlaceTypes && tb.isDirect()) {
            Buffers.checkWritable(buf, "buf");
            return tb.inPlace(mpi);
        }
        return receiving(buf, s);
    }

    /** {@code buf} as a call's output message, staged in {@code s} (or its own, if null). */
    static MessageBuffer receiving(Object buf, Scratch s) {
        ElementType t = ElementType.of(buf, "buf");
        Buffers.checkWritable(buf, "buf");
        return MessageBuffer.out(buf, t, Buffers.count(buf), s, Scratch.RECV);
    }

    /**
     * The end of every blocking buffer call: lets go of its messages and, if the call succeeded,
     * copies the first {@code received} elements of the output back into heap storage; a failed
     * call throws {@link MpiException}.
     */
    final void complete(String call, int rc, MessageBuffer in, MessageBuffer out, int received) {
        if (in != null) {
            in.release();
        }
        if (rc != 0) {
            if (out != null) {
                out.release();
            }
            throw MpiErrors.exception(abi, rc, call);
        }
        if (out != null) {
            out.done(received);
        }
    }

    /** {@link #complete} for a call that wrote a status into the scratch: returns it. */
    Status completeWithStatus(String call, int rc, MessageBuffer in, MessageBuffer out,
                                      Scratch s) {
        Status status = s.status(out.type());
        complete(call, rc, in, out, status.count());
        return status;
    }

    /** A started request that owns {@code m}, or the call's failure. */
    Request started(String call, int rc, MessageBuffer m, boolean receive, Scratch s) {
        if (rc != 0) {
            m.release();
            throw MpiErrors.exception(abi, rc, call);
        }
        return new Request(this, m, receive, s.out.getLong(Scratch.HANDLE), true);
    }

    /**
     * A started collective's request, which owns its messages and {@code keep} (count arrays)
     * and copies {@code received} elements back at completion; or the call's failure.
     */
    Request startedCollective(String call, int rc, MessageBuffer in, MessageBuffer out,
                              int received, Object keep, Scratch s) {
        if (rc != 0) {
            if (in != null) {
                in.release();
            }
            out.release();
            throw MpiErrors.exception(abi, rc, call);
        }
        return new Request(this, in, out, received, keep, s.out.getLong(Scratch.HANDLE));
    }

    void checkOpen(String call) {
        mpi.checkOpen(call);
        if (handle == 0L) {
            throw new IllegalStateException("communicator is freed: call=" + call);
        }
    }

    void check(int rc, String call) {
        MpiErrors.check(abi, rc, call);
    }

    /** A point-to-point call's checks: open, a rank of the peers, a tag in range. */
    private void checkPeer(String call, int peer, int tag, boolean receiving) {
        checkOpen(call);
        checkRank(peer, receiving ? "source" : "dest", peers(), receiving);
        if ((tag < 0 || tag > tagUpperBound) && !(receiving && tag == ANY_TAG)) {
            throw new IllegalArgumentException("tag must be from 0 to " + tagUpperBound
                + (receiving ? " or ANY_TAG" : "") + ": tag=" + tag);
        }
    }

    static void checkRank(int r, String name, int ranks, boolean wildcard) {
        if ((r < 0 || r >= ranks) && r != PROC_NULL && !(wildcard && r == ANY_SOURCE)) {
            throw new IllegalArgumentException(name + " must be a rank from 0 to " + (ranks - 1)
                + (wildcard ? ", ANY_SOURCE" : "") + " or PROC_NULL: " + name + "=" + r);
        }
    }
}
