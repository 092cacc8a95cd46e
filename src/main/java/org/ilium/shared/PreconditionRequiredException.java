package org.ilium.shared;

/** An update came without If-Match, so it could silently overwrite someone else's change. */
public class PreconditionRequiredException extends RuntimeException {
    public PreconditionRequiredException() {
        super("This update needs an If-Match header with the ETag of the version you read, so that no change is lost.");
    }
}
