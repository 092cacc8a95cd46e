package org.ilium.cli;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The baseline of {@code ilium bench import}: FHIR resources written with one PostgreSQL COPY as jsonb into a scratch
 * table, in a scratch schema dropped on {@link #close}. No row-level security, no ledger, no checks: the fastest way
 * the same resources can reach the database, to measure the import against.
 */
final class BenchImportRepository implements AutoCloseable {
    static final String SCHEMA = "ilium_bench_scratch";
    private final Connection connection;
    private final CopyIn copy;
    private long rows;

    BenchImportRepository(DataSource dataSource) throws SQLException {
        connection = dataSource.getConnection();
        try (Statement s = connection.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
            s.execute("create schema " + SCHEMA);
            s.execute("create table " + SCHEMA + ".resource (resource_type text not null, resource jsonb not null)");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy " + SCHEMA + ".resource (resource_type, resource) from stdin (format text)");
    }

    /** One resource; {@code json} is compact JSON (no raw tabs or newlines: JSON escapes them in strings). */
    void add(String type, String json) throws SQLException {
        byte[] line = (type + "\t" + json.replace("\\", "\\\\") + "\n").getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(line, 0, line.length);
        rows++;
    }

    long rows() {
        return rows;
    }

    /** Ends the COPY (committed: autocommit) and answers the rows the table holds. */
    long finish() throws SQLException {
        copy.endCopy();
        try (Statement s = connection.createStatement(); var rs = s.executeQuery("select count(*) from " + SCHEMA + ".resource")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            try (Statement s = connection.createStatement()) {
                s.execute("drop schema if exists " + SCHEMA + " cascade");
            }
        } finally {
            connection.close();
        }
    }
}
