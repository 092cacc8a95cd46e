package org.ilium.surgery;

import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import org.ilium.shared.InvalidInputException;
import org.ilium.surgery.domain.CostEstimate;
import org.ilium.surgery.domain.FeeTable;
import org.ilium.surgery.domain.SiteOfService;
import org.ilium.workup.WorkupRecord;
import org.ilium.workup.WorkupService;
import org.ilium.workup.domain.PlannedProcedure;
import org.ilium.workup.domain.WorkupKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Cost estimates of an episode's operation from the fee tables: the code given, else the procedure's, else the planned one's. */
@Service
public class CostEstimates {
    private final SurgeryService surgery;
    private final WorkupService workup;

    CostEstimates(SurgeryService surgery, WorkupService workup) {
        this.surgery = surgery;
        this.workup = workup;
    }

    @Transactional(readOnly = true)
    public CostEstimate estimate(UUID episodeId, String cptOrNull, SiteOfService site, String payer, String tableOrNull,
            long deductibleMetCents) {
        Optional<ProcedureRecord> index = surgery.procedures(episodeId).stream().filter(p -> !p.procedure().revision()).findFirst();
        String cpt = cptOrNull;
        int year = surgery.latestToday().getYear();
        if (cpt == null && index.isPresent()) {
            cpt = index.get().procedure().cpt();
            year = index.get().procedure().date().getYear();
        }
        if (cpt == null) {
            cpt = workup.records(episodeId, WorkupKind.PLANNED_PROCEDURES).stream()
                    .map(WorkupRecord::item).map(PlannedProcedure.class::cast)
                    .filter(p -> p.cpt() != null)
                    .max(Comparator.comparing(PlannedProcedure::date))
                    .map(PlannedProcedure::cpt).orElse(null);
        }
        if (cpt == null) {
            throw new InvalidInputException("cpt", "is required: the episode has neither a procedure nor a planned procedure with a CPT code");
        }
        FeeTable table = (tableOrNull == null ? surgery.content().feeTableForPayer(payer) : surgery.content().feeTable(tableOrNull))
                .filter(t -> t.payer().equals(payer))
                .orElseThrow(() -> new InvalidInputException(tableOrNull == null ? "payer" : "feeTable",
                        "has no fee table; the tables are " + String.join(", ", surgery.content().feeTables().stream()
                                .map(t -> t.id() + " (" + t.payer() + ")").toList())));
        String code = cpt;
        if (table.entry(code, site).isEmpty()) {
            throw new InvalidInputException(cptOrNull != null ? "cpt" : "siteOfService", "the fee table " + table.id() + " has no fee for "
                    + code + " at " + site.name().toLowerCase() + "; it has " + String.join(", ", table.entries().stream()
                            .map(e -> e.cpt() + " at " + e.siteOfService().name().toLowerCase()).toList()));
        }
        return CostEstimate.calculate(table, code, site, year, deductibleMetCents);
    }
}
