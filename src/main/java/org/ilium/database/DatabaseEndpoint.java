package org.ilium.database;

/** Where the application connects: the embedded server this process runs, or a clinic's own PostgreSQL. */
public record DatabaseEndpoint(String jdbcUrl, String user, String password, boolean embedded) {
    @Override
    public String toString() {
        return "DatabaseEndpoint[" + jdbcUrl + " as " + user + (embedded ? ", embedded" : "") + "]";
    }
}
