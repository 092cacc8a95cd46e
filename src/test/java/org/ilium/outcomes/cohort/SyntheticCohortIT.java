package org.ilium.outcomes.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ilium.access.AccountService;
import org.ilium.shared.Actor;
import org.ilium.shared.ConflictException;
import org.ilium.shared.CurrentActor;
import org.ilium.testing.IliumInstance;
import org.ilium.testing.IliumInstance.Client;
import org.ilium.testing.IliumInstance.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A synthetic cohort stored into a real instance, then read back through the REST API only: what the
 * generator stored obeys the API's rules (operated episodes are eligible under the clinic policy on their
 * decision date and operated after it, schedules start at the index operation, responses are scored as the
 * instrument scores them and belong to completed timepoints).
 */
class SyntheticCohortIT {
    static final int PATIENTS = 300;
    static final long SEED = 42;
    static final LocalDate POLICY_FROM = LocalDate.of(2024, 1, 1);

    @TempDir
    static Path dir;
    static IliumInstance ilium;
    static CohortSummary summary;
    static final List<Integer> progress = new ArrayList<>();
    static LocalDate today;

    @BeforeAll
    static void generate() {
        ilium = IliumInstance.start(dir.resolve("data"));
        Actor actor = ilium.context().getBean(AccountService.class).commandLineActor("main");
        today = LocalDate.now(ZoneOffset.UTC);
        SyntheticCohort cohort = ilium.context().getBean(SyntheticCohort.class);
        summary = CurrentActor.callAs(actor, () -> cohort.generate("main", PATIENTS, SEED, today, (done, total) -> progress.add(done)));
    }

    @AfterAll
    static void stop() {
        if (ilium != null) {
            ilium.close();
        }
    }

    @Test
    void summaryAndProgress() {
        assertThat(summary.patients()).isEqualTo(PATIENTS);
        assertThat(summary.operated()).isBetween(80, 200);
        assertThat(summary.responses()).isGreaterThan(summary.operated() * 5L);
        assertThat(progress).last().isEqualTo(PATIENTS);
    }

    @Test
    void theOutcomeProjectionEqualsAFreshRecomputation() {
        // the bulk writes fire the projection's statement triggers (V8) table by table; what they left must be what
        // outcome_refresh computes from the finished sources
        Actor actor = ilium.context().getBean(AccountService.class).commandLineActor("main");
        JdbcTemplate jdbc = ilium.context().getBean(JdbcTemplate.class);
        TransactionTemplate tx = ilium.context().getBean(TransactionTemplate.class);
        long[] counts = CurrentActor.callAs(actor, () -> tx.execute(status -> {
            status.setRollbackOnly();
            jdbc.execute("create temp table stored_projection on commit drop as select * from outcome_episode");
            jdbc.execute("select outcome_refresh(array(select episode_id from follow_up_enrolment))");
            return new long[] {
                jdbc.queryForObject("select count(*) from stored_projection", Long.class),
                jdbc.queryForObject("select count(*) from follow_up_enrolment", Long.class),
                jdbc.queryForObject("select count(*) from (select * from stored_projection except all select * from outcome_episode) d",
                        Long.class),
                jdbc.queryForObject("select count(*) from (select * from outcome_episode except all select * from stored_projection) d",
                        Long.class)};
        }));
        assertThat(counts[0]).isEqualTo(counts[1]).isGreaterThanOrEqualTo(summary.operated());
        assertThat(counts[2]).as("stored rows not recomputed").isZero();
        assertThat(counts[3]).as("recomputed rows not stored").isZero();
    }

    @Test
    void referencesOfBulkTablesAreCheckedPerStatement() {
        // V11 checks the episode and user of work-up records, responses and episode moves once per statement
        // instead of by row-level foreign keys, and keeps referenced episodes and users from going away
        Actor actor = ilium.context().getBean(AccountService.class).commandLineActor("main");
        JdbcTemplate jdbc = ilium.context().getBean(JdbcTemplate.class);
        String episode = CurrentActor.callAs(actor, () -> jdbc.queryForObject("select id::text from episode_of_care limit 1", String.class));
        String user = actor.userId().toString();
        String workup = "insert into workup_record (id, episode_id, kind, recorded_on, payload, recorded_by, recorded_by_user_id, source, "
                + "version) select gen_random_uuid(), e::uuid, 'odi', date '2025-01-01', '{}', 'x', u::uuid, 'clinician', 1 "
                + "from (values ('%s', '%s'), ('%s', '%s')) v(e, u)";
        String response = "insert into prom_response (id, episode_id, instrument_id, instrument_version, answers, answered, flags, "
                + "collected_on, source, recorded_by, recorded_by_user_id) values (gen_random_uuid(), '%s', 'odi', '1', '{}', 0, '{}', "
                + "date '2025-01-01', 'clinician', 'x', '%s')";
        String move = "insert into episode_transition (episode_id, seq, to_status, reason, by_user_id, by_username, at, effective_on) "
                + "values ('%s', 99, 'closed', 'x', '%s', 'x', now(), current_date)";
        String missing = java.util.UUID.randomUUID().toString();
        assertThat(sqlState(actor, workup.formatted(episode, user, episode, user))).isNull();
        assertThat(sqlState(actor, workup.formatted(episode, user, missing, user))).isEqualTo("23503");
        assertThat(sqlState(actor, workup.formatted(episode, user, episode, missing))).isEqualTo("23503");
        assertThat(sqlState(actor, response.formatted(episode, user))).isNull();
        assertThat(sqlState(actor, response.formatted(missing, user))).isEqualTo("23503");
        assertThat(sqlState(actor, response.formatted(episode, missing))).isEqualTo("23503");
        assertThat(sqlState(actor, move.formatted(episode, user))).isNull();
        assertThat(sqlState(actor, move.formatted(missing, user))).isEqualTo("23503");
        assertThat(sqlState(actor, move.formatted(episode, missing))).isEqualTo("23503");
        assertThat(sqlState(actor, "update prom_response set recorded_by_user_id = '" + missing + "' where id = (select id from prom_response "
                + "limit 1)")).isEqualTo("23503");
        assertThat(sqlState(actor, "delete from episode_of_care where id = '" + episode + "'")).isEqualTo("23503");
        assertThat(sqlState(actor, "update episode_of_care set id = gen_random_uuid() where id = '" + episode + "'")).isEqualTo("23503");
        assertThat(sqlState(actor, "delete from app_user where id = '" + user + "'")).isEqualTo("23503");
        assertThat(sqlState(actor, "update app_user set id = gen_random_uuid() where id = '" + user + "'")).isEqualTo("23503");
    }

    /** The SQLSTATE a statement fails with (null when it succeeds), in a transaction rolled back either way. */
    private static String sqlState(Actor actor, String sql) {
        JdbcTemplate jdbc = ilium.context().getBean(JdbcTemplate.class);
        TransactionTemplate tx = ilium.context().getBean(TransactionTemplate.class);
        try {
            CurrentActor.callAs(actor, () -> tx.execute(status -> {
                status.setRollbackOnly();
                jdbc.execute(sql);
                return null;
            }));
            return null;
        } catch (org.springframework.dao.DataAccessException e) {
            Throwable t = e;
            while (t != null && !(t instanceof java.sql.SQLException)) {
                t = t.getCause();
            }
            return t == null ? "no SQLException: " + e : ((java.sql.SQLException) t).getSQLState();
        }
    }

    @Test
    void theSameSeedTwiceIsRefusedAnotherSeedAddsACohort() {
        Actor actor = ilium.context().getBean(AccountService.class).commandLineActor("main");
        SyntheticCohort cohort = ilium.context().getBean(SyntheticCohort.class);
        assertThatThrownBy(() -> CurrentActor.callAs(actor, () -> cohort.generate("main", 5, SEED, today, null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("seed 42");
        CohortSummary more = CurrentActor.callAs(actor, () -> cohort.generate("main", 5, SEED + 1, today, null));
        assertThat(more.patients()).isEqualTo(5);
        assertThat(ilium.admin().get("/api/v1/patients?mrn=SYN-43-000004").json().get("items")).hasSize(1);
    }

    @Test
    void storedPathwaysObeyTheApiRules() {
        Client api = ilium.admin();
        Set<String> statuses = new HashSet<>();
        int operatedChecked = 0;
        int eligibleChecked = 0;
        int notEligibleChecked = 0;
        int responsesChecked = 0;
        for (int i = 0; i < PATIENTS; i++) {
            JsonNode items = api.get("/api/v1/patients?mrn=" + String.format("SYN-%d-%06d", SEED, i)).json().get("items");
            assertThat(items).hasSize(1);
            String patientId = items.get(0).get("id").asString();
            JsonNode episodes = api.get("/api/v1/patients/" + patientId + "/episodes").json();
            assertThat(episodes).hasSize(1);
            JsonNode episode = episodes.get(0);
            String episodeId = episode.get("id").asString();
            String status = episode.get("status").asString();
            statuses.add(status);
            JsonNode transitions = api.get("/api/v1/patients/" + patientId + "/episodes/" + episodeId + "/transitions").json();
            assertThat(transitions.get(0).get("to").asString()).isEqualTo("referred");
            assertThat(transitions.get(transitions.size() - 1).get("to").asString()).isEqualTo(status);
            LocalDate decidedOn = null;
            Boolean candidate = null;
            for (JsonNode t : transitions) {
                assertThat(LocalDate.parse(t.get("effectiveOn").asString())).isBeforeOrEqualTo(today);
                if (t.get("to").asString().equals("decided")) {
                    decidedOn = LocalDate.parse(t.get("effectiveOn").asString());
                    candidate = t.get("candidate").asBoolean();
                }
            }
            JsonNode workup = api.get("/api/v1/episodes/" + episodeId + "/workup").json();
            JsonNode pain = workup.get("painScores");
            if (pain != null && !pain.isEmpty() && i % 50 == 0) {
                // each record stored with its first version, as a correction history starts
                JsonNode history = api.get("/api/v1/episodes/" + episodeId + "/workup/pain-scores/" + pain.get(0).get("id").asString()
                        + "/history").json();
                assertThat(history).hasSize(1);
            }
            JsonNode procedures = api.get("/api/v1/episodes/" + episodeId + "/procedures").json();
            if (decidedOn != null && !decidedOn.isBefore(POLICY_FROM)) {
                JsonNode d = api.get("/api/v1/episodes/" + episodeId + "/determinations?policy=clinic-default&date=" + decidedOn).json();
                String outcome = d.get("determinations").get(0).get("outcome").asString();
                assertThat(outcome).isEqualTo(candidate ? "ELIGIBLE" : "NOT_ELIGIBLE");
                if (candidate) {
                    eligibleChecked++;
                } else {
                    notEligibleChecked++;
                }
            }
            if (procedures.isEmpty()) {
                assertThat(status).isIn("referred", "in_workup", "decided", "scheduled", "closed");
                assertThat(api.get("/api/v1/episodes/" + episodeId + "/follow-up").status()).isEqualTo(404);
                continue;
            }
            // operated: after a positive decision, index procedure first, schedule from its date
            assertThat(candidate).isTrue();
            JsonNode index = procedures.get(0);
            assertThat(index.get("revision").asBoolean()).isFalse();
            assertThat(index.get("cpt").asString()).isEqualTo("27279");
            LocalDate surgery = LocalDate.parse(index.get("date").asString());
            assertThat(surgery).isAfterOrEqualTo(decidedOn).isBeforeOrEqualTo(today);
            for (int p = 1; p < procedures.size(); p++) {
                assertThat(procedures.get(p).get("revision").asBoolean()).isTrue();
                assertThat(LocalDate.parse(procedures.get(p).get("date").asString())).isAfterOrEqualTo(surgery);
            }
            assertThat(api.get("/api/v1/episodes/" + episodeId + "/complications").status()).isEqualTo(200);
            JsonNode followUp = api.get("/api/v1/episodes/" + episodeId + "/follow-up").json();
            assertThat(followUp.get("surgeryDate").asString()).isEqualTo(surgery.toString());
            Set<String> completed = new HashSet<>();
            for (JsonNode tp : followUp.get("timepoints")) {
                String tpStatus = tp.get("status").asString();
                if (tpStatus.equals("completed")) {
                    completed.add(tp.get("id").asString());
                } else if (tpStatus.equals("upcoming")) {
                    assertThat(LocalDate.parse(tp.get("opens").asString())).isAfter(today);
                }
            }
            JsonNode responses = api.get("/api/v1/episodes/" + episodeId + "/responses").json();
            for (JsonNode r : responses) {
                assertThat(completed).contains(r.get("timepoint").asString());
                assertThat(LocalDate.parse(r.get("collectedOn").asString())).isBeforeOrEqualTo(today);
                if (responsesChecked++ < 60) {
                    // stored score = the instrument's scoring of the stored answers
                    JsonNode rescored = api.post("/api/v1/instruments/" + r.get("instrument").asString() + "/score",
                            "{\"answers\":" + r.get("answers") + "}").json();
                    assertThat(rescored.get("score")).isEqualTo(r.get("score"));
                    assertThat(rescored.get("answered")).isEqualTo(r.get("answered"));
                }
            }
            operatedChecked++;
        }
        assertThat(operatedChecked).isGreaterThan(50);
        assertThat(eligibleChecked).isGreaterThan(10);
        assertThat(notEligibleChecked).isGreaterThan(3);
        assertThat(responsesChecked).isGreaterThan(300);
        assertThat(statuses).contains("in_workup", "decided", "in_follow_up", "closed");
    }
}
