package org.jpar.cluster;

/** The engine a task was sent to died (its process is gone) before the task's result came back. */
public class EngineLostException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int engineId;

    EngineLostException(int engineId, long pid) {
        super("engine " + engineId + " (pid " + pid + ") is gone; its tasks will not finish");
        this.engineId = engineId;
    }

    /** The engine that was lost. */
    public int engineId() {
        return engineId;
    }
}
