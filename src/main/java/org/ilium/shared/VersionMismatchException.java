package org.ilium.shared;

/** The client's If-Match names a version that is no longer current: its update would lose another. */
public class VersionMismatchException extends RuntimeException {
    public VersionMismatchException(int current) {
        super("The resource has changed since you read it (current version " + current
                + "). Read it again, reapply your change and send the new ETag in If-Match.");
    }
}
