package org.ilium.shared.content;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One value of a YAML content file with its place (file, line, column, path such as
 * {@code criteria[2].minPositive}), read through typed accessors that fail with a {@link ContentException}
 * naming that place. The YAML is only composed into nodes, never constructed into objects, and custom tags
 * are refused, so a content file cannot make the reader instantiate anything.
 *
 * <p>Field accessors ({@code text("name")}, {@code integer("months", 1, 120)}, ...) read a field of a mapping;
 * {@code as...()} read this node itself. A field whose value is YAML null ({@code ~}, {@code null} or empty)
 * counts as absent.
 */
public final class ContentNode {
    private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP, Tag.MAP,
            Tag.SEQ);

    private final String file;
    private final String path;
    private final Node node;
    private Map<String, Entry> fields;

    private record Entry(Node key, Node value) {
    }

    private ContentNode(String file, String path, Node node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    /**
     * Parses one YAML document. {@code file} is how errors name it. An empty document, a syntax error, a
     * custom tag or a recursive alias fails with a {@link ContentException}.
     */
    public static ContentNode parse(String file, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setCodePointLimit(5 * 1024 * 1024);
        options.setProcessComments(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        Node root;
        try {
            root = yaml.compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            if (e.getContext() != null && e.getProblem() != null) {
                problem = e.getContext() + ", " + e.getProblem();
            }
            throw new ContentException(file, mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1, "",
                    "is not valid YAML: " + problem.trim(), e);
        } catch (YAMLException e) {
            throw new ContentException(file, 0, 0, "", "is not valid YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new ContentException(file, 1, 1, "", "is empty");
        }
        ContentNode result = new ContentNode(file, "", root);
        result.checkTags(root, "", Collections.newSetFromMap(new IdentityHashMap<>()));
        return result;
    }

    private void checkTags(Node n, String at, Set<Node> open) {
        if (!PLAIN_TAGS.contains(n.getTag())) {
            throw at(n, at, "uses the YAML tag " + n.getTag().getValue() + "; content files allow plain values, lists and mappings only");
        }
        if (n instanceof ScalarNode) {
            return;
        }
        if (!open.add(n)) {
            throw at(n, at, "refers to itself through an alias");
        }
        if (n instanceof SequenceNode) {
            List<Node> items = ((SequenceNode) n).getValue();
            for (int i = 0; i < items.size(); i++) {
                checkTags(items.get(i), at + "[" + i + "]", open);
            }
        } else if (n instanceof MappingNode) {
            for (NodeTuple t : ((MappingNode) n).getValue()) {
                checkTags(t.getKeyNode(), at, open);
                String key = t.getKeyNode() instanceof ScalarNode ? ((ScalarNode) t.getKeyNode()).getValue() : "?";
                checkTags(t.getValueNode(), child(at, key), open);
            }
        }
        open.remove(n);
    }

    private ContentException at(Node n, String where, String reason) {
        Mark m = n.getStartMark();
        return new ContentException(file, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1, where, reason);
    }

    private static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    // ---------------------------------------------------------------- place

    /** The file as errors name it. */
    public String file() {
        return file;
    }

    /** Where this value sits in the document, e.g. {@code criteria[2].minPositive}; empty for the root. */
    public String path() {
        return path;
    }

    /** 1-based line of the value's start. */
    public int line() {
        Mark m = node.getStartMark();
        return m == null ? 0 : m.getLine() + 1;
    }

    /** 1-based column of the value's start. */
    public int column() {
        Mark m = node.getStartMark();
        return m == null ? 0 : m.getColumn() + 1;
    }

    /** An error at this value, to throw: {@code throw node.error("must be ...")}. */
    public ContentException error(String reason) {
        return new ContentException(file, line(), column(), path, reason);
    }

    /**
     * An error about a field of this mapping: at the field's value when it is there, else at the mapping,
     * with the field's path either way.
     */
    public ContentException fieldError(String key, String reason) {
        Entry e = fields().get(key);
        if (e != null) {
            return new ContentNode(file, child(path, key), e.value).error(reason);
        }
        return new ContentException(file, line(), column(), child(path, key), reason);
    }

    // ---------------------------------------------------------------- shape

    public boolean isMap() {
        return node instanceof MappingNode;
    }

    public boolean isList() {
        return node instanceof SequenceNode;
    }

    public boolean isNull() {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    public boolean isScalar() {
        return node instanceof ScalarNode && !isNull();
    }

    // ---------------------------------------------------------------- mappings

    private Map<String, Entry> fields() {
        if (fields == null) {
            if (!(node instanceof MappingNode)) {
                throw error("must be a mapping of fields (name: value)");
            }
            Map<String, Entry> read = new LinkedHashMap<>();
            for (NodeTuple t : ((MappingNode) node).getValue()) {
                Node key = t.getKeyNode();
                if (!(key instanceof ScalarNode) || key.getTag().equals(Tag.NULL)) {
                    throw at(key, path, "has a field name that is not plain text");
                }
                String name = ((ScalarNode) key).getValue();
                if (read.containsKey(name)) {
                    throw at(key, child(path, name), "is given twice");
                }
                read.put(name, new Entry(key, t.getValueNode()));
            }
            fields = read;
        }
        return fields;
    }

    /** The field names of this mapping, in file order. */
    public Set<String> keys() {
        return Collections.unmodifiableSet(fields().keySet());
    }

    /** True when the mapping has the field with a non-null value. */
    public boolean has(String key) {
        Entry e = fields().get(key);
        return e != null && !isNullNode(e.value);
    }

    private static boolean isNullNode(Node n) {
        return n instanceof ScalarNode && n.getTag().equals(Tag.NULL);
    }

    /** A required field: absent or null fails with "is required". */
    public ContentNode get(String key) {
        Entry e = fields().get(key);
        if (e == null) {
            throw new ContentException(file, line(), column(), child(path, key), "is required");
        }
        ContentNode value = new ContentNode(file, child(path, key), e.value);
        if (value.isNull()) {
            throw value.error("is required");
        }
        return value;
    }

    /** An optional field; empty when absent or null. */
    public Optional<ContentNode> optional(String key) {
        Entry e = fields().get(key);
        if (e == null || isNullNode(e.value)) {
            return Optional.empty();
        }
        return Optional.of(new ContentNode(file, child(path, key), e.value));
    }

    /** Fails at the first field not among {@code allowed}, listing the allowed ones. */
    public void unknownKeys(Collection<String> allowed) {
        for (Map.Entry<String, Entry> f : fields().entrySet()) {
            if (!allowed.contains(f.getKey())) {
                throw at(f.getValue().key, child(path, f.getKey()), "is not a known field here (known: "
                        + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    public void unknownKeys(String... allowed) {
        unknownKeys(Arrays.asList(allowed));
    }

    public String text(String key) {
        return get(key).asText();
    }

    public Optional<String> optionalText(String key) {
        return optional(key).map(ContentNode::asText);
    }

    public int integer(String key, int min, int max) {
        return get(key).asInteger(min, max);
    }

    public Optional<Integer> optionalInteger(String key, int min, int max) {
        return optional(key).map(n -> n.asInteger(min, max));
    }

    public double decimal(String key, double min, double max) {
        return get(key).asDecimal(min, max);
    }

    public Optional<Double> optionalDecimal(String key, double min, double max) {
        return optional(key).map(n -> n.asDecimal(min, max));
    }

    public boolean bool(String key) {
        return get(key).asBool();
    }

    public boolean bool(String key, boolean absent) {
        return optional(key).map(ContentNode::asBool).orElse(absent);
    }

    public LocalDate date(String key) {
        return get(key).asDate();
    }

    public Optional<LocalDate> optionalDate(String key) {
        return optional(key).map(ContentNode::asDate);
    }

    /** A required list field (it may be empty). */
    public List<ContentNode> list(String key) {
        return get(key).asList();
    }

    /** A list field; an empty list when absent. */
    public List<ContentNode> optionalList(String key) {
        return optional(key).map(ContentNode::asList).orElse(List.of());
    }

    public Map<String, ContentNode> map(String key) {
        return get(key).asMap();
    }

    /** A required code such as {@code thigh_thrust} read as the enum constant {@code THIGH_THRUST}. */
    public <E extends Enum<E>> E code(String key, Class<E> type) {
        return get(key).asCode(type);
    }

    public <E extends Enum<E>> Optional<E> optionalCode(String key, Class<E> type) {
        return optional(key).map(n -> n.asCode(type));
    }

    /** A list of codes; empty when absent; a code given twice fails. */
    public <E extends Enum<E>> List<E> codes(String key, Class<E> type) {
        List<E> out = new ArrayList<>();
        for (ContentNode item : optionalList(key)) {
            E value = item.asCode(type);
            if (out.contains(value)) {
                throw item.error("is listed twice");
            }
            out.add(value);
        }
        return out;
    }

    /** A list of texts; empty when absent. */
    public List<String> texts(String key) {
        List<String> out = new ArrayList<>();
        for (ContentNode item : optionalList(key)) {
            out.add(item.asText());
        }
        return out;
    }

    // ---------------------------------------------------------------- this value

    private ScalarNode scalar(String expected) {
        if (!(node instanceof ScalarNode)) {
            throw error(expected);
        }
        if (isNull()) {
            throw error("is required");
        }
        return (ScalarNode) node;
    }

    /** Any plain value as text (numbers and dates as written); must not be blank. */
    public String asText() {
        String value = scalar("must be text, not a " + (isList() ? "list" : "mapping")).getValue();
        if (value.isBlank()) {
            throw error("must not be empty");
        }
        return value.strip();
    }

    /** A whole number written in decimal digits. */
    public int asInteger() {
        ScalarNode s = scalar("must be a whole number");
        String v = s.getValue();
        if (!s.getTag().equals(Tag.INT) || !plainDigits(v)) {
            throw error("must be a whole number");
        }
        try {
            return Integer.parseInt(v.startsWith("+") ? v.substring(1) : v);
        } catch (NumberFormatException e) {
            throw error("must be a whole number");
        }
    }

    public int asInteger(int min, int max) {
        int value = asInteger();
        if (value < min || value > max) {
            throw error("must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    private static boolean plainDigits(String v) {
        int start = v.startsWith("-") || v.startsWith("+") ? 1 : 0;
        if (v.length() == start || v.length() - start > 10) {
            return false;
        }
        for (int i = start; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A number such as {@code 75}, {@code 0.94} or {@code 1e-3}. */
    public double asDecimal() {
        ScalarNode s = scalar("must be a number");
        if (!s.getTag().equals(Tag.INT) && !s.getTag().equals(Tag.FLOAT)) {
            throw error("must be a number");
        }
        String v = s.getValue();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                throw error("must be a number written in decimal digits");
            }
        }
        try {
            double d = Double.parseDouble(v);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw error("must be a finite number");
            }
            return d;
        } catch (NumberFormatException e) {
            throw error("must be a number");
        }
    }

    public double asDecimal(double min, double max) {
        double value = asDecimal();
        if (value < min || value > max) {
            throw error("must be between " + plain(min) + " and " + plain(max) + ", not " + plain(value));
        }
        return value;
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    /** {@code true} or {@code false} (YAML 1.1's yes/no/on/off are refused as ambiguous). */
    public boolean asBool() {
        ScalarNode s = scalar("must be true or false");
        String v = s.getValue();
        if (s.getTag().equals(Tag.BOOL)) {
            if (v.equalsIgnoreCase("true")) {
                return true;
            }
            if (v.equalsIgnoreCase("false")) {
                return false;
            }
        }
        throw error("must be true or false");
    }

    /** A calendar date written {@code YYYY-MM-DD}. */
    public LocalDate asDate() {
        String v = scalar("must be a date as YYYY-MM-DD").getValue();
        if (v.length() != 10) {
            throw error("must be a date as YYYY-MM-DD, not " + v);
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw error("must be a valid date as YYYY-MM-DD, not " + v);
        }
    }

    /** The items of this list, each named {@code path[i]}. */
    public List<ContentNode> asList() {
        if (!(node instanceof SequenceNode)) {
            throw error("must be a list");
        }
        List<Node> items = ((SequenceNode) node).getValue();
        List<ContentNode> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(new ContentNode(file, path + "[" + i + "]", items.get(i)));
        }
        return out;
    }

    /** The fields of this mapping in file order (null values included, as null nodes). */
    public Map<String, ContentNode> asMap() {
        Map<String, ContentNode> out = new LinkedHashMap<>();
        for (Map.Entry<String, Entry> f : fields().entrySet()) {
            out.put(f.getKey(), new ContentNode(file, child(path, f.getKey()), f.getValue().value));
        }
        return out;
    }

    /** A lower-case code naming an enum constant: {@code thigh_thrust} for {@code THIGH_THRUST}. */
    public <E extends Enum<E>> E asCode(Class<E> type) {
        String v = asText();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(v)) {
                return constant;
            }
        }
        List<String> known = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            known.add(constant.name().toLowerCase(Locale.ROOT));
        }
        throw error("must be one of " + String.join(", ", known) + ", not " + v);
    }

    @Override
    public String toString() {
        return file + ", line " + line() + ", column " + column() + (path.isEmpty() ? "" : ": " + path);
    }
}
