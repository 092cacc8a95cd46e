package org.ilium.candidacy.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ilium.patient.domain.Side;
import org.ilium.workup.domain.ConservativeCare;
import org.ilium.workup.domain.FortinFinding;
import org.ilium.workup.domain.Imaging;
import org.ilium.workup.domain.OdiAssessment;
import org.ilium.workup.domain.PainScore;
import org.ilium.workup.domain.PlannedProcedure;
import org.ilium.workup.domain.ProvocationTest;
import org.ilium.workup.domain.RiskFactor;
import org.ilium.workup.domain.SijInjection;
import org.ilium.workup.domain.SymptomHistory;
import org.ilium.workup.domain.WorkupCase;
import org.ilium.workup.domain.WorkupItem;

/**
 * A case as seen on one evaluation date, prepared once for all policies: only records dated on or before
 * the date, each list sorted by date (oldest first; records of the same date keep their recorded order, so
 * the later one counts as the latest), and the latest risk factor of each type. Criteria read it; it is
 * immutable and may be shared between threads.
 */
public final class CaseView {
    private static final Comparator<WorkupItem> BY_DATE = Comparator.comparing(WorkupItem::date);
    private static final List<Side> LEFT = List.of(Side.LEFT);
    private static final List<Side> RIGHT = List.of(Side.RIGHT);
    private static final List<Side> BOTH = List.of(Side.LEFT, Side.RIGHT);

    private final WorkupCase source;
    private final LocalDate date;
    private final List<PainScore> painScores;
    private final List<OdiAssessment> odi;
    private final List<ProvocationTest> provocationTests;
    private final List<FortinFinding> fortin;
    private final List<SijInjection> injections;
    private final List<ConservativeCare> conservativeCare;
    private final List<Imaging> imaging;
    private final List<RiskFactor> riskFactors;
    private final List<SymptomHistory> symptomHistory;
    private final List<PlannedProcedure> plannedProcedures;
    private final Map<RiskFactor.Type, RiskFactor> latestRisk = new EnumMap<>(RiskFactor.Type.class);
    private final OdiAssessment latestOdi;
    private final Double latestOdiScore;

    private CaseView(WorkupCase c, LocalDate date) {
        this.source = c;
        this.date = date;
        this.painScores = upTo(c.painScores(), date);
        this.odi = upTo(c.odi(), date);
        this.provocationTests = upTo(c.provocationTests(), date);
        this.fortin = upTo(c.fortin(), date);
        this.injections = upTo(c.injections(), date);
        this.conservativeCare = upTo(c.conservativeCare(), date);
        this.imaging = upTo(c.imaging(), date);
        this.riskFactors = upTo(c.riskFactors(), date);
        this.symptomHistory = upTo(c.symptomHistory(), date);
        this.plannedProcedures = upTo(c.plannedProcedures(), date);
        for (RiskFactor r : riskFactors) {
            if (r.type() != null) {
                latestRisk.put(r.type(), r);
            }
        }
        OdiAssessment odiFound = null;
        Double score = null;
        for (int i = odi.size() - 1; i >= 0 && odiFound == null; i--) {
            score = odi.get(i).score();
            if (score != null) {
                odiFound = odi.get(i);
            }
        }
        this.latestOdi = odiFound;
        this.latestOdiScore = odiFound == null ? null : score;
    }

    /** The case as it stood on {@code date}. */
    public static CaseView of(WorkupCase c, LocalDate date) {
        return new CaseView(c, date);
    }

    /** Records dated on or before the date, oldest first, without copying when nothing needs to change. */
    private static <T extends WorkupItem> List<T> upTo(List<T> records, LocalDate date) {
        int n = records.size();
        boolean sorted = true;
        boolean allIn = true;
        LocalDate previous = null;
        for (int i = 0; i < n; i++) {
            LocalDate d = records.get(i).date();
            if (d.isAfter(date)) {
                allIn = false;
            }
            if (previous != null && d.isBefore(previous)) {
                sorted = false;
            }
            previous = d;
        }
        if (sorted && allIn) {
            return records;
        }
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            T r = records.get(i);
            if (!r.date().isAfter(date)) {
                out.add(r);
            }
        }
        if (!sorted) {
            out.sort(BY_DATE);
        }
        return List.copyOf(out);
    }

    public WorkupCase source() {
        return source;
    }

    public String reference() {
        return source.reference();
    }

    /** The evaluation date. */
    public LocalDate date() {
        return date;
    }

    public Side side() {
        return source.side();
    }

    /** The sides a decision must hold for: both for a bilateral episode. */
    public List<Side> sides() {
        switch (source.side()) {
            case LEFT:
                return LEFT;
            case RIGHT:
                return RIGHT;
            default:
                return BOTH;
        }
    }

    /** True when a record made on {@code recordSide} speaks for {@code side}: the same side, or both. */
    public static boolean covers(Side recordSide, Side side) {
        return recordSide == side || recordSide == Side.BILATERAL;
    }

    /** Age in whole years on the evaluation date, or null when the birth date is unknown. */
    public Integer age() {
        return source.ageOn(date);
    }

    public List<PainScore> painScores() {
        return painScores;
    }

    public List<OdiAssessment> odi() {
        return odi;
    }

    public List<ProvocationTest> provocationTests() {
        return provocationTests;
    }

    public List<FortinFinding> fortin() {
        return fortin;
    }

    public List<SijInjection> injections() {
        return injections;
    }

    public List<ConservativeCare> conservativeCare() {
        return conservativeCare;
    }

    public List<Imaging> imaging() {
        return imaging;
    }

    public List<RiskFactor> riskFactors() {
        return riskFactors;
    }

    public List<SymptomHistory> symptomHistory() {
        return symptomHistory;
    }

    public List<PlannedProcedure> plannedProcedures() {
        return plannedProcedures;
    }

    /** The latest ODI assessment with a score, or null. */
    public OdiAssessment latestOdi() {
        return latestOdi;
    }

    /** The score of {@link #latestOdi()}, computed once. */
    public Double latestOdiScore() {
        return latestOdiScore;
    }

    /** The latest record of a risk factor, or null. */
    public RiskFactor latest(RiskFactor.Type type) {
        return latestRisk.get(type);
    }

    /** The latest planned procedure, or null. */
    public PlannedProcedure plannedProcedure() {
        return plannedProcedures.isEmpty() ? null : plannedProcedures.get(plannedProcedures.size() - 1);
    }

    /** The latest symptom history that records an onset, or null. */
    public SymptomHistory latestOnset() {
        for (int i = symptomHistory.size() - 1; i >= 0; i--) {
            if (symptomHistory.get(i).onset() != null) {
                return symptomHistory.get(i);
            }
        }
        return null;
    }

    /** True only when the latest pregnancy record says present. */
    public boolean pregnant() {
        RiskFactor p = latestRisk.get(RiskFactor.Type.PREGNANCY);
        return p != null && Boolean.TRUE.equals(p.present());
    }

    /** Whole months of symptoms by the evaluation date, or null without an onset. */
    public Long symptomMonths() {
        SymptomHistory h = latestOnset();
        return h == null ? null : TimeWindows.monthsBetween(h.onset(), date);
    }
}
