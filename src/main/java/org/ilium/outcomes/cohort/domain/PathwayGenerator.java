package org.ilium.outcomes.cohort.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Function;
import org.ilium.candidacy.domain.CandidacyEvaluator;
import org.ilium.candidacy.domain.Determination;
import org.ilium.candidacy.domain.Outcome;
import org.ilium.candidacy.domain.Policy;
import org.ilium.followup.domain.Protocol;
import org.ilium.followup.domain.Timepoint;
import org.ilium.outcomes.cohort.domain.SyntheticPathway.Completion;
import org.ilium.outcomes.cohort.domain.SyntheticPathway.StoredComplication;
import org.ilium.outcomes.cohort.domain.SyntheticPathway.StoredProcedure;
import org.ilium.outcomes.cohort.domain.SyntheticPathway.StoredResponse;
import org.ilium.outcomes.cohort.domain.SyntheticPathway.Traits;
import org.ilium.patient.domain.EpisodeOfCare;
import org.ilium.patient.domain.EpisodeStatus;
import org.ilium.patient.domain.EpisodeTransition;
import org.ilium.patient.domain.PatientDetails;
import org.ilium.patient.domain.Sex;
import org.ilium.patient.domain.Side;
import org.ilium.prom.domain.Instrument;
import org.ilium.prom.domain.Score;
import org.ilium.shared.Actor;
import org.ilium.surgery.domain.Anaesthesia;
import org.ilium.surgery.domain.ClavienDindo;
import org.ilium.surgery.domain.CodingRule;
import org.ilium.surgery.domain.Complication;
import org.ilium.surgery.domain.Implant;
import org.ilium.surgery.domain.Procedure;
import org.ilium.surgery.domain.ProcedureSide;
import org.ilium.surgery.domain.Relatedness;
import org.ilium.surgery.domain.Reporter;
import org.ilium.surgery.domain.Resolution;
import org.ilium.surgery.domain.SiteOfService;
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
import org.ilium.workup.domain.WorkupItem;

/**
 * Draws one patient's pathway from the calibration, through the same domain rules the API applies: work-up
 * records as the work-up module types them, candidacy decided by the real {@link CandidacyEvaluator} against
 * the clinic policy on the decision date (only ELIGIBLE episodes are operated), episode moves through the
 * episode's own state machine with their effective dates, procedures checked against the CPT coding rules,
 * follow-up timepoints from the protocol, questionnaires scored by their instruments. Nothing after
 * {@code today} exists: later timepoints are simply not yet due.
 *
 * <p>Patient {@code index} is drawn from its own random stream derived from (seed, index), and its ids from
 * another one mixed with the site, so the cohort does not depend on order or threads. Stateless after
 * construction and safe to share between threads.
 */
public final class PathwayGenerator {
    public static final String POLICY_ID = "clinic-default";
    static final String SOURCE = "clinician";
    static final String OUTSIDE = "outside_records";
    static final String CPT = "27279";
    public static final SurgicalApproach APPROACH = SurgicalApproach.MIS_LATERAL_TRANSILIAC;
    private static final double DAYS_PER_MONTH = 365.25 / 12;
    private static final String[] FEMALE = {"Anna", "Maria", "Linda", "Susan", "Karen", "Laura", "Emma", "Julia", "Sarah", "Helen",
            "Grace", "Ruth", "Alice", "Clara", "Nora", "Ella", "Rosa", "Irene", "Diane", "Joan"};
    private static final String[] MALE = {"James", "John", "Robert", "Michael", "David", "Thomas", "Daniel", "Paul", "Mark", "Peter",
            "Henry", "Frank", "Victor", "Oscar", "Leo", "Samuel", "Hugo", "Martin", "Simon", "Carl"};
    private static final String[] FAMILY = {"Synthetic", "Miller", "Garcia", "Jensen", "Novak", "Rossi", "Weber", "Silva", "Kowalski",
            "Larsen", "Moreau", "Fischer", "Horvat", "Costa", "Berg", "Walsh", "Keller", "Duval", "Ortiz", "Becker", "Lund", "Marino",
            "Schmidt", "Nielsen", "Dubois", "Ferreira", "Vogel", "Brennan", "Sato", "Khan"};
    private static final String[] SURGEONS = {"Dr. A. Synthetic", "Dr. B. Synthetic", "Dr. C. Synthetic"};
    private static final String[] DEFECTS = {"bmi", "blocks", "provocation", "generalised_pain", "neural_compression",
            "behavioural_health", "conservative_care", "pain"};

    /** What the generator reads from content, all of it loaded and checked elsewhere. */
    public record Context(CohortCalibration calibration, CandidacyEvaluator evaluator, Function<LocalDate, Policy> policyOn,
            Protocol protocol, Map<String, Instrument> instruments, List<CodingRule> codingRules, List<String> steps,
            Map<String, Double> catalogueRatesPercent) {
    }

    private final Context ctx;
    private final CohortCalibration cal;
    private final long seed;
    private final long idSalt;
    private final long idPrefix;
    private final LocalDate today;
    private final Actor actor;
    private final Instant recordedAt;
    private final double responderIntercept;

    /**
     * @param siteId mixed into the ids only, so two sites can hold the same cohort
     * @param actor who records everything (the transitions and records name them)
     * @param recordedAt when it is recorded; every effective date lies on or before {@code today}
     */
    public PathwayGenerator(Context ctx, long seed, UUID siteId, LocalDate today, Actor actor, Instant recordedAt) {
        this.ctx = ctx;
        this.cal = ctx.calibration();
        this.seed = seed;
        this.idSalt = siteId.getMostSignificantBits() ^ Long.rotateLeft(siteId.getLeastSignificantBits(), 17);
        this.idPrefix = mix(seed, idSalt) >>> 36; // 28 bits
        this.today = today;
        this.actor = actor;
        this.recordedAt = recordedAt;
        this.responderIntercept = logit(cal.outcome().responderShare());
    }

    public static String mrn(long seed, int index) {
        return "SYN-" + seed + "-" + String.format(java.util.Locale.ROOT, "%06d", index);
    }

    public SyntheticPathway generate(int index) {
        SplittableRandom r = new SplittableRandom(mix(seed, index));
        Ids ids = new Ids(idPrefix, index, new SplittableRandom(mix(seed ^ idSalt, ~index)));
        return new Draw(index, r, ids).run();
    }

    /** One patient's draw; the fields are the patient's state while it is built. */
    private final class Draw {
        final int index;
        final SplittableRandom r;
        final Ids ids;
        final List<WorkupItem> items = new ArrayList<>(32);
        final List<EpisodeTransition> transitions = new ArrayList<>(6);
        EpisodeOfCare episode;

        Draw(int index, SplittableRandom r, Ids ids) {
            this.index = index;
            this.r = r;
            this.ids = ids;
        }

        SyntheticPathway run() {
            CohortCalibration.Population pop = cal.population();
            CohortCalibration.Pathway path = cal.pathway();
            CohortCalibration.OutcomeModel om = cal.outcome();
            UUID patientId = ids.next();
            UUID episodeId = ids.next();

            LocalDate referred = today.minusDays(r.nextInt(path.years() * 365 + 1));
            LocalDate decided = referred.plusDays(between(path.decisionDaysMin(), path.decisionDaysMax()));
            Sex sex = r.nextDouble() < pop.femaleShare() ? Sex.FEMALE : Sex.MALE;
            int age = (int) Math.round(clamp(pop.ageMean() + pop.ageSd() * gaussian(), pop.ageMin(), pop.ageMax()));
            LocalDate birth = decided.minusYears(age).minusDays(r.nextInt(365));
            Side side = r.nextDouble() < pop.bilateralShare() ? Side.BILATERAL : r.nextBoolean() ? Side.LEFT : Side.RIGHT;
            boolean smoker = r.nextDouble() < pop.smokerShare();
            boolean quit = smoker && r.nextDouble() < pop.smokerQuitShare();
            boolean opioids = r.nextDouble() < pop.opioidShare();
            boolean priorFusion = r.nextDouble() < pop.priorLumbarFusionShare();
            int symptomMonths = (int) Math.max(7, Math.round(pop.symptomMonthsMedian() * Math.exp(0.6 * gaussian())));
            double baselinePain = clamp(om.baselinePainMean() + om.baselinePainSd() * gaussian(), 5, 10);
            double baselineOdi = clamp(om.baselineOdiMean() + om.baselineOdiSd() * gaussian(), 24, 96);
            double legPain = clamp(om.baselineLegPainMean() + 2 * gaussian(), 0, 10);

            String defect = null;
            if (smoker && !quit) {
                defect = "current_smoker";
            } else {
                double still = pop.smokerShare() * (1 - pop.smokerQuitShare());
                double other = Math.max(0, (path.nonCandidateShare() - still) / (1 - still));
                if (r.nextDouble() < other) {
                    defect = DEFECTS[r.nextInt(DEFECTS.length)];
                }
            }

            // Outcome if operated: responder by the prognostic factors (REFERENCE 7), then the relief at plateau.
            CohortCalibration.Prognosis pr = cal.prognosis();
            boolean younger = age < pr.youngerThanYears();
            boolean shortDuration = symptomMonths < pr.shortDurationMonths();
            double logit = responderIntercept;
            double shift = 0;
            for (var e : List.of(new Object[] {smoker, pr.smoker()}, new Object[] {opioids, pr.opioids()},
                    new Object[] {younger, pr.younger()}, new Object[] {shortDuration, pr.shortDuration()},
                    new Object[] {priorFusion, pr.priorLumbarFusion()})) {
                if ((Boolean) e[0]) {
                    CohortCalibration.Effect effect = (CohortCalibration.Effect) e[1];
                    logit += Math.log(effect.oddsRatio());
                    shift += effect.reliefShift();
                }
            }
            boolean responder = r.nextDouble() < 1 / (1 + Math.exp(-logit));
            double relief = responder
                    ? clamp(om.responderReliefMean() + shift + om.responderReliefSd() * gaussian(), 0.2, 1)
                    : clamp(om.nonResponderReliefMean() + shift / 2 + om.nonResponderReliefSd() * gaussian(), -0.4, 0.5);

            String given = sex == Sex.FEMALE ? FEMALE[r.nextInt(FEMALE.length)] : MALE[r.nextInt(MALE.length)];
            PatientDetails details = new PatientDetails(mrn(seed, index), given, FAMILY[r.nextInt(FAMILY.length)], birth, sex, null, null);

            // Referral and work-up: the referral is the first transition; records only up to today.
            move(EpisodeOfCare.refer(episodeId, patientId, side, "SI joint pain referred for assessment", actor, recordedAt,
                    min(referred, today)));
            LocalDate workupFrom = referred.plusDays(r.nextInt(8));
            if (!workupFrom.isAfter(today)) {
                move(episode.moveTo(EpisodeStatus.IN_WORKUP, null, "work-up started", actor, recordedAt, workupFrom));
            }
            workup(referred, workupFrom, decided, side, sex, smoker, quit, opioids, priorFusion, symptomMonths, baselinePain, baselineOdi,
                    defect);
            Traits traits = new Traits(age, smoker, opioids, priorFusion, symptomMonths, responder, relief, baselinePain, baselineOdi,
                    defect, referred, decided, null);
            if (decided.isAfter(today) || episode.status() != EpisodeStatus.IN_WORKUP) {
                return pathway(patientId, details, null, null, List.of(), List.of(), List.of(), List.of(), traits);
            }

            WorkupCase c = new WorkupCase(episodeId.toString(), birth, sex, side, of(PainScore.class), of(OdiAssessment.class),
                    of(ProvocationTest.class), of(FortinFinding.class), of(SijInjection.class), of(ConservativeCare.class),
                    of(Imaging.class), of(RiskFactor.class), of(SymptomHistory.class), of(PlannedProcedure.class));
            Determination determination = ctx.evaluator().evaluate(c, ctx.policyOn().apply(decided), decided);
            boolean eligible = determination.outcome() == Outcome.ELIGIBLE;
            move(episode.moveTo(EpisodeStatus.DECIDED, eligible, eligible ? "meets the clinic policy " + POLICY_ID
                    : "does not meet the clinic policy " + POLICY_ID, actor, recordedAt, decided));
            if (!eligible) {
                LocalDate closed = decided.plusDays(between(14, 90));
                if (!closed.isAfter(today) && r.nextDouble() < 0.7) {
                    move(episode.moveTo(EpisodeStatus.CLOSED, null, "not a candidate: referred back", actor, recordedAt, closed));
                }
                return pathway(patientId, details, determination, null, List.of(), List.of(), List.of(), List.of(), traits);
            }
            if (r.nextDouble() < path.notOperatedShare()) {
                LocalDate closed = decided.plusDays(between(30, 180));
                if (!closed.isAfter(today)) {
                    move(episode.moveTo(EpisodeStatus.CLOSED, null, "patient declined surgery", actor, recordedAt, closed));
                }
                return pathway(patientId, details, determination, null, List.of(), List.of(), List.of(), List.of(), traits);
            }
            LocalDate surgery = decided.plusDays(between(path.surgeryDaysMin(), path.surgeryDaysMax()));
            if (surgery.isAfter(today)) {
                LocalDate scheduled = min(decided.plusDays(between(1, 10)), today);
                move(episode.moveTo(EpisodeStatus.SCHEDULED, null, "surgery scheduled", actor, recordedAt, scheduled));
                return pathway(patientId, details, determination, null, List.of(), List.of(), List.of(), List.of(), traits);
            }
            // As SurgeryService does for the index procedure: decided -> scheduled -> operated, on the day of the operation.
            move(episode.moveTo(EpisodeStatus.SCHEDULED, null, "procedure recorded", actor, recordedAt, surgery));
            move(episode.moveTo(EpisodeStatus.OPERATED, null, "procedure recorded", actor, recordedAt, surgery));
            List<StoredProcedure> procedures = new ArrayList<>(2);
            procedures.add(new StoredProcedure(ids.next(), procedure(surgery, side, false, null, null)));
            List<StoredComplication> complications = complications(surgery);
            LocalDate revised = revision(surgery, responder);
            if (revised != null) {
                String reason = pick(new String[] {"malposition", "nonunion", "persistent_pain", "implant_loosening"});
                UUID complicationId = null;
                if (!reason.equals("persistent_pain") && !reason.equals("implant_loosening")) {
                    complicationId = ids.next();
                    String code = reason.equals("malposition") ? "implant_malposition" : "nonunion";
                    LocalDate onset = max(surgery, revised.minusDays(between(7, 60)));
                    complications.add(new StoredComplication(complicationId, new Complication(code, onset, Reporter.SURGEON,
                            ClavienDindo.IIIB, Relatedness.PROBABLE, Relatedness.PROBABLE, true, Resolution.RESOLVED, revised,
                            "led to revision surgery")));
                }
                procedures.add(new StoredProcedure(ids.next(), procedure(revised, side, true, reason, complicationId)));
            }
            LocalDate followUpVisit = surgery.plusDays(14);
            if (!followUpVisit.isAfter(today)) {
                move(episode.moveTo(EpisodeStatus.IN_FOLLOW_UP, null, "in follow-up after the operation", actor, recordedAt, followUpVisit));
            }
            Timepoint last = ctx.protocol().timepoints().get(ctx.protocol().timepoints().size() - 1);
            LocalDate finished = last.closes(surgery).plusDays(1);
            if (episode.status() == EpisodeStatus.IN_FOLLOW_UP && !finished.isAfter(today)) {
                move(episode.moveTo(EpisodeStatus.CLOSED, null, "follow-up protocol completed", actor, recordedAt, finished));
            }
            List<Completion> completions = new ArrayList<>();
            List<StoredResponse> responses = new ArrayList<>();
            questionnaires(surgery, baselinePain, baselineOdi, legPain, relief, completions, responses);
            traits = new Traits(age, smoker, opioids, priorFusion, symptomMonths, responder, relief, baselinePain, baselineOdi, defect,
                    referred, decided, revised);
            return pathway(patientId, details, determination, surgery, procedures, complications, completions, responses, traits);
        }

        private SyntheticPathway pathway(UUID patientId, PatientDetails details, Determination determination, LocalDate surgery,
                List<StoredProcedure> procedures, List<StoredComplication> complications, List<Completion> completions,
                List<StoredResponse> responses, Traits traits) {
            return new SyntheticPathway(index, patientId, details, episode, List.copyOf(transitions), List.copyOf(items), determination,
                    surgery, List.copyOf(procedures), List.copyOf(complications), List.copyOf(completions), List.copyOf(responses), traits);
        }

        private void move(EpisodeOfCare.Moved moved) {
            episode = moved.episode();
            transitions.add(moved.transition());
        }

        @SuppressWarnings("unchecked")
        private <T extends WorkupItem> List<T> of(Class<T> type) {
            List<T> out = new ArrayList<>(4);
            for (WorkupItem i : items) {
                if (type.isInstance(i)) {
                    out.add((T) i);
                }
            }
            return out;
        }

        /** Adds a record unless it lies after today (not yet recorded). */
        private void add(WorkupItem item) {
            if (!item.date().isAfter(today)) {
                items.add(item);
            }
        }

        /**
         * The work-up of a candidate by the clinic policy (docs/policies.md), dated between referral and decision, with at
         * most one deliberate defect for a designed non-candidate (the evaluator still decides).
         */
        private void workup(LocalDate referred, LocalDate first, LocalDate decided, Side side, Sex sex, boolean smoker, boolean quit,
                boolean opioids, boolean priorFusion, int symptomMonths, double pain, double odi, String defect) {
            long span = ChronoUnit.DAYS.between(first, decided);
            String by = actor.username();
            LocalDate onset = decided.minusMonths(symptomMonths).minusDays(r.nextInt(28));
            add(new SymptomHistory(ids.text(), first, by, SOURCE, onset, true, true, true, true));
            int painNow = "pain".equals(defect) ? 2 + r.nextInt(3) : (int) clamp(Math.round(pain + 0.5 * gaussian()), 5, 10);
            add(new PainScore(ids.text(), first, by, SOURCE, (int) clamp(Math.round(pain + 0.7 * gaussian()), 3, 10), null, side,
                    EnumSet.of(PainLocation.BUTTOCK, PainLocation.LOW_BACK)));
            LocalDate recent = decided.minusDays(r.nextInt(8));
            add(new PainScore(ids.text(), recent, by, SOURCE, painNow, null, side, EnumSet.of(PainLocation.BUTTOCK)));
            add(new OdiAssessment(ids.text(), recent, by, "patient", odiSections(odi, false)));

            LocalDate exam = first.plusDays(r.nextInt(8));
            List<Side> sides = side == Side.BILATERAL ? List.of(Side.LEFT, Side.RIGHT) : List.of(side);
            for (Side s : sides) {
                int positives = "provocation".equals(defect) ? r.nextInt(3) : 3 + r.nextInt(4);
                List<ProvocationTestType> order = new ArrayList<>(List.of(ProvocationTestType.values()));
                shuffle(order);
                for (int i = 0; i < order.size(); i++) {
                    add(new ProvocationTest(ids.text(), exam, by, SOURCE, order.get(i), s, i < positives));
                }
                add(new FortinFinding(ids.text(), exam, by, SOURCE, s, true));
            }

            // Non-operative care before referral (outside records): supervised physical therapy and one more kind, failed.
            // Courses end by the referral at the latest, so no end date lies in the future (the API refuses those).
            boolean shortCare = "conservative_care".equals(defect);
            LocalDate ptStart = referred.minusDays(between(200, 500));
            LocalDate ptEnd = min(shortCare ? ptStart.plusDays(between(30, 90)) : ptStart.plusDays(between(190, 240)), referred);
            add(new ConservativeCare(ids.text(), ptStart, by, OUTSIDE, ConservativeCare.Type.SUPERVISED_PHYSICAL_THERAPY, ptStart,
                    ptEnd, ConservativeCare.Result.FAILED, null));
            if (!shortCare) {
                ConservativeCare.Type other = pick(new ConservativeCare.Type[] {ConservativeCare.Type.NSAID, ConservativeCare.Type.MEDICATION,
                        ConservativeCare.Type.CHIROPRACTIC, ConservativeCare.Type.HOME_EXERCISE, ConservativeCare.Type.BRACING});
                LocalDate start = ptStart.plusDays(between(0, 60));
                add(new ConservativeCare(ids.text(), start, by, OUTSIDE, other, start, min(start.plusDays(between(190, 300)), referred),
                        ConservativeCare.Result.FAILED, null));
            }

            Side injected = side == Side.BILATERAL ? Side.BILATERAL : side;
            LocalDate therapeutic = first.plusDays(Math.max(1, span / 5));
            add(injection(therapeutic, SijInjection.Purpose.THERAPEUTIC, injected, false));
            add(injection(first.plusDays(Math.max(2, span * 2 / 5)), SijInjection.Purpose.DIAGNOSTIC, injected, "blocks".equals(defect)));
            add(injection(first.plusDays(Math.max(3, span * 7 / 10)), SijInjection.Purpose.DIAGNOSTIC, injected, "blocks".equals(defect)));

            LocalDate imaged = first.plusDays(between(3, (int) Math.max(4, span / 4)));
            add(new Imaging(ids.text(), imaged, by, SOURCE, r.nextDouble() < 0.6 ? Imaging.Modality.CT : Imaging.Modality.MRI,
                    Imaging.Region.SACROILIAC_JOINT, findings(Imaging.Finding.TUMOUR, false, Imaging.Finding.INFECTION, false,
                            Imaging.Finding.ACUTE_FRACTURE, false, Imaging.Finding.INFLAMMATORY_SACROILIITIS, false), null));
            add(new Imaging(ids.text(), imaged, by, SOURCE, Imaging.Modality.XRAY, Imaging.Region.PELVIS,
                    findings(Imaging.Finding.HIP_PATHOLOGY, false), null));
            add(new Imaging(ids.text(), imaged, by, SOURCE, Imaging.Modality.MRI, Imaging.Region.LUMBAR_SPINE,
                    findings(Imaging.Finding.NEURAL_COMPRESSION, "neural_compression".equals(defect)), null));

            LocalDate risks = decided.minusDays(r.nextInt(15));
            if (smoker) {
                add(risk(first, RiskFactor.Type.SMOKING_STATUS, null, null, "current"));
            }
            add(risk(risks, RiskFactor.Type.SMOKING_STATUS, null, null, !smoker ? (r.nextDouble() < 0.2 ? "former" : "never")
                    : quit ? "former" : "current"));
            add(risk(risks, RiskFactor.Type.COTININE, null, smoker && !quit ? 60.0 + r.nextInt(300) : (double) r.nextInt(9), null));
            add(risk(risks, RiskFactor.Type.BMI, null, "bmi".equals(defect) ? 36 + r.nextInt(80) / 10.0 : 20 + r.nextInt(140) / 10.0, null));
            add(risk(risks, RiskFactor.Type.CHRONIC_OPIOID_USE, opioids, null, null));
            add(risk(risks, RiskFactor.Type.PRIOR_LUMBAR_FUSION, priorFusion, null, null));
            add(risk(risks, RiskFactor.Type.GENERALISED_PAIN_DISORDER, "generalised_pain".equals(defect), null, null));
            add(risk(risks, RiskFactor.Type.BEHAVIOURAL_HEALTH, null, null, "behavioural_health".equals(defect) ? "unmanaged"
                    : r.nextDouble() < 0.75 ? "none" : "managed"));
            if (sex == Sex.FEMALE) {
                add(risk(risks, RiskFactor.Type.PREGNANCY, false, null, null));
            }
            add(new PlannedProcedure(ids.text(), decided.minusDays(r.nextInt(4)), by, SOURCE, CPT, APPROACH, "triangular titanium implants",
                    true, true, false, null));
        }

        private SijInjection injection(LocalDate date, SijInjection.Purpose purpose, Side side, boolean poorRelief) {
            int before = 6 + r.nextInt(5);
            int after = poorRelief ? before / 2 + r.nextInt(before / 2 + 1) : r.nextInt(before / 5 + 1);
            return new SijInjection(ids.text(), date, actor.username(), SOURCE, purpose, side, SijInjection.Guidance.FLUOROSCOPY, true,
                    List.of(purpose == SijInjection.Purpose.THERAPEUTIC ? "triamcinolone 40 mg" : "bupivacaine 0.5%"), before, after, null,
                    purpose == SijInjection.Purpose.THERAPEUTIC ? 240.0 : 4.0);
        }

        private Map<Imaging.Finding, Boolean> findings(Object... pairs) {
            Map<Imaging.Finding, Boolean> m = new EnumMap<>(Imaging.Finding.class);
            for (int i = 0; i < pairs.length; i += 2) {
                m.put((Imaging.Finding) pairs[i], (Boolean) pairs[i + 1]);
            }
            return m;
        }

        private RiskFactor risk(LocalDate date, RiskFactor.Type type, Boolean present, Double value, String status) {
            return new RiskFactor(ids.text(), date, actor.username(), SOURCE, type, present, value, status, null);
        }

        private Procedure procedure(LocalDate date, Side side, boolean revision, String reason, UUID complicationId) {
            ProcedureSide ps = switch (side) {
                case LEFT -> ProcedureSide.LEFT;
                case RIGHT -> ProcedureSide.RIGHT;
                case BILATERAL -> ProcedureSide.BILATERAL_STAGED;
            };
            int implants = 2 + r.nextInt(2);
            List<String> sizes = new ArrayList<>(implants);
            for (int i = 0; i < implants; i++) {
                sizes.add((35 + 5 * r.nextInt(6)) + " mm");
            }
            double siteDraw = r.nextDouble();
            SiteOfService site = siteDraw < 0.45 ? SiteOfService.HOSPITAL_OUTPATIENT : siteDraw < 0.8 ? SiteOfService.AMBULATORY_SURGERY_CENTER
                    : SiteOfService.INPATIENT;
            // Heiney meta-analysis (REFERENCE 6): operating time 59 min, blood loss 36.9 mL, stay 1.7 days.
            Procedure p = new Procedure(date, pick(SURGEONS), ps, APPROACH, List.of(new Implant("SI-BONE", "iFuse-3D", implants, sizes, null,
                    true)), Anaesthesia.GENERAL, (int) clamp(Math.round(59 + 15 * gaussian()), 25, 180),
                    (int) clamp(Math.round(37 + 20 * gaussian()), 5, 400), site == SiteOfService.INPATIENT ? 1 + r.nextInt(4) : 0, site,
                    ctx.steps(), CPT, revision, reason, complicationId, null);
            List<String> contradictions = CodingRule.check(ctx.codingRules(), CPT, date, APPROACH, p.transfixing());
            if (!contradictions.isEmpty()) {
                throw new IllegalStateException("The coding rules refuse the synthetic procedure: " + String.join("; ", contradictions));
            }
            return p;
        }

        /** Each catalogue complication by its rate (REFERENCE 8), onset within its usual time after surgery, up to today. */
        private List<StoredComplication> complications(LocalDate surgery) {
            List<StoredComplication> out = new ArrayList<>(2);
            for (Map.Entry<String, Double> e : ctx.catalogueRatesPercent().entrySet()) {
                if (r.nextDouble() * 100 >= e.getValue()) {
                    continue;
                }
                String code = e.getKey();
                int[] days = switch (code) {
                    case "wound_infection", "hematoma", "bleeding_requiring_surgery", "dvt_pe" -> new int[] {1, 30};
                    case "nerve_pain", "implant_malposition" -> new int[] {0, 14};
                    case "nonunion" -> new int[] {180, 540};
                    default -> new int[] {14, 365};
                };
                LocalDate onset = surgery.plusDays(between(days[0], days[1]));
                if (onset.isAfter(today)) {
                    continue;
                }
                ClavienDindo grade = grade();
                LocalDate resolvedOn = onset.plusDays(between(7, 150));
                boolean resolved = !resolvedOn.isAfter(today) && r.nextDouble() < 0.85;
                Relatedness device = switch (code) {
                    case "implant_malposition", "nerve_pain", "nonunion", "fracture" -> Relatedness.PROBABLE;
                    case "dvt_pe", "new_back_pain", "facet_joint_pain" -> Relatedness.UNLIKELY;
                    default -> Relatedness.POSSIBLE;
                };
                out.add(new StoredComplication(ids.next(), new Complication(code, onset, r.nextDouble() < 0.6 ? Reporter.SURGEON
                        : Reporter.PATIENT, grade, device, Relatedness.PROBABLE, grade.ordinal() >= ClavienDindo.IIIA.ordinal(),
                        resolved ? Resolution.RESOLVED : Resolution.ONGOING, resolved ? resolvedOn : null, null)));
            }
            return out;
        }

        private ClavienDindo grade() {
            double x = r.nextDouble();
            double sum = 0;
            ClavienDindo last = ClavienDindo.I;
            for (ClavienDindo g : ClavienDindo.values()) {
                Double share = cal.gradeShares().get(g);
                if (share != null) {
                    sum += share;
                    last = g;
                    if (x < sum) {
                        return g;
                    }
                }
            }
            return last;
        }

        /**
         * The date of a revision, if one happens by today: the 2-year risk split so that non-responders carry
         * {@code nonResponderRiskRatio} times the risk (about a fifth of patients are non-responders), then a yearly risk.
         */
        private LocalDate revision(LocalDate surgery, boolean responder) {
            CohortCalibration.Revision rev = cal.revision();
            double nonResponders = 0.2;
            double base = rev.byTwoYears() / (1 - nonResponders + nonResponders * rev.nonResponderRiskRatio());
            double twoYears = responder ? base : base * rev.nonResponderRiskRatio();
            double x = r.nextDouble();
            LocalDate on = null;
            if (x < twoYears) {
                on = surgery.plusDays(between(30, 730));
            } else {
                for (int year = 2; year < 5; year++) {
                    if (r.nextDouble() < rev.perYearAfter()) {
                        on = surgery.plusDays(365L * year + r.nextInt(365));
                        break;
                    }
                }
            }
            return on == null || on.isAfter(today) ? null : on;
        }

        /**
         * Each protocol timepoint answered or not (a latent propensity shared by the patient's timepoints, so that some
         * answer mostly and some rarely), the answers following the recovery curve; only what was collected by today.
         */
        private void questionnaires(LocalDate surgery, double pain0, double odi0, double leg0, double relief, List<Completion> completions,
                List<StoredResponse> responses) {
            CohortCalibration.OutcomeModel om = cal.outcome();
            double rho = cal.responseCorrelation();
            double propensity = gaussian();
            double odiRelief = clamp(relief * om.odiReliefRatio() + 0.08 * gaussian(), -0.4, 1);
            double legRelief = clamp(relief * 0.8 + 0.1 * gaussian(), -0.4, 1);
            for (Timepoint tp : ctx.protocol().timepoints()) {
                LocalDate target = tp.target(surgery);
                double months = tp.beforeSurgery() ? 0 : ChronoUnit.DAYS.between(surgery, target) / DAYS_PER_MONTH;
                double y = rho * propensity + Math.sqrt(1 - rho * rho) * gaussian();
                if (phi(y) >= cal.responseShare(months)) {
                    continue;
                }
                LocalDate from = max(tp.opens(surgery), target.minusDays(7));
                LocalDate to = min(tp.closes(surgery), target.plusDays(14));
                LocalDate collected = from.plusDays(r.nextInt((int) ChronoUnit.DAYS.between(from, to) + 1));
                if (collected.isAfter(today)) {
                    continue;
                }
                long days = Math.max(0, ChronoUnit.DAYS.between(surgery, collected));
                double reached = tp.beforeSurgery() ? 0 : 1 - Math.exp(-days / om.recoveryDays());
                double reliefNow = relief * reached;
                double s = r.nextDouble();
                String source = s < 0.7 ? "patient_link" : s < 0.9 ? "paper" : "clinician";
                completions.add(new Completion(tp.id(), collected, source));
                for (String instrumentId : tp.instruments()) {
                    Instrument instrument = ctx.instruments().get(instrumentId);
                    if (instrument == null) {
                        continue;
                    }
                    Map<String, Object> answers = new LinkedHashMap<>();
                    String item = instrument.items().get(0).id();
                    switch (instrumentId) {
                        case "back_pain_nrs" -> answers.put(item, (int) clamp(Math.round(pain0 * (1 - reliefNow) + om.painNoiseSd() * gaussian()),
                                0, 10));
                        case "leg_pain_nrs" -> answers.put(item, (int) clamp(Math.round(leg0 * (1 - legRelief * reached)
                                + om.painNoiseSd() * gaussian()), 0, 10));
                        case "odi" -> {
                            List<Integer> sections = odiSections(odi0 * (1 - odiRelief * reached) + om.odiNoiseSd() * gaussian(), true);
                            for (int i = 0; i < sections.size(); i++) {
                                if (sections.get(i) != null) {
                                    answers.put(instrument.items().get(i).id(), sections.get(i));
                                }
                            }
                        }
                        case "pgic" -> answers.put(item, scale(reliefNow + 0.1 * gaussian(), new double[] {0.6, 0.4, 0.2, -0.05, -0.2, -0.4},
                                "very_much_improved", "much_improved", "minimally_improved", "no_change", "minimally_worse", "much_worse",
                                "very_much_worse"));
                        case "satisfaction" -> answers.put(item, scale(reliefNow + 0.15 * gaussian(), new double[] {0.55, 0.35, 0.2, 0},
                                "very_satisfied", "satisfied", "neutral", "dissatisfied", "very_dissatisfied"));
                        case "would_repeat" -> answers.put(item, scale(reliefNow + 0.15 * gaussian(), new double[] {0.25, 0.1},
                                "yes", "unsure", "no"));
                        default -> {
                            continue;
                        }
                    }
                    Score score = instrument.score(answers);
                    responses.add(new StoredResponse(ids.next(), instrument, tp.id(), score, collected, source));
                }
            }
        }

        /** Ten ODI sections (0-5) whose index is as close to {@code target} as whole answers allow; sometimes one left blank. */
        private List<Integer> odiSections(double target, boolean mayLeaveBlank) {
            boolean blank = mayLeaveBlank && r.nextDouble() < cal.outcome().odiBlankSectionShare();
            int answered = blank ? OdiAssessment.SECTIONS - 1 : OdiAssessment.SECTIONS;
            int total = (int) Math.round(clamp(target, 0, 100) / 100 * 5 * answered);
            int[] v = new int[answered];
            double mean = total / (double) answered;
            int sum = 0;
            for (int i = 0; i < answered; i++) {
                v[i] = (int) clamp(Math.round(mean + 0.8 * gaussian()), 0, 5);
                sum += v[i];
            }
            while (sum != total) {
                int i = r.nextInt(answered);
                if (sum < total && v[i] < 5) {
                    v[i]++;
                    sum++;
                } else if (sum > total && v[i] > 0) {
                    v[i]--;
                    sum--;
                }
            }
            List<Integer> sections = new ArrayList<>(OdiAssessment.SECTIONS);
            for (int i = 0, j = 0; i < OdiAssessment.SECTIONS; i++) {
                // section 8 (sex life) is the one patients leave blank
                sections.add(blank && i == 7 ? null : v[j++]);
            }
            return sections;
        }

        private String scale(double value, double[] cuts, String... codes) {
            for (int i = 0; i < cuts.length; i++) {
                if (value >= cuts[i]) {
                    return codes[i];
                }
            }
            return codes[codes.length - 1];
        }

        private int between(int min, int max) {
            return min + r.nextInt(max - min + 1);
        }

        private double gaussian() {
            // Box-Muller on the patient's own stream (SplittableRandom has no nextGaussian on Java 17)
            double u = 1 - r.nextDouble();
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
        }

        private <T> T pick(T[] values) {
            return values[r.nextInt(values.length)];
        }

        private <T> void shuffle(List<T> list) {
            for (int i = list.size() - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                T t = list.get(i);
                list.set(i, list.get(j));
                list.set(j, t);
            }
        }
    }

    /**
     * Deterministic UUIDs (RFC 9562 version 8) that sort by patient: 28 bits of (seed, site), the patient's index (20 bits),
     * the id's ordinal within the patient (12 bits), then 62 bits from the patient's id stream. Random version-4 ids
     * scatter every insert over the whole of each index (a random page per row, twice the write cost measured on
     * work-up records); ids in patient order append to its right edge, whatever the order of the workers.
     */
    private static final class Ids {
        private final long prefix;
        private final int index;
        private final SplittableRandom r;
        private int ordinal;

        Ids(long prefix, int index, SplittableRandom r) {
            this.prefix = prefix;
            this.index = index;
            this.r = r;
        }

        UUID next() {
            if (ordinal > 0xFFF) {
                throw new IllegalStateException("more than 4,096 ids for one synthetic patient");
            }
            long hi = prefix << 36 | (long) index << 16 | 0x8000L | ordinal++;
            long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(hi, lo);
        }

        String text() {
            return next().toString();
        }
    }

    static long mix(long seed, long index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    /** The standard normal distribution function (Abramowitz-Stegun 26.2.17, error below 1e-7). */
    static double phi(double x) {
        double t = 1 / (1 + 0.2316419 * Math.abs(x));
        double d = 0.3989422804014327 * Math.exp(-x * x / 2);
        double p = d * t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        return x >= 0 ? 1 - p : p;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
