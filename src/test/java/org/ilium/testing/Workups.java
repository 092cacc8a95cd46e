package org.ilium.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ilium.workup.domain.WorkupKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Work-up request bodies from the clear candidate's case file (examples/cases/clear-candidate.json):
 * a 64-year-old woman with left SI joint pain, positive provocation cluster, two confirming blocks,
 * failed conservative care and clean imaging. Tests change one field at a time.
 */
public final class Workups {
    public static final Path CLEAR_CANDIDATE = Path.of("examples/cases/clear-candidate.json");

    private Workups() {
    }

    public static byte[] clearCandidateFile() {
        try {
            return Files.readAllBytes(CLEAR_CANDIDATE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The clear candidate's records of every kind, as JSON objects, in file order. */
    public static Map<WorkupKind, List<ObjectNode>> clearCandidate() {
        JsonNode file = IliumInstance.json(new String(clearCandidateFile(), java.nio.charset.StandardCharsets.UTF_8));
        Map<WorkupKind, List<ObjectNode>> items = new LinkedHashMap<>();
        for (WorkupKind kind : WorkupKind.values()) {
            List<ObjectNode> list = new ArrayList<>();
            file.path(kind.field()).forEach(n -> list.add((ObjectNode) n.deepCopy()));
            items.put(kind, list);
        }
        return items;
    }

    /** The first record of a kind in the clear candidate's file. */
    public static ObjectNode first(WorkupKind kind) {
        return clearCandidate().get(kind).get(0);
    }

    public static ObjectNode with(ObjectNode record, String field, Object value) {
        ObjectNode copy = record.deepCopy();
        copy.set(field, IliumInstance.json(IliumInstance.toJson(value)));
        return copy;
    }

    public static ObjectNode without(ObjectNode record, String field) {
        ObjectNode copy = record.deepCopy();
        copy.remove(field);
        return copy;
    }
}
