package org.ilium.surgery.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The expected payment for one procedure and the patient's share of it. Amounts are cents of
 * {@code currency}; those the table cannot give are null, and {@code notes} say why.
 */
public record CostEstimate(String feeTable, String payer, String cpt, SiteOfService siteOfService, String currency, int year,
        Long allowedCents, Long deductibleCents, Long deductibleAppliedCents, Long coinsuranceCents, Long patientShareCents,
        Long payerPaysCents, Long typicalPatientCostCents, String precertification, String source, List<String> notes) {

    /**
     * The patient's share under a deductible and coinsurance: first the part of the deductible not yet
     * met (up to the allowed amount), then the coinsurance rate of the rest, rounded half up to the cent.
     */
    public static CostEstimate calculate(FeeTable table, String cpt, SiteOfService site, int year, long deductibleMetCents) {
        if (deductibleMetCents < 0) {
            throw new IllegalArgumentException("deductible met must not be negative");
        }
        FeeTable.Entry entry = table.entry(cpt, site).orElseThrow(() -> new IllegalArgumentException(
                "fee table " + table.id() + " has no fee for " + cpt + " at " + site.name().toLowerCase()));
        List<String> notes = new ArrayList<>();
        Long deductible = table.deductibles().get(year);
        Long applied = null;
        Long coinsurance = null;
        Long share = null;
        Long payer = null;
        Long allowed = entry.allowedCents();
        if (allowed == null) {
            notes.add("the fee table gives no allowed amount for this code and site; only the typical patient cost is known");
        } else if (deductible == null) {
            notes.add("the fee table has no deductible for " + year + "; the share cannot be calculated");
        } else {
            long remaining = Math.max(0, deductible - deductibleMetCents);
            applied = Math.min(allowed, remaining);
            coinsurance = share(allowed - applied, table.coinsuranceBasisPoints());
            share = applied + coinsurance;
            payer = allowed - share;
        }
        if (table.unverified()) {
            notes.add("the fee figures are UNVERIFIED: check them against the payer's current fee schedule");
        }
        if (deductible != null && table.deductibleUnverified()) {
            notes.add("the deductible is UNVERIFIED: check it against the payer's published amount for " + year);
        }
        if (entry.note() != null) {
            notes.add(entry.note());
        }
        return new CostEstimate(table.id(), table.payer(), cpt, site, table.currency(), year, allowed, deductible, applied, coinsurance,
                share, payer, entry.typicalPatientCostCents(), table.precertification(), table.source(), notes);
    }

    /** {@code basisPoints}/10000 of {@code cents}, rounded half up. */
    static long share(long cents, int basisPoints) {
        return (cents * basisPoints + 5_000) / 10_000;
    }
}
