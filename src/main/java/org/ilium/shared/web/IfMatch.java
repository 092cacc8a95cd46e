package org.ilium.shared.web;

import java.util.Arrays;
import org.ilium.shared.PreconditionRequiredException;
import org.ilium.shared.VersionMismatchException;

/** ETags are the stored version in quotes ("3"); an update names the version it read in If-Match. */
public final class IfMatch {
    private IfMatch() {
    }

    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** Throws 428 when the header is missing and 412 when it names no current version. */
    public static void check(String header, int currentVersion) {
        if (header == null || header.isBlank()) {
            throw new PreconditionRequiredException();
        }
        String current = etag(currentVersion);
        boolean matches = Arrays.stream(header.split(","))
                .map(String::strip)
                // weak tags never match for If-Match (RFC 9110, 13.1.1)
                .anyMatch(tag -> tag.equals("*") || tag.equals(current));
        if (!matches) {
            throw new VersionMismatchException(currentVersion);
        }
    }
}
