package org.ilium.shared.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.ilium.shared.FieldError;
import org.ilium.shared.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

/**
 * A JSON object from a request, read field by field so that one response can name every bad field:
 * missing, of the wrong type, out of range, or unknown. Nothing is bound until all fields are good.
 */
public final class JsonInput {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private final JsonNode node;
    private final String prefix;
    private final Set<String> known = new HashSet<>();
    private final List<FieldError> errors;
    private final List<JsonInput> children = new ArrayList<>();

    private JsonInput(JsonNode node, String prefix, List<FieldError> errors) {
        this.node = node;
        this.prefix = prefix;
        this.errors = errors;
    }

    /** Parses a request body; malformed or non-object JSON is refused at once. */
    public static JsonInput parse(byte[] body, ObjectMapper mapper) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException("body", "is required: a JSON object");
        }
        ObjectReader reader = mapper.reader()
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        JsonNode node;
        try {
            node = reader.readTree(body);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InvalidInputException("body", "is not valid JSON" + where + ": " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidInputException("body", "must be a JSON object");
        }
        return new JsonInput(node, "", new ArrayList<>());
    }

    /** An already parsed object, such as one element of an array in a larger document. */
    public static JsonInput of(JsonNode node, String prefix) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1), "must be a JSON object");
        }
        return new JsonInput(node, prefix, new ArrayList<>());
    }

    /** The objects of an array field, each read the same way; errors are named {@code field[i].inner}. */
    public List<JsonInput> objects(String field, boolean required) {
        JsonNode value = value(field, required);
        List<JsonInput> items = new ArrayList<>();
        if (value == null) {
            return items;
        }
        if (!value.isArray()) {
            addError(field, "must be a list");
            return items;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (element.isObject()) {
                JsonInput child = new JsonInput(element, prefix + field + "[" + i + "].", errors);
                children.add(child);
                items.add(child);
            } else {
                addError(field + "[" + i + "]", "must be a JSON object");
            }
        }
        return items;
    }

    /** A nested object, read the same way; its errors are named {@code field.inner}. */
    public JsonInput object(String field, boolean required) {
        JsonNode value = value(field, required);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            return error(field, "must be a JSON object");
        }
        JsonInput child = new JsonInput(value, prefix + field + ".", errors);
        children.add(child);
        return child;
    }

    public String text(String field, boolean required, int maxLength) {
        JsonNode value = value(field, required);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            return error(field, "must be a string");
        }
        String text = value.stringValue().strip();
        if (text.isEmpty()) {
            return required ? error(field, "must not be blank") : null;
        }
        if (text.length() > maxLength) {
            return error(field, "must be at most " + maxLength + " characters");
        }
        return text;
    }

    public LocalDate date(String field, boolean required) {
        JsonNode value = value(field, required);
        if (value == null) {
            return null;
        }
        if (value.isString() && DATE.matcher(value.stringValue()).matches()) {
            try {
                return LocalDate.parse(value.stringValue());
            } catch (DateTimeParseException e) {
                return error(field, "is not a calendar date");
            }
        }
        return error(field, "must be a date written YYYY-MM-DD");
    }

    /** A value from a closed list of codes, such as a status or a sex. */
    public <E> E code(String field, boolean required, Function<String, Optional<E>> parse, List<String> allowed) {
        JsonNode value = value(field, required);
        if (value == null) {
            return null;
        }
        Optional<E> parsed = value.isString() ? parse.apply(value.stringValue()) : Optional.empty();
        return parsed.orElseGet(() -> error(field, "must be one of " + String.join(", ", allowed)));
    }

    public Double decimal(String field, boolean required, double min, double max) {
        JsonNode value = value(field, required);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            return error(field, "must be a number");
        }
        double n = value.doubleValue();
        return n < min || n > max || Double.isNaN(n) ? error(field, "must be between " + trim(min) + " and " + trim(max)) : Double.valueOf(n);
    }

    /** A list of codes from a closed set, such as pain locations; duplicates are refused. */
    public <E> List<E> codes(String field, boolean required, Function<String, Optional<E>> parse, List<String> allowed) {
        JsonNode value = value(field, required);
        List<E> out = new ArrayList<>();
        if (value == null) {
            return required ? null : out;
        }
        if (!value.isArray()) {
            return error(field, "must be a list of " + String.join(", ", allowed));
        }
        for (JsonNode element : value) {
            Optional<E> parsed = element.isString() ? parse.apply(element.stringValue()) : Optional.empty();
            if (parsed.isEmpty()) {
                return error(field, "may only hold " + String.join(", ", allowed) + ", not " + element);
            }
            if (out.contains(parsed.get())) {
                return error(field, "names " + element + " twice");
            }
            out.add(parsed.get());
        }
        return out;
    }

    /** A list of short free-text strings, such as injected agents. */
    public List<String> texts(String field, boolean required, int maxItems, int maxLength) {
        JsonNode value = value(field, required);
        List<String> out = new ArrayList<>();
        if (value == null) {
            return required ? null : out;
        }
        if (!value.isArray() || value.size() > maxItems) {
            return error(field, "must be a list of at most " + maxItems + " strings");
        }
        for (JsonNode element : value) {
            if (!element.isString() || element.stringValue().isBlank() || element.stringValue().length() > maxLength) {
                return error(field, "must hold non-blank strings of at most " + maxLength + " characters");
            }
            out.add(element.stringValue().strip());
        }
        return out;
    }

    /** Whether the client sent the field at all (null counts as sent). */
    public boolean has(String field) {
        return node.has(field);
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    public Boolean bool(String field, boolean required) {
        JsonNode value = value(field, required);
        if (value == null) {
            return null;
        }
        return value.isBoolean() ? value.booleanValue() : error(field, "must be true or false");
    }

    public Integer integer(String field, boolean required, int min, int max) {
        JsonNode value = value(field, required);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            return error(field, "must be a whole number");
        }
        int n = value.intValue();
        return n < min || n > max ? error(field, "must be between " + min + " and " + max) : Integer.valueOf(n);
    }

    /** Fields the client may send back as it read them (such as id) and that the server ignores. */
    public JsonNode readOnly(String field) {
        known.add(field);
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    public void addError(String field, String message) {
        errors.add(new FieldError(prefix + field, message));
    }

    /** Throws with every problem found, unknown fields included; returns when the input is good. */
    public void finish() {
        addUnknownFields();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private void addUnknownFields() {
        Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
        while (fields.hasNext()) {
            String name = fields.next().getKey();
            if (!known.contains(name)) {
                addError(name, "is not a known field");
            }
        }
        children.forEach(JsonInput::addUnknownFields);
    }

    private JsonNode value(String field, boolean required) {
        known.add(field);
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                addError(field, "is required");
            }
            return null;
        }
        return value;
    }

    private <T> T error(String field, String message) {
        addError(field, message);
        return null;
    }
}
