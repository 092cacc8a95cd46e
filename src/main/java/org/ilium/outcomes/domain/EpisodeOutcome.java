package org.ilium.outcomes.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Everything the report needs of one operated episode, gathered from the stored records: the index operation, the
 * latest valid answer per timepoint and instrument, revisions, complications and the subgroup attributes. Filled by
 * the read side (one call per stored row, in any order) and read by {@link OutcomeAnalysis}. Dates are epoch days.
 */
public final class EpisodeOutcome {
    /** The instruments the report reads, by index. */
    public enum Instrument {
        BACK_PAIN("back_pain_nrs"), LEG_PAIN("leg_pain_nrs"), ODI("odi"), PGIC("pgic"), SATISFACTION("satisfaction"),
        WOULD_REPEAT("would_repeat");

        private final String id;

        Instrument(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** The instrument with this id, or null when the report does not use it. */
        public static Instrument of(String id) {
            return switch (id) {
                case "back_pain_nrs" -> BACK_PAIN;
                case "leg_pain_nrs" -> LEG_PAIN;
                case "odi" -> ODI;
                case "pgic" -> PGIC;
                case "satisfaction" -> SATISFACTION;
                case "would_repeat" -> WOULD_REPEAT;
                default -> null;
            };
        }
    }

    static final int INSTRUMENTS = Instrument.values().length;
    /** No value recorded. */
    static final int NONE = Integer.MIN_VALUE;

    /** One complication: its code, Clavien-Dindo grade (I..V) and whether it was recorded as serious. */
    public record ComplicationEntry(String code, String grade, boolean serious) {
    }

    final UUID episodeId;
    final UUID patientId;
    final int surgeryDay;
    final int birthDay;
    final int timepoints;
    // per timepoint x instrument: the score (NaN for none) or the flag (1 yes, 0 no), and the order key of the answer kept
    final double[] values;
    final long[] keys;
    int lastContactDay;
    int revisionDay = NONE;
    String approach;
    long approachKey = Long.MAX_VALUE;
    int symptomOnsetDay = NONE;
    long symptomKey = Long.MIN_VALUE;
    String smoking;
    long smokingKey = Long.MIN_VALUE;
    Boolean opioids;
    long opioidKey = Long.MIN_VALUE;
    Boolean priorLumbarFusion;
    long fusionKey = Long.MIN_VALUE;
    List<ComplicationEntry> complications = List.of();

    /**
     * @param timepoints how many protocol timepoints the answers are indexed by
     */
    public EpisodeOutcome(UUID episodeId, UUID patientId, LocalDate surgeryDate, LocalDate birthDate, int timepoints) {
        this.episodeId = episodeId;
        this.patientId = patientId;
        this.surgeryDay = (int) surgeryDate.toEpochDay();
        this.birthDay = birthDate == null ? NONE : (int) birthDate.toEpochDay();
        this.timepoints = timepoints;
        this.values = new double[timepoints * INSTRUMENTS];
        this.keys = new long[timepoints * INSTRUMENTS];
        Arrays.fill(values, Double.NaN);
        Arrays.fill(keys, Long.MIN_VALUE);
        this.lastContactDay = surgeryDay;
    }

    public UUID episodeId() {
        return episodeId;
    }

    public UUID patientId() {
        return patientId;
    }

    public LocalDate surgeryDate() {
        return LocalDate.ofEpochDay(surgeryDay);
    }

    /**
     * A valid (not voided) answer. Of several answers to the same instrument at the same timepoint the latest counts
     * (by date, then by order of recording {@code seq}). {@code timepoint} is the protocol index or -1 (outside the
     * protocol: counts only as a contact). {@code value} is the score, or 1/0 for a flag instrument.
     */
    public void answer(int timepoint, Instrument instrument, double value, LocalDate collectedOn, long seq) {
        int day = (int) collectedOn.toEpochDay();
        lastContactDay = Math.max(lastContactDay, day);
        if (timepoint < 0 || instrument == null) {
            return;
        }
        int i = timepoint * INSTRUMENTS + instrument.ordinal();
        long key = ((long) day << 40) | (seq & 0xFF_FFFF_FFFFL);
        if (key > keys[i]) {
            keys[i] = key;
            values[i] = value;
        }
    }

    /** A contact on this date (a procedure, an answer, a complication): survival is censored at the latest one. */
    public void contact(LocalDate date) {
        lastContactDay = Math.max(lastContactDay, (int) date.toEpochDay());
    }

    /** A procedure: the earliest non-revision gives the approach; the earliest revision is the survival event. */
    public void procedure(LocalDate performedOn, boolean revision, String approachCode, long seq) {
        int day = (int) performedOn.toEpochDay();
        lastContactDay = Math.max(lastContactDay, day);
        if (revision) {
            if (revisionDay == NONE || day < revisionDay) {
                revisionDay = day;
            }
        } else {
            long key = ((long) day << 40) | (seq & 0xFF_FFFF_FFFFL);
            if (key < approachKey) {
                approachKey = key;
                approach = approachCode;
            }
        }
    }

    public void complication(String code, String grade, boolean serious, LocalDate onset) {
        if (complications.isEmpty()) {
            complications = new ArrayList<>(2);
        }
        complications.add(new ComplicationEntry(code, grade, serious));
        if (onset != null) {
            lastContactDay = Math.max(lastContactDay, (int) onset.toEpochDay());
        }
    }

    /**
     * A risk-factor record ({@code smoking_status} with its status, {@code chronic_opioid_use} and
     * {@code prior_lumbar_fusion} with present). The latest on or before the surgery date counts; later ones are ignored.
     */
    public void riskFactor(String type, String status, Boolean present, LocalDate recordedOn, long seq) {
        int day = (int) recordedOn.toEpochDay();
        if (type == null || day > surgeryDay) {
            return;
        }
        long key = ((long) day << 40) | (seq & 0xFF_FFFF_FFFFL);
        switch (type) {
            case "smoking_status" -> {
                if (key > smokingKey && status != null) {
                    smokingKey = key;
                    smoking = status;
                }
            }
            case "chronic_opioid_use" -> {
                if (key > opioidKey && present != null) {
                    opioidKey = key;
                    opioids = present;
                }
            }
            case "prior_lumbar_fusion" -> {
                if (key > fusionKey && present != null) {
                    fusionKey = key;
                    priorLumbarFusion = present;
                }
            }
            default -> {
                // other factors are not in the subgroup table
            }
        }
    }

    /** A symptom-history record: its onset; the latest record on or before the surgery date counts. */
    public void symptomOnset(LocalDate onset, LocalDate recordedOn, long seq) {
        int day = (int) recordedOn.toEpochDay();
        if (onset == null || day > surgeryDay) {
            return;
        }
        long key = ((long) day << 40) | (seq & 0xFF_FFFF_FFFFL);
        if (key > symptomKey) {
            symptomKey = key;
            symptomOnsetDay = (int) onset.toEpochDay();
        }
    }

    /** The kept value, NaN when there is none. */
    public double value(int timepoint, Instrument instrument) {
        return values[timepoint * INSTRUMENTS + instrument.ordinal()];
    }

    /** Whether any instrument has a kept answer at the timepoint. */
    public boolean answered(int timepoint) {
        int from = timepoint * INSTRUMENTS;
        for (int i = from; i < from + INSTRUMENTS; i++) {
            if (!Double.isNaN(values[i])) {
                return true;
            }
        }
        return false;
    }

    public String approach() {
        return approach;
    }

    public String smoking() {
        return smoking;
    }
}
