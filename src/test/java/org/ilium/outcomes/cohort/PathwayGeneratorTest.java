package org.ilium.outcomes.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.ilium.workup.domain.ConservativeCare;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ilium.candidacy.CandidacyContent;
import org.ilium.candidacy.domain.Outcome;
import org.ilium.followup.FollowUpProtocols;
import org.ilium.followup.domain.Protocol;
import org.ilium.followup.domain.Timepoint;
import org.ilium.outcomes.cohort.domain.PathwayGenerator;
import org.ilium.outcomes.cohort.domain.SyntheticPathway;
import org.ilium.patient.domain.EpisodeStatus;
import org.ilium.prom.InstrumentCatalog;
import org.ilium.shared.Actor;
import org.ilium.surgery.SurgeryContent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pure generator, without a database: determinism, the API's rules on every pathway, and the calibration
 * targets of issue 5 (REFERENCE 6-9) measured over 5,000 generated patients.
 */
class PathwayGeneratorTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 1);
    static final UUID SITE = UUID.fromString("00000000-0000-4000-8000-000000000001");
    static final Actor ACTOR = new Actor(UUID.fromString("00000000-0000-4000-8000-000000000002"), "admin", SITE);
    static final Instant AT = Instant.parse("2026-11-01T12:00:00Z");
    static PathwayGenerator.Context context;
    static Protocol protocol;
    static List<SyntheticPathway> cohort;

    @BeforeAll
    static void load() {
        FollowUpProtocols protocols = FollowUpProtocols.load(null, "standard");
        protocol = protocols.defaultProtocol();
        context = CohortContext.of(SyntheticCohortContent.load(null), CandidacyContent.load(null), SurgeryContent.load(null), protocol,
                InstrumentCatalog.load(null));
        PathwayGenerator g = new PathwayGenerator(context, 7, SITE, TODAY, ACTOR, AT);
        cohort = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            cohort.add(g.generate(i));
        }
    }

    @Test
    void idsAreUniqueVersion8AndSortByPatient() {
        // ids in patient order append to the right edge of every index instead of landing on a random page each
        java.util.Set<UUID> seen = new java.util.HashSet<>();
        UUID previous = null;
        for (SyntheticPathway p : cohort) {
            List<UUID> ids = new ArrayList<>();
            ids.add(p.patientId());
            ids.add(p.episode().id());
            p.workup().forEach(w -> ids.add(UUID.fromString(w.id())));
            p.procedures().forEach(x -> ids.add(x.id()));
            p.complications().forEach(x -> ids.add(x.id()));
            p.responses().forEach(x -> ids.add(x.id()));
            for (UUID id : ids) {
                assertThat(id.version()).isEqualTo(8);
                assertThat(id.variant()).isEqualTo(2);
                assertThat(seen.add(id)).as("unique %s", id).isTrue();
                if (previous != null) {
                    assertThat(id.toString()).as("patient %d", p.index()).isGreaterThan(previous.toString());
                }
            }
            previous = ids.stream().max(java.util.Comparator.comparing(UUID::toString)).orElseThrow();
        }
        // the prefix comes from the seed and the site: another seed or site writes elsewhere in the indexes
        UUID first = cohort.get(0).patientId();
        UUID otherSeed = new PathwayGenerator(context, 8, SITE, TODAY, ACTOR, AT).generate(0).patientId();
        UUID otherSite = new PathwayGenerator(context, 7, UUID.randomUUID(), TODAY, ACTOR, AT).generate(0).patientId();
        assertThat(first.getMostSignificantBits() >>> 36).isNotEqualTo(otherSeed.getMostSignificantBits() >>> 36)
                .isNotEqualTo(otherSite.getMostSignificantBits() >>> 36);
    }

    @Test
    void sameSeedSameCohortOtherSeedAnother() {
        PathwayGenerator again = new PathwayGenerator(context, 7, SITE, TODAY, ACTOR, AT);
        PathwayGenerator other = new PathwayGenerator(context, 8, SITE, TODAY, ACTOR, AT);
        for (int i : new int[] {0, 1, 17, 4999}) {
            assertThat(again.generate(i)).isEqualTo(cohort.get(i));
            assertThat(other.generate(i)).isNotEqualTo(cohort.get(i));
        }
        assertThat(cohort.get(3).patient().mrn()).isEqualTo("SYN-7-000003");
        assertThat(cohort.stream().map(SyntheticPathway::patientId).distinct().count()).isEqualTo(5000);
    }

    @Test
    void pathwaysFollowTheApiRules() {
        for (SyntheticPathway p : cohort) {
            assertThat(p.transitions().get(0).to()).isEqualTo(EpisodeStatus.REFERRED);
            LocalDate previous = null;
            for (var t : p.transitions()) {
                assertThat(t.effectiveOn()).isBeforeOrEqualTo(TODAY);
                if (previous != null) {
                    assertThat(t.effectiveOn()).isAfterOrEqualTo(previous);
                }
                previous = t.effectiveOn();
            }
            p.workup().forEach(item -> assertThat(item.date()).isBeforeOrEqualTo(TODAY));
            // a course may not end in the future either: the API refuses that, and so would an import of the export
            p.workup().stream().filter(ConservativeCare.class::isInstance).map(ConservativeCare.class::cast)
                    .forEach(c -> assertThat(c.end()).isBeforeOrEqualTo(TODAY));
            if (p.operated()) {
                // only eligible episodes are operated, after their positive decision
                assertThat(p.determination().outcome()).isEqualTo(Outcome.ELIGIBLE);
                assertThat(p.episode().candidate()).isTrue();
                LocalDate decided = p.transitions().stream().filter(t -> t.to() == EpisodeStatus.DECIDED).findFirst().orElseThrow()
                        .effectiveOn();
                assertThat(p.surgeryDate()).isAfterOrEqualTo(decided).isBeforeOrEqualTo(TODAY);
                assertThat(p.procedures().get(0).procedure().revision()).isFalse();
                p.responses().forEach(r -> {
                    assertThat(r.collectedOn()).isBeforeOrEqualTo(TODAY);
                    Timepoint tp = protocol.timepoint(r.timepointId()).orElseThrow();
                    assertThat(r.collectedOn()).isBetween(tp.opens(p.surgeryDate()), tp.closes(p.surgeryDate()));
                    assertThat(tp.instruments()).contains(r.instrument().id());
                });
            } else {
                assertThat(p.procedures()).isEmpty();
                assertThat(p.responses()).isEmpty();
            }
            if (p.determination() != null && p.determination().outcome() != Outcome.ELIGIBLE) {
                assertThat(p.episode().candidate()).isFalse();
            }
        }
    }

    @Test
    void designedCandidatesAreEligibleAndDesignedNonCandidatesAreNot() {
        List<SyntheticPathway> decided = cohort.stream().filter(p -> p.determination() != null).toList();
        long designed = decided.stream().filter(p -> p.traits().designedNonCandidate() == null).count();
        long designedEligible = decided.stream().filter(p -> p.traits().designedNonCandidate() == null)
                .filter(p -> p.determination().outcome() == Outcome.ELIGIBLE).count();
        assertThat((double) designedEligible / designed).isGreaterThan(0.99);
        assertThat(decided.stream().filter(p -> p.traits().designedNonCandidate() != null))
                .allMatch(p -> p.determination().outcome() == Outcome.NOT_ELIGIBLE);
        double nonCandidates = decided.stream().filter(p -> p.determination().outcome() != Outcome.ELIGIBLE).count() / (double) decided.size();
        assertThat(nonCandidates).isBetween(0.25, 0.35);
        assertThat(cohort.stream().filter(p -> p.episode().status() == EpisodeStatus.IN_WORKUP).count()).isPositive();
        assertThat(cohort.stream().filter(p -> p.determination() != null && p.determination().outcome() == Outcome.ELIGIBLE
                && !p.operated()).count()).isPositive();
    }

    @Test
    void calibratedToThePublishedResults() {
        Calibration c = Calibration.of(cohort, protocol, TODAY);
        System.out.println(c);
        assertThat(c.baselinePain).isBetween(7.6, 8.4);
        assertThat(c.baselineOdi).isBetween(52.0, 58.0);
        assertThat(c.pain12).isBetween(2.5, 3.0);
        assertThat(c.odi12).isBetween(25.0, 31.0);
        assertThat(c.improved12).isBetween(0.75, 0.85);
        assertThat(c.smokerImprovement).isLessThan(c.nonSmokerImprovement);
        assertThat(c.opioidImprovement).isLessThan(c.nonOpioidImprovement);
        assertThat(c.youngerImprovement).isLessThan(c.olderImprovement);
        assertThat(c.response24).isBetween(0.50, 0.60);
        assertThat(c.revised2y).isBetween(0.015, 0.045);
        assertThat(c.complications).isBetween(0.2, 0.4);
    }

    /** Figures measured from the generated data as the API would store it (responses by timepoint). */
    static final class Calibration {
        double baselinePain;
        double baselineOdi;
        double pain12;
        double odi12;
        double improved12;
        double smokerImprovement;
        double nonSmokerImprovement;
        double opioidImprovement;
        double nonOpioidImprovement;
        double youngerImprovement;
        double olderImprovement;
        double response24;
        double revised2y;
        double complications;
        int operated;

        static Calibration of(List<SyntheticPathway> cohort, Protocol protocol, LocalDate today) {
            Calibration c = new Calibration();
            double[] sums = new double[16];
            int[] counts = new int[16];
            int due24 = 0;
            int answered24 = 0;
            int twoYears = 0;
            int revised = 0;
            int withComplication = 0;
            Timepoint tp24 = protocol.timepoint("24m").orElseThrow();
            for (SyntheticPathway p : cohort) {
                if (!p.operated()) {
                    continue;
                }
                c.operated++;
                if (!p.complications().isEmpty()) {
                    withComplication++;
                }
                Map<String, Double> scores = new HashMap<>();
                p.responses().forEach(r -> scores.put(r.timepointId() + "/" + r.instrument().id(), r.score().score()));
                add(sums, counts, 0, scores.get("baseline/back_pain_nrs"));
                add(sums, counts, 1, scores.get("baseline/odi"));
                add(sums, counts, 2, scores.get("12m/back_pain_nrs"));
                add(sums, counts, 3, scores.get("12m/odi"));
                Double b = scores.get("baseline/back_pain_nrs");
                Double y = scores.get("12m/back_pain_nrs");
                if (b != null && y != null) {
                    double change = b - y;
                    add(sums, counts, 4, change >= 2 ? 1.0 : 0.0);
                    add(sums, counts, p.traits().smoker() ? 5 : 6, change);
                    add(sums, counts, p.traits().opioids() ? 7 : 8, change);
                    add(sums, counts, p.traits().ageAtDecision() < 50 ? 9 : 10, change);
                }
                if (tp24.closes(p.surgeryDate()).isBefore(today)) {
                    due24++;
                    if (p.completions().stream().anyMatch(x -> x.timepointId().equals("24m"))) {
                        answered24++;
                    }
                }
                if (!p.surgeryDate().plusYears(2).isAfter(today)) {
                    twoYears++;
                    if (p.traits().revisedOn() != null && ChronoUnit.DAYS.between(p.surgeryDate(), p.traits().revisedOn()) <= 730) {
                        revised++;
                    }
                }
            }
            c.baselinePain = sums[0] / counts[0];
            c.baselineOdi = sums[1] / counts[1];
            c.pain12 = sums[2] / counts[2];
            c.odi12 = sums[3] / counts[3];
            c.improved12 = sums[4] / counts[4];
            c.smokerImprovement = sums[5] / counts[5];
            c.nonSmokerImprovement = sums[6] / counts[6];
            c.opioidImprovement = sums[7] / counts[7];
            c.nonOpioidImprovement = sums[8] / counts[8];
            c.youngerImprovement = sums[9] / counts[9];
            c.olderImprovement = sums[10] / counts[10];
            c.response24 = answered24 / (double) due24;
            c.revised2y = revised / (double) twoYears;
            c.complications = withComplication / (double) c.operated;
            return c;
        }

        private static void add(double[] sums, int[] counts, int i, Double v) {
            if (v != null) {
                sums[i] += v;
                counts[i]++;
            }
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "operated %d: baseline pain %.2f, ODI %.1f; 12 months pain %.2f, ODI %.1f, "
                    + "improved %.1f %%; improvement smokers %.2f vs %.2f, opioids %.2f vs %.2f, younger %.2f vs %.2f; response 24m %.1f %%; "
                    + "revised by 2 years %.1f %%; any complication %.1f %%", operated, baselinePain, baselineOdi, pain12, odi12,
                    improved12 * 100, smokerImprovement, nonSmokerImprovement, opioidImprovement, nonOpioidImprovement, youngerImprovement,
                    olderImprovement, response24 * 100, revised2y * 100, complications * 100);
        }
    }
}
