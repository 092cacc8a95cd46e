package org.ilium.followup;

/** A patient link that existed but can no longer be used: used, expired or replaced by a newer one (410 Gone). */
public class LinkGoneException extends RuntimeException {
    public LinkGoneException(String message) {
        super(message);
    }
}
