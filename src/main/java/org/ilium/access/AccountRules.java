package org.ilium.access;

import org.ilium.shared.StartupFailure;
import org.ilium.patient.domain.Site;

/** Rules for user names, passwords and site codes, shared by the API and the first-start setup. */
final class AccountRules {
    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 128;
    static final String USERNAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._@-]{2,63}";

    private AccountRules() {
    }

    static void checkUsername(String username, String setting) {
        if (!username.matches(USERNAME_PATTERN)) {
            throw new StartupFailure(setting + " must be 3 to 64 letters, digits or . _ @ -", "Fix " + setting + ".");
        }
    }

    static void checkSiteCode(String code, String setting) {
        if (!code.matches(Site.CODE_PATTERN)) {
            throw new StartupFailure(setting + " must be 1 to 32 lower-case letters, digits or -", "Fix " + setting + ".");
        }
    }
}
