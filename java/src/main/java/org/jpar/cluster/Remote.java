package org.jpar.cluster;

import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * A task for an engine: a serializable callable. A lambda given where a {@code Remote} is
 * expected is serializable; what it captures must be too. Every engine runs the same jar.
 */
@FunctionalInterface
public interface Remote<R> extends Callable<R>, Serializable {
}
