package org.ilium.workup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.ilium.patient.domain.Sex;
import org.ilium.patient.domain.Side;
import org.ilium.workup.WorkupRepository.CaseHeader;
import org.ilium.workup.WorkupRepository.CaseRow;
import org.ilium.workup.domain.PainScore;
import org.ilium.workup.domain.WorkupCase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Rows of the case stream become one case per episode, in order, whether parsed here or on other threads. */
class CaseStreamTest {
    private static final WorkupPayload PAYLOAD = new WorkupPayload(JsonMapper.builder().build());
    private final ExecutorService workers = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    private static CaseHeader episode(int n) {
        UUID id = new UUID(0, n);
        return new CaseHeader(id, id.toString(), LocalDate.of(1962, 3, 14), "female", "left");
    }

    private static CaseRow pain(CaseHeader episode, String date, int nrs, long seq) {
        String json = "{\"date\":\"" + date + "\",\"recordedBy\":\"dr.a\",\"source\":\"clinician\",\"nrs\":" + nrs
                + ",\"vas\":null,\"side\":\"left\",\"locations\":[\"buttock\"]}";
        return new CaseRow(episode, new UUID(1, seq).toString(), "pain-scores", "dr.a", seq, json.getBytes(StandardCharsets.UTF_8));
    }

    private static CaseRow odi(CaseHeader episode, long seq) {
        String json = "{\"date\":\"2026-02-16\",\"recordedBy\":\"dr.a\",\"source\":\"clinician\",\"sections\":[3,3,2,3,2,3,2,3,null,3],"
                + "\"score\":53.3,\"band\":\"severe\"}";
        return new CaseRow(episode, new UUID(1, seq).toString(), "odi", "dr.a", seq, json.getBytes(StandardCharsets.UTF_8));
    }

    private static CaseRow without(CaseHeader episode) {
        return new CaseRow(episode, null, null, null, 0, null);
    }

    @Test
    void oneCasePerEpisodeWithEachKindByDateThenOrderOfRecording() {
        CaseHeader first = episode(1);
        CaseHeader second = episode(2);
        List<WorkupCase> cases = new ArrayList<>();
        CaseStream stream = new CaseStream(PAYLOAD, cases::add, null, 1);
        List.of(pain(first, "2026-02-16", 7, 5), odi(first, 6), pain(first, "2025-06-10", 6, 9), pain(first, "2025-06-10", 8, 2),
                without(second)).forEach(stream);
        assertThat(stream.finish()).isEqualTo(2);

        WorkupCase c = cases.get(0);
        assertThat(c.reference()).isEqualTo(first.episodeId().toString());
        assertThat(c.birthDate()).isEqualTo(LocalDate.of(1962, 3, 14));
        assertThat(c.sex()).isEqualTo(Sex.FEMALE);
        assertThat(c.side()).isEqualTo(Side.LEFT);
        assertThat(c.painScores()).extracting(PainScore::nrs).containsExactly(8, 6, 7);
        assertThat(c.painScores().get(0).id()).isEqualTo(new UUID(1, 2).toString());
        assertThat(c.painScores().get(0).recordedBy()).isEqualTo("dr.a");
        assertThat(c.odi()).hasSize(1);
        assertThat(c.odi().get(0).score()).isEqualTo(24 * 100.0 / 45);
        assertThat(cases.get(1).reference()).isEqualTo(second.episodeId().toString());
        assertThat(cases.get(1).items()).isEmpty();
    }

    @Test
    void parsedOnOtherThreadsTheCasesStillArriveInOrderOnTheCallingThread() {
        Thread caller = Thread.currentThread();
        List<String> references = new ArrayList<>();
        CaseStream stream = new CaseStream(PAYLOAD, c -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            references.add(c.reference());
        }, workers, 4);
        List<String> expected = new ArrayList<>();
        for (int n = 0; n < CaseStream.BATCH * 7 + 13; n++) {
            CaseHeader episode = episode(n);
            expected.add(episode.episodeId().toString());
            if (n % 10 == 0) {
                stream.accept(without(episode));
            } else {
                stream.accept(pain(episode, "2025-06-10", n % 11, 1));
                stream.accept(odi(episode, 2));
            }
        }
        assertThat(stream.finish()).isEqualTo(expected.size());
        assertThat(references).isEqualTo(expected);
    }

    @Test
    void aStoredRecordThatNoLongerReadsStopsTheStreamWithoutQuotingIt() {
        CaseHeader episode = episode(1);
        byte[] broken = "{\"date\":\"2025-06-10\",\"nrs\":\"Mrs Smith\",\"side\":\"left\"}".getBytes(StandardCharsets.UTF_8);
        CaseStream stream = new CaseStream(PAYLOAD, c -> { }, workers, 4);
        stream.accept(new CaseRow(episode, new UUID(1, 1).toString(), "pain-scores", "dr.a", 1, broken));
        assertThatThrownBy(stream::finish).isInstanceOf(IllegalStateException.class).hasMessageContaining("nrs")
                .hasMessageNotContaining("Smith");
    }

    @Test
    void aFailingConsumerStopsTheStream() {
        CaseStream stream = new CaseStream(PAYLOAD, c -> {
            throw new IllegalArgumentException("evaluator failed");
        }, null, 1);
        stream.accept(without(episode(1)));
        assertThatThrownBy(stream::finish).hasMessage("evaluator failed");
    }
}
