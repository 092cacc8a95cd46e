package org.ilium.surgery;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ilium.candidacy.CptCodes;
import org.ilium.candidacy.domain.Citation;
import org.ilium.shared.content.ContentFile;
import org.ilium.shared.content.ContentLibrary;
import org.ilium.shared.content.ContentNode;
import org.ilium.surgery.domain.CodingRule;
import org.ilium.surgery.domain.FeeTable;
import org.ilium.surgery.domain.SiteOfService;
import org.ilium.workup.domain.Codes;
import org.ilium.workup.domain.SurgicalApproach;

/**
 * The content surgery rests on, loaded and checked once: CPT coding rules ({@code coding/cpt-rules.yaml},
 * valid dates from {@code coding/cpt-codes.yaml}), fee tables ({@code fees/*.yaml}), the complication
 * catalogue ({@code complications.yaml}) and the surgical steps of each approach ({@code procedures/*.yaml}).
 * A site's content directory may replace any file; a fee table of the site with the id of a built-in one replaces it.
 */
public final class SurgeryContent {
    static final String RULES = "coding/cpt-rules.yaml";
    static final String COMPLICATIONS = "complications.yaml";
    static final List<String> PRECERTIFICATION = List.of("required", "may_be_required", "not_required");

    public record CatalogueEntry(String code, String name, Double ratePercent, Citation citation) {
    }

    public record Step(String code, String name) {
    }

    public record Checklist(SurgicalApproach approach, List<Step> steps, Citation citation) {
        boolean has(String step) {
            return steps.stream().anyMatch(s -> s.code().equals(step));
        }
    }

    private final List<CodingRule> rules;
    private final Map<String, FeeTable> feeTables;
    private final List<CatalogueEntry> catalogue;
    private final Map<SurgicalApproach, Checklist> checklists;

    private SurgeryContent(List<CodingRule> rules, Map<String, FeeTable> feeTables, List<CatalogueEntry> catalogue,
            Map<SurgicalApproach, Checklist> checklists) {
        this.rules = List.copyOf(rules);
        this.feeTables = feeTables;
        this.catalogue = List.copyOf(catalogue);
        this.checklists = checklists;
    }

    public static SurgeryContent load(Path overrideDirOrNull) {
        ContentLibrary library = ContentLibrary.of(overrideDirOrNull);
        CptCodes codes = CptCodes.load(overrideDirOrNull);
        return new SurgeryContent(rules(library.requireFile(RULES).parse(), codes), feeTables(library),
                catalogue(library.requireFile(COMPLICATIONS).parse()), checklists(library));
    }

    public List<CodingRule> codingRules() {
        return rules;
    }

    public List<FeeTable> feeTables() {
        return List.copyOf(feeTables.values());
    }

    public Optional<FeeTable> feeTable(String id) {
        return Optional.ofNullable(feeTables.get(id));
    }

    /** The first fee table of a payer (tables in file name order). */
    public Optional<FeeTable> feeTableForPayer(String payer) {
        return feeTables.values().stream().filter(t -> t.payer().equals(payer)).findFirst();
    }

    public List<CatalogueEntry> catalogue() {
        return catalogue;
    }

    public Optional<CatalogueEntry> complication(String code) {
        return catalogue.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public Optional<Checklist> checklist(SurgicalApproach approach) {
        return Optional.ofNullable(checklists.get(approach));
    }

    public Map<SurgicalApproach, Checklist> checklists() {
        return checklists;
    }

    private static Citation citation(ContentNode n) {
        ContentNode c = n.get("citation");
        c.unknownKeys("source", "detail", "url");
        return new Citation(c.text("source"), c.optionalText("detail").orElse(null), c.optionalText("url").orElse(null));
    }

    private static String format(Citation c) {
        return c.source() + (c.detail() == null ? "" : "; " + c.detail());
    }

    private static List<CodingRule> rules(ContentNode root, CptCodes codes) {
        root.unknownKeys("rules");
        List<CodingRule> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ContentNode n : root.list("rules")) {
            n.unknownKeys("cpt", "approaches", "transfixing", "citation");
            String cpt = n.text("cpt");
            CptCodes.Code code = codes.find(cpt).orElseThrow(() -> n.fieldError("cpt", "is not in " + "coding/cpt-codes.yaml"));
            if (!seen.add(cpt)) {
                throw n.fieldError("cpt", "has a rule already");
            }
            List<SurgicalApproach> approaches = n.codes("approaches", SurgicalApproach.class);
            if (approaches.isEmpty()) {
                throw n.fieldError("approaches", "must name at least one approach");
            }
            Boolean transfixing = n.has("transfixing") ? n.bool("transfixing") : null;
            out.add(new CodingRule(cpt, code.effectiveFrom(), code.effectiveTo(), Set.copyOf(approaches), transfixing,
                    format(citation(n))));
        }
        for (CptCodes.Code code : codes.all()) {
            if (!seen.contains(code.code())) {
                throw root.error("has no rule for CPT " + code.code() + " of coding/cpt-codes.yaml");
            }
        }
        return out;
    }

    private static Map<String, FeeTable> feeTables(ContentLibrary library) {
        Map<String, FeeTable> out = new LinkedHashMap<>();
        for (ContentFile file : library.folder("fees")) {
            FeeTable table = feeTable(file.parse());
            out.put(table.id(), table);
        }
        if (out.isEmpty()) {
            throw new org.ilium.shared.content.ContentException(ContentLibrary.ROOT + "/fees", 0, 0, "", "holds no fee table");
        }
        return out;
    }

    static FeeTable feeTable(ContentNode n) {
        n.unknownKeys("id", "name", "payer", "currency", "asOf", "unverified", "source", "precertification", "precertificationSource",
                "coinsurance", "deductible", "fees");
        String id = n.text("id");
        if (!id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw n.fieldError("id", "must be lower case letters, digits and dashes");
        }
        String currency = n.text("currency");
        if (!currency.matches("[A-Z]{3}")) {
            throw n.fieldError("currency", "must be an ISO 4217 code such as USD");
        }
        String precert = n.text("precertification");
        if (!PRECERTIFICATION.contains(precert)) {
            throw n.fieldError("precertification", "must be one of " + String.join(", ", PRECERTIFICATION));
        }
        ContentNode co = n.get("coinsurance");
        co.unknownKeys("percent", "source");
        co.text("source");
        int basisPoints = (int) Math.round(co.decimal("percent", 0, 100) * 100);
        ContentNode de = n.get("deductible");
        de.unknownKeys("unverified", "source", "byYear");
        String deductibleSource = de.text("source");
        Map<Integer, Long> deductibles = new LinkedHashMap<>();
        for (ContentNode y : de.list("byYear")) {
            y.unknownKeys("year", "cents");
            int year = y.integer("year", 1966, 2200);
            if (deductibles.put(year, (long) y.integer("cents", 0, 100_000_000)) != null) {
                throw y.fieldError("year", "appears twice");
            }
        }
        List<FeeTable.Entry> entries = new ArrayList<>();
        for (ContentNode f : n.list("fees")) {
            f.unknownKeys("cpt", "siteOfService", "allowedCents", "typicalPatientCostCents", "note");
            String cpt = f.text("cpt");
            if (!cpt.matches("\\d{5}|\\d{4}T")) {
                throw f.fieldError("cpt", "must be a CPT code such as 27279");
            }
            SiteOfService site = f.code("siteOfService", SiteOfService.class);
            Long allowed = f.optionalInteger("allowedCents", 0, Integer.MAX_VALUE).map(Integer::longValue).orElse(null);
            Long typical = f.optionalInteger("typicalPatientCostCents", 0, Integer.MAX_VALUE).map(Integer::longValue).orElse(null);
            if (allowed == null && typical == null) {
                throw f.error("needs allowedCents, typicalPatientCostCents or both");
            }
            if (entries.stream().anyMatch(e -> e.cpt().equals(cpt) && e.siteOfService() == site)) {
                throw f.error("repeats the fee of " + cpt + " at " + Codes.of(site));
            }
            entries.add(new FeeTable.Entry(cpt, site, allowed, typical, f.optionalText("note").orElse(null)));
        }
        return new FeeTable(id, n.text("name"), n.text("payer"), currency, n.optionalDate("asOf").orElse(null), n.text("source"),
                n.bool("unverified", false), precert, basisPoints, deductibles, deductibleSource, de.bool("unverified", false), entries);
    }

    private static List<CatalogueEntry> catalogue(ContentNode root) {
        root.unknownKeys("complications");
        List<CatalogueEntry> out = new ArrayList<>();
        for (ContentNode n : root.list("complications")) {
            n.unknownKeys("code", "name", "ratePercent", "citation");
            String code = n.text("code");
            if (!code.matches("[a-z][a-z0-9_]{0,63}")) {
                throw n.fieldError("code", "must be lower case letters, digits and underscores");
            }
            if (out.stream().anyMatch(c -> c.code().equals(code))) {
                throw n.fieldError("code", "appears twice");
            }
            out.add(new CatalogueEntry(code, n.text("name"), n.optionalDecimal("ratePercent", 0, 100).orElse(null), citation(n)));
        }
        return out;
    }

    private static Map<SurgicalApproach, Checklist> checklists(ContentLibrary library) {
        Map<SurgicalApproach, Checklist> out = new EnumMap<>(SurgicalApproach.class);
        for (ContentFile file : library.folder("procedures")) {
            ContentNode n = file.parse();
            n.unknownKeys("approach", "citation", "steps");
            SurgicalApproach approach = n.code("approach", SurgicalApproach.class);
            List<Step> steps = new ArrayList<>();
            for (ContentNode s : n.list("steps")) {
                s.unknownKeys("code", "name");
                String code = s.text("code");
                if (steps.stream().anyMatch(x -> x.code().equals(code))) {
                    throw s.fieldError("code", "appears twice");
                }
                steps.add(new Step(code, s.text("name")));
            }
            out.put(approach, new Checklist(approach, List.copyOf(steps), citation(n)));
        }
        for (SurgicalApproach a : SurgicalApproach.values()) {
            if (!out.containsKey(a)) {
                throw new org.ilium.shared.content.ContentException(ContentLibrary.ROOT + "/procedures", 0, 0, "",
                        "has no checklist for the approach " + Codes.of(a));
            }
        }
        return out;
    }
}
