package org.ilium.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.distribution.TDistribution;
import org.ilium.access.AccountService;
import org.ilium.outcomes.cohort.SyntheticCohort;
import org.ilium.shared.Actor;
import org.ilium.shared.CurrentActor;
import org.ilium.testing.IliumInstance;
import org.ilium.testing.IliumInstance.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The report's numbers equal an independent recomputation from the exported raw data: a synthetic cohort is stored,
 * one answer is voided through the API (the projection must follow), the JSON report is fetched through the API and
 * the raw CSV export is recomputed here with plain code (latest valid answer per timepoint and instrument, means, t
 * intervals, responder shares, the smoking split), not with OutcomeAnalysis.
 */
class OutcomeReportIT {
    static final double EPS = 1e-9;
    static final List<String> INSTRUMENTS = List.of("back_pain_nrs", "leg_pain_nrs", "odi", "pgic", "satisfaction", "would_repeat");

    @TempDir
    static Path dir;
    static IliumInstance ilium;
    static Actor actor;
    static LocalDate today;

    @BeforeAll
    static void generate() {
        ilium = IliumInstance.start(dir.resolve("data"));
        actor = ilium.context().getBean(AccountService.class).commandLineActor("main");
        today = LocalDate.now(ZoneOffset.UTC);
        SyntheticCohort cohort = ilium.context().getBean(SyntheticCohort.class);
        CurrentActor.callAs(actor, () -> cohort.generate("main", 600, 11, today, null));
    }

    @AfterAll
    static void stop() {
        if (ilium != null) {
            ilium.close();
        }
    }

    @Test
    void reportEqualsAnIndependentRecomputationFromTheRawExport() {
        Raw before = raw();
        // void the latest 12-month back pain answer of one episode: the report must drop it, as the raw data does
        String voided = null;
        for (Map.Entry<String, Map<String, String[]>> e : before.latest.entrySet()) {
            String[] answer = e.getValue().get("12m|back_pain_nrs");
            if (answer != null) {
                voided = e.getKey();
                break;
            }
        }
        assertThat(voided).as("an episode with a 12-month pain answer").isNotNull();
        JsonNode responses = ilium.admin().get("/api/v1/episodes/" + voided + "/responses?instrument=back_pain_nrs&timepoint=12m").json();
        for (JsonNode r : responses) {
            Response v = ilium.admin().send("POST", "/api/v1/episodes/" + voided + "/responses/" + r.get("id").asText() + "/void",
                    "{\"reason\": \"entered for the wrong patient\"}", "If-Match", "\"1\"", "Content-Type", "application/json");
            assertThat(v.status()).as(v.body()).isEqualTo(200);
        }
        // a few patients found to smoke on the day of surgery (the synthetic clinic operates on non-smokers only):
        // recorded through the work-up API, the projection must follow
        int smokers = 0;
        for (Map.Entry<String, Map<String, String[]>> e : before.latest.entrySet()) {
            if (smokers == 8) {
                break;
            }
            if (e.getKey().equals(voided) || !e.getValue().containsKey("12m|back_pain_nrs") || !e.getValue().containsKey("baseline|back_pain_nrs")
                    || status(before.patient.get(e.getKey()), e.getKey()).equals("closed")) {
                continue; // a closed episode takes no more work-up
            }
            Response w = ilium.admin().post("/api/v1/episodes/" + e.getKey() + "/workup/risk-factors",
                    "{\"date\": \"" + before.surgery.get(e.getKey()) + "\", \"type\": \"smoking_status\", \"status\": \"current\"}");
            assertThat(w.status()).as(w.body()).isEqualTo(201);
            smokers++;
        }
        Raw raw = raw();
        assertThat(raw.latest.get(voided)).doesNotContainKey("12m|back_pain_nrs");

        Response response = ilium.admin().get("/api/v1/outcomes/report?asOf=" + today);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode report = response.json();

        List<String> cohort = new ArrayList<>();
        Set<String> patients = new HashSet<>();
        raw.surgery.forEach((episode, surgery) -> {
            if (!surgery.isAfter(today)) {
                cohort.add(episode);
                patients.add(raw.patient.get(episode));
            }
        });
        assertThat(cohort).hasSizeGreaterThan(100);
        assertThat(report.get("patientsOperated").asInt()).isEqualTo(patients.size());
        assertThat(report.get("episodesOperated").asInt()).isEqualTo(cohort.size());

        int checkedAt12m = 0;
        for (JsonNode tp : report.get("timepoints")) {
            String id = tp.get("id").asText();
            int n = 0;
            List<Double> pain = new ArrayList<>();
            List<Double> odi = new ArrayList<>();
            List<Double> painChange = new ArrayList<>();
            List<Double> odiChange = new ArrayList<>();
            int responders = 0;
            for (String episode : cohort) {
                Map<String, String[]> answers = raw.latest.getOrDefault(episode, Map.of());
                boolean any = INSTRUMENTS.stream().anyMatch(i -> answers.containsKey(id + "|" + i));
                if (!any) {
                    continue;
                }
                n++;
                Double p = score(answers.get(id + "|back_pain_nrs"));
                Double o = score(answers.get(id + "|odi"));
                Double p0 = score(answers.get("baseline|back_pain_nrs"));
                Double o0 = score(answers.get("baseline|odi"));
                if (p != null) {
                    pain.add(p);
                }
                if (o != null) {
                    odi.add(o);
                }
                if (!id.equals("baseline") && p != null && p0 != null) {
                    painChange.add(p - p0);
                    // INSITE threshold: 20 mm on the VAS = 2 points on the NRS
                    if ((p0 - p) * 10 >= 20 - EPS) {
                        responders++;
                    }
                }
                if (!id.equals("baseline") && o != null && o0 != null) {
                    odiChange.add(o - o0);
                }
            }
            assertThat(tp.get("n").asInt()).as(id + " n").isEqualTo(n);
            checkMean(tp.get("pain"), pain, id + " pain");
            checkMean(tp.get("odi"), odi, id + " odi");
            if (!id.equals("baseline")) {
                checkMean(tp.get("painChange"), painChange, id + " painChange");
                checkMean(tp.get("odiChange"), odiChange, id + " odiChange");
                if (painChange.isEmpty()) {
                    assertThat(tp.get("clinicallyImportantPain").isNull()).isTrue();
                } else {
                    assertThat(tp.get("clinicallyImportantPain").asDouble()).as(id + " clinicallyImportantPain")
                            .isCloseTo((double) responders / painChange.size(), within(EPS));
                }
            }
            if (id.equals("12m")) {
                checkedAt12m = pain.size();
            }
        }
        assertThat(checkedAt12m).as("12-month pain answers compared").isGreaterThan(30);

        // the smoking split at 12 months: the last smoking status recorded on or before the surgery
        Map<String, List<Double>> bySmoking = new HashMap<>();
        Map<String, Integer> episodesBySmoking = new HashMap<>();
        for (String episode : cohort) {
            String status = raw.smoking(episode);
            if (status == null) {
                continue;
            }
            String group = status.equals("current") ? "current" : "not_current";
            episodesBySmoking.merge(group, 1, Integer::sum);
            Map<String, String[]> answers = raw.latest.getOrDefault(episode, Map.of());
            Double p = score(answers.get("12m|back_pain_nrs"));
            Double p0 = score(answers.get("baseline|back_pain_nrs"));
            if (p != null && p0 != null) {
                bySmoking.computeIfAbsent(group, k -> new ArrayList<>()).add(p - p0);
            }
        }
        JsonNode smoking = null;
        for (JsonNode f : report.get("subgroups").get("factors")) {
            if (f.get("id").asText().equals("smoking")) {
                smoking = f;
            }
        }
        assertThat(smoking).isNotNull();
        for (JsonNode g : smoking.get("groups")) {
            String group = g.get("id").asText();
            assertThat(g.get("episodes").asInt()).as(group).isEqualTo(episodesBySmoking.getOrDefault(group, 0));
            checkMean(g.get("painChange"), bySmoking.getOrDefault(group, List.of()), "smoking " + group);
        }
        assertThat(episodesBySmoking.get("current")).isEqualTo(smokers);
        assertThat(bySmoking.get("current")).hasSize(smokers);
        assertThat(episodesBySmoking.get("not_current")).isGreaterThan(100);
    }

    @Test
    void badParametersAreNamedTogether() {
        Response r = ilium.admin().get("/api/v1/outcomes/report?from=2024-13-01&approach=robotic&smoking=sometimes&colour=red&format=docx");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.errorFields()).containsExactlyInAnyOrder("from", "approach", "smoking", "colour", "format");
    }

    @Test
    void filtersNarrowTheCohort() {
        JsonNode all = ilium.admin().get("/api/v1/outcomes/report?asOf=" + today).json();
        JsonNode smokers = ilium.admin().get("/api/v1/outcomes/report?asOf=" + today + "&smoking=current").json();
        int currentSmokers = 0;
        for (JsonNode f : all.get("subgroups").get("factors")) {
            if (f.get("id").asText().equals("smoking")) {
                currentSmokers = f.get("groups").get(0).get("episodes").asInt();
            }
        }
        assertThat(smokers.get("episodesOperated").asInt()).isEqualTo(currentSmokers).isLessThan(all.get("episodesOperated").asInt());
        assertThat(smokers.get("filter").get("subgroups").get("smoking").asText()).isEqualTo("current");
        String policy = ilium.admin().get("/api/v1/policies").json().get(0).get("id").asText();
        Response byPolicy = ilium.admin().get("/api/v1/outcomes/report?asOf=" + today + "&policy=" + policy);
        assertThat(byPolicy.status()).as(byPolicy.body()).isEqualTo(200);
        assertThat(byPolicy.json().get("episodesOperated").asInt()).isBetween(0, all.get("episodesOperated").asInt());
        assertThat(byPolicy.json().get("filter").get("policy").asText()).isEqualTo(policy);
        assertThat(ilium.admin().get("/api/v1/outcomes/report?policy=no-such-policy").errorFields()).containsExactly("policy");
        JsonNode none = ilium.admin().get("/api/v1/outcomes/report?from=1990-01-01&to=1990-12-31").json();
        assertThat(none.get("episodesOperated").asInt()).isZero();
        assertThat(none.get("timepoints").get(0).get("pain").isNull()).isTrue();
    }

    private static Double score(String[] answer) {
        return answer == null || answer[0].isEmpty() ? null : Double.valueOf(answer[0]);
    }

    /** Mean, and the t interval computed here from the sample standard deviation. */
    private static void checkMean(JsonNode node, List<Double> values, String what) {
        if (values.isEmpty()) {
            assertThat(node.isNull()).as(what + " is null").isTrue();
            return;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / values.size();
        assertThat(node.get("n").asInt()).as(what + " n").isEqualTo(values.size());
        assertThat(node.get("mean").asDouble()).as(what + " mean").isCloseTo(mean, within(EPS));
        if (values.size() > 1) {
            double ss = 0;
            for (double v : values) {
                ss += (v - mean) * (v - mean);
            }
            double sd = Math.sqrt(ss / (values.size() - 1));
            double half = new TDistribution(values.size() - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(values.size());
            assertThat(node.get("ci95").get(0).asDouble()).as(what + " lower").isCloseTo(mean - half, within(EPS));
            assertThat(node.get("ci95").get(1).asDouble()).as(what + " upper").isCloseTo(mean + half, within(EPS));
        }
    }

    private static String status(String patient, String episode) {
        Response r = ilium.admin().get("/api/v1/patients/" + patient + "/episodes/" + episode);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("status").asText();
    }

    /** The raw CSV export, read back: per episode the surgery, patient, latest valid answers and risk factor rows. */
    private static Raw raw() {
        StringBuilder csv = new StringBuilder();
        OutcomeReports reports = ilium.context().getBean(OutcomeReports.class);
        CurrentActor.runAs(actor, () -> reports.exportRaw(csv));
        Raw raw = new Raw();
        Map<String, Map<String, long[]>> order = new HashMap<>();
        String[] lines = csv.toString().split("\n");
        assertThat(lines[0]).isEqualTo("record,episode_id,patient_id,date,seq,c1,c2,c3,c4,c5");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",", -1);
            String episode = f[1];
            switch (f[0]) {
                case "episode" -> {
                    raw.surgery.put(episode, LocalDate.parse(f[3]));
                    raw.patient.put(episode, f[2]);
                }
                case "workup" -> raw.workup.computeIfAbsent(episode, k -> new ArrayList<>()).add(f);
                case "response" -> {
                    if (f[9].equals("voided") || f[5].isEmpty()) {
                        continue;
                    }
                    String key = f[5] + "|" + f[6];
                    long[] at = {LocalDate.parse(f[3]).toEpochDay(), Long.parseLong(f[4])};
                    long[] previous = order.computeIfAbsent(episode, k -> new HashMap<>()).get(key);
                    if (previous == null || at[0] > previous[0] || (at[0] == previous[0] && at[1] > previous[1])) {
                        order.get(episode).put(key, at);
                        raw.latest.computeIfAbsent(episode, k -> new HashMap<>()).put(key, new String[] {f[7], f[8]});
                    }
                }
                default -> {
                    // procedures and complications are not recomputed here
                }
            }
        }
        return raw;
    }

    private static final class Raw {
        final Map<String, LocalDate> surgery = new HashMap<>();
        final Map<String, String> patient = new HashMap<>();
        final Map<String, Map<String, String[]>> latest = new HashMap<>();
        final Map<String, List<String[]>> workup = new HashMap<>();

        String smoking(String episode) {
            LocalDate surgeryDate = surgery.get(episode);
            String status = null;
            long[] best = null;
            for (String[] f : workup.getOrDefault(episode, List.of())) {
                if (!f[5].equals("risk-factors") || !f[6].equals("smoking_status") || f[7].isEmpty()) {
                    continue;
                }
                LocalDate recorded = LocalDate.parse(f[3]);
                if (recorded.isAfter(surgeryDate)) {
                    continue;
                }
                long[] at = {recorded.toEpochDay(), Long.parseLong(f[4])};
                if (best == null || at[0] > best[0] || (at[0] == best[0] && at[1] > best[1])) {
                    best = at;
                    status = f[7];
                }
            }
            return status;
        }
    }
}
