package org.ilium.cli;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;
import org.ilium.interop.fhir.FhirImport;
import org.ilium.interop.fhir.ImportSummary;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code ilium bench import --bundles DIR}: the FHIR import's speed in resources read per second, and in the same run a
 * raw PostgreSQL COPY of the same resources as jsonb, the ceiling the import is measured against.
 */
@Command(name = "import", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 64,
        description = {"FHIR import speed: resources read per second (target: 2,000/s), and the same resources written by a raw",
                "PostgreSQL COPY as jsonb into a scratch table (target: the import at least 25 % of COPY's rate).",
                "Imports into an embedded database: a temporary one, or --data-dir (never a clinic's data).",
                "Synthea bundles for it: scripts/synthea.sh PATIENTS SEED DIR."})
final class BenchImport implements Callable<Integer> {
    static final double TARGET_PER_SECOND = 2_000;
    static final double TARGET_RATIO = 0.25;

    @Option(names = "--bundles", required = true, paramLabel = "DIR", description = "Folder (or file) of FHIR JSON Bundles / NDJSON, as for ilium import.")
    Path bundles;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Keep the benchmark database here (default: a temporary directory, "
            + "deleted afterwards). A second run on it measures a re-import (everything unchanged). Never point this at a clinic's data.")
    Path dataDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.exists(bundles)) {
            err.println("ilium bench import: no such file or folder: " + bundles);
            return 64;
        }
        try (BenchDatabase db = BenchDatabase.open(dataDir, "--ilium.reminders.enabled=false")) {
            ConfigurableApplicationContext context = db.context();
            FhirImport importer = context.getBean(FhirImport.class);
            warmUp(context, err);
            ImportSummary summary = db.callAsActor(() -> {
                try {
                    return importer.importPaths(List.of(bundles), (filesDone, files, bytesDone, bytes, s) -> {
                        err.printf(Locale.ROOT, "\rimport %d/%d files, %,d resources, %.1f s", filesDone, files, s.readTotal(), s.seconds());
                        err.flush();
                    });
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            err.println();
            double importSeconds = summary.seconds();
            long read = summary.readTotal();

            long t0 = System.nanoTime();
            long copied;
            ObjectMapper json = context.getBean(ObjectMapper.class);
            try (BenchImportRepository copy = new BenchImportRepository(context.getBean(DataSource.class))) {
                for (Path f : files(bundles)) {
                    copyFile(f, json, copy);
                    err.printf(Locale.ROOT, "\rCOPY %,d resources, %.1f s", copy.rows(), (System.nanoTime() - t0) / 1e9);
                    err.flush();
                }
                copied = copy.finish();
            }
            double copySeconds = (System.nanoTime() - t0) / 1e9;
            err.println();

            double importRate = read / importSeconds;
            double copyRate = copied / copySeconds;
            out.println("FHIR import benchmark");
            out.printf(Locale.ROOT, "  input:        %s: %d bundles, %,d resources, %d patients, %d rejected%n", bundles, summary.bundles(),
                    read, summary.patients(), summary.rejected().size());
            out.printf(Locale.ROOT, "  import:       %,d resources in %.2f s = %,.0f resources/s = %.2f of the %,.0f/s target "
                    + "(stored %,d, unchanged %,d, skipped %,d)%n", read, importSeconds, importRate, importRate / TARGET_PER_SECOND,
                    TARGET_PER_SECOND, summary.storedTotal(), summary.unchangedTotal(), summary.skippedTotal());
            out.printf(Locale.ROOT, "  raw COPY:     %,d resources as jsonb in %.2f s = %,.0f resources/s%n", copied, copySeconds, copyRate);
            out.printf(Locale.ROOT, "  import/COPY:  %.1f %% (target >= %.0f %%)%n", 100 * importRate / copyRate, 100 * TARGET_RATIO);
            if (summary.unchangedTotal() > 0) {
                out.println("  note: the data directory held this data already; the import figure is a re-import");
            }
            out.flush();
            return 0;
        }
    }

    /** Parses the first Bundle once, untimed, so that HAPI's one-time model scan and the JIT do not count as import time. */
    private void warmUp(ConfigurableApplicationContext context, PrintWriter err) throws java.io.IOException {
        List<Path> files = files(bundles);
        if (files.isEmpty()) {
            return;
        }
        Path first = files.get(0);
        long t0 = System.nanoTime();
        try (InputStream raw = Files.newInputStream(first);
                InputStream in = first.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
            ca.uhn.fhir.context.FhirContext fhir = context.getBean(ca.uhn.fhir.context.FhirContext.class);
            for (int i = 0; i < 3; i++) {
                try (InputStream again = i == 0 ? in : Files.newInputStream(first);
                        InputStream body = i > 0 && first.toString().endsWith(".gz") ? new GZIPInputStream(again, 1 << 16) : again) {
                    if (!first.toString().contains(".ndjson")) {
                        fhir.newJsonParser().parseResource(new InputStreamReader(body, StandardCharsets.UTF_8));
                    }
                } catch (RuntimeException e) {
                    break; // not parseable: the import reports it
                }
            }
        }
        err.printf(Locale.ROOT, "warm-up: parsed %s 3 times in %.1f s (not measured)%n", first.getFileName(), (System.nanoTime() - t0) / 1e9);
    }

    /** The files ilium import reads, in its order (JSON and NDJSON, also gzipped). */
    static List<Path> files(Path root) throws java.io.IOException {
        if (!Files.isDirectory(root)) {
            return List.of(root);
        }
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> files = new ArrayList<>(walk.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".json") || n.endsWith(".ndjson") || n.endsWith(".json.gz") || n.endsWith(".ndjson.gz");
            }).sorted(Comparator.comparing(Path::toString)).toList());
            return files;
        }
    }

    /** Each resource of a Bundle (its entries' resources) or an NDJSON file (its lines), as compact JSON. */
    private static void copyFile(Path f, ObjectMapper json, BenchImportRepository copy) throws Exception {
        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
        try (InputStream raw = Files.newInputStream(f); InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
            if (name.endsWith(".ndjson") || name.endsWith(".ndjson.gz")) {
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
                String line;
                while ((line = lines.readLine()) != null) {
                    if (!line.isBlank()) {
                        JsonNode r = json.readTree(line);
                        copy.add(r.path("resourceType").asString(), json.writeValueAsString(r));
                    }
                }
                return;
            }
            JsonNode root = json.readTree(in);
            if (!"Bundle".equals(root.path("resourceType").asString())) {
                copy.add(root.path("resourceType").asString(), json.writeValueAsString(root));
                return;
            }
            for (JsonNode e : root.path("entry")) {
                JsonNode r = e.get("resource");
                if (r != null) {
                    copy.add(r.path("resourceType").asString(), json.writeValueAsString(r));
                }
            }
        }
    }
}
