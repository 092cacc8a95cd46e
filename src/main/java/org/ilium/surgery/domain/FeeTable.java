package org.ilium.surgery.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a payer allows for the procedure codes by site of service, as of a date and from a source.
 *
 * @param coinsuranceBasisPoints the patient's share after the deductible, in 1/100 %: 2000 is 20 %
 * @param deductibles            the yearly deductible in cents, by calendar year
 * @param precertification       whether the payer needs pre-certification: "required", "may_be_required", "not_required"
 */
public record FeeTable(String id, String name, String payer, String currency, LocalDate asOf, String source, boolean unverified,
        String precertification, int coinsuranceBasisPoints, Map<Integer, Long> deductibles, String deductibleSource,
        boolean deductibleUnverified, List<Entry> entries) {

    /**
     * One code at one site of service. {@code allowedCents}: the payer's approved amount (null when the
     * source gives none); {@code typicalPatientCostCents}: what the source says patients typically pay.
     */
    public record Entry(String cpt, SiteOfService siteOfService, Long allowedCents, Long typicalPatientCostCents, String note) {
    }

    public FeeTable {
        deductibles = Map.copyOf(deductibles);
        entries = List.copyOf(entries);
    }

    public Optional<Entry> entry(String cpt, SiteOfService site) {
        return entries.stream().filter(e -> e.cpt().equals(cpt) && e.siteOfService() == site).findFirst();
    }
}
