package io.prism.exception;

/**
 * An exception thrown by actor code, as it reached the caller: the original class name, message and stack trace.
 * The original class need not exist in the caller's JVM, so this stands in for it.
 */
public class RemoteException extends PrismException {
    private final String remoteClassName;

    public RemoteException(String remoteClassName, String message, StackTraceElement[] stackTrace, Throwable cause) {
        super(remoteClassName + (message == null ? "" : ": " + message), cause);
        this.remoteClassName = remoteClassName;
        setStackTrace(stackTrace);
    }

    /** The class of the exception thrown by the actor, e.g. {@code java.lang.IllegalArgumentException}. */
    public String remoteClassName() {
        return remoteClassName;
    }

    /** The message thrown by the actor, without the class name. */
    public String remoteMessage() {
        String m = getMessage();
        return m.length() == remoteClassName.length() ? null : m.substring(remoteClassName.length() + 2);
    }
}
