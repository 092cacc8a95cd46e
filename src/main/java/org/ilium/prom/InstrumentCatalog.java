package org.ilium.prom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ilium.prom.domain.Instrument;
import org.ilium.shared.InvalidInputException;
import org.ilium.shared.NotFoundException;
import org.ilium.shared.content.ContentException;
import org.ilium.shared.content.ContentFile;
import org.ilium.shared.content.ContentLibrary;
import org.ilium.shared.content.ContentNode;

/**
 * The questionnaire instruments, from {@code content/instruments/<id>.yaml}, loaded and checked once at start-up. A
 * site's file {@code <ILIUM_CONTENT_DIR>/instruments/<id>.yaml} replaces the built-in instrument of that id (this is how
 * a licensed site supplies the ODI wording) or adds a new one. A broken file stops the start naming file, line and reason.
 */
public final class InstrumentCatalog {
    public static final String FOLDER = "instruments";

    private final Map<String, Instrument> byId;

    private InstrumentCatalog(Map<String, Instrument> byId) {
        this.byId = byId;
    }

    /** Built-in instruments, plus the site's directory when {@code overrideDirOrNull} is given. */
    public static InstrumentCatalog load(Path overrideDirOrNull) {
        return fromLibrary(ContentLibrary.of(overrideDirOrNull));
    }

    static InstrumentCatalog fromLibrary(ContentLibrary library) {
        Map<String, Instrument> byId = new LinkedHashMap<>();
        for (boolean override : new boolean[] {false, true}) {
            Map<String, String> seenHere = new LinkedHashMap<>();
            for (ContentFile file : override ? library.overrides(FOLDER) : library.builtIn(FOLDER)) {
                ContentNode root = file.parse();
                Instrument instrument = InstrumentReader.read(root);
                String expected = FOLDER + "/" + instrument.id() + ".yaml";
                if (!file.relativePath().equals(expected)) {
                    throw root.fieldError("id", "must match the file name: instrument " + instrument.id() + " belongs in " + expected);
                }
                if (seenHere.put(instrument.id(), file.name()) != null) {
                    throw new ContentException(file.name(), 0, 0, "id", "repeats instrument " + instrument.id());
                }
                byId.put(instrument.id(), instrument);
            }
        }
        return new InstrumentCatalog(byId);
    }

    /** Every instrument, in id order. */
    public List<Instrument> all() {
        List<Instrument> all = new ArrayList<>(byId.values());
        all.sort(java.util.Comparator.comparing(Instrument::id));
        return all;
    }

    public Optional<Instrument> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** The instrument named in a URL; 404 otherwise. */
    Instrument requirePath(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("Instrument " + id + " (known: " + String.join(", ", byId.keySet()) + ")"));
    }

    /** The instrument named in an input field; 400 naming {@code field} otherwise. */
    Instrument requireField(String id, String field) {
        return find(id).orElseThrow(() -> new InvalidInputException(field, "must be one of " + String.join(", ", all().stream()
                .map(Instrument::id).toList())));
    }
}
