package org.ilium.prom;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ilium.shared.web.JsonInput;
import tools.jackson.databind.JsonNode;

/** Reads the {@code answers} object of a request as the plain values the instrument checks. */
final class AnswersInput {
    private AnswersInput() {
    }

    /**
     * Item id to value: whole numbers as Long, strings as String, null as null; any other JSON value is passed on as
     * the node, which the instrument refuses naming the item. Null (with an error) when answers is missing or not an object.
     */
    static Map<String, Object> read(JsonInput in) {
        JsonNode node = in.readOnly("answers");
        if (node == null) {
            in.addError("answers", "is required: an object of item id to answer");
            return null;
        }
        if (!node.isObject()) {
            in.addError("answers", "must be a JSON object of item id to answer");
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode v = e.getValue();
            Object value;
            if (v == null || v.isNull()) {
                value = null;
            } else if (v.isIntegralNumber() && v.canConvertToLong()) {
                value = v.longValue();
            } else if (v.isString()) {
                value = v.stringValue();
            } else {
                value = v;
            }
            out.put(e.getKey(), value);
        }
        return out;
    }
}
