package org.ilium.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.ilium.access.AccountService;
import org.ilium.shared.Actor;
import org.ilium.shared.CurrentActor;
import org.ilium.testing.IliumInstance;
import org.ilium.testing.IliumInstance.Client;
import org.ilium.testing.IliumInstance.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to {@code ilium import}'s service and {@code POST /fhir}: invalid JSON, wrong resourceType (top level and in
 * an entry), a Bundle above the size limit (plain and gzipped, refused without being parsed), a 50 MB string, XML
 * with a DOCTYPE and external entities (no connection made), a reference to a missing patient. Each is rejected
 * with a reason naming it, nothing of it is stored, and the import goes on with the next file. Also: Synthea 3.3.0
 * Bundles of five more seeds import with zero rejections.
 */
class FhirImportBadInputIT {
    /** 64 MB: above the 50 MB string, below the oversized Bundle. */
    static final long LIMIT = 64L << 20;
    @TempDir
    static Path dataDir;
    @TempDir
    static Path work;
    static IliumInstance ilium;
    static Client admin;
    static Actor actor;
    static FhirImport importer;
    static ServerSocket trap;
    static final AtomicInteger connections = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        ilium = IliumInstance.start(dataDir, "--ilium.reminders.enabled=false", "--ilium.import.max-bundle-bytes=" + LIMIT);
        admin = ilium.admin();
        actor = ilium.context().getBean(AccountService.class).commandLineActor("main");
        importer = ilium.context().getBean(FhirImport.class);
        // a local server that counts every connection an XML parser would make to fetch a DTD or an entity
        trap = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!trap.isClosed()) {
                try (Socket s = trap.accept()) {
                    connections.incrementAndGet();
                    s.getOutputStream().write("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // closed
                }
            }
        }, "xxe-trap");
        t.setDaemon(true);
        t.start();
    }

    @AfterAll
    static void stop() throws IOException {
        trap.close();
        ilium.close();
    }

    static ImportSummary importPaths(Path... paths) {
        return CurrentActor.callAs(actor, () -> {
            try {
                return importer.importPaths(List.of(paths), null);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    static int patients() {
        return admin.get("/fhir/Patient?_summary=count").json().get("total").asInt();
    }

    static String patient(String id, String mrn, String family) {
        return "{\"resourceType\":\"Patient\",\"id\":\"" + id + "\",\"identifier\":[{\"value\":\"" + mrn + "\"}],\"name\":[{\"family\":\""
                + family + "\",\"given\":[\"Ann\"]}],\"gender\":\"female\",\"birthDate\":\"1970-05-05\"}";
    }

    static String bundle(String... resources) {
        StringBuilder b = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
        for (int i = 0; i < resources.length; i++) {
            b.append(i > 0 ? "," : "").append("{\"resource\":").append(resources[i]).append('}');
        }
        return b.append("]}").toString();
    }

    static String pain(String id, String patientRef) {
        return "{\"resourceType\":\"Observation\",\"id\":\"" + id + "\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":"
                + "\"http://loinc.org\",\"code\":\"72514-3\"}]},\"subject\":{\"reference\":\"" + patientRef + "\"},"
                + "\"effectiveDateTime\":\"2025-02-02\",\"valueQuantity\":{\"value\":6}}";
    }

    /** A Bundle of one patient whose family name is {@code chars} characters long, written without holding it in memory. */
    static void hugeStringBundle(Path file, int chars) throws IOException {
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"huge\","
                    + "\"identifier\":[{\"value\":\"HUGE-1\"}],\"name\":[{\"family\":\"");
            char[] chunk = "x".repeat(1 << 16).toCharArray();
            for (int n = 0; n < chars; n += chunk.length) {
                w.write(chunk, 0, Math.min(chunk.length, chars - n));
            }
            w.write("\",\"given\":[\"Ann\"]}],\"gender\":\"female\",\"birthDate\":\"1970-01-01\"}}]}");
        }
    }

    /** A valid Bundle of patients larger than {@code bytes}. */
    static void oversizedBundle(OutputStream out, long bytes) throws IOException {
        Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
        long written = 0;
        for (int i = 0; written < bytes; i++) {
            String e = (i > 0 ? "," : "") + "{\"resource\":" + patient("big-" + i, "BIG-" + i, "Oversized") + "}";
            w.write(e);
            written += e.length();
        }
        w.write("]}");
        w.flush();
    }

    @Test
    void eachBadFileIsRejectedWithItsReasonNothingOfItIsStoredAndTheRestIsImported() throws IOException {
        Path in = Files.createDirectories(work.resolve("bad"));
        Files.writeString(in.resolve("a-invalid.json"), "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{");
        Files.writeString(in.resolve("b-wrong-type.json"), "{\"resourceType\":\"Pateint\",\"id\":\"x\"}");
        Files.writeString(in.resolve("c-wrong-type-in-entry.json"), bundle(patient("wt-1", "WT-1", "Wrongtype"),
                "{\"resourceType\":\"Observatoin\",\"id\":\"o1\"}"));
        Files.writeString(in.resolve("d-missing-patient.json"), bundle(patient("mp-1", "MP-1", "Missingref"), pain("mp-obs", "Patient/nobody")));
        hugeStringBundle(in.resolve("e-huge-string.json"), 50 << 20);
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(in.resolve("f-oversized.json")))) {
            oversizedBundle(out, LIMIT + 1024);
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(in.resolve("g-oversized.json.gz")), 1 << 16)) {
            oversizedBundle(out, LIMIT + 1024);
        }
        String xml = xxe();
        Files.writeString(in.resolve("h-doctype.xml"), xml);
        Files.writeString(in.resolve("i-doctype-named.json"), xml);
        Files.writeString(in.resolve("j-good.json"), bundle(patient("good-1", "GOOD-1", "Good"), pain("good-obs", "Patient/good-1")));
        Files.writeString(in.resolve("k-lines.ndjson"), patient("nd-1", "ND-1", "Lines") + "\n" + "x".repeat((int) LIMIT + 10) + "\n"
                + pain("nd-obs", "Patient/nd-1") + "\n");

        int before = patients();
        ImportSummary s = importPaths(in);
        Map<String, String> reasons = new java.util.TreeMap<>();
        s.rejected().forEach(r -> reasons.put(Path.of(r.file()).getFileName() + (r.entry() == null ? "" : " " + r.entry()), r.reason()));
        System.out.println("rejections: " + reasons.keySet());
        reasons.forEach((k, v) -> System.out.println("  " + k + ": " + v.substring(0, Math.min(200, v.length()))));

        assertThat(reasons.get("a-invalid.json")).startsWith("not a FHIR JSON resource");
        assertThat(reasons.get("b-wrong-type.json")).startsWith("not a FHIR JSON resource").contains("Pateint");
        assertThat(reasons.keySet()).anyMatch(k -> k.startsWith("c-wrong-type-in-entry.json"));
        assertThat(reasons.get("d-missing-patient.json entry[1] Observation/mp-obs")).contains("Patient/nobody");
        assertThat(reasons.get("e-huge-string.json entry[0] Patient/huge")).contains("family");
        assertThat(reasons.get("f-oversized.json")).contains("too large").contains("ILIUM_IMPORT_MAX_BUNDLE_BYTES");
        assertThat(reasons.get("g-oversized.json.gz")).contains("too large").contains("unzipped");
        assertThat(reasons.get("h-doctype.xml")).contains("XML is not imported");
        assertThat(reasons.get("i-doctype-named.json")).startsWith("not a FHIR JSON resource");
        assertThat(reasons.get("k-lines.ndjson line 2")).contains("too large");
        assertThat(reasons).hasSize(10);
        assertThat(connections.get()).as("no outbound connection for DTDs or entities").isZero();

        // only the good Bundle and the good NDJSON lines are stored
        assertThat(patients()).isEqualTo(before + 2);
        assertThat(s.toMap().get("stored")).isEqualTo(Map.of("Patient", 2L, "Observation", 2L, "EpisodeOfCare", 2L));
        for (String mrn : List.of("WT-1", "MP-1", "HUGE-1", "BIG-0")) {
            assertThat(admin.get("/fhir/Patient?identifier=" + mrn).json().get("total").asInt()).as(mrn).isZero();
        }
        assertThat(admin.get("/fhir/Patient?identifier=GOOD-1").json().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void postFhirRejectsBadBundlesWithAReasonAndStoresNothing() throws IOException {
        int before = patients();
        Response invalid = admin.sendBytes("POST", "/fhir", "{\"resourceType\":\"Bundle\",".getBytes(StandardCharsets.UTF_8), "application/fhir+json");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("Not a FHIR JSON resource");

        Response wrongType = admin.post("/fhir", "{\"resourceType\":\"Pateint\",\"id\":\"x\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body()).contains("Pateint");

        Response notBundle = admin.post("/fhir", patient("nb-1", "NB-1", "Notbundle"));
        assertThat(notBundle.status()).isEqualTo(400);
        assertThat(notBundle.body()).contains("takes a transaction Bundle");

        Response wrongInEntry = admin.post("/fhir", bundle(patient("pwt-1", "PWT-1", "Wrongtype"), "{\"resourceType\":\"Observatoin\"}"));
        assertThat(wrongInEntry.status()).as(wrongInEntry.body()).isEqualTo(400);

        Response missing = admin.post("/fhir", bundle(patient("pmp-1", "PMP-1", "Missingref"), pain("pmp-obs", "Patient/nobody")));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("Bundle.entry[1]").contains("Patient/nobody");

        Response xml = admin.sendBytes("POST", "/fhir", xxe().getBytes(StandardCharsets.UTF_8), "application/fhir+xml");
        assertThat(xml.status()).isEqualTo(415);
        assertThat(xml.body()).contains("XML is not accepted");
        assertThat(connections.get()).isZero();

        Path huge = work.resolve("huge-post.json");
        hugeStringBundle(huge, 50 << 20);
        Response hugeString = admin.sendBytes("POST", "/fhir", Files.readAllBytes(huge), "application/fhir+json");
        assertThat(hugeString.status()).as(hugeString.body().substring(0, Math.min(300, hugeString.body().length()))).isEqualTo(400);
        assertThat(hugeString.body().length()).as("the answer does not echo the value").isLessThan(4096);
        assertThat(hugeString.body()).contains("family");

        java.io.ByteArrayOutputStream big = new java.io.ByteArrayOutputStream();
        oversizedBundle(big, LIMIT + 1024);
        Response tooLarge = admin.sendBytes("POST", "/fhir", big.toByteArray(), "application/fhir+json");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("ILIUM_IMPORT_MAX_BUNDLE_BYTES");

        assertThat(patients()).isEqualTo(before);
        for (String mrn : List.of("NB-1", "PWT-1", "PMP-1", "HUGE-1", "BIG-0")) {
            assertThat(admin.get("/fhir/Patient?identifier=" + mrn).json().get("total").asInt()).as(mrn).isZero();
        }
    }

    @Test
    void syntheaBundlesOfFiveMoreSeedsImportWithZeroRejections() throws IOException {
        Path in = Files.createDirectories(work.resolve("seeds"));
        List<String> files = List.of("seed-101_Kaila152_Oberbrunner298_b81343ea-a17a-42fa-e1c9-816e4700321a.json.gz",
                "seed-202_Heidi513_Simonis280_41ec3431-9cd4-81b8-8543-9b0a3a451c43.json.gz",
                "seed-303_Chang901_Ondricka197_775057a9-4205-f1bc-662d-41cc16967a80.json.gz",
                "seed-303_Gloria696_Palacios784_de39492f-1207-1aba-5f93-e4cb0b085e35.json.gz",
                "seed-404_Mitchell808_Anderson154_c7e67683-479b-e2ef-8748-e4edf1931947.json.gz",
                "seed-404_Rheba182_Von197_dfc256c7-f2d1-d9bb-7be1-c255ff08d232.json.gz",
                "seed-505_Son314_McKenzie376_4c8c40ec-c54d-45c6-412b-d4227228180b.json.gz");
        for (String f : files) {
            try (InputStream res = FhirImportBadInputIT.class.getResourceAsStream("/fhir/synthea-seeds/" + f)) {
                Files.copy(res, in.resolve(f));
            }
        }
        ImportSummary s = importPaths(in);
        System.out.println("synthea seeds: " + s.toMap());
        assertThat(s.rejected()).isEmpty();
        assertThat(s.toMap().get("patients")).isEqualTo((long) files.size());
        assertThat(((Map<?, ?>) s.toMap().get("stored")).get("Patient")).isEqualTo((long) files.size());
        assertThat(s.readTotal()).isGreaterThan(1000);
    }

    /** An XML Bundle whose DOCTYPE names an external DTD and entities on the trap server. */
    static String xxe() {
        String url = "http://127.0.0.1:" + trap.getLocalPort();
        return "<?xml version=\"1.0\"?>\n<!DOCTYPE Bundle SYSTEM \"" + url + "/bundle.dtd\" [\n  <!ENTITY xxe SYSTEM \"" + url
                + "/secret\">\n  <!ENTITY % remote SYSTEM \"" + url + "/remote.dtd\">\n  %remote;\n]>\n"
                + "<Bundle xmlns=\"http://hl7.org/fhir\"><type value=\"collection\"/><entry><resource><Patient><id value=\"xxe\"/>"
                + "<identifier><value value=\"XXE-1\"/></identifier><name><family value=\"&xxe;\"/></name><birthDate value=\"1970-01-01\"/>"
                + "</Patient></resource></entry></Bundle>\n";
    }
}
