package org.jpar.mpi;

/**
 * An MPI call failed. Carries the MPI error code, its error class, the MPI library's text for it
 * and the name of the call; failures that are jpar's own (an object that cannot be deserialized,
 * a peer that reported a failure in a collective) have {@link #NOT_AN_MPI_ERROR} as code and class.
 */
public class MpiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Code and class of a failure that did not come from the MPI library. */
    public static final int NOT_AN_MPI_ERROR = -1;

    private final String call;
    private final int errorCode;
    private final int errorClass;
    private final String errorClassName;

    /** A failure reported by the MPI library, its class's name unknown. */
    public MpiException(String call, int errorCode, int errorClass, String errorText) {
        this(call, errorCode, errorClass, "", errorText);
    }

    /**
     * A failure reported by the MPI library, with the name of its error class
     * ({@code "MPI_ERR_TRUNCATE"}).
     */
    public MpiException(String call, int errorCode, int errorClass, String errorClassName,
                        String errorText) {
        super(call + ": " + errorText + " (error code " + errorCode + ", class "
            + (errorClassName.isEmpty() ? "" : errorClassName + " = ") + errorClass + ")");
        this.call = call;
        this.errorCode = errorCode;
        this.errorClass = errorClass;
        this.errorClassName = errorClassName;
    }

    /** A failure of jpar's own, with its cause if there is one. */
    public MpiException(String call, String message, Throwable cause) {
        super(call + ": " + message, cause);
        this.call = call;
        this.errorCode = NOT_AN_MPI_ERROR;
        this.errorClass = NOT_AN_MPI_ERROR;
        this.errorClassName = "";
    }

    /**
     * The name of the error class, such as {@code "MPI_ERR_TRUNCATE"}: compare classes by name,
     * since MPIs number them differently (MPI_ERR_TRUNCATE is 15 in Open MPI, 14 in MPICH).
     * Empty for jpar's own failures.
     */
    public String errorClassName() {
        return errorClassName;
    }

    /** The name of the failed call, such as {@code "recv"}. */
    public String call() {
        return call;
    }

    /** The MPI error code, or {@link #NOT_AN_MPI_ERROR}. */
    public int errorCode() {
        return errorCode;
    }

    /** The MPI error class of the code (such as MPI_ERR_TRUNCATE's), or {@link #NOT_AN_MPI_ERROR}. */
    public int errorClass() {
        return errorClass;
    }
}
