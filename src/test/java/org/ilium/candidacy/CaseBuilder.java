package org.ilium.candidacy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.ilium.patient.domain.Sex;
import org.ilium.patient.domain.Side;
import org.ilium.workup.domain.ConservativeCare;
import org.ilium.workup.domain.FortinFinding;
import org.ilium.workup.domain.Imaging;
import org.ilium.workup.domain.OdiAssessment;
import org.ilium.workup.domain.PainLocation;
import org.ilium.workup.domain.PainScore;
import org.ilium.workup.domain.PlannedProcedure;
import org.ilium.workup.domain.ProvocationTest;
import org.ilium.workup.domain.ProvocationTestType;
import org.ilium.workup.domain.RiskFactor;
import org.ilium.workup.domain.SijInjection;
import org.ilium.workup.domain.SurgicalApproach;
import org.ilium.workup.domain.SymptomHistory;
import org.ilium.workup.domain.WorkupCase;

/**
 * Cases that read like the clinic's: {@code aClearCandidate().withBlocks(block("2025-11-05", 80), block("2025-12-03", 74.9))}.
 * {@code aCase()} starts empty (left side, evaluated 2026-03-02); {@code aClearCandidate()} starts as
 * examples/cases/clear-candidate.json, which every policy finds eligible. Records get ids like a case file's
 * ({@code injections[1]}).
 */
final class CaseBuilder {
    static final LocalDate EVALUATION = LocalDate.of(2026, 3, 2);

    private String reference = "scenario";
    private LocalDate birthDate = LocalDate.of(1962, 3, 14);
    private Side side = Side.LEFT;
    private LocalDate evaluationDate = EVALUATION;
    private final List<SymptomHistory> history = new ArrayList<>();
    private final List<PainScore> pain = new ArrayList<>();
    private final List<OdiAssessment> odi = new ArrayList<>();
    private final List<ProvocationTest> tests = new ArrayList<>();
    private final List<FortinFinding> fortin = new ArrayList<>();
    private final List<SijInjection> injections = new ArrayList<>();
    private final List<ConservativeCare> care = new ArrayList<>();
    private final List<Imaging> imaging = new ArrayList<>();
    private final List<RiskFactor> risks = new ArrayList<>();
    private final List<PlannedProcedure> procedures = new ArrayList<>();

    private CaseBuilder() {
    }

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    static CaseBuilder aCase() {
        return new CaseBuilder();
    }

    /** As examples/cases/clear-candidate.json: eligible under every built-in policy on 2026-03-02. */
    static CaseBuilder aClearCandidate() {
        return aCase().called("clear-candidate")
                .withSymptomHistory("2025-06-10", "2024-09-01", true, true, true, true)
                .withPainScore("2025-06-10", 7)
                .withPainScore("2026-02-16", 7)
                .withOdi("2026-02-16", 3, 3, 2, 3, 2, 3, 2, 3, null, 3)
                .withExam("2025-06-10", ProvocationTestType.DISTRACTION, ProvocationTestType.THIGH_THRUST,
                        ProvocationTestType.COMPRESSION, ProvocationTestType.GAENSLEN)
                .withFortin("2025-06-10", true)
                .withCare(ConservativeCare.Type.NSAID, "2024-10-01", "2025-12-15", ConservativeCare.Result.FAILED)
                .withCare(ConservativeCare.Type.SUPERVISED_PHYSICAL_THERAPY, "2025-01-06", "2025-07-25", ConservativeCare.Result.FAILED)
                .withCare(ConservativeCare.Type.HOME_EXERCISE, "2025-01-06", "2026-01-30", ConservativeCare.Result.FAILED)
                .withCare(ConservativeCare.Type.ACTIVITY_MODIFICATION, "2024-10-01", "2026-01-30", ConservativeCare.Result.PARTIAL)
                .withInjections(therapeutic("2025-08-20"), block("2025-11-05", 87.5), block("2025-12-03", 75))
                .withClearImaging("2025-10-14")
                .withRisk("2026-02-16", RiskFactor.Type.SMOKING_STATUS, "never")
                .withRisk("2026-02-16", RiskFactor.Type.COTININE, 2.0)
                .withRisk("2026-02-16", RiskFactor.Type.CHRONIC_OPIOID_USE, false)
                .withRisk("2026-02-16", RiskFactor.Type.BMI, 27.4)
                .withRisk("2026-02-16", RiskFactor.Type.PRIOR_LUMBAR_FUSION, false)
                .withRisk("2026-02-16", RiskFactor.Type.GENERALISED_PAIN_DISORDER, false)
                .withRisk("2026-02-16", RiskFactor.Type.BEHAVIOURAL_HEALTH, "none")
                .withRisk("2026-02-16", RiskFactor.Type.PREGNANCY, false)
                .withPlannedProcedure("27279", true, true, false);
    }

    CaseBuilder called(String reference) {
        this.reference = reference;
        return this;
    }

    CaseBuilder bornOn(String date) {
        this.birthDate = day(date);
        return this;
    }

    CaseBuilder onSide(Side side) {
        this.side = side;
        return this;
    }

    CaseBuilder evaluatedOn(String date) {
        this.evaluationDate = day(date);
        return this;
    }

    LocalDate evaluationDate() {
        return evaluationDate;
    }

    // ------------------------------------------------------------ symptoms and pain

    CaseBuilder withSymptomHistory(String date, String onset, Boolean unilateral, Boolean caudalToL5, Boolean overPosteriorSij,
            Boolean functionalImpairment) {
        history.add(new SymptomHistory("symptomHistory[" + history.size() + "]", day(date), null, "clinician",
                onset == null ? null : day(onset), unilateral, caudalToL5, overPosteriorSij, functionalImpairment));
        return this;
    }

    CaseBuilder withSymptomsSince(String onset) {
        history.clear();
        return withSymptomHistory("2025-06-10", onset, true, true, true, true);
    }

    CaseBuilder withoutSymptomHistory() {
        history.clear();
        return this;
    }

    CaseBuilder withPainScore(String date, int nrs) {
        pain.add(new PainScore("painScores[" + pain.size() + "]", day(date), null, "clinician", nrs, null, side,
                EnumSet.of(PainLocation.BUTTOCK)));
        return this;
    }

    CaseBuilder withPainOnSide(String date, int nrs, Side painSide) {
        pain.add(new PainScore("painScores[" + pain.size() + "]", day(date), null, "clinician", nrs, null, painSide,
                EnumSet.of(PainLocation.BUTTOCK)));
        return this;
    }

    CaseBuilder withVasScore(String date, int vas) {
        pain.add(new PainScore("painScores[" + pain.size() + "]", day(date), null, "clinician", null, vas, side,
                EnumSet.noneOf(PainLocation.class)));
        return this;
    }

    CaseBuilder withoutPainScores() {
        pain.clear();
        return this;
    }

    CaseBuilder withOdi(String date, Integer... sections) {
        odi.add(new OdiAssessment("odi[" + odi.size() + "]", day(date), null, "patient", Arrays.asList(sections)));
        return this;
    }

    CaseBuilder withoutOdi() {
        odi.clear();
        return this;
    }

    // ------------------------------------------------------------ examination

    /** All six provocation tests on the episode's side on one date: the named ones positive, the rest negative. */
    CaseBuilder withExam(String date, ProvocationTestType... positive) {
        return withExamOn(date, side, positive);
    }

    CaseBuilder withExamOn(String date, Side testSide, ProvocationTestType... positive) {
        List<ProvocationTestType> pos = Arrays.asList(positive);
        for (ProvocationTestType t : ProvocationTestType.values()) {
            withTest(date, t, testSide, pos.contains(t));
        }
        return this;
    }

    CaseBuilder withTest(String date, ProvocationTestType test, Side testSide, boolean positive) {
        tests.add(new ProvocationTest("provocationTests[" + tests.size() + "]", day(date), null, "clinician", test, testSide, positive));
        return this;
    }

    CaseBuilder withoutTests() {
        tests.clear();
        return this;
    }

    CaseBuilder withFortin(String date, boolean positive) {
        return withFortinOn(date, side, positive);
    }

    CaseBuilder withFortinOn(String date, Side findingSide, boolean positive) {
        fortin.add(new FortinFinding("fortin[" + fortin.size() + "]", day(date), null, "clinician", findingSide, positive));
        return this;
    }

    CaseBuilder withoutFortin() {
        fortin.clear();
        return this;
    }

    // ------------------------------------------------------------ injections

    /** A fluoroscopic, contrast-enhanced diagnostic block on the episode's side with the reported relief. */
    static Injection block(String date, double reliefPercent) {
        return new Injection(date, SijInjection.Purpose.DIAGNOSTIC, null, SijInjection.Guidance.FLUOROSCOPY, true, reliefPercent);
    }

    static Injection therapeutic(String date) {
        return new Injection(date, SijInjection.Purpose.THERAPEUTIC, null, SijInjection.Guidance.FLUOROSCOPY, true, null);
    }

    /** An injection to be recorded; side null means the episode's side. */
    record Injection(String date, SijInjection.Purpose purpose, Side side, SijInjection.Guidance guidance, boolean contrast,
            Double relief) {
        Injection on(Side s) {
            return new Injection(date, purpose, s, guidance, contrast, relief);
        }

        Injection guidedBy(SijInjection.Guidance g) {
            return new Injection(date, purpose, side, g, contrast, relief);
        }

        Injection withoutContrast() {
            return new Injection(date, purpose, side, guidance, false, relief);
        }

        Injection withUnknownRelief() {
            return new Injection(date, purpose, side, guidance, contrast, null);
        }
    }

    /** Replaces the diagnostic blocks, keeping therapeutic injections. */
    CaseBuilder withBlocks(Injection... blocks) {
        injections.removeIf(i -> i.purpose() == SijInjection.Purpose.DIAGNOSTIC);
        renumberInjections();
        return withInjections(blocks);
    }

    CaseBuilder withInjections(Injection... added) {
        for (Injection i : added) {
            injections.add(new SijInjection("injections[" + injections.size() + "]", day(i.date), null, "clinician", i.purpose,
                    i.side == null ? side : i.side, i.guidance, i.contrast, List.of(), null, null, i.relief, 4.0));
        }
        return this;
    }

    /** A block recorded with pain before and after, relief computed as (before - after) / before. */
    CaseBuilder withBlockScored(String date, int before, int after) {
        injections.add(new SijInjection("injections[" + injections.size() + "]", day(date), null, "clinician",
                SijInjection.Purpose.DIAGNOSTIC, side, SijInjection.Guidance.FLUOROSCOPY, true, List.of("lidocaine 2%"), before, after,
                null, 2.0));
        return this;
    }

    CaseBuilder withoutInjections() {
        injections.clear();
        return this;
    }

    CaseBuilder withoutTherapeuticInjections() {
        injections.removeIf(i -> i.purpose() == SijInjection.Purpose.THERAPEUTIC);
        renumberInjections();
        return this;
    }

    private void renumberInjections() {
        List<SijInjection> kept = new ArrayList<>(injections);
        injections.clear();
        for (SijInjection i : kept) {
            injections.add(new SijInjection("injections[" + injections.size() + "]", i.date(), i.recordedBy(), i.source(), i.purpose(),
                    i.side(), i.guidance(), i.contrast(), i.agents(), i.painBefore(), i.painAfter(), i.reportedReliefPercent(),
                    i.reliefHours()));
        }
    }

    // ------------------------------------------------------------ non-operative care

    /** A course of care; end null while it goes on. */
    CaseBuilder withCare(ConservativeCare.Type type, String start, String end, ConservativeCare.Result result) {
        care.add(new ConservativeCare("conservativeCare[" + care.size() + "]", day(start), null, "clinician", type, day(start),
                end == null ? null : day(end), result, null));
        return this;
    }

    CaseBuilder withoutCare() {
        care.clear();
        return this;
    }

    // ------------------------------------------------------------ imaging

    CaseBuilder withImaging(String date, Imaging.Modality modality, Imaging.Region region, Map<Imaging.Finding, Boolean> findings) {
        imaging.add(new Imaging("imaging[" + imaging.size() + "]", day(date), null, "clinician", modality, region,
                findings.isEmpty() ? Map.of() : new EnumMap<>(findings), null));
        return this;
    }

    /** CT of the SI joint, AP pelvis X-ray and lumbar MRI on one date, every condition ruled out. */
    CaseBuilder withClearImaging(String date) {
        return withImaging(date, Imaging.Modality.CT, Imaging.Region.SACROILIAC_JOINT, Map.of(Imaging.Finding.TUMOUR, false,
                Imaging.Finding.INFECTION, false, Imaging.Finding.ACUTE_FRACTURE, false, Imaging.Finding.INFLAMMATORY_SACROILIITIS, false))
                .withImaging(date, Imaging.Modality.XRAY, Imaging.Region.PELVIS, Map.of(Imaging.Finding.HIP_PATHOLOGY, false))
                .withImaging(date, Imaging.Modality.MRI, Imaging.Region.LUMBAR_SPINE, Map.of(Imaging.Finding.NEURAL_COMPRESSION, false));
    }

    /** Imaging of every region by every modality showing every condition. */
    CaseBuilder withEverythingOnImaging() {
        Map<Imaging.Finding, Boolean> all = new EnumMap<>(Imaging.Finding.class);
        for (Imaging.Finding f : Imaging.Finding.values()) {
            all.put(f, true);
        }
        for (Imaging.Region region : Imaging.Region.values()) {
            for (Imaging.Modality modality : Imaging.Modality.values()) {
                withImaging("2026-02-20", modality, region, all);
            }
        }
        return this;
    }

    CaseBuilder withoutImaging() {
        imaging.clear();
        return this;
    }

    // ------------------------------------------------------------ risk factors and plan

    CaseBuilder withRisk(String date, RiskFactor.Type type, Object value) {
        Boolean present = value instanceof Boolean ? (Boolean) value : null;
        Double number = value instanceof Number ? ((Number) value).doubleValue() : null;
        String status = value instanceof String ? (String) value : null;
        risks.add(new RiskFactor("riskFactors[" + risks.size() + "]", day(date), null, "clinician", type, present, number, status, null));
        return this;
    }

    CaseBuilder withoutRisk(RiskFactor.Type type) {
        risks.removeIf(r -> r.type() == type);
        return this;
    }

    CaseBuilder withPlannedProcedure(String cpt, Boolean transfixing, Boolean fdaCleared, Boolean bilateralSameDay) {
        SurgicalApproach approach = "27278".equals(cpt) ? SurgicalApproach.MIS_POSTERIOR_INTRA_ARTICULAR : "27280".equals(cpt)
                ? SurgicalApproach.OPEN : SurgicalApproach.MIS_LATERAL_TRANSILIAC;
        procedures.add(new PlannedProcedure("plannedProcedures[" + procedures.size() + "]", day("2026-02-16"), null, "clinician", cpt,
                approach, "implant", transfixing, fdaCleared, bilateralSameDay, null));
        return this;
    }

    CaseBuilder withoutPlannedProcedure() {
        procedures.clear();
        return this;
    }

    WorkupCase build() {
        return new WorkupCase(reference, birthDate, Sex.FEMALE, side, pain, odi, tests, fortin, injections, care, imaging, risks, history,
                procedures);
    }
}
