package org.ilium.shared;

/**
 * A start-up problem the operator can fix: its message says what is wrong and what to do, and it is
 * reported without a stack trace.
 */
public class StartupFailure extends RuntimeException {
    private final String action;

    public StartupFailure(String description, String action) {
        super(description);
        this.action = action;
    }

    public StartupFailure(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
