package org.jpar.cluster;

/**
 * A task failed on an engine. The message names the engine; {@link #engineStackTrace()} is the
 * failure as the engine printed it, and the cause is the engine's exception itself (with its
 * stack trace) when it could be sent back.
 */
public class RemoteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int engineId;
    private final String engineStackTrace;

    RemoteException(String message, int engineId, String engineStackTrace, Throwable cause) {
        super(message, cause);
        this.engineId = engineId;
        this.engineStackTrace = engineStackTrace;
    }

    /** The engine the task failed on, or -1 if it never reached one. */
    public int engineId() {
        return engineId;
    }

    /** The failure's stack trace as the engine printed it. */
    public String engineStackTrace() {
        return engineStackTrace;
    }
}
