package org.ilium.followup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ilium.followup.domain.Milestone;
import org.ilium.followup.domain.Offset;
import org.ilium.followup.domain.Protocol;
import org.ilium.followup.domain.Timepoint;
import org.ilium.shared.content.ContentFile;
import org.ilium.shared.content.ContentLibrary;
import org.ilium.shared.content.ContentNode;

/**
 * The follow-up protocols, from {@code content/protocols/*.yaml} (built in) and the site's
 * {@code ILIUM_CONTENT_DIR/protocols/*.yaml}; a site file with the same id and version replaces the built-in one.
 * Every error names file, line and reason, and stops the start.
 */
public final class FollowUpProtocols {
    static final String FOLDER = "protocols";
    /** The instruments a protocol may ask; they are written by the PROM module. */
    public static final Set<String> INSTRUMENTS = Set.of("back_pain_nrs", "leg_pain_nrs", "odi", "pgic", "satisfaction", "would_repeat");

    private final Map<String, Protocol> byKey;
    private final Protocol defaultProtocol;

    private FollowUpProtocols(Map<String, Protocol> byKey, Protocol defaultProtocol) {
        this.byKey = byKey;
        this.defaultProtocol = defaultProtocol;
    }

    /** Loads every protocol; {@code defaultId} names the one enrolment uses (its highest version when several). */
    public static FollowUpProtocols load(Path overrideDirOrNull, String defaultId) {
        Map<String, Protocol> byKey = new LinkedHashMap<>();
        for (ContentFile file : ContentLibrary.of(overrideDirOrNull).folder(FOLDER)) {
            Protocol p = read(file.parse());
            byKey.put(key(p.id(), p.version()), p);
        }
        Protocol chosen = byKey.values().stream().filter(p -> p.id().equals(defaultId))
                .max((a, b) -> compareVersions(a.version(), b.version()))
                .orElseThrow(() -> new org.ilium.shared.content.ContentException(ContentLibrary.ROOT + "/" + FOLDER, 0, 0, "",
                        "has no protocol with id " + defaultId + " (the default follow-up protocol)"));
        return new FollowUpProtocols(byKey, chosen);
    }

    static Protocol read(ContentNode root) {
        root.unknownKeys("id", "version", "name", "citation", "timepoints", "recovery");
        List<Timepoint> tps = new ArrayList<>();
        for (ContentNode n : root.list("timepoints")) {
            n.unknownKeys("id", "label", "beforeSurgery", "offset", "windowBefore", "windowAfter", "windowUnverified", "instruments");
            String id = n.text("id");
            if (!id.matches("[a-z0-9_]{1,32}")) {
                throw n.fieldError("id", "must be lower-case letters, digits or _ (up to 32)");
            }
            List<String> instruments = n.texts("instruments");
            for (String i : instruments) {
                if (!INSTRUMENTS.contains(i)) {
                    throw n.fieldError("instruments", "names " + i + "; known instruments: " + String.join(", ", INSTRUMENTS.stream().sorted().toList()));
                }
            }
            tps.add(new Timepoint(id, n.text("label"), n.bool("beforeSurgery", false), offset(n, "offset"), offset(n, "windowBefore"),
                    offset(n, "windowAfter"), instruments, n.bool("windowUnverified", true)));
        }
        List<Milestone> recovery = new ArrayList<>();
        for (ContentNode n : root.optionalList("recovery")) {
            n.unknownKeys("id", "label", "from", "until", "source", "unverified");
            recovery.add(new Milestone(n.text("id"), n.text("label"), offset(n, "from"),
                    n.has("until") ? offset(n, "until") : null, n.optionalText("source").orElse(null), n.bool("unverified", true)));
        }
        Protocol p;
        try {
            p = new Protocol(root.text("id"), root.text("version"), root.text("name"), root.optionalText("citation").orElse(null), tps, recovery);
        } catch (IllegalArgumentException e) {
            throw root.fieldError("timepoints", e.getMessage());
        }
        Optional<String> overlap = p.overlap();
        if (overlap.isPresent()) {
            throw root.fieldError("timepoints", overlap.get());
        }
        return p;
    }

    private static Offset offset(ContentNode n, String key) {
        try {
            return Offset.parse(n.text(key));
        } catch (IllegalArgumentException e) {
            throw n.fieldError(key, e.getMessage());
        }
    }

    private static String key(String id, String version) {
        return id + "@" + version;
    }

    private static int compareVersions(String a, String b) {
        try {
            return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    public Protocol defaultProtocol() {
        return defaultProtocol;
    }

    /** The protocol an enrolment names; it stays available as long as its file does. */
    public Optional<Protocol> find(String id, String version) {
        return Optional.ofNullable(byKey.get(key(id, version)));
    }

    public Collection<Protocol> all() {
        return byKey.values();
    }
}
