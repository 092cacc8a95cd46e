package org.ilium.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ilium.database.DatabaseEndpoint;
import org.ilium.database.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Bulk columns read back by PostgreSQL exactly as sent: every type the bulk repositories use, nulls, empty texts, JSON. */
class BulkColumnIT {
    @TempDir
    static Path dir;
    static EmbeddedPostgresServer server;
    static Connection connection;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedPostgresServer.start(dir.resolve("data"));
        DatabaseEndpoint e = server.endpoint();
        connection = DriverManager.getConnection(e.jdbcUrl(), e.user(), e.password());
    }

    @AfterAll
    static void stop() throws Exception {
        if (connection != null) {
            connection.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyTypeNullsAndEmptyTextsComeBackAsSent() throws Exception {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-21T10:15:30.123456Z");
        List<Object[]> rows = List.of(
                new Object[] {id, "a text, with \"quotes\" {braces} and \\ backslash", LocalDate.of(2024, 2, 29), at, true, 7, "33.333333333333336"},
                new Object[] {null, "", null, null, false, null, null},
                new Object[] {UUID.randomUUID(), "NULL", LocalDate.of(1950, 1, 1), Instant.parse("2020-01-01T00:00:00Z"), null, -3, "0.5"});
        String[] types = {"uuid", "text", "date", "timestamptz", "boolean", "int", "numeric"};
        List<BulkColumn> columns = new ArrayList<>();
        for (int c = 0; c < types.length; c++) {
            BulkColumn column = new BulkColumn(rows.size());
            for (Object[] row : rows) {
                column.add(row[c]);
            }
            columns.add(column);
        }
        List<Object[]> back = select("select * from " + BulkColumn.unnest(types), columns);
        assertThat(back).hasSize(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            Object[] sent = rows.get(r);
            Object[] got = back.get(r);
            assertThat(got[0]).isEqualTo(sent[0]);
            assertThat(got[1]).isEqualTo(sent[1]);
            assertThat(got[2]).isEqualTo(sent[2] == null ? null : java.sql.Date.valueOf((LocalDate) sent[2]));
            assertThat(got[3] == null ? null : ((java.sql.Timestamp) got[3]).toInstant()).isEqualTo(sent[3]);
            assertThat(got[4]).isEqualTo(sent[4]);
            assertThat(got[5]).isEqualTo(sent[5]);
            assertThat(got[6]).isEqualTo(sent[6] == null ? null : new BigDecimal((String) sent[6]));
        }
    }

    @Test
    void aLoneEmptyTextIsOneValueAndNoValuesNone() throws Exception {
        BulkColumn one = new BulkColumn(1).add("");
        assertThat(select("select * from " + BulkColumn.unnest("text"), List.of(one))).singleElement()
                .satisfies(row -> assertThat(row[0]).isEqualTo(""));
        assertThat(select("select * from " + BulkColumn.unnest("uuid"), List.of(new BulkColumn(0)))).isEmpty();
    }

    @Test
    void jsonValuesAreWrittenIntoTheColumnWhole() throws Exception {
        ObjectMapper mapper = JsonMapper.builder().build();
        Map<String, Object> tricky = new LinkedHashMap<>();
        tricky.put("note", "line\nbreak, \u001e record separator, \u001f unit separator, \"quoted\"");
        tricky.put("n", 1.5);
        List<Object> values = List.of(tricky, Map.of(), List.of(1, 2));
        BulkColumn column = BulkColumn.json(mapper.writer(), values);
        assertThat(column.size()).isEqualTo(3);
        List<Object[]> back = select("select j::json::text from " + BulkColumn.unnest("text") + " as t(j)", List.of(column));
        assertThat(back).hasSize(3);
        for (int i = 0; i < values.size(); i++) {
            assertThat(mapper.readTree((String) back.get(i)[0])).isEqualTo(mapper.valueToTree(values.get(i)));
        }
    }

    @Test
    void textsHoldingTheSeparatorsAreRefused() {
        BulkColumn column = new BulkColumn(2).add("a");
        assertThatThrownBy(() -> column.add("a\u001eb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> column.add("a\u001fb")).isInstanceOf(IllegalArgumentException.class);
        assertThat(column.size()).isEqualTo(1);
        assertThat(column.text()).isEqualTo("\u001ea");
    }

    private static List<Object[]> select(String sql, List<BulkColumn> columns) throws Exception {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < columns.size(); i++) {
                ps.setString(i + 1, columns.get(i).text());
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int c = 0; c < n; c++) {
                        row[c] = rs.getObject(c + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }
}
