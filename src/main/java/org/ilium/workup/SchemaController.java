package org.ilium.workup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves the JSON Schema of case files (docs/case-file.md), so clients can validate before sending. */
@RestController
@Tag(name = "Candidacy")
class SchemaController {
    static final String CASE_SCHEMA = "/schemas/case.schema.json";
    private final byte[] caseSchema;

    SchemaController() throws IOException {
        try (InputStream in = SchemaController.class.getResourceAsStream(CASE_SCHEMA)) {
            caseSchema = in.readAllBytes();
        }
    }

    @GetMapping(path = "/api/v1/schemas/case", produces = {"application/schema+json", MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "JSON Schema (2020-12) of a self-contained candidacy case, as `ilium evaluate` reads it")
    ResponseEntity<byte[]> caseSchema() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/schema+json")).body(caseSchema);
    }
}
