package org.ilium.workup;

import java.util.Map;
import org.ilium.shared.InvalidInputException;
import org.ilium.shared.web.JsonInput;
import org.ilium.workup.domain.WorkupItem;
import org.ilium.workup.domain.WorkupKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A record as stored: the JSON of {@link WorkupWriter} without the id (the row has it). Read back with
 * {@link WorkupReader}, so stored and submitted records follow the same rules. Thread-safe: parsing
 * shares one ObjectMapper.
 */
final class WorkupPayload {
    private final ObjectMapper mapper;

    WorkupPayload(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The payload of a record written by {@code recordedBy}, whatever the item says. */
    String write(WorkupItem item, String recordedBy) {
        return mapper.writeValueAsString(fields(item, recordedBy));
    }

    /** The payload's fields, for writers of many payloads at once. */
    static Map<String, Object> fields(WorkupItem item, String recordedBy) {
        Map<String, Object> fields = WorkupWriter.write(item);
        fields.remove("id");
        fields.put("recordedBy", recordedBy);
        return fields;
    }

    WorkupItem read(WorkupKind kind, String id, String recordedBy, String json) {
        return read(kind, id, recordedBy, mapper.readTree(json));
    }

    WorkupItem read(WorkupKind kind, String id, String recordedBy, byte[] json) {
        return read(kind, id, recordedBy, mapper.readTree(json));
    }

    private static WorkupItem read(WorkupKind kind, String id, String recordedBy, JsonNode node) {
        JsonInput in = JsonInput.of(node, "");
        WorkupItem item = WorkupReader.read(kind, in, new WorkupReader.Context(id, recordedBy, null));
        try {
            in.finish();
        } catch (InvalidInputException e) {
            // stored records were checked when written; name the fields only, their values are patient data
            throw new IllegalStateException("Stored work-up record " + id + " (" + kind.path() + ") no longer reads: fields "
                    + e.errors().stream().map(f -> f.field()).toList());
        }
        return item;
    }
}
