package org.jpar.cluster;

import java.io.ObjectInputFilter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.jpar.mpi.Comm;
import org.jpar.mpi.Status;

/**
 * An engine's loader for one epoch of its client's classes: what the engine's own class path
 * lacks, it asks the client for ({@link ClassSource}) and defines here, once, with the client's
 * values of its static fields when it is a jshell class ({@link StaticState}). Its parent is
 * the engine's loader, so classes both sides have stay the engine's.
 */
final class ClientClassLoader extends ClassLoader {
    private final Comm comm;
    private final int clientRank;
    private final ObjectInputFilter filter;

    ClientClassLoader(Comm comm, int clientRank, ClassLoader parent, ObjectInputFilter filter) {
        super("jpar-client-classes", parent);
        this.comm = comm;
        this.clientRank = clientRank;
        this.filter = filter;
    }

    /**
     * Asks the client for the class file, one round trip.
     *
     * @throws ClassNotFoundException naming the class when the client has no class file for it
     * @throws ClassFormatError if the bytes are not a class this JVM accepts
     */
    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        // Not parallel capable: the JVM calls this one class at a time, so replies match.
        comm.send(name.getBytes(StandardCharsets.UTF_8), clientRank, Messages.TAG_CLASS_REQUEST);
        Status status = comm.probe(clientRank, Messages.TAG_CLASS);
        byte[] reply = new byte[status.bytes()];
        comm.recv(reply, clientRank, Messages.TAG_CLASS);
        if (reply.length == 0) {
            throw new ClassNotFoundException(name + " (neither this engine nor its client has"
                + " a class file for it)");
        }
        int length = ByteBuffer.wrap(reply).getInt();
        Class<?> type = defineClass(name, reply, 4, length);
        StaticState.apply(reply, 4 + length, reply.length - 4 - length, this, filter);
        return type;
    }

    /** The class named {@code name} if this loader defined it, else null. */
    Class<?> defined(String name) {
        Class<?> type = findLoadedClass(name);
        return type != null && type.getClassLoader() == this ? type : null;
    }
}
