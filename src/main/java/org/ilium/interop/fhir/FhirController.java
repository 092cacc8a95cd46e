package org.ilium.interop.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.ilium.shared.InvalidInputException;
import org.ilium.shared.NotFoundException;
import org.ilium.shared.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The read-only FHIR R4 facade: metadata, Patient read and search, Patient/$everything. Authenticated like the
 * API and scoped to the caller's site by the services behind it; errors are OperationOutcomes.
 */
@RestController
@RequestMapping("/fhir")
class FhirController {
    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json;charset=UTF-8");
    private static final Logger log = LoggerFactory.getLogger(FhirController.class);
    private static final int DEFAULT_COUNT = 20;

    private final FhirContext fhir;
    private final FhirExport export;
    private final FhirImport importer;
    private final BulkExport bulk;
    private final tools.jackson.databind.ObjectMapper json;

    FhirController(FhirContext fhir, FhirExport export, FhirImport importer, BulkExport bulk, tools.jackson.databind.ObjectMapper json) {
        this.fhir = fhir;
        this.export = export;
        this.importer = importer;
        this.bulk = bulk;
        this.json = json;
    }

    /**
     * Bulk Data kick-off (system and patient level alike: every patient of the caller's site): 202 with the status URL
     * in Content-Location. Needs {@code Prefer: respond-async}; {@code _type} limits the types, {@code _since} is an instant.
     */
    @GetMapping({"/$export", "/Patient/$export"})
    ResponseEntity<String> bulkExport(@org.springframework.web.bind.annotation.RequestHeader(name = "Prefer", required = false) String prefer,
            @RequestParam(name = "_type", required = false) String type, @RequestParam(name = "_since", required = false) String since,
            @RequestParam(name = "_outputFormat", required = false) String outputFormat) {
        if (prefer == null || !prefer.toLowerCase(java.util.Locale.ROOT).contains("respond-async")) {
            throw new InvalidInputException("Prefer", "the Bulk Data kick-off needs the header Prefer: respond-async");
        }
        if (outputFormat != null && !List.of("application/fhir+ndjson", "application/ndjson", "ndjson").contains(outputFormat)) {
            throw new InvalidInputException("_outputFormat", "only application/fhir+ndjson is supported");
        }
        java.time.Instant sinceInstant = null;
        if (since != null && !since.isBlank()) {
            try {
                sinceInstant = new org.hl7.fhir.r4.model.InstantType(since.strip()).getValue().toInstant();
            } catch (RuntimeException e) {
                throw new InvalidInputException("_since", "must be a FHIR instant such as 2026-01-01T00:00:00Z");
            }
        }
        String request = ServletUriComponentsBuilder.fromCurrentRequest().toUriString();
        BulkExport.Job job = bulk.start(request, BulkExport.types(type), sinceInstant);
        return ResponseEntity.status(HttpStatus.ACCEPTED).header("Content-Location", base() + "/$export-status/" + job.id()).build();
    }

    /** 202 with X-Progress while the job runs, 200 with the manifest when done, 500 with an OperationOutcome if it failed. */
    @GetMapping("/$export-status/{id}")
    ResponseEntity<String> bulkStatus(@PathVariable String id) {
        BulkExport.Job job = bulk.job(jobId(id));
        if (!job.finished) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).header("X-Progress", job.done + " of " + job.total + " patients")
                    .header("Retry-After", "1").build();
        }
        if (job.error != null) {
            return outcome(HttpStatus.INTERNAL_SERVER_ERROR, OperationOutcome.IssueType.EXCEPTION, "Export failed: " + job.error);
        }
        String base = base();
        java.util.Map<String, Object> manifest = new java.util.LinkedHashMap<>();
        manifest.put("transactionTime", job.transactionTime.toString());
        manifest.put("request", job.request);
        manifest.put("requiresAccessToken", true);
        List<java.util.Map<String, Object>> output = new java.util.ArrayList<>();
        job.counts.forEach((type, count) -> output.add(java.util.Map.of("type", type, "url",
                base + "/$export-file/" + job.id() + "/" + type + ".ndjson", "count", count)));
        manifest.put("output", output);
        manifest.put("error", List.of());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header("Expires",
                java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(job.expires.atZone(java.time.ZoneOffset.UTC)))
                .body(json.writeValueAsString(manifest));
    }

    /** Cancels a running export or deletes a finished one's files: 202. */
    @org.springframework.web.bind.annotation.DeleteMapping("/$export-status/{id}")
    ResponseEntity<String> bulkDelete(@PathVariable String id) {
        bulk.delete(jobId(id));
        return ResponseEntity.status(HttpStatus.ACCEPTED).build();
    }

    @GetMapping("/$export-file/{id}/{type}.ndjson")
    ResponseEntity<org.springframework.core.io.Resource> bulkFile(@PathVariable String id, @PathVariable String type) {
        java.nio.file.Path file = bulk.file(jobId(id), type);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/fhir+ndjson"))
                .body(new org.springframework.core.io.FileSystemResource(file));
    }

    private static UUID jobId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Export job " + id);
        }
    }

    /**
     * Imports a transaction (or batch/collection) Bundle into the caller's site, atomically: 200 with an
     * OperationOutcome of information issues giving the counts, or 400 naming the entry that was refused
     * (nothing stored). Importing the same Bundle again stores nothing new.
     */
    @PostMapping(path = {"", "/"})
    ResponseEntity<String> transaction(jakarta.servlet.http.HttpServletRequest request) throws java.io.IOException {
        long max = importer.maxBundleBytes();
        String tooLarge = "Bundle too large; the limit is " + max + " bytes (ILIUM_IMPORT_MAX_BUNDLE_BYTES)";
        if (request.getContentLengthLong() > max) {
            return outcome(HttpStatus.CONTENT_TOO_LARGE, OperationOutcome.IssueType.TOOCOSTLY, tooLarge);
        }
        // read at most max + 1 bytes, so that a body without Content-Length cannot grow past the limit either
        byte[] bytes = request.getInputStream().readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
        if (bytes.length > max) {
            return outcome(HttpStatus.CONTENT_TOO_LARGE, OperationOutcome.IssueType.TOOCOSTLY, tooLarge);
        }
        if (bytes.length == 0) {
            return outcome(HttpStatus.BAD_REQUEST, OperationOutcome.IssueType.STRUCTURE, "POST /fhir takes a transaction Bundle; the body is empty");
        }
        int first = 0;
        while (first < bytes.length && Character.isWhitespace(bytes[first])) {
            first++;
        }
        if (first < bytes.length && bytes[first] == '<') {
            // never handed to an XML parser: no DOCTYPE, entity or external fetch to guard against
            return outcome(HttpStatus.UNSUPPORTED_MEDIA_TYPE, OperationOutcome.IssueType.NOTSUPPORTED, "POST /fhir takes FHIR JSON; XML is not accepted");
        }
        IBaseResource parsed;
        try {
            parsed = fhir.newJsonParser().parseResource(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return outcome(HttpStatus.BAD_REQUEST, OperationOutcome.IssueType.STRUCTURE, "Not a FHIR JSON resource: " + e.getMessage());
        }
        if (!(parsed instanceof Bundle bundle)) {
            return outcome(HttpStatus.BAD_REQUEST, OperationOutcome.IssueType.INVALID, "POST /fhir takes a transaction Bundle");
        }
        ImportSummary summary;
        try {
            summary = importer.importBundle(bundle, null);
        } catch (FhirImport.RejectedEntry e) {
            OperationOutcome oo = new OperationOutcome();
            OperationOutcome.OperationOutcomeIssueComponent issue = oo.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                    .setCode(OperationOutcome.IssueType.PROCESSING).setDiagnostics((e.entry == null ? "" : e.entry + ": ") + e.getMessage());
            if (e.entry != null && e.entry.startsWith("entry[")) {
                issue.addExpression("Bundle." + e.entry.substring(0, e.entry.indexOf(']') + 1));
            }
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(FHIR_JSON).body(write(oo));
        }
        OperationOutcome oo = new OperationOutcome();
        summary.toMap().forEach((k, v) -> {
            if (!"rejected".equals(k) && !"seconds".equals(k)) {
                oo.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION).setCode(OperationOutcome.IssueType.INFORMATIONAL)
                        .setDiagnostics(k + ": " + v);
            }
        });
        return ok(oo);
    }

    @GetMapping("/metadata")
    ResponseEntity<String> metadata() {
        return ok(capabilityStatement(base()));
    }

    @GetMapping("/Patient/{id}")
    ResponseEntity<String> read(@PathVariable String id) {
        org.hl7.fhir.r4.model.Patient patient = export.patient(parseId(id));
        return ResponseEntity.ok().contentType(FHIR_JSON).eTag("W/\"" + patient.getMeta().getVersionId() + "\"").body(write(patient));
    }

    @GetMapping("/Patient/{id}/$everything")
    ResponseEntity<String> everything(@PathVariable String id) {
        String base = base();
        List<Resource> resources = export.everything(parseId(id));
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(resources.size());
        bundle.setId(UUID.randomUUID().toString());
        bundle.setTimestamp(new Date());
        bundle.addLink().setRelation("self").setUrl(base + "/Patient/" + id + "/$everything");
        for (Resource r : resources) {
            bundle.addEntry().setFullUrl(base + "/" + r.fhirType() + "/" + r.getIdElement().getIdPart()).setResource(r).getSearch()
                    .setMode(r instanceof org.hl7.fhir.r4.model.Patient ? Bundle.SearchEntryMode.MATCH : Bundle.SearchEntryMode.INCLUDE);
        }
        return ok(bundle);
    }

    @GetMapping("/Patient")
    ResponseEntity<String> search(@RequestParam(required = false) String identifier, @RequestParam(required = false) String name,
            @RequestParam(required = false) String birthdate, @RequestParam(name = "_count", required = false) String count,
            @RequestParam(name = "_summary", required = false) String summary, @RequestParam(name = "_page", required = false) String page) {
        String base = base();
        int size = integer("_count", count, DEFAULT_COUNT, 0, Page.MAX_SIZE);
        int pageNo = integer("_page", page, 0, 0, Integer.MAX_VALUE);
        boolean countOnly = "count".equals(summary) || size == 0;
        if (summary != null && !summary.equals("count") && !summary.equals("false")) {
            throw new InvalidInputException("_summary", "only count (or false) is supported");
        }
        String mrn = null;
        if (identifier != null && !identifier.isBlank()) {
            int bar = identifier.indexOf('|');
            mrn = bar < 0 ? identifier : identifier.substring(bar + 1);
            if (bar > 0 && !identifier.substring(0, bar).equals(Fhir.mrnSystem(export.site().code()))) {
                return ok(searchset(base, List.of(), 0, pageNo, size, countOnly, identifier, name, birthdate));
            }
        }
        LocalDate birth = null;
        if (birthdate != null && !birthdate.isBlank()) {
            String value = birthdate.startsWith("eq") ? birthdate.substring(2) : birthdate;
            try {
                birth = LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("birthdate", "must be a full date such as 1961-04-12 (optionally eq1961-04-12)");
            }
        }
        Page<org.hl7.fhir.r4.model.Patient> found = export.search(blankToNull(mrn), blankToNull(name), birth, pageNo, Math.max(size, 1));
        return ok(searchset(base, countOnly ? List.of() : found.items(), found.totalItems(), pageNo, size, countOnly, identifier,
                name, birthdate));
    }

    private Bundle searchset(String base, List<org.hl7.fhir.r4.model.Patient> items, long total, int page, int size, boolean countOnly,
            String identifier, String name, String birthdate) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal((int) total);
        bundle.setId(UUID.randomUUID().toString());
        bundle.setTimestamp(new Date());
        String query = org.springframework.web.util.UriComponentsBuilder.fromUriString(base + "/Patient").queryParamIfPresent("identifier", java.util.Optional.ofNullable(identifier))
                .queryParamIfPresent("name", java.util.Optional.ofNullable(name))
                .queryParamIfPresent("birthdate", java.util.Optional.ofNullable(birthdate))
                .queryParam(countOnly ? "_summary" : "_count", countOnly ? "count" : Integer.toString(size)).encode().toUriString();
        bundle.addLink().setRelation("self").setUrl(query + (countOnly ? "" : "&_page=" + page));
        if (!countOnly && (long) (page + 1) * size < total) {
            bundle.addLink().setRelation("next").setUrl(query + "&_page=" + (page + 1));
        }
        if (!countOnly && page > 0) {
            bundle.addLink().setRelation("previous").setUrl(query + "&_page=" + (page - 1));
        }
        for (org.hl7.fhir.r4.model.Patient p : items) {
            bundle.addEntry().setFullUrl(base + "/Patient/" + p.getIdElement().getIdPart()).setResource(p).getSearch()
                    .setMode(Bundle.SearchEntryMode.MATCH);
        }
        return bundle;
    }

    /** Only what is implemented: Patient read, search on identifier, name, birthdate, and $everything. */
    static CapabilityStatement capabilityStatement(String base) {
        CapabilityStatement cs = new CapabilityStatement();
        cs.setStatus(Enumerations.PublicationStatus.ACTIVE);
        cs.setDate(new Date());
        cs.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        cs.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        cs.addFormat("application/fhir+json");
        cs.getSoftware().setName("Ilium");
        cs.getImplementation().setDescription("Ilium SI joint fusion registry, FHIR R4 facade (read, Bulk Data export, and import by transaction)").setUrl(base);
        CapabilityStatement.CapabilityStatementRestComponent rest = cs.addRest().setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.getSecurity().setDescription("HTTP Basic or session login as for the Ilium API; every answer is limited to the caller's site");
        rest.addInteraction().setCode(CapabilityStatement.SystemRestfulInteraction.TRANSACTION)
                .setDocumentation("import (docs/fhir-import.md), one transaction per Bundle: from any EHR Patient, Condition, Observation "
                        + "(pain NRS, smoking status, BMI), MedicationRequest, MedicationStatement (opioids), Procedure (lumbar and SI joint "
                        + "procedures); from Ilium's own export (meta.source urn:ilium:site:*) also EpisodeOfCare, every work-up "
                        + "Observation, AdverseEvent, Procedure with its implants, QuestionnaireResponse and CarePlan completions, in full");
        CapabilityStatement.CapabilityStatementRestResourceComponent patient = rest.addResource().setType("Patient");
        patient.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
        patient.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
        patient.addSearchParam().setName("identifier").setType(Enumerations.SearchParamType.TOKEN)
                .setDefinition("http://hl7.org/fhir/SearchParameter/Patient-identifier").setDocumentation("the MRN; system|value or value");
        patient.addSearchParam().setName("name").setType(Enumerations.SearchParamType.STRING)
                .setDefinition("http://hl7.org/fhir/SearchParameter/individual-given").setDocumentation("every word starts a given or family name");
        patient.addSearchParam().setName("birthdate").setType(Enumerations.SearchParamType.DATE)
                .setDefinition("http://hl7.org/fhir/SearchParameter/individual-birthdate").setDocumentation("an exact date (eq prefix only)");
        patient.addOperation().setName("everything").setDefinition("http://hl7.org/fhir/OperationDefinition/Patient-everything");
        patient.addOperation().setName("export").setDefinition("http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export")
                .setDocumentation("Bulk Data export of every patient of the caller's site (docs/fhir-export.md); _type, _since as the system "
                        + "level");
        rest.addOperation().setName("export").setDefinition("http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export")
                .setDocumentation("Bulk Data export (async, NDJSON; _type; _since: resources whose meta.lastUpdated is later): "
                        + String.join(", ", BulkExport.TYPES));
        return cs;
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<String> notFound(NotFoundException e) {
        return outcome(HttpStatus.NOT_FOUND, OperationOutcome.IssueType.NOTFOUND, e.getMessage() + " not found");
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<String> invalid(InvalidInputException e) {
        OperationOutcome oo = new OperationOutcome();
        e.errors().forEach(f -> oo.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.INVALID)
                .setDiagnostics(f.field() + " " + f.message()).addExpression(f.field()));
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(FHIR_JSON).body(write(oo));
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<String> failed(RuntimeException e) {
        log.error("FHIR request failed", e);
        return outcome(HttpStatus.INTERNAL_SERVER_ERROR, OperationOutcome.IssueType.EXCEPTION, "Internal error; see the server log");
    }

    private ResponseEntity<String> outcome(HttpStatus status, OperationOutcome.IssueType type, String text) {
        OperationOutcome oo = new OperationOutcome();
        oo.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type).setDiagnostics(text);
        return ResponseEntity.status(status).contentType(FHIR_JSON).body(write(oo));
    }

    private ResponseEntity<String> ok(IBaseResource resource) {
        return ResponseEntity.ok().contentType(FHIR_JSON).body(write(resource));
    }

    private String write(IBaseResource resource) {
        return fhir.newJsonParser().encodeResourceToString(resource);
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Patient " + id);
        }
    }

    private static int integer(String field, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(field, "must be a whole number from " + min + " to " + max);
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/fhir").toUriString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
