package org.ilium.surgery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ilium.shared.InvalidInputException;
import org.ilium.surgery.domain.CostEstimate;
import org.ilium.surgery.domain.FeeTable;
import org.ilium.surgery.domain.Money;
import org.ilium.surgery.domain.SiteOfService;
import org.ilium.workup.domain.Codes;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Surgery", description = "Cost estimates, fee tables, the complication catalogue and the surgical step checklists")
class SurgeryReferenceController {
    private final SurgeryService surgery;
    private final CostEstimates costs;

    SurgeryReferenceController(SurgeryService surgery, CostEstimates costs) {
        this.surgery = surgery;
        this.costs = costs;
    }

    @GetMapping(path = "/api/v1/episodes/{episodeId}/cost-estimate", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Expected payment and patient share of the episode's operation by site of service and payer. The CPT code "
            + "is the one given, else the index procedure's, else the latest planned procedure's.")
    Map<String, Object> estimate(@PathVariable UUID episodeId, @RequestParam(required = false) String siteOfService,
            @RequestParam(required = false, defaultValue = "medicare") String payer, @RequestParam(required = false) String cpt,
            @RequestParam(required = false) String feeTable, @RequestParam(required = false, defaultValue = "0") String deductibleMetCents) {
        if (siteOfService == null) {
            throw new InvalidInputException("siteOfService", "is required: one of " + String.join(", ", Codes.all(SiteOfService.class)));
        }
        SiteOfService site = Codes.parse(SiteOfService.class, siteOfService).orElseThrow(() -> new InvalidInputException("siteOfService",
                "must be one of " + String.join(", ", Codes.all(SiteOfService.class))));
        if (cpt != null && !cpt.matches("\\d{5}|\\d{4}T")) {
            throw new InvalidInputException("cpt", "must be a CPT code such as 27279");
        }
        long met;
        try {
            met = Long.parseLong(deductibleMetCents);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("deductibleMetCents", "must be a whole number of cents");
        }
        if (met < 0 || met > 100_000_000) {
            throw new InvalidInputException("deductibleMetCents", "must be between 0 and 100000000");
        }
        return view(costs.estimate(episodeId, cpt, site, payer, feeTable, met));
    }

    @GetMapping(path = "/api/v1/fee-tables", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every fee table with its date, source and fees (integer cents)")
    List<Map<String, Object>> feeTables() {
        return surgery.content().feeTables().stream().map(SurgeryReferenceController::view).toList();
    }

    @GetMapping(path = "/api/v1/complications/catalogue", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The complication catalogue: codes, names, literature rates (percent, null when unknown), citations")
    List<SurgeryContent.CatalogueEntry> catalogue() {
        return surgery.content().catalogue();
    }

    @GetMapping(path = "/api/v1/procedures/checklists", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The surgical steps of each approach: the codes a procedure's steps list may hold")
    Map<String, Object> checklists() {
        Map<String, Object> out = new LinkedHashMap<>();
        surgery.content().checklists().forEach((approach, list) -> out.put(Codes.of(approach),
                Map.of("steps", list.steps(), "citation", list.citation())));
        return out;
    }

    private static Map<String, Object> view(CostEstimate e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("feeTable", e.feeTable());
        out.put("payer", e.payer());
        out.put("cpt", e.cpt());
        out.put("siteOfService", Codes.of(e.siteOfService()));
        out.put("year", e.year());
        out.put("currency", e.currency());
        out.put("allowed", money(e.allowedCents(), e.currency()));
        out.put("deductible", money(e.deductibleCents(), e.currency()));
        out.put("deductibleApplied", money(e.deductibleAppliedCents(), e.currency()));
        out.put("coinsurance", money(e.coinsuranceCents(), e.currency()));
        out.put("patientShare", money(e.patientShareCents(), e.currency()));
        out.put("payerPays", money(e.payerPaysCents(), e.currency()));
        out.put("typicalPatientCost", money(e.typicalPatientCostCents(), e.currency()));
        out.put("precertification", e.precertification());
        out.put("source", e.source());
        out.put("notes", e.notes());
        return out;
    }

    private static Map<String, Object> money(Long cents, String currency) {
        if (cents == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cents", cents);
        m.put("currency", currency);
        m.put("amount", new Money(cents, currency).decimal());
        return m;
    }

    private static Map<String, Object> view(FeeTable t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", t.id());
        out.put("name", t.name());
        out.put("payer", t.payer());
        out.put("currency", t.currency());
        out.put("asOf", t.asOf() == null ? null : t.asOf().toString());
        out.put("source", t.source());
        out.put("unverified", t.unverified());
        out.put("precertification", t.precertification());
        out.put("coinsurancePercent", t.coinsuranceBasisPoints() / 100.0);
        Map<String, Object> deductible = new LinkedHashMap<>();
        t.deductibles().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(d -> deductible.put(d.getKey().toString(), money(d.getValue(), t.currency())));
        out.put("deductibleByYear", deductible);
        out.put("deductibleSource", t.deductibleSource());
        out.put("deductibleUnverified", t.deductibleUnverified());
        out.put("fees", t.entries().stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cpt", f.cpt());
            m.put("siteOfService", Codes.of(f.siteOfService()));
            m.put("allowed", money(f.allowedCents(), t.currency()));
            m.put("typicalPatientCost", money(f.typicalPatientCostCents(), t.currency()));
            m.put("note", f.note());
            return m;
        }).toList());
        return out;
    }
}
