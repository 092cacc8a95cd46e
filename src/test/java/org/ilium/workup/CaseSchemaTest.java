package org.ilium.workup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.ilium.shared.InvalidInputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/** The published schema and the reader agree: every example passes both; bad documents fail both. */
class CaseSchemaTest {
    private static final com.fasterxml.jackson.databind.ObjectMapper JACKSON2 = new com.fasterxml.jackson.databind.ObjectMapper();
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = CaseSchemaTest.class.getResourceAsStream(SchemaController.CASE_SCHEMA)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    static Stream<Path> examples() throws IOException {
        return Files.list(Path.of("examples/cases")).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    private static Set<ValidationMessage> validate(String json) throws IOException {
        JsonNode node = JACKSON2.readTree(json);
        return schema.validate(node);
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleCaseIsValid(Path file) throws IOException {
        String json = Files.readString(file);
        assertThat(validate(json)).as(file.toString()).isEmpty();
        CaseFile.read(json.getBytes(StandardCharsets.UTF_8), JsonMapper.builder().build(), LocalDate.of(2026, 11, 21));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "{\"episode\": {\"side\": \"middle\"}}",
            "{\"episode\": {\"side\": \"left\"}, \"odi\": [{\"date\": \"2026-01-01\", \"sections\": [1,2,6,0,0,0,0,0,0,0]}]}",
            "{\"episode\": {\"side\": \"left\"}, \"injections\": [{\"date\": \"2026-01-01\", \"purpose\": \"diagnostic\", \"side\": \"left\", \"guidance\": \"ct\", \"contrast\": true, \"reliefPercent\": 120}]}",
            "{\"episode\": {\"side\": \"left\"}, \"provocationTests\": [{\"date\": \"2026-01-01\", \"test\": \"faber\", \"positive\": true}]}",
            "{\"episode\": {\"side\": \"left\"}, \"riskFactors\": [{\"date\": \"2026-01-01\", \"type\": \"cotinine\", \"present\": true}]}",
            "{\"episode\": {\"side\": \"left\"}, \"painScores\": [{\"date\": \"2026-01-01\", \"side\": \"left\"}]}",
            "{\"episode\": {\"side\": \"left\"}, \"imaging\": [{\"date\": \"2026-01-01\", \"modality\": \"ct\", \"region\": \"pelvis\", \"findings\": {\"cancer\": false}}]}",
            "{\"episode\": {\"side\": \"left\"}, \"plannedProcedures\": [{\"date\": \"2026-01-01\", \"cpt\": \"2727\"}]}",
            "{\"episode\": {\"side\": \"left\"}, \"fortin\": [{\"date\": \"2026-01-01\", \"side\": \"left\", \"positive\": true, \"extra\": 1}]}"})
    void badDocumentsFailTheSchemaAndTheReader(String json) throws IOException {
        assertThat(validate(json)).as(json).isNotEmpty();
        assertThatThrownBy(() -> CaseFile.read(json.getBytes(StandardCharsets.UTF_8), JsonMapper.builder().build(),
                LocalDate.of(2026, 11, 21))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theSchemaNamesEveryRecordKind() throws IOException {
        JsonNode properties;
        try (InputStream in = CaseSchemaTest.class.getResourceAsStream(SchemaController.CASE_SCHEMA)) {
            properties = JACKSON2.readTree(in).path("properties");
        }
        for (org.ilium.workup.domain.WorkupKind kind : org.ilium.workup.domain.WorkupKind.values()) {
            assertThat(properties.has(kind.field())).as(kind.field()).isTrue();
        }
        assertThat(List.of("id", "evaluationDate", "patient", "episode")).allMatch(properties::has);
    }
}
