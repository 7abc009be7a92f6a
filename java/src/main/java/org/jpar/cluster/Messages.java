package org.jpar.cluster;

import java.io.Serializable;

/** What client and engines say to each other; each record travels as one object message. */
final class Messages {
    /** Client to engine: tasks and the stop request. */
    static final int TAG_TASK = 1;
    /** Engine to client: results and the stop acknowledgement. */
    static final int TAG_RESULT = 2;

    private Messages() {
    }

    /** A task: its number and its serialized {@link Remote}, so an engine can report a task it cannot read. */
    record Task(long id, byte[] body) implements Serializable {
    }

    /** The client closes: the engine leaves its loop after answering. */
    record Stop() implements Serializable {
    }

    /** An engine has left its loop. */
    record Stopped(int engineId) implements Serializable {
    }

    /**
     * A task's outcome: the serialized value, or a failure (its text and stack trace as the
     * engine printed them, and the serialized exception when it could be serialized).
     */
    record Result(long id, int engineId, String host, long pid, long started, long completed,
                  byte[] value, String failure, String stackTrace, byte[] exception)
            implements Serializable {
        boolean failed() {
            return failure != null;
        }
    }
}
