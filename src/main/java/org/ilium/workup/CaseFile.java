package org.ilium.workup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ilium.patient.domain.Sex;
import org.ilium.patient.domain.Side;
import org.ilium.shared.web.JsonInput;
import org.ilium.workup.domain.Codes;
import org.ilium.workup.domain.ConservativeCare;
import org.ilium.workup.domain.FortinFinding;
import org.ilium.workup.domain.Imaging;
import org.ilium.workup.domain.OdiAssessment;
import org.ilium.workup.domain.PainScore;
import org.ilium.workup.domain.PlannedProcedure;
import org.ilium.workup.domain.ProvocationTest;
import org.ilium.workup.domain.RiskFactor;
import org.ilium.workup.domain.SijInjection;
import org.ilium.workup.domain.SymptomHistory;
import org.ilium.workup.domain.WorkupCase;
import org.ilium.workup.domain.WorkupItem;
import org.ilium.workup.domain.WorkupKind;
import tools.jackson.databind.ObjectMapper;

/**
 * A self-contained case: patient, episode side, evaluation date and every work-up record, in one JSON
 * document (schema: {@code schemas/case.schema.json}, documented in docs/case-file.md). Records get
 * ids from their place ({@code injections[1]}) so that decisions can cite them.
 */
public record CaseFile(WorkupCase workupCase, LocalDate evaluationDate) {

    /** Reads and checks a case; {@code today} is the latest acceptable date of any record. */
    public static CaseFile read(byte[] json, ObjectMapper mapper, LocalDate today) {
        JsonInput in = JsonInput.parse(json, mapper);
        String id = in.text("id", false, 100);
        LocalDate evaluationDate = in.date("evaluationDate", false);
        JsonInput patient = in.object("patient", false);
        LocalDate birthDate = patient == null ? null : patient.date("birthDate", false);
        Sex sex = patient == null ? null : patient.code("sex", false, Sex::fromCode, Codes.all(Sex.class));
        JsonInput episode = in.object("episode", true);
        Side side = episode == null ? null : episode.code("side", true, c -> Codes.parse(Side.class, c), Codes.all(Side.class));
        Map<WorkupKind, List<WorkupItem>> items = new EnumMap<>(WorkupKind.class);
        for (WorkupKind kind : WorkupKind.values()) {
            List<WorkupItem> read = new ArrayList<>();
            List<JsonInput> elements = in.objects(kind.field(), false);
            for (int i = 0; i < elements.size(); i++) {
                read.add(WorkupReader.read(kind, elements.get(i),
                        new WorkupReader.Context(kind.field() + "[" + i + "]", null, today)));
            }
            items.put(kind, read);
        }
        if (birthDate != null && birthDate.isAfter(today)) {
            patient.addError("birthDate", "must not be in the future");
        }
        in.finish();
        return new CaseFile(new WorkupCase(id == null ? "case" : id, birthDate, sex, side,
                list(items, WorkupKind.PAIN_SCORES, PainScore.class), list(items, WorkupKind.ODI, OdiAssessment.class),
                list(items, WorkupKind.PROVOCATION_TESTS, ProvocationTest.class), list(items, WorkupKind.FORTIN, FortinFinding.class),
                list(items, WorkupKind.INJECTIONS, SijInjection.class), list(items, WorkupKind.CONSERVATIVE_CARE, ConservativeCare.class),
                list(items, WorkupKind.IMAGING, Imaging.class), list(items, WorkupKind.RISK_FACTORS, RiskFactor.class),
                list(items, WorkupKind.SYMPTOM_HISTORY, SymptomHistory.class),
                list(items, WorkupKind.PLANNED_PROCEDURES, PlannedProcedure.class)), evaluationDate);
    }

    private static <T> List<T> list(Map<WorkupKind, List<WorkupItem>> items, WorkupKind kind, Class<T> type) {
        return items.get(kind).stream().map(type::cast).toList();
    }
}
