package org.jpar.cluster;

import java.io.Serializable;
import java.util.function.Function;

/** A serializable function, for the views' {@code map}. */
@FunctionalInterface
public interface RemoteFunction<T, R> extends Function<T, R>, Serializable {
}
