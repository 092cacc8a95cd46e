package org.ilium.interop.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.StringType;
import org.ilium.followup.FollowUpService;
import org.ilium.patient.domain.EpisodeStatus;
import org.ilium.prom.ResponseService;
import org.ilium.shared.web.IfMatch;
import org.ilium.surgery.SurgeryJson;
import org.ilium.surgery.SurgeryService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;
import org.ilium.patient.PatientSearch;
import org.ilium.patient.PatientService;
import org.ilium.patient.domain.PatientDetails;
import org.ilium.patient.domain.Sex;
import org.ilium.patient.domain.Side;
import org.ilium.shared.CurrentActor;
import org.ilium.shared.FieldError;
import org.ilium.shared.InvalidInputException;
import org.ilium.shared.web.JsonInput;
import org.ilium.workup.WorkupReader;
import org.ilium.workup.WorkupService;
import org.ilium.workup.WorkupWriter;
import org.ilium.workup.domain.ConservativeCare;
import org.ilium.workup.domain.PainScore;
import org.ilium.workup.domain.RiskFactor;
import org.ilium.workup.domain.WorkupItem;
import org.ilium.workup.domain.WorkupKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Imports FHIR R4 data into the caller's site (docs/fhir-import.md). One transaction per Bundle (per NDJSON
 * line when the line is a single resource): a Bundle with a bad entry is rejected whole and the import goes on.
 * Idempotent through the ledger (V6), written in the same transaction as the data it records. Inputs are
 * parsed one Bundle or one line at a time. Work-up data goes through {@link WorkupService#record} after the
 * API's own reader has checked it.
 */
@Service
public class FhirImport {
    static final String SOURCE = "urn:ilium:fhir-import";
    static final String SCREENING_REASON = "imported for SIJ screening";
    private static final String EHR = "ehr_import";
    private static final String ILIUM = "urn:ilium";

    private final FhirContext fhir;
    private final PatientService patients;
    private final WorkupService workup;
    private final FhirImportRepository repository;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final SurgeryService surgery;
    private final ResponseService responses;
    private final FollowUpService followUps;
    private final long maxBundleBytes;

    /** Import order of resource types: what others refer to first (unknown types last). */
    static final List<String> ORDER = List.of("Patient", "EpisodeOfCare", "Condition", "Observation", "MedicationStatement",
            "MedicationRequest", "AdverseEvent", "Procedure", "Device", "QuestionnaireResponse", "CarePlan", "Questionnaire");

    FhirImport(FhirContext fhir, PatientService patients, WorkupService workup, FhirImportRepository repository, TransactionTemplate tx,
            ObjectMapper json, SurgeryService surgery, ResponseService responses, FollowUpService followUps,
            @org.springframework.beans.factory.annotation.Value("${ilium.import.max-bundle-bytes:268435456}") long maxBundleBytes) {
        this.surgery = surgery;
        this.responses = responses;
        this.followUps = followUps;
        this.maxBundleBytes = maxBundleBytes;
        this.fhir = fhir;
        this.patients = patients;
        this.workup = workup;
        this.repository = repository;
        this.tx = tx;
        this.json = json;
    }

    /** Thrown for an entry that makes its Bundle unacceptable; the Bundle's transaction rolls back. */
    static final class RejectedEntry extends RuntimeException {
        final String entry;

        RejectedEntry(String entry, String reason) {
            super(reason);
            this.entry = entry;
        }
    }

    /** Progress after each unit: files done, files in all, bytes done, bytes in all, summary so far. */
    public interface Progress {
        void update(int filesDone, int files, long bytesDone, long bytes, ImportSummary summary);
    }

    /** Files and folders (walked, sorted; Patient NDJSON files first) of .json, .ndjson and their .gz. */
    public ImportSummary importPaths(List<Path> paths, Progress progress) throws IOException {
        long t0 = System.nanoTime();
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(FhirImport::importable).sorted(Comparator.comparing(Path::toString))
                            .forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new IOException("No such file or folder: " + p);
            }
        }
        // what is referred to before what refers to it (NDJSON exports name files by type): patients, episodes, ...
        files.sort(Comparator.comparing(f -> rank(f.getFileName().toString())));
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        ImportSummary summary = new ImportSummary();
        long done = 0;
        // the next Bundle is parsed on another thread while this one is written: at most two Bundles in memory
        java.util.concurrent.ExecutorService reader = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fhir-import-parse");
            t.setDaemon(true);
            return t;
        });
        try {
            java.util.concurrent.Future<Parsed> next = files.isEmpty() ? null : reader.submit(() -> parse(files.get(0)));
            for (int i = 0; i < files.size(); i++) {
                Path f = files.get(i);
                Parsed parsed = await(next);
                if (i + 1 < files.size()) {
                    Path following = files.get(i + 1);
                    next = reader.submit(() -> parse(following));
                }
                importParsed(parsed, summary);
                done += Files.size(f);
                summary.seconds = (System.nanoTime() - t0) / 1e9;
                if (progress != null) {
                    progress.update(i + 1, files.size(), done, bytes, summary);
                }
            }
        } finally {
            reader.shutdownNow();
        }
        closeEpisodes(summary);
        summary.seconds = (System.nanoTime() - t0) / 1e9;
        return summary;
    }

    /** The rank in {@link #ORDER} of the type a file or resource type name starts with. */
    static int rank(String name) {
        int best = ORDER.size();
        int length = 0;
        for (int i = 0; i < ORDER.size(); i++) {
            String type = ORDER.get(i);
            if (name.startsWith(type) && type.length() > length) {
                best = i;
                length = type.length();
            }
        }
        return best;
    }

    /**
     * Closing moves of Ilium's own episodes wait until the end of the run, because a closed episode takes no
     * procedure or complication: each in its own transaction, skipped when the episode is closed already.
     */
    private void closeEpisodes(ImportSummary summary) {
        for (ImportSummary.Close c : summary.closes) {
            try {
                tx.executeWithoutResult(status -> close(c));
            } catch (RuntimeException e) {
                summary.rejected.add(new ImportSummary.Rejection(null, "EpisodeOfCare/" + c.sourceId(), "closing the episode: " + e.getMessage()));
            }
        }
        summary.closes.clear();
    }

    private void close(ImportSummary.Close c) {
        org.ilium.patient.domain.EpisodeOfCare current = patients.episode(c.patientId(), c.episodeId());
        if (current.status() != EpisodeStatus.CLOSED) {
            patients.move(c.patientId(), c.episodeId(), EpisodeStatus.CLOSED, c.candidate(), c.reason(), IfMatch.etag(current.version()), c.on());
        }
    }

    private static Parsed await(java.util.concurrent.Future<Parsed> next) throws IOException {
        try {
            return next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("import interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(e.getCause());
        }
    }

    /** A file read ahead: a parsed Bundle (or single resource), its rejection, or an NDJSON file (read line by line when imported). */
    private record Parsed(Path file, Resource resource, ImportSummary.Rejection rejection, boolean ndjson) {
    }

    private static boolean importable(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".json") || n.endsWith(".ndjson") || n.endsWith(".json.gz") || n.endsWith(".ndjson.gz")
                || n.endsWith(".xml") || n.endsWith(".xml.gz"); // XML is listed only to be reported as rejected
    }

    private Parsed parse(Path file) throws IOException {
        String name = file.toString();
        String lower = name.toLowerCase(Locale.ROOT);
        boolean ndjson = lower.endsWith(".ndjson") || lower.endsWith(".ndjson.gz");
        boolean gzip = lower.endsWith(".gz");
        if (lower.endsWith(".xml") || lower.endsWith(".xml.gz")) {
            // never handed to an XML parser: no DOCTYPE, entity or external fetch to guard against
            return new Parsed(file, null, new ImportSummary.Rejection(name, null, "FHIR XML is not imported; use FHIR JSON (.json, .ndjson)"), false);
        }
        if (ndjson) {
            return new Parsed(file, null, null, true);
        }
        if (!gzip && Files.size(file) > maxBundleBytes) {
            // refused before reading: a Bundle is parsed whole, so its size is what memory must hold
            return new Parsed(file, null, new ImportSummary.Rejection(name, null, tooLarge("Bundle", Files.size(file) + " bytes")), false);
        }
        try (InputStream raw = Files.newInputStream(file);
                InputStream unzipped = gzip ? new GZIPInputStream(raw, 1 << 16) : new java.io.BufferedInputStream(raw, 1 << 16);
                LimitedInputStream in = new LimitedInputStream(unzipped, maxBundleBytes);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            try {
                return new Parsed(file, (Resource) fhir.newJsonParser().parseResource(reader), null, false);
            } catch (RuntimeException e) {
                return new Parsed(file, null, new ImportSummary.Rejection(name, null, in.exceeded()
                        ? tooLarge("Bundle", "more than " + maxBundleBytes + " bytes unzipped")
                        : "not a FHIR JSON resource: " + e.getMessage()), false);
            }
        }
    }

    private void importParsed(Parsed parsed, ImportSummary summary) throws IOException {
        String name = parsed.file().toString();
        if (parsed.rejection() != null) {
            summary.rejected.add(parsed.rejection());
            return;
        }
        if (!parsed.ndjson()) {
            importUnit(parsed.resource(), name, null, summary);
            return;
        }
        try (InputStream raw = Files.newInputStream(parsed.file());
                InputStream in = name.toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            IParser parser = fhir.newJsonParser();
            BoundedLines lines = new BoundedLines(reader, maxBundleBytes);
            String line;
            int number = 0;
            while ((line = lines.next()) != null) {
                number++;
                if (lines.tooLong()) {
                    summary.rejected.add(new ImportSummary.Rejection(name, "line " + number, tooLarge("line", "more than " + maxBundleBytes
                            + " characters")));
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                Resource resource;
                try {
                    resource = (Resource) parser.parseResource(line);
                } catch (RuntimeException e) {
                    summary.rejected.add(new ImportSummary.Rejection(name, "line " + number, "not a FHIR JSON resource: " + e.getMessage()));
                    continue;
                }
                importUnit(resource, name, "line " + number, summary);
            }
        }
    }

    private String tooLarge(String what, String size) {
        return what + " too large (" + size + "); the limit is " + maxBundleBytes + " bytes (ILIUM_IMPORT_MAX_BUNDLE_BYTES)";
    }

    /** The largest Bundle (or NDJSON line) accepted, in bytes; larger ones are refused without being parsed. */
    public long maxBundleBytes() {
        return maxBundleBytes;
    }

    /** Reads at most {@code limit} bytes, then fails, noting it: a gzipped Bundle's size is only known while reading it. */
    static final class LimitedInputStream extends java.io.FilterInputStream {
        private final long limit;
        private long count;
        private boolean exceeded;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        boolean exceeded() {
            return exceeded;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) throws IOException {
            count += n;
            if (count > limit) {
                exceeded = true;
                throw new IOException("more than " + limit + " bytes");
            }
        }
    }

    /** NDJSON lines of at most {@code max} characters; a longer line is skipped to its end (not kept) and flagged. */
    static final class BoundedLines {
        private final Reader in;
        private final long max;
        private final char[] buf = new char[1 << 16];
        private int pos;
        private int len;
        private boolean tooLong;

        BoundedLines(Reader in, long max) {
            this.in = in;
            this.max = max;
        }

        boolean tooLong() {
            return tooLong;
        }

        /** The next line without its end, or null at the end of the input. */
        String next() throws IOException {
            StringBuilder line = new StringBuilder();
            tooLong = false;
            boolean any = false;
            while (true) {
                if (pos == len) {
                    len = in.read(buf, 0, buf.length);
                    pos = 0;
                    if (len <= 0) {
                        len = 0;
                        return any ? finish(line) : null;
                    }
                }
                any = true;
                int start = pos;
                while (pos < len && buf[pos] != '\n') {
                    pos++;
                }
                if (!tooLong) {
                    if (line.length() + (pos - start) > max) {
                        tooLong = true;
                        line.setLength(0);
                    } else {
                        line.append(buf, start, pos - start);
                    }
                }
                if (pos < len) {
                    pos++; // the newline
                    return finish(line);
                }
            }
        }

        private static String finish(StringBuilder line) {
            int n = line.length();
            return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
        }
    }

    /** A Bundle, or a single resource (an NDJSON line) as a Bundle of one entry; rejections are added to the summary. */
    private void importUnit(Resource resource, String file, String line, ImportSummary summary) {
        Bundle bundle;
        if (resource instanceof Bundle b) {
            bundle = b;
        } else {
            bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
            bundle.addEntry().setResource(resource);
        }
        try {
            summary.addAll(importBundle(bundle, line, false));
        } catch (RejectedEntry e) {
            summary.rejected.add(new ImportSummary.Rejection(file, e.entry, e.getMessage()));
        }
    }

    /**
     * One Bundle in one transaction; throws {@link RejectedEntry} (nothing stored) when an entry cannot be
     * imported. {@code where} prefixes entry names (an NDJSON line).
     */
    public ImportSummary importBundle(Bundle bundle, String where) {
        return importBundle(bundle, where, true);
    }

    /** {@code closeNow}: close Ilium episodes at the end of this Bundle's transaction, else leave them to the caller. */
    ImportSummary importBundle(Bundle bundle, String where, boolean closeNow) {
        CurrentActor.require();
        Bundle.BundleType type = bundle.getType();
        if (type != Bundle.BundleType.TRANSACTION && type != Bundle.BundleType.BATCH && type != Bundle.BundleType.COLLECTION
                && type != Bundle.BundleType.SEARCHSET) {
            throw new RejectedEntry(where, "Bundle.type must be transaction, batch, collection or searchset, not " + type);
        }
        return tx.execute(status -> {
            Unit unit = new Unit(bundle, where);
            unit.prefetchLedger();
            unit.run();
            if (closeNow) {
                unit.summary.closes.forEach(FhirImport.this::close);
                unit.summary.closes.clear();
            }
            repository.recordAll(unit.pendingLedger);
            return unit.summary;
        });
    }

    /** The work of one Bundle. */
    private final class Unit {
        final Bundle bundle;
        final String where;
        final ImportSummary summary = new ImportSummary();
        final Map<String, Resource> byReference = new HashMap<>();
        final Map<UUID, UUID> screeningEpisodes = new HashMap<>();
        final Map<String, UUID> subjects = new HashMap<>();
        int index;

        Unit(Bundle bundle, String where) {
            this.bundle = bundle;
            this.where = where;
            summary.bundles = 1;
        }

        /** Ledger entries by source, then {@code type/id}, read once for the Bundle's resources (not one query per entry). */
        final Map<String, Map<String, Optional<UUID>>> ledger = new HashMap<>();
        /** The ids asked for by source: for these, {@link #ledger} is the whole answer (found, or stored by this Bundle). */
        final Map<String, Set<String>> prefetched = new HashMap<>();
        /** Ledger rows of this Bundle, written in one batch before its transaction commits. */
        final List<Object[]> pendingLedger = new ArrayList<>();

        void prefetchLedger() {
            for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
                Resource r = e.getResource();
                String id = r == null ? null : r.getIdElement().hasIdPart() ? plainId(r.getIdElement().getIdPart())
                        : e.hasFullUrl() ? (e.getFullUrl().startsWith("urn:uuid:") ? e.getFullUrl().substring(9) : e.getFullUrl()) : null;
                if (id != null) {
                    prefetched.computeIfAbsent(source(r), k -> new HashSet<>()).add(id);
                }
            }
            prefetched.forEach((source, ids) -> ledger.put(source, new HashMap<>(repository.ledger(source, ids))));
        }

        /**
         * Present when the ledger holds the resource (read before this Bundle, or stored by it, not yet written). An id
         * outside this Bundle (a patient or episode imported by an earlier Bundle or NDJSON line) is asked for.
         */
        Optional<Optional<UUID>> ledgerEntry(String source, String type, String id) {
            Map<String, Optional<UUID>> bySource = ledger.get(source);
            if (bySource != null && bySource.containsKey(type + "/" + id)) {
                return Optional.of(bySource.get(type + "/" + id));
            }
            Set<String> asked = prefetched.get(source);
            return asked != null && asked.contains(id) ? Optional.empty() : repository.ledger(source, type, id);
        }

        void run() {
            List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
            for (Bundle.BundleEntryComponent e : entries) {
                Resource r = e.getResource();
                if (r != null) {
                    if (e.hasFullUrl()) {
                        byReference.put(e.getFullUrl(), r);
                    }
                    if (r.hasIdElement() && r.getIdElement().hasIdPart()) {
                        byReference.put(r.fhirType() + "/" + r.getIdElement().getIdPart(), r);
                    }
                }
            }
            // what is referred to first (patients, episodes, ...), whatever the order of the entries
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparing(i -> entries.get(i).getResource() == null ? ORDER.size() + 1
                    : rank(entries.get(i).getResource().fhirType())));
            for (int i : order) {
                index = i;
                Bundle.BundleEntryComponent e = entries.get(i);
                Resource r = e.getResource();
                if (r == null) {
                    ImportSummary.add(summary.skipped, "(no resource)");
                    continue;
                }
                if (e.hasRequest() && e.getRequest().getMethod() == Bundle.HTTPVerb.DELETE) {
                    ImportSummary.add(summary.read, r.fhirType());
                    ImportSummary.add(summary.skipped, r.fhirType());
                    continue;
                }
                entry(e, r);
            }
        }

        String entryName(Resource r) {
            String name = "entry[" + index + "] " + r.fhirType() + (r.getIdElement().hasIdPart() ? "/" + plainId(r.getIdElement().getIdPart()) : "");
            return where == null ? name : where + " " + name;
        }

        RejectedEntry reject(Resource r, String reason) {
            return new RejectedEntry(entryName(r), reason);
        }

        void entry(Bundle.BundleEntryComponent e, Resource r) {
            String type = r.fhirType();
            ImportSummary.add(summary.read, type);
            try {
                boolean kept;
                JsonNode record = r instanceof org.hl7.fhir.r4.model.Patient ? null : own(r);
                if (r instanceof org.hl7.fhir.r4.model.Patient p) {
                    kept = patient(e, p);
                } else if (record != null) {
                    kept = ilium(e, (DomainResource) r, record);
                } else if (r instanceof Condition c) {
                    kept = condition(e, c);
                } else if (r instanceof Observation o) {
                    kept = observation(e, o);
                } else if (r instanceof MedicationRequest m) {
                    kept = medication(e, m, m.getSubject(), m.getMedication(),
                            m.getStatus() == MedicationRequest.MedicationRequestStatus.ENTEREDINERROR, date(m.getAuthoredOnElement()), null);
                } else if (r instanceof MedicationStatement m) {
                    kept = medication(e, m, m.getSubject(), m.getMedication(),
                            m.getStatus() == MedicationStatement.MedicationStatementStatus.ENTEREDINERROR, start(m.getEffective()), end(m.getEffective()));
                } else if (r instanceof Procedure p) {
                    kept = procedure(e, p);
                } else {
                    kept = false;
                }
                if (!kept) {
                    ImportSummary.add(summary.skipped, type);
                }
            } catch (RejectedEntry x) {
                throw x;
            } catch (InvalidInputException x) {
                throw reject(r, x.errors().stream().map(f -> f.field() + " " + f.message()).toList().toString());
            } catch (RuntimeException x) {
                throw reject(r, x.getClass().getSimpleName() + ": " + x.getMessage());
            }
        }

        String resourceId(Bundle.BundleEntryComponent e, Resource r) {
            if (r.getIdElement().hasIdPart()) {
                return plainId(r.getIdElement().getIdPart());
            }
            if (e.hasFullUrl()) {
                String url = e.getFullUrl();
                return url.startsWith("urn:uuid:") ? url.substring(9) : url;
            }
            throw reject(r, "has neither an id nor a fullUrl, so a re-run could not recognise it");
        }

        String source(Resource r) {
            return r.getMeta().hasSource() ? r.getMeta().getSource() : SOURCE;
        }

        /** True when the ledger already holds the resource: counted as unchanged. */
        boolean seen(Bundle.BundleEntryComponent e, Resource r) {
            if (ledgerEntry(source(r), r.fhirType(), resourceId(e, r)).isPresent()) {
                ImportSummary.add(summary.unchanged, r.fhirType());
                return true;
            }
            return false;
        }

        void stored(Bundle.BundleEntryComponent e, Resource r, UUID iliumId) {
            String source = source(r);
            String id = resourceId(e, r);
            pendingLedger.add(new Object[] {source, r.fhirType(), id, iliumId});
            ledger.computeIfAbsent(source, k -> new HashMap<>()).put(r.fhirType() + "/" + id, Optional.ofNullable(iliumId));
            ImportSummary.add(summary.stored, r.fhirType());
        }

        boolean patient(Bundle.BundleEntryComponent e, org.hl7.fhir.r4.model.Patient p) {
            summary.patients++;
            if (seen(e, p)) {
                return true;
            }
            PatientDetails details = details(e, p);
            // conditional create: a patient of the site with the same MRN is the same patient
            UUID id = patients.search(new PatientSearch(details.mrn(), null, null), 0, 1).items().stream().findFirst()
                    .map(x -> x.id()).orElse(null);
            if (id == null) {
                id = patients.register(details).id();
            }
            stored(e, p, id);
            return true;
        }

        PatientDetails details(Bundle.BundleEntryComponent e, org.hl7.fhir.r4.model.Patient p) {
            String mrn = null;
            for (Identifier i : p.getIdentifier()) {
                if (i.hasValue() && i.getType().getCoding().stream().anyMatch(c -> "MR".equals(c.getCode()))) {
                    mrn = i.getValue();
                    break;
                }
            }
            if (mrn == null) {
                mrn = p.getIdentifier().stream().filter(Identifier::hasValue).map(Identifier::getValue).findFirst().orElse(resourceId(e, p));
            }
            HumanName name = p.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).findFirst()
                    .orElse(p.getName().isEmpty() ? new HumanName() : p.getNameFirstRep());
            String given = name.getGiven().isEmpty() ? null : String.join(" ", name.getGiven().stream().map(Object::toString).toList());
            String family = name.getFamily();
            if (given == null || family == null || !p.hasBirthDate()) {
                throw reject(p, "a patient needs a given name, a family name and a birth date");
            }
            LocalDate birth = LocalDate.parse(p.getBirthDateElement().getValueAsString().substring(0, 10));
            Sex sex = switch (p.hasGender() ? p.getGender() : org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.UNKNOWN) {
                case FEMALE -> Sex.FEMALE;
                case MALE -> Sex.MALE;
                case OTHER -> Sex.OTHER;
                default -> Sex.UNKNOWN;
            };
            String phone = telecom(p, ContactPoint.ContactPointSystem.PHONE);
            String email = telecom(p, ContactPoint.ContactPointSystem.EMAIL);
            PatientDetails details = new PatientDetails(mrn, given, family, birth, sex, email, phone);
            List<FieldError> errors = details.check(patients.latestToday());
            // a telecom the registry cannot take is left out; anything else rejects the Bundle
            if (errors.stream().anyMatch(f -> f.field().equals("phone") || f.field().equals("email"))) {
                details = new PatientDetails(mrn, given, family, birth, sex,
                        errors.stream().anyMatch(f -> f.field().equals("email")) ? null : email,
                        errors.stream().anyMatch(f -> f.field().equals("phone")) ? null : phone);
                errors = details.check(patients.latestToday());
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            return details;
        }

        String telecom(org.hl7.fhir.r4.model.Patient p, ContactPoint.ContactPointSystem system) {
            return p.getTelecom().stream().filter(t -> t.getSystem() == system && t.hasValue()).map(ContactPoint::getValue).findFirst()
                    .orElse(null);
        }

        /** The Ilium patient a resource is about: imported earlier in this Bundle or in an earlier one. */
        UUID subject(Resource r, Reference ref) {
            String id = referencedId(ref);
            if (id == null) {
                throw reject(r, "names no patient (subject)");
            }
            Resource inBundle = byReference.get(ref.getReference());
            String source = inBundle != null ? source(inBundle) : source(r);
            UUID known = subjects.get(source + "|" + id); // most entries of a Bundle are about the same patient
            if (known != null) {
                return known;
            }
            Optional<Optional<UUID>> found = ledgerEntry(source, "Patient", id);
            if (found.isEmpty() || found.get().isEmpty()) {
                throw reject(r, "refers to patient " + ref.getReference() + ", which is neither in this Bundle nor imported before");
            }
            subjects.put(source + "|" + id, found.get().get());
            return found.get().get();
        }

        String referencedId(Reference ref) {
            if (ref == null || !ref.hasReference()) {
                return null;
            }
            String s = ref.getReference();
            if (s.startsWith("urn:uuid:")) {
                return s.substring(9);
            }
            Resource inBundle = byReference.get(s);
            if (inBundle != null && inBundle.getIdElement().hasIdPart()) {
                return plainId(inBundle.getIdElement().getIdPart());
            }
            int slash = s.lastIndexOf('/');
            return slash >= 0 ? s.substring(slash + 1) : s;
        }

        UUID screeningEpisode(UUID patient) {
            UUID known = screeningEpisodes.get(patient);
            if (known != null) {
                return known;
            }
            Optional<Optional<UUID>> found = repository.ledger(ILIUM, "ScreeningEpisode", patient.toString());
            UUID episode;
            if (found.isPresent() && found.get().isPresent()) {
                episode = found.get().get();
            } else {
                // the side is not known from EHR data; bilateral until the work-up says otherwise
                episode = patients.openEpisode(patient, Side.BILATERAL, SCREENING_REASON).id();
                repository.record(ILIUM, "ScreeningEpisode", patient.toString(), episode);
                ImportSummary.add(summary.stored, "EpisodeOfCare");
            }
            screeningEpisodes.put(patient, episode);
            return episode;
        }

        void record(Bundle.BundleEntryComponent e, Resource r, UUID patient, WorkupItem item) {
            check(item);
            UUID id = workup.record(screeningEpisode(patient), item).id();
            stored(e, r, id);
        }

        boolean condition(Bundle.BundleEntryComponent e, Condition c) {
            Coding match = null;
            boolean lowBack = false;
            for (Coding coding : c.getCode().getCoding()) {
                if (Fhir.SNOMED.equals(coding.getSystem()) && ImportCodes.SNOMED_SCREEN.contains(coding.getCode())) {
                    match = coding;
                    lowBack |= ImportCodes.SNOMED_LOW_BACK.contains(coding.getCode());
                } else if (ImportCodes.isIcd10(coding.getSystem()) && coding.getCode() != null
                        && ImportCodes.ICD10_SCREEN.contains(coding.getCode().toUpperCase(Locale.ROOT))) {
                    match = coding;
                    lowBack = true;
                }
            }
            if (match == null || isCode(c.getVerificationStatus(), "entered-in-error", "refuted")) {
                return false;
            }
            UUID patient = subject(c, c.getSubject());
            if (lowBack) {
                summary.lowBackPain.add(patient);
            }
            if (seen(e, c)) {
                return true;
            }
            UUID id = UUID.randomUUID();
            repository.addProblem(id, patient, "condition", match.getSystem(), match.getCode(), display(match, c.getCode()),
                    c.hasOnsetDateTimeType() ? date(c.getOnsetDateTimeType()) : date(c.getRecordedDateElement()),
                    c.hasAbatementDateTimeType() ? date(c.getAbatementDateTimeType()) : null, true);
            screeningEpisode(patient);
            stored(e, c, id);
            return true;
        }

        boolean observation(Bundle.BundleEntryComponent e, Observation o) {
            String loinc = o.getCode().getCoding().stream().filter(c -> Fhir.LOINC.equals(c.getSystem())).map(Coding::getCode)
                    .filter(c -> c != null && (c.equals(ImportCodes.PAIN_NRS) || c.equals(ImportCodes.SMOKING) || c.equals(ImportCodes.BMI)))
                    .findFirst().orElse(null);
            if (loinc == null || o.getStatus() == Observation.ObservationStatus.ENTEREDINERROR
                    || o.getStatus() == Observation.ObservationStatus.CANCELLED) {
                return false;
            }
            LocalDate date = o.hasEffectiveDateTimeType() ? date(o.getEffectiveDateTimeType())
                    : o.hasEffectivePeriod() ? date(o.getEffectivePeriod().getStartElement()) : date(o.getIssuedElement().getValue() == null ? null
                    : new org.hl7.fhir.r4.model.DateTimeType(o.getIssued()));
            if (date == null) {
                throw reject(o, "has no effective date");
            }
            WorkupItem item;
            switch (loinc) {
                case ImportCodes.PAIN_NRS -> {
                    // valueQuantity (Synthea, US Core) or valueInteger (Ilium's own export)
                    if (o.hasValueIntegerType() && o.getValueIntegerType().getValue() != null) {
                        item = new PainScore(null, date, null, EHR, o.getValueIntegerType().getValue(), null, null, java.util.Set.of());
                        break;
                    }
                    if (!o.hasValueQuantity() || !o.getValueQuantity().hasValue()) {
                        return false;
                    }
                    double v = o.getValueQuantity().getValue().doubleValue();
                    if (v != Math.rint(v)) {
                        throw reject(o, "pain NRS must be a whole number 0-10, not " + v);
                    }
                    item = new PainScore(null, date, null, EHR, (int) v, null, null, java.util.Set.of());
                }
                case ImportCodes.SMOKING -> {
                    String status = o.hasValueCodeableConcept() ? o.getValueCodeableConcept().getCoding().stream()
                            .map(c -> ImportCodes.SMOKING_STATUS.get(c.getCode())).filter(s -> s != null).findFirst().orElse(null) : null;
                    if (status == null) {
                        return false;
                    }
                    UUID patient = subject(o, o.getSubject());
                    summary.smoking(patient, date.toString(), status);
                    item = new RiskFactor(null, date, null, EHR, RiskFactor.Type.SMOKING_STATUS, null, null, status, null);
                }
                default -> {
                    if (!o.hasValueQuantity() || !o.getValueQuantity().hasValue()) {
                        return false;
                    }
                    double bmi = Math.round(o.getValueQuantity().getValue().doubleValue() * 100) / 100.0;
                    item = new RiskFactor(null, date, null, EHR, RiskFactor.Type.BMI, null, bmi, null, null);
                }
            }
            UUID patient = subject(o, o.getSubject());
            if (seen(e, o)) {
                return true;
            }
            record(e, o, patient, item);
            return true;
        }

        boolean medication(Bundle.BundleEntryComponent e, Resource r, Reference subject, Type medication, boolean enteredInError,
                LocalDate start, LocalDate end) {
            CodeableConcept code = null;
            if (medication instanceof CodeableConcept cc) {
                code = cc;
            } else if (medication instanceof Reference ref && byReference.get(ref.getReference()) instanceof Medication m) {
                code = m.getCode();
            }
            if (code == null || enteredInError) {
                return false;
            }
            String ingredient = null;
            Coding named = null;
            for (Coding c : code.getCoding()) {
                String found = ImportCodes.opioid(ImportCodes.RXNORM.equals(c.getSystem()) ? c.getCode() : null, c.getDisplay());
                if (found != null) {
                    ingredient = found;
                    named = c;
                    break;
                }
            }
            if (ingredient == null) {
                ingredient = ImportCodes.opioid(null, code.getText());
            }
            if (ingredient == null) {
                return false;
            }
            if (r instanceof MedicationRequest m && m.hasDispenseRequest() && m.getDispenseRequest().hasValidityPeriod()) {
                Period p = m.getDispenseRequest().getValidityPeriod();
                start = start != null ? start : date(p.getStartElement());
                end = date(p.getEndElement());
            }
            if (start == null) {
                throw reject(r, "an opioid without a date");
            }
            UUID patient = subject(r, subject);
            summary.opioidExposed.add(patient);
            if (seen(e, r)) {
                return true;
            }
            String what = named != null ? "RxNorm " + named.getCode() + " " + (named.hasDisplay() ? named.getDisplay() : "")
                    : code.getText();
            String detail = ("opioid: " + ingredient + " (" + r.fhirType() + ", " + what.trim() + ")");
            if (detail.length() > 500) {
                detail = detail.substring(0, 500);
            }
            if (end != null && end.isBefore(start)) {
                end = start;
            }
            record(e, r, patient, new ConservativeCare(null, start, null, EHR, ConservativeCare.Type.MEDICATION, start, end,
                    ConservativeCare.Result.ONGOING, detail));
            return true;
        }

        boolean procedure(Bundle.BundleEntryComponent e, Procedure p) {
            ImportCodes.ProcedureKind kind = null;
            Coding match = null;
            for (Coding c : p.getCode().getCoding()) {
                kind = ImportCodes.procedure(c.getSystem(), c.getCode(), c.getDisplay());
                if (kind != null) {
                    match = c;
                    break;
                }
            }
            if (kind == null || p.getStatus() == Procedure.ProcedureStatus.ENTEREDINERROR
                    || p.getStatus() == Procedure.ProcedureStatus.NOTDONE) {
                return false;
            }
            LocalDate date = p.hasPerformedDateTimeType() ? date(p.getPerformedDateTimeType())
                    : p.hasPerformedPeriod() ? date(p.getPerformedPeriod().getStartElement()) : null;
            UUID patient = subject(p, p.getSubject());
            if (seen(e, p)) {
                return true;
            }
            UUID id = UUID.randomUUID();
            repository.addProblem(id, patient, "procedure", match.getSystem(), match.getCode(), display(match, p.getCode()), date, null, false);
            if (kind == ImportCodes.ProcedureKind.LUMBAR_FUSION && date != null) {
                check(new RiskFactor(null, date, null, EHR, RiskFactor.Type.PRIOR_LUMBAR_FUSION, true, null, null, display(match, p.getCode())));
                workup.record(screeningEpisode(patient), new RiskFactor(null, date, null, EHR, RiskFactor.Type.PRIOR_LUMBAR_FUSION, true, null,
                        null, truncate(display(match, p.getCode()))));
            }
            stored(e, p, id);
            return true;
        }

        /** The record of a resource Ilium exported (meta.source a site of Ilium, with the record extension), else null. */
        JsonNode own(Resource r) {
            if (!(r instanceof DomainResource d) || !d.getMeta().hasSource() || !d.getMeta().getSource().startsWith(Fhir.SITE_SOURCE_PREFIX)) {
                return null;
            }
            org.hl7.fhir.r4.model.Extension ext = d.getExtensionByUrl(Fhir.RECORD_EXTENSION);
            if (ext == null || !(ext.getValue() instanceof StringType text)) {
                return null;
            }
            try {
                return json.readTree(text.getValue());
            } catch (RuntimeException x) {
                throw reject(r, "the Ilium record extension is not JSON: " + x.getMessage());
            }
        }

        Reference subjectOf(Resource r) {
            if (r instanceof org.hl7.fhir.r4.model.EpisodeOfCare x) {
                return x.getPatient();
            } else if (r instanceof Condition x) {
                return x.getSubject();
            } else if (r instanceof Observation x) {
                return x.getSubject();
            } else if (r instanceof MedicationStatement x) {
                return x.getSubject();
            } else if (r instanceof Procedure x) {
                return x.getSubject();
            } else if (r instanceof AdverseEvent x) {
                return x.getSubject();
            } else if (r instanceof QuestionnaireResponse x) {
                return x.getSubject();
            } else if (r instanceof CarePlan x) {
                return x.getSubject();
            }
            return null;
        }

        /**
         * A resource Ilium exported: its record goes through the same readers and services as the REST API (work-up
         * reader, surgery rules, scoring), into the episode it names; nothing is lost in a mapping.
         */
        boolean ilium(Bundle.BundleEntryComponent e, DomainResource r, JsonNode record) {
            Reference subject = subjectOf(r);
            if (subject == null) {
                return false;
            }
            UUID patient = subject(r, subject);
            count(r, record, patient);
            Optional<Optional<UUID>> before = ledgerEntry(source(r), r.fhirType(), resourceId(e, r));
            if (before.isPresent()) {
                ImportSummary.add(summary.unchanged, r.fhirType());
                if (r instanceof org.hl7.fhir.r4.model.EpisodeOfCare && before.get().isPresent()) {
                    closeLater(r, record, patient, before.get().get());
                }
                return true;
            }
            UUID id;
            if (r instanceof org.hl7.fhir.r4.model.EpisodeOfCare) {
                id = episode(r, record, patient);
            } else if ((r instanceof Condition || r instanceof Procedure) && record.has("system")) {
                id = UUID.randomUUID();
                repository.addProblem(id, patient, text(record, "kind"), text(record, "system"), text(record, "code"), text(record, "display"),
                        localDate(record, "onset"), localDate(record, "abatement"), record.path("screen").asBoolean());
            } else if (r instanceof Observation || r instanceof MedicationStatement) {
                WorkupKind kind = WorkupKind.fromPath(text(record, "kind")).orElseThrow(() -> reject(r, "unknown work-up kind " + text(record, "kind")));
                ObjectNode copy = (ObjectNode) record.deepCopy();
                copy.remove("kind");
                JsonInput in = JsonInput.of(copy, "");
                WorkupItem item = WorkupReader.read(kind, in, new WorkupReader.Context(null, CurrentActor.require().username(), workup.latestToday()));
                in.finish();
                id = workup.record(episodeOf(r, patient), item).id();
            } else if (r instanceof AdverseEvent) {
                JsonInput in = JsonInput.of(record, "");
                var complication = SurgeryJson.readComplication(in, new SurgeryJson.Context(surgery.content(), surgery.latestToday()));
                in.finish();
                id = surgery.recordComplication(episodeOf(r, patient), complication).id();
            } else if (r instanceof Procedure) {
                ObjectNode copy = (ObjectNode) record.deepCopy();
                if (copy.hasNonNull("complicationId")) {
                    String theirs = copy.get("complicationId").asText();
                    UUID ours = ledgerEntry(source(r), "AdverseEvent", theirs).flatMap(x -> x)
                            .orElseThrow(() -> reject(r, "revises complication AdverseEvent/" + theirs + ", which was not imported"));
                    copy.put("complicationId", ours.toString());
                }
                JsonInput in = JsonInput.of(copy, "");
                var procedure = SurgeryJson.readProcedure(in, new SurgeryJson.Context(surgery.content(), surgery.latestToday()));
                in.finish();
                id = surgery.record(episodeOf(r, patient), procedure).id();
            } else if (r instanceof QuestionnaireResponse) {
                @SuppressWarnings("unchecked")
                Map<String, Object> answers = json.treeToValue(record.path("answers"), Map.class);
                org.ilium.prom.Response stored = responses.record(episodeOf(r, patient), text(record, "timepoint"), text(record, "instrument"),
                        answers, text(record, "source"), localDate(record, "collectedOn"));
                JsonNode score = record.path("score");
                Double expected = score.isNumber() ? score.asDouble() : null;
                if (expected == null ? stored.score() != null : stored.score() == null || Math.abs(stored.score() - expected) > 1e-9) {
                    throw reject(r, "scored " + stored.score() + " here but " + expected + " where it was exported");
                }
                id = stored.id();
            } else if (r instanceof CarePlan) {
                UUID episode = episodeOf(r, patient);
                var fields = record.path("completions").properties();
                for (var f : fields) {
                    followUps.complete(episode, f.getKey(), f.getValue().asText());
                }
                id = episode;
            } else {
                return false;
            }
            stored(e, r, id);
            return true;
        }

        /** The summary's patient figures, as for EHR data: chronic low back pain, opioid exposure, smoking status. */
        void count(Resource r, JsonNode record, UUID patient) {
            String code = text(record, "code");
            if (r instanceof Condition && code != null && (ImportCodes.SNOMED_LOW_BACK.contains(code)
                    || ImportCodes.isIcd10(text(record, "system")) && ImportCodes.ICD10_SCREEN.contains(code.toUpperCase(Locale.ROOT)))) {
                summary.lowBackPain.add(patient);
            } else if (r instanceof MedicationStatement && ImportCodes.opioid(null, text(record, "detail")) != null) {
                summary.opioidExposed.add(patient);
            } else if (r instanceof Observation && "smoking_status".equals(text(record, "type")) && text(record, "status") != null) {
                summary.smoking(patient, text(record, "date"), text(record, "status"));
            }
        }

        /** The episode an Ilium resource names (its episode extension), imported before from the same source. */
        UUID episodeOf(DomainResource r, UUID patient) {
            org.hl7.fhir.r4.model.Extension ext = r.getExtensionByUrl(Fhir.EPISODE_EXTENSION);
            if (ext == null || !(ext.getValue() instanceof Reference ref) || referencedId(ref) == null) {
                throw reject(r, "names no episode (extension " + Fhir.EPISODE_EXTENSION + ")");
            }
            String theirs = referencedId(ref);
            UUID ours = ledgerEntry(source(r), "EpisodeOfCare", theirs).flatMap(x -> x)
                    .orElseThrow(() -> reject(r, "refers to EpisodeOfCare/" + theirs + ", which is neither in this Bundle nor imported before"));
            patients.episode(patient, ours); // the episode must be the same patient's
            return ours;
        }

        /**
         * An episode with its history: opened on the referral's date, then moved as it was, with the same reasons,
         * candidacy and effective dates. A closing move waits for the end of the run (see closeEpisodes).
         */
        UUID episode(DomainResource r, JsonNode record, UUID patient) {
            Side side = Side.fromCode(text(record, "side")).orElseThrow(() -> reject(r, "unknown side " + text(record, "side")));
            JsonNode moves = record.path("transitions");
            if (moves.isEmpty() || !"referred".equals(text(moves.get(0), "to"))) {
                throw reject(r, "an episode's history starts with its referral");
            }
            org.ilium.patient.domain.EpisodeOfCare episode = patients.openEpisode(patient, side, text(moves.get(0), "reason"),
                    localDate(moves.get(0), "effectiveOn"));
            for (int i = 1; i < moves.size(); i++) {
                JsonNode m = moves.get(i);
                EpisodeStatus to = EpisodeStatus.fromCode(text(m, "to")).orElseThrow(() -> reject(r, "unknown status " + text(m, "to")));
                if (to == EpisodeStatus.CLOSED) {
                    break;
                }
                JsonNode candidate = m.path("candidate");
                episode = patients.move(patient, episode.id(), to, candidate.isBoolean() ? candidate.asBoolean() : null, text(m, "reason"),
                        IfMatch.etag(episode.version()), localDate(m, "effectiveOn"));
            }
            closeLater(r, record, patient, episode.id());
            return episode.id();
        }

        void closeLater(DomainResource r, JsonNode record, UUID patient, UUID episode) {
            JsonNode moves = record.path("transitions");
            JsonNode last = moves.isEmpty() ? null : moves.get(moves.size() - 1);
            if (last != null && "closed".equals(text(last, "to"))) {
                JsonNode candidate = last.path("candidate");
                summary.closes.add(new ImportSummary.Close(r.getIdElement().getIdPart(), patient, episode,
                        candidate.isBoolean() ? candidate.asBoolean() : null, text(last, "reason"), localDate(last, "effectiveOn")));
            }
        }

        /** The API's own reading of a work-up record: what it would refuse, the import refuses too. */
        void check(WorkupItem item) {
            JsonInput in = JsonInput.of(json.valueToTree(WorkupWriter.write(item)), "");
            WorkupReader.read(WorkupKind.of(item), in, new WorkupReader.Context(null, CurrentActor.require().username(), workup.latestToday()));
            in.finish();
        }
    }

    /** HAPI gives an entry's resource the id of its fullUrl (urn:uuid:...); the ledger keeps the bare id. */
    static String plainId(String id) {
        return id.startsWith("urn:uuid:") ? id.substring(9) : id;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isNull() || v.isMissingNode() ? null : v.asText();
    }

    static LocalDate localDate(JsonNode node, String field) {
        String v = text(node, field);
        return v == null ? null : LocalDate.parse(v);
    }

    static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }

    static String display(Coding c, CodeableConcept cc) {
        return truncate(c.hasDisplay() ? c.getDisplay() : cc.getText());
    }

    static boolean isCode(CodeableConcept cc, String... codes) {
        return cc != null && cc.getCoding().stream().anyMatch(c -> List.of(codes).contains(c.getCode()));
    }

    static LocalDate date(BaseDateTimeType t) {
        if (t == null || t.getValue() == null) {
            return null;
        }
        String s = t.getValueAsString();
        if (s.length() >= 10) {
            return LocalDate.parse(s.substring(0, 10));
        }
        return t.getValue().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }

    static LocalDate start(Type effective) {
        if (effective instanceof Period p) {
            return date(p.getStartElement());
        }
        return effective instanceof BaseDateTimeType d ? date(d) : null;
    }

    static LocalDate end(Type effective) {
        return effective instanceof Period p ? date(p.getEndElement()) : null;
    }
}
