package org.ilium.workup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.ilium.shared.Actor;
import org.ilium.shared.CurrentActor;
import org.ilium.testing.IliumInstance;
import org.ilium.testing.Workups;
import org.ilium.workup.domain.WorkupCase;
import org.ilium.workup.domain.WorkupItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * How long streaming a whole site's work-up takes: 100,000 episodes with 20 records each, bulk
 * inserted in visits or in random order (see {@link #ORDER}). Not part of the build (the name matches neither surefire nor failsafe); run it with
 * {@code ./mvnw -B verify -Dit.test=WorkupStreamBenchmark -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false}
 * and read the figures it prints. It asserts counts, never timings.
 */
class WorkupStreamBenchmark {
    static final int EPISODES = Integer.getInteger("bench.episodes", 100_000);
    static final int RECORDS_PER_EPISODE = 20;
    static final int RUNS = Integer.getInteger("bench.runs", 3);
    /**
     * visits: each episode's records come in 4 visits of 5, visits of all episodes interleaved (as a
     * clinic records them over time); random: every record anywhere, the worst case for reading by episode.
     */
    static final String ORDER = System.getProperty("bench.order", "visits");

    @TempDir
    static Path dataDir;

    @Test
    void streamEveryEpisodeOfASite() throws Exception {
        // -Dbench.dataDir=... keeps the data for another run (or a look with psql) instead of a fresh temporary directory
        String keep = System.getProperty("bench.dataDir");
        try (IliumInstance ilium = IliumInstance.start(keep == null ? dataDir : Path.of(keep))) {
            UUID site = UUID.fromString(ilium.admin().get("/api/v1/me").json().path("site").path("id").stringValue());
            DataSource dataSource = ilium.context().getBean(DataSource.class);
            Actor actor = new Actor(adminId(dataSource), IliumInstance.ADMIN, site);
            long t0 = System.nanoTime();
            if (CurrentActor.callAs(actor, () -> episodes(dataSource)) == 0) {
                CurrentActor.runAs(actor, () -> insert(dataSource, ilium.context().getBean(ObjectMapper.class), actor));
                System.out.printf("bench: inserted %,d episodes x %d records (%s order) in %.1f s%n", EPISODES, RECORDS_PER_EPISODE,
                        ORDER, seconds(t0));
            }

            WorkupRepository repository = ilium.context().getBean(WorkupRepository.class);
            WorkupService service = ilium.context().getBean(WorkupService.class);
            TransactionTemplate tx = ilium.context().getBean(TransactionTemplate.class);
            WorkupPayload payload = new WorkupPayload(ilium.context().getBean(ObjectMapper.class));
            CurrentActor.runAs(actor, () -> {
                for (int run = 1; run <= RUNS; run++) {
                    AtomicLong rows = new AtomicLong();
                    long start = System.nanoTime();
                    tx.executeWithoutResult(s -> repository.streamCases(null, row -> rows.incrementAndGet()));
                    System.out.printf("bench: run %d  query only (rows, payload bytes unparsed): %,d rows in %.2f s%n", run, rows.get(),
                            seconds(start));

                    for (int threads : new int[] {0, 1, 2}) {
                        AtomicLong records = new AtomicLong();
                        start = System.nanoTime();
                        long cases = stream(tx, repository, payload, threads, c -> records.addAndGet(count(c)));
                        System.out.printf("bench: run %d  cases with %d parse thread(s): %,d cases, %,d records in %.2f s%n", run,
                                threads, cases, records.get(), seconds(start));
                        assertThat(cases).isEqualTo(EPISODES);
                        assertThat(records.get()).isEqualTo((long) EPISODES * RECORDS_PER_EPISODE);
                    }

                    AtomicLong records = new AtomicLong();
                    start = System.nanoTime();
                    long cases = service.forEachCase(c -> records.addAndGet(count(c)));
                    System.out.printf("bench: run %d  WorkupService.forEachCase: %,d cases, %,d records in %.2f s%n", run, cases,
                            records.get(), seconds(start));
                }
            });
        }
    }

    private static long stream(TransactionTemplate tx, WorkupRepository repository, WorkupPayload payload, int threads,
            java.util.function.Consumer<WorkupCase> consumer) {
        ExecutorService workers = threads == 0 ? null : Executors.newFixedThreadPool(threads);
        try {
            return tx.execute(s -> {
                CaseStream stream = new CaseStream(payload, consumer, workers, 8 * Math.max(1, threads));
                repository.streamCases(null, stream);
                return stream.finish();
            });
        } finally {
            if (workers != null) {
                workers.shutdownNow();
            }
        }
    }

    private static long count(WorkupCase c) {
        return WorkupApiIT.items(c).size();
    }

    private static long episodes(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from episode_of_care")) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static UUID adminId(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select id from app_user where username = 'admin'")) {
            rs.next();
            return rs.getObject(1, UUID.class);
        }
    }

    /** Patients, episodes, then records made from the clear candidate's 30 records, 20 per episode, in random order. */
    private static void insert(DataSource dataSource, ObjectMapper mapper, Actor actor) {
        WorkupPayload payload = new WorkupPayload(mapper);
        List<WorkupItem> templates = WorkupApiIT.items(CaseFile.read(Workups.clearCandidateFile(), mapper,
                LocalDate.now(ZoneOffset.ofHours(14))).workupCase());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into patient (id, mrn, given_name, family_name, birth_date, sex) "
                    + "select md5('p' || g)::uuid, 'BENCH-' || g, 'Given', 'Family', date '1940-01-01' + (g % 15000), "
                    + "case when g % 2 = 0 then 'female' else 'male' end from generate_series(1, " + EPISODES + ") g");
            s.execute("insert into episode_of_care (id, patient_id, side, status) "
                    + "select md5('e' || g)::uuid, md5('p' || g)::uuid, case when g % 3 = 0 then 'right' else 'left' end, 'in_workup' "
                    + "from generate_series(1, " + EPISODES + ") g");
            s.execute("create temporary table template (n integer, kind text, recorded_on date, payload json)");
            try (PreparedStatement ps = c.prepareStatement("insert into template values (?, ?, ?, ?::jsonb)")) {
                for (int i = 0; i < templates.size(); i++) {
                    WorkupItem item = templates.get(i);
                    ps.setInt(1, i);
                    ps.setString(2, org.ilium.workup.domain.WorkupKind.of(item).path());
                    ps.setObject(3, item.date());
                    ps.setString(4, payload.write(item, actor.username()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into workup_record (id, episode_id, kind, recorded_on, payload, "
                    + "recorded_by, recorded_by_user_id, source, version) "
                    + "select gen_random_uuid(), md5('e' || g)::uuid, t.kind, t.recorded_on, t.payload, 'admin', ?, 'clinician', 1 "
                    + "from generate_series(1, " + EPISODES + ") g cross join generate_series(0, " + (RECORDS_PER_EPISODE - 1) + ") i "
                    + "join template t on t.n = (g + i) % " + templates.size()
                    + (ORDER.equals("random") ? " order by random()" : " order by i / 5, md5(g::text), i"))) {
                ps.setObject(1, actor.userId());
                ps.executeUpdate();
            }
            s.execute("vacuum analyze patient");
            s.execute("vacuum analyze episode_of_care");
            s.execute("vacuum analyze workup_record");
            try (ResultSet rs = s.executeQuery("explain select e.id as episode_id, p.birth_date, p.sex, e.side, r.id as record_id, "
                    + "r.kind, r.recorded_by, r.seq, r.payload from episode_of_care e "
                    + "join patient p on p.site_id = e.site_id and p.id = e.patient_id "
                    + "left join workup_record r on r.site_id = e.site_id and r.episode_id = e.id "
                    + "order by e.id")) {
                while (rs.next()) {
                    System.out.println("bench plan: " + rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("select pg_size_pretty(pg_total_relation_size('workup_record'))")) {
                rs.next();
                System.out.println("bench: workup_record size " + rs.getString(1));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
