package org.ilium.workup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.ilium.patient.domain.Side;
import org.ilium.shared.InvalidInputException;
import org.ilium.shared.web.JsonInput;
import org.ilium.workup.domain.OdiAssessment;
import org.ilium.workup.domain.WorkupCase;
import org.ilium.workup.domain.WorkupItem;
import org.ilium.workup.domain.WorkupKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

class CaseFileTest {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    private static CaseFile read(String json) {
        return CaseFile.read(json.getBytes(StandardCharsets.UTF_8), JSON, TODAY);
    }

    @Test
    void readsTheClearCandidate() throws Exception {
        CaseFile file = CaseFile.read(Files.readAllBytes(Path.of("examples/cases/clear-candidate.json")), JSON, TODAY);
        WorkupCase c = file.workupCase();
        assertThat(file.evaluationDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(c.side()).isEqualTo(Side.LEFT);
        assertThat(c.provocationTests()).hasSize(6);
        assertThat(c.injections().get(1).id()).isEqualTo("injections[1]");
        assertThat(c.injections().get(1).reliefPercent()).isEqualTo(87.5);
        assertThat(c.odi().get(0).score()).isEqualTo(24 * 100.0 / 45);
        assertThat(c.odi().get(0).band()).isEqualTo(OdiAssessment.Band.SEVERE);
        assertThat(c.ageOn(file.evaluationDate())).isEqualTo(63);
    }

    /** What the writer writes, the reader reads back to the same record: storage relies on it. */
    @Test
    void everyRecordRoundTripsThroughWriterAndReader() throws Exception {
        WorkupCase c = CaseFile.read(Files.readAllBytes(Path.of("examples/cases/clear-candidate.json")), JSON, TODAY).workupCase();
        java.util.List<WorkupItem> all = c.items();
        assertThat(all.stream().map(WorkupKind::of).distinct()).hasSize(WorkupKind.values().length);
        for (WorkupItem item : all) {
            byte[] written = JSON.writeValueAsBytes(WorkupWriter.write(item));
            JsonInput in = JsonInput.parse(written, JSON);
            WorkupItem back = WorkupReader.read(WorkupKind.of(item), in, new WorkupReader.Context(item.id(), null, null));
            in.finish();
            assertThat(back).as(item.id()).isEqualTo(item);
        }
    }

    @Test
    void namesEveryBadFieldWithItsPlace() {
        String json = """
                {"episode": {"side": "left"},
                 "odi": [{"date": "2026-01-01", "sections": [1, 2, 6, 0, 0, 0, 0, 0, 0, 0]}],
                 "injections": [{"date": "2026-01-01", "purpose": "diagnostic", "side": "left", "guidance": "ct",
                                 "contrast": true, "reliefPercent": 120}],
                 "provocationTests": [{"date": "2027-01-01", "test": "faber", "positive": true}],
                 "riskFactors": [{"date": "2026-01-01", "type": "cotinine", "present": true}],
                 "surprise": 1}
                """;
        assertThatThrownBy(() -> read(json)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting("field").containsExactlyInAnyOrder(
                        "odi[0].sections[2]", "injections[0].reliefPercent", "provocationTests[0].date",
                        "provocationTests[0].side", "riskFactors[0].value", "riskFactors[0].present", "surprise"));
    }
}
