package org.jpar.cluster;

import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * A task for an engine: a serializable callable, which may throw any exception (checked ones
 * reach the caller inside a {@link RemoteException}). A lambda given where a {@code Remote} is
 * expected is serializable; what it captures must be too. Classes an engine lacks (a class typed
 * into jshell, or one on the client's class path only) come from the client.
 */
@FunctionalInterface
public interface Remote<R> extends Callable<R>, Serializable {
}
