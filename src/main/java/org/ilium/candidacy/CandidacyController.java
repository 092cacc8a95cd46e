package org.ilium.candidacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ilium.candidacy.domain.CriterionStatus;
import org.ilium.candidacy.domain.Determination;
import org.ilium.candidacy.domain.Policy;
import org.ilium.patient.PatientService;
import org.ilium.patient.domain.EpisodeOfCare;
import org.ilium.patient.domain.Patient;
import org.ilium.shared.LatestDate;
import org.ilium.shared.InvalidInputException;
import org.ilium.shared.NotFoundException;
import org.ilium.shared.document.DocumentRenderer;
import org.ilium.shared.web.JsonInput;
import org.ilium.workup.CaseFile;
import org.ilium.workup.WorkupService;
import org.ilium.workup.domain.Codes;
import org.ilium.workup.domain.PlannedProcedure;
import org.ilium.workup.domain.WorkupCase;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Candidacy", description = "Coverage policies, determinations and prior-authorisation packets")
class CandidacyController {
    private final CandidacyContent content;
    private final WorkupService workup;
    private final PatientService patients;
    private final CptCodes cptCodes;
    private final DocumentRenderer renderer = new DocumentRenderer();
    private final ObjectMapper mapper;
    private final Clock clock;

    CandidacyController(CandidacyContent content, WorkupService workup, PatientService patients, CptCodes cptCodes,
            ObjectMapper mapper, Clock clock) {
        this.content = content;
        this.workup = workup;
        this.patients = patients;
        this.cptCodes = cptCodes;
        this.mapper = mapper;
        this.clock = clock;
    }

    @GetMapping("/policies")
    @Operation(summary = "Every coverage policy Ilium knows, with its versions, effective dates, criteria and citations")
    List<PolicyView> policies() {
        LocalDate today = LocalDate.now(clock);
        return content.policies().all().stream().map(p -> PolicyView.of(p, today)).toList();
    }

    @GetMapping("/episodes/{episodeId}/determinations")
    @Operation(summary = "Candidacy of the episode under every policy in effect (side by side), or under one with ?policy=ID",
            description = "date: decide as of this date (default today).")
    Map<String, Object> determinations(@PathVariable UUID episodeId, @RequestParam(required = false) String policy,
            @RequestParam(required = false) LocalDate date) {
        LocalDate on = date == null ? LocalDate.now(clock) : date;
        WorkupCase c = workup.loadCase(episodeId);
        List<Determination> results = policy == null
                ? content.evaluator().evaluateAll(c, content.policies().activeOn(on), on)
                : List.of(content.evaluator().evaluate(c, policyInEffect(policy, on), on));
        return envelope(c.reference(), on, results);
    }

    @PostMapping(path = "/evaluations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Evaluate a self-contained case file (schema at /api/v1/schemas/case) without storing anything",
            description = "policy: one policy id; default every policy in effect on the case's evaluationDate (or today).")
    Map<String, Object> evaluateCase(@RequestBody byte[] body, @RequestParam(required = false) String policy) {
        CaseFile file = CaseFile.read(body, mapper, latestToday());
        LocalDate on = file.evaluationDate() == null ? LocalDate.now(clock) : file.evaluationDate();
        List<Determination> results = policy == null
                ? content.evaluator().evaluateAll(file.workupCase(), content.policies().activeOn(on), on)
                : List.of(content.evaluator().evaluate(file.workupCase(), policyInEffect(policy, on), on));
        return envelope(file.workupCase().reference(), on, results);
    }

    @PostMapping(path = "/episodes/{episodeId}/prior-authorisation", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.TEXT_HTML_VALUE})
    @Operation(summary = "The prior-authorisation packet for the episode under one policy, as PDF (Accept: application/pdf) or HTML",
            description = "Body: {\"policy\": id, \"physician\": {\"name\", \"npi\"}, \"cpt\": code (default: the planned procedure's), "
                    + "\"draft\": false}. Refused with 409 and the reasons unless the determination is ELIGIBLE or a draft is asked for.")
    ResponseEntity<byte[]> priorAuthorisation(@PathVariable UUID episodeId, @RequestBody byte[] body,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        JsonInput in = JsonInput.parse(body, mapper);
        String policyId = in.text("policy", true, 100);
        JsonInput physicianIn = in.object("physician", true);
        String physician = physicianIn == null ? null : physicianIn.text("name", true, 200);
        String npi = physicianIn == null ? null : physicianIn.text("npi", false, 10);
        if (npi != null && !npi.matches("\\d{10}")) {
            physicianIn.addError("npi", "must be the 10-digit National Provider Identifier");
        }
        String cpt = in.text("cpt", false, 5);
        Boolean draft = in.bool("draft", false);
        in.finish();
        LocalDate on = LocalDate.now(clock);
        Policy policy = policyInEffect(policyId, on);
        WorkupCase c = workup.loadCase(episodeId);
        EpisodeOfCare episode = patients.episode(episodeId);
        Patient patient = patients.get(episode.patientId());
        PlannedProcedure plan = c.plannedProcedures().isEmpty() ? null : c.plannedProcedures().get(c.plannedProcedures().size() - 1);
        String code = cpt != null ? cpt : plan != null ? plan.cpt() : null;
        if (code == null) {
            throw new InvalidInputException("cpt", "is required: no procedure is planned for this episode");
        }
        Determination d = content.evaluator().evaluate(c, policy, on);
        PriorAuthPacket packet = new PriorAuthPacket(
                new PriorAuthPacket.Patient(patient.details().givenName() + " " + patient.details().familyName(),
                        patient.details().mrn(), patient.details().birthDate(), Codes.of(patient.details().sex())),
                new PriorAuthPacket.Episode(episode.id().toString(), Codes.of(episode.side()), Codes.of(episode.status())),
                new PriorAuthPacket.PolicyInfo(policy.id(), policy.name(), policy.version(), policy.publisher(),
                        policy.effectiveFrom(), policy.effectiveTo()),
                d, new PriorAuthPacket.PlannedCode(code, cptCodes.require(code, on, "cpt").summary()), plan,
                new PriorAuthPacket.Physician(physician, npi), Boolean.TRUE.equals(draft), Instant.now(clock));
        boolean html = accept != null && accept.contains(MediaType.TEXT_HTML_VALUE) && !accept.contains(MediaType.APPLICATION_PDF_VALUE);
        String name = "prior-authorisation-" + policy.id() + (packet.draft() ? "-DRAFT" : "");
        return html
                ? ResponseEntity.ok().contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                        .body(packet.html(renderer).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                : ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + ".pdf\"")
                        .body(packet.pdf(renderer));
    }

    private Policy policyInEffect(String id, LocalDate on) {
        return content.policies().find(id, on).orElseThrow(() -> content.policies().find(id).isPresent()
                ? new InvalidInputException("policy", id + " is not in effect on " + on)
                : new NotFoundException("Policy " + id));
    }

    private LocalDate latestToday() {
        return LatestDate.today(clock);
    }

    /** The determinations, and a compact side-by-side row per policy. */
    private static Map<String, Object> envelope(String reference, LocalDate on, List<Determination> results) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("case", reference);
        out.put("evaluationDate", on);
        out.put("comparison", results.stream().map(d -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("policyId", d.policyId());
            row.put("policyVersion", d.policyVersion());
            row.put("policyName", d.policyName());
            row.put("outcome", d.outcome());
            for (CriterionStatus s : CriterionStatus.values()) {
                row.put(s.name().toLowerCase(), d.criteria().stream().filter(c -> c.status() == s).map(c -> c.id()).toList());
            }
            row.put("missing", d.missing());
            return row;
        }).toList());
        out.put("determinations", results);
        return out;
    }
}
