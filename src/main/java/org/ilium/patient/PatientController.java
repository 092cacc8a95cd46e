package org.ilium.patient;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.ilium.patient.domain.Patient;
import org.ilium.patient.domain.PatientDetails;
import org.ilium.patient.domain.Sex;
import org.ilium.shared.FieldError;
import org.ilium.shared.InvalidInputException;
import org.ilium.shared.Page;
import org.ilium.shared.web.IfMatch;
import org.ilium.shared.web.JsonInput;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@RestController
@RequestMapping(path = "/api/v1/patients", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Patients", description = "Patients of the caller's site")
class PatientController {
    @Schema(name = "Patient")
    record PatientView(UUID id, String mrn, String givenName, String familyName, LocalDate birthDate,
            @Schema(allowableValues = {"female", "male", "other", "unknown"}) String sex, String email, String phone,
            int version) {
        static PatientView of(Patient p) {
            PatientDetails d = p.details();
            return new PatientView(p.id(), d.mrn(), d.givenName(), d.familyName(), d.birthDate(), d.sex().code(), d.email(),
                    d.phone(), p.version());
        }
    }

    @Schema(name = "PatientInput", description = "Unknown fields are refused. On PUT, id and version may be sent back as read.")
    record PatientInput(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "MRN-0042") String mrn,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Ada") String givenName,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Lovelace") String familyName,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "1961-04-12") LocalDate birthDate,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"female", "male", "other", "unknown"}) String sex,
            @Schema(example = "ada@example.org") String email, @Schema(example = "+1 555 0100") String phone) {
    }

    record PatientPage(List<PatientView> items, int page, int size, long totalItems, long totalPages) {
        static PatientPage of(Page<PatientView> p) {
            return new PatientPage(p.items(), p.page(), p.size(), p.totalItems(), p.totalPages());
        }
    }

    private static final List<String> SEXES = Arrays.stream(Sex.values()).map(Sex::code).toList();

    private final PatientService service;
    private final ObjectMapper mapper;

    PatientController(PatientService service, ObjectMapper mapper) {
        this.service = service;
        this.mapper = mapper;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a patient", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = PatientInput.class))))
    ResponseEntity<PatientView> create(@RequestBody byte[] body) {
        Patient patient = service.register(read(body, null));
        return ResponseEntity.created(URI.create("/api/v1/patients/" + patient.id()))
                .eTag(IfMatch.etag(patient.version())).body(PatientView.of(patient));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a patient; the ETag is needed to update it")
    ResponseEntity<PatientView> get(@PathVariable UUID id) {
        Patient patient = service.get(id);
        return ResponseEntity.ok().eTag(IfMatch.etag(patient.version())).body(PatientView.of(patient));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a patient (full body); If-Match with the ETag read is required",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = PatientInput.class))))
    ResponseEntity<PatientView> replace(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @RequestBody byte[] body) {
        Patient patient = service.replace(id, read(body, id), ifMatch);
        return ResponseEntity.ok().eTag(IfMatch.etag(patient.version())).body(PatientView.of(patient));
    }

    @GetMapping
    @Operation(summary = "List and search patients, paged",
            description = "mrn: exact; name: every word starts a given or family name; birthDate: exact. "
                    + "POST /api/v1/patients/_search takes the same filters in a body, which keeps them out of URLs and logs.")
    PatientPage list(@RequestParam(required = false) String mrn, @RequestParam(required = false) String name,
            @RequestParam(required = false) LocalDate birthDate, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return search(new PatientSearch(blankToNull(mrn), blankToNull(name), birthDate), page, size);
    }

    @PostMapping(path = "/_search", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Search patients with the filters in the body: {mrn, name, birthDate, page, size}")
    PatientPage searchByBody(@RequestBody byte[] body) {
        JsonInput in = JsonInput.parse(body, mapper);
        PatientSearch filters = new PatientSearch(in.text("mrn", false, 64), in.text("name", false, 200), in.date("birthDate", false));
        Integer page = in.integer("page", false, 0, Integer.MAX_VALUE);
        Integer size = in.integer("size", false, 1, Page.MAX_SIZE);
        in.finish();
        return search(filters, page == null ? 0 : page, size == null ? 20 : size);
    }

    private PatientPage search(PatientSearch filters, int page, int size) {
        if (page < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        if (size < 1 || size > Page.MAX_SIZE) {
            throw new InvalidInputException("size", "must be between 1 and " + Page.MAX_SIZE);
        }
        return PatientPage.of(service.search(filters, page, size).map(PatientView::of));
    }

    private PatientDetails read(byte[] body, UUID pathId) {
        JsonInput in = JsonInput.parse(body, mapper);
        PatientDetails details = new PatientDetails(in.text("mrn", true, 64), in.text("givenName", true, 100),
                in.text("familyName", true, 100), in.date("birthDate", true), in.code("sex", true, Sex::fromCode, SEXES),
                in.text("email", false, 254), in.text("phone", false, 30));
        JsonNode id = in.readOnly("id");
        in.readOnly("version");
        if (id != null && (pathId == null || !id.isString() || !id.stringValue().equals(pathId.toString()))) {
            in.addError("id", pathId == null ? "is given by the server; leave it out" : "does not match the patient in the URL");
        }
        for (FieldError e : details.check(service.latestToday())) {
            in.addError(e.field(), e.message());
        }
        in.finish();
        return details;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
