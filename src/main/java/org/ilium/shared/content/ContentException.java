package org.ilium.shared.content;

import org.ilium.shared.StartupFailure;

/**
 * A content file that cannot be used, with the place and the reason:
 * {@code content/policies/nass-2015.yaml, line 23, column 7: criteria[2].minPositive: must be a whole number}.
 * Line and column count from 1; 0 when the problem concerns the file as a whole.
 */
public class ContentException extends StartupFailure {
    private final String file;
    private final int line;
    private final int column;
    private final String path;
    private final String reason;

    public ContentException(String file, int line, int column, String path, String reason) {
        this(file, line, column, path, reason, null);
    }

    public ContentException(String file, int line, int column, String path, String reason, Throwable cause) {
        super(message(file, line, column, path, reason),
                "Correct the content file (or remove it from the content override directory) and start again.", cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.path = path == null ? "" : path;
        this.reason = reason;
    }

    static String message(String file, int line, int column, String path, String reason) {
        StringBuilder out = new StringBuilder(file);
        if (line > 0) {
            out.append(", line ").append(line);
            if (column > 0) {
                out.append(", column ").append(column);
            }
        }
        out.append(": ");
        if (path != null && !path.isEmpty()) {
            out.append(path).append(": ");
        }
        return out.append(reason).toString();
    }

    /** The file as named to the user: {@code content/policies/x.yaml} or the path in the override directory. */
    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The field within the file, such as {@code criteria[2].minPositive}; empty for the document itself. */
    public String path() {
        return path;
    }

    public String reason() {
        return reason;
    }
}
