package org.jpar.cluster;

import java.io.InvalidClassException;
import java.io.ObjectInputFilter;

/**
 * What an engine accepts in its tasks: everything, unless {@code -Djpar.cluster.filter} gives an
 * {@link ObjectInputFilter} pattern (as {@code jdk.serialFilter} does, for example
 * {@code "com.example.**;java.base/*;!*"}). Engines run the code their client sends, as
 * ipyparallel's do; sites that want less set the filter on the engines' JVMs (spawned engines
 * inherit the client's {@code jpar.*} properties).
 */
final class TaskFilter implements ObjectInputFilter {
    /** The system property that holds the pattern. */
    static final String PROPERTY = "jpar.cluster.filter";

    private final String pattern;
    private final ObjectInputFilter filter;
    private Class<?> refused;

    private TaskFilter(String pattern) {
        this.pattern = pattern;
        this.filter = ObjectInputFilter.Config.createFilter(pattern);
    }

    /**
     * The filter the property names, or null when it is unset.
     *
     * @throws IllegalArgumentException for a pattern ObjectInputFilter rejects
     */
    static TaskFilter fromProperty() {
        String pattern = System.getProperty(PROPERTY);
        return pattern == null || pattern.isBlank() ? null : new TaskFilter(pattern);
    }

    @Override
    public Status checkInput(FilterInfo info) {
        Status status = filter.checkInput(info);
        if (status == Status.REJECTED && info.serialClass() != null) {
            refused = info.serialClass();
        }
        return status;
    }

    /**
     * The exception to report for a task the filter refused, naming the class; null when the
     * filter refused nothing since the last call.
     */
    InvalidClassException refusal() {
        Class<?> type = refused;
        refused = null;
        return type == null ? null : new InvalidClassException(type.getName(),
            "the engine's filter refused it (" + PROPERTY + "=" + pattern + ")");
    }
}
