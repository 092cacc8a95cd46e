package org.ilium.candidacy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
 * Varied, plausible work-ups generated from a seed (the same seed gives the same cases): most look like
 * candidates, some miss records, some fail a criterion. For benchmarks and load tests, not for statistics.
 */
public final class SyntheticCases {
    private static final String SOURCE = "case_file";

    private SyntheticCases() {
    }

    public static List<WorkupCase> generate(int count, long seed, LocalDate evaluationDate) {
        SplittableRandom random = new SplittableRandom(seed);
        List<WorkupCase> cases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            cases.add(one("synthetic-" + i, random.split(), evaluationDate));
        }
        return cases;
    }

    private static LocalDate daysBefore(LocalDate d, SplittableRandom r, int min, int max) {
        return d.minusDays(min + r.nextInt(max - min + 1));
    }

    /** About half the cases are prepared candidates (they mostly meet the policies), the rest vary freely. */
    private static WorkupCase one(String reference, SplittableRandom r, LocalDate date) {
        boolean good = r.nextDouble() < 0.5;
        double p = r.nextDouble();
        Side side = p < 0.45 ? Side.LEFT : p < 0.88 ? Side.RIGHT : Side.BILATERAL;
        Sex sex = r.nextDouble() < 0.7 ? Sex.FEMALE : Sex.MALE;
        LocalDate birth = daysBefore(date, r, 30 * 365, 82 * 365);
        LocalDate onset = daysBefore(date, r, 90, 8 * 365);
        LocalDate visit = daysBefore(date, r, 180, 400);
        LocalDate recent = daysBefore(date, r, 1, 60);

        List<SymptomHistory> history = List.of(good
                ? new SymptomHistory("symptomHistory[0]", visit, null, SOURCE, onset, side != Side.BILATERAL, true, true, true)
                : new SymptomHistory("symptomHistory[0]", visit, null, SOURCE, onset, flag(r, 0.85), flag(r, 0.9), flag(r, 0.9),
                        flag(r, 0.85)));

        List<PainScore> pain = new ArrayList<>();
        int scores = 1 + r.nextInt(3);
        for (int i = 0; i < scores; i++) {
            LocalDate d = i == scores - 1 ? recent : daysBefore(date, r, 60, 500);
            boolean vasOnly = r.nextDouble() < 0.1;
            int nrs = good ? 6 + r.nextInt(5) : 3 + r.nextInt(8);
            pain.add(new PainScore("painScores[" + i + "]", d, null, SOURCE, vasOnly ? null : nrs, vasOnly ? nrs * 10 - r.nextInt(10) : null,
                    side, EnumSet.of(PainLocation.BUTTOCK)));
        }

        List<OdiAssessment> odi = new ArrayList<>();
        if (r.nextDouble() < 0.7) {
            List<Integer> sections = new ArrayList<>(OdiAssessment.SECTIONS);
            for (int i = 0; i < OdiAssessment.SECTIONS; i++) {
                sections.add(r.nextDouble() < 0.05 ? null : r.nextInt(6));
            }
            odi.add(new OdiAssessment("odi[0]", recent, null, SOURCE, sections));
        }

        List<ProvocationTest> tests = new ArrayList<>();
        if (good || r.nextDouble() < 0.92) {
            List<Side> sides = side == Side.BILATERAL ? List.of(Side.LEFT, Side.RIGHT) : List.of(side);
            for (Side s : sides) {
                for (ProvocationTestType t : ProvocationTestType.values()) {
                    if (good || r.nextDouble() < 0.95) {
                        tests.add(new ProvocationTest("provocationTests[" + tests.size() + "]", visit, null, SOURCE, t, s,
                                r.nextDouble() < (good ? 0.8 : 0.6)));
                    }
                }
            }
        }

        List<FortinFinding> fortin = new ArrayList<>();
        if (r.nextDouble() < 0.9) {
            fortin.add(new FortinFinding("fortin[0]", visit, null, SOURCE, side, good || r.nextDouble() < 0.85));
        }

        List<ConservativeCare> care = new ArrayList<>();
        ConservativeCare.Type[] types = ConservativeCare.Type.values();
        if (good) {
            LocalDate start = daysBefore(date, r, 300, 700);
            care.add(new ConservativeCare("conservativeCare[0]", start, null, SOURCE, ConservativeCare.Type.SUPERVISED_PHYSICAL_THERAPY,
                    start, start.plusDays(240), ConservativeCare.Result.FAILED, null));
        }
        int courses = good ? 1 + r.nextInt(3) : r.nextDouble() < 0.05 ? 0 : 1 + r.nextInt(4);
        for (int i = care.size(); i < courses + (good ? 1 : 0); i++) {
            LocalDate start = daysBefore(date, r, 60, 900);
            LocalDate end = r.nextDouble() < 0.3 ? null : start.plusDays(30 + r.nextInt(300));
            if (end != null && end.isAfter(date)) {
                end = date;
            }
            double q = r.nextDouble();
            ConservativeCare.Result result = good || q < 0.6 ? ConservativeCare.Result.FAILED : q < 0.85 ? ConservativeCare.Result.PARTIAL
                    : q < 0.95 ? ConservativeCare.Result.ONGOING : ConservativeCare.Result.RESOLVED;
            care.add(new ConservativeCare("conservativeCare[" + i + "]", start, null, SOURCE, types[r.nextInt(types.length)], start, end,
                    result, null));
        }

        List<SijInjection> injections = new ArrayList<>();
        int therapeutic = good ? 1 + r.nextInt(2) : r.nextInt(3);
        for (int i = 0; i < therapeutic; i++) {
            injections.add(injection(injections.size(), daysBefore(date, r, 120, 500), SijInjection.Purpose.THERAPEUTIC, side, good, r));
        }
        int blocks = good ? 2 : r.nextInt(4);
        for (int i = 0; i < blocks; i++) {
            injections.add(injection(injections.size(), daysBefore(date, r, 20 + 60 * i, 60 + 60 * i), SijInjection.Purpose.DIAGNOSTIC, side,
                    good, r));
        }
        injections.sort((a, b) -> a.date().compareTo(b.date()));
        List<SijInjection> numbered = new ArrayList<>(injections.size());
        for (SijInjection i : injections) {
            numbered.add(new SijInjection("injections[" + numbered.size() + "]", i.date(), null, SOURCE, i.purpose(), i.side(), i.guidance(),
                    i.contrast(), i.agents(), i.painBefore(), i.painAfter(), i.reportedReliefPercent(), i.reliefHours()));
        }

        List<Imaging> imaging = new ArrayList<>();
        if (good || r.nextDouble() < 0.85) {
            LocalDate d = good ? daysBefore(date, r, 10, 170) : daysBefore(date, r, 10, 400);
            imaging.add(new Imaging("imaging[0]", d, null, SOURCE, r.nextDouble() < 0.6 ? Imaging.Modality.CT : Imaging.Modality.MRI,
                    Imaging.Region.SACROILIAC_JOINT, findings(r, List.of(Imaging.Finding.TUMOUR, Imaging.Finding.INFECTION,
                            Imaging.Finding.ACUTE_FRACTURE, Imaging.Finding.INFLAMMATORY_SACROILIITIS), good), null));
            if (good || r.nextDouble() < 0.8) {
                imaging.add(new Imaging("imaging[1]", d, null, SOURCE, Imaging.Modality.XRAY, Imaging.Region.PELVIS,
                        findings(r, List.of(Imaging.Finding.HIP_PATHOLOGY), good), null));
            }
            if (good || r.nextDouble() < 0.8) {
                imaging.add(new Imaging("imaging[" + imaging.size() + "]", d, null, SOURCE, Imaging.Modality.MRI, Imaging.Region.LUMBAR_SPINE,
                        findings(r, List.of(Imaging.Finding.NEURAL_COMPRESSION), good), null));
            }
        }

        List<RiskFactor> risks = new ArrayList<>();
        double s = r.nextDouble();
        String smoking = s < 0.6 ? "never" : s < 0.85 || good ? "former" : "current";
        risks.add(risk(risks, recent, RiskFactor.Type.SMOKING_STATUS, null, null, smoking));
        if (good || r.nextDouble() < 0.85) {
            risks.add(risk(risks, recent, RiskFactor.Type.COTININE, null, "current".equals(smoking) ? 50.0 + r.nextInt(200)
                    : r.nextInt(good ? 10 : 12) * 1.0, null));
        }
        risks.add(risk(risks, recent, RiskFactor.Type.BMI, null, 19 + r.nextInt(good ? 150 : 200) / 10.0, null));
        risks.add(risk(risks, recent, RiskFactor.Type.CHRONIC_OPIOID_USE, r.nextDouble() < 0.3, null, null));
        risks.add(risk(risks, recent, RiskFactor.Type.PRIOR_LUMBAR_FUSION, r.nextDouble() < 0.15, null, null));
        if (good || r.nextDouble() < 0.95) {
            risks.add(risk(risks, recent, RiskFactor.Type.GENERALISED_PAIN_DISORDER, !good && r.nextDouble() < 0.07, null, null));
        }
        if (good || r.nextDouble() < 0.9) {
            double b = r.nextDouble();
            risks.add(risk(risks, recent, RiskFactor.Type.BEHAVIOURAL_HEALTH, null, null, b < 0.75 ? "none" : b < 0.95 || good ? "managed"
                    : "unmanaged"));
        }
        if (sex == Sex.FEMALE) {
            risks.add(risk(risks, recent, RiskFactor.Type.PREGNANCY, !good && r.nextDouble() < 0.02, null, null));
        }

        List<PlannedProcedure> plans = new ArrayList<>();
        if (good || r.nextDouble() < 0.8) {
            boolean intraArticular = !good && r.nextDouble() < 0.12;
            plans.add(new PlannedProcedure("plannedProcedures[0]", recent, null, SOURCE, intraArticular ? "27278" : "27279",
                    intraArticular ? SurgicalApproach.MIS_POSTERIOR_INTRA_ARTICULAR : SurgicalApproach.MIS_LATERAL_TRANSILIAC,
                    intraArticular ? "intra-articular implant" : "triangular titanium implants", !intraArticular,
                    good || r.nextDouble() < 0.97, side == Side.BILATERAL && !good && r.nextDouble() < 0.3, null));
        }
        return new WorkupCase(reference, birth, sex, side, pain, odi, tests, fortin, numbered, care, imaging, risks, history, plans);
    }

    private static Boolean flag(SplittableRandom r, double trueShare) {
        double x = r.nextDouble();
        return x < 0.05 ? null : x < trueShare ? Boolean.TRUE : Boolean.FALSE;
    }

    private static SijInjection injection(int index, LocalDate date, SijInjection.Purpose purpose, Side side, boolean good,
            SplittableRandom r) {
        int before = 5 + r.nextInt(6);
        int after = good ? r.nextInt(before / 4 + 1) : r.nextInt(before + 1);
        SijInjection.Guidance guidance = good || r.nextDouble() < 0.9 ? SijInjection.Guidance.FLUOROSCOPY : r.nextDouble() < 0.5
                ? SijInjection.Guidance.CT : SijInjection.Guidance.ULTRASOUND;
        return new SijInjection("injections[" + index + "]", date, null, SOURCE, purpose, side, guidance, good || r.nextDouble() < 0.9,
                List.of("lidocaine 2%"), before, after, null, 2.0);
    }

    private static Map<Imaging.Finding, Boolean> findings(SplittableRandom r, List<Imaging.Finding> assessed, boolean good) {
        Map<Imaging.Finding, Boolean> map = new EnumMap<>(Imaging.Finding.class);
        for (Imaging.Finding f : assessed) {
            if (good || r.nextDouble() < 0.95) {
                map.put(f, !good && r.nextDouble() < 0.04);
            }
        }
        return map;
    }

    private static RiskFactor risk(List<RiskFactor> list, LocalDate date, RiskFactor.Type type, Boolean present, Double value,
            String status) {
        return new RiskFactor("riskFactors[" + list.size() + "]", date, null, SOURCE, type, present, value, status, null);
    }
}
