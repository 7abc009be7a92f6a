package org.jpar.cluster;

import java.io.Serializable;

/**
 * A serializable function, for the views' {@code map}. It may throw any exception, checked ones
 * too: a map whose function throws fails with a {@link RemoteException} that carries it.
 */
@FunctionalInterface
public interface RemoteFunction<T, R> extends Serializable {
    /** The function's value at {@code input}. */
    R apply(T input) throws Exception;
}
