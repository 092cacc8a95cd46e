package org.ilium.candidacy.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ilium.workup.domain.ConservativeCare;

/**
 * At least {@code months} of non-operative care that did not resolve the pain. The span runs from the
 * earliest start to the latest end of the counted courses (a course still going, or ending after the
 * evaluation date, counts until the evaluation date); gaps between courses are not subtracted. Courses
 * whose result is {@code resolved} are not failed care and do not count. Optionally some types must be
 * among the counted courses ({@code requiredTypes}, e.g. supervised physical therapy) and a minimum
 * number of distinct types ({@code minModalities}).
 *
 * <p>No counted course: UNKNOWN (nothing recorded) or NOT_MET (all recorded courses resolved the pain).
 * Span too short: NOT_MET. A required type or enough modalities not recorded: UNKNOWN.
 */
public final class ConservativeCareCriterion extends Criterion {
    private final int months;
    private final Set<ConservativeCare.Type> requiredTypes;
    private final Integer minModalities;
    private final String requiredWords;

    public ConservativeCareCriterion(Info info, int months, Set<ConservativeCare.Type> requiredTypes, Integer minModalities) {
        super(CriterionKind.CONSERVATIVE_CARE, info, thresholds(months, requiredTypes, minModalities));
        if (months < 1) {
            throw new CriterionDefinitionException("months", "must be at least 1");
        }
        this.months = months;
        this.requiredTypes = requiredTypes.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(requiredTypes));
        this.minModalities = minModalities;
        this.requiredWords = requiredTypes.isEmpty() ? "" : Format.andList(EnumSet.copyOf(requiredTypes));
    }

    private static Map<String, String> thresholds(int months, Set<ConservativeCare.Type> required, Integer minModalities) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("months", Integer.toString(months));
        if (!required.isEmpty()) {
            t.put("requiredTypes", Format.codes(EnumSet.copyOf(required)));
        }
        if (minModalities != null) {
            t.put("minModalities", minModalities.toString());
        }
        return t;
    }

    public int months() {
        return months;
    }

    public Set<ConservativeCare.Type> requiredTypes() {
        return requiredTypes;
    }

    public Integer minModalities() {
        return minModalities;
    }

    @Override
    Check check(CaseView view, LocalDate date) {
        List<ConservativeCare> courses = view.conservativeCare();
        if (courses.isEmpty()) {
            return Check.unknown("No non-operative care is recorded.", none());
        }
        List<Evidence> evidence = new ArrayList<>(courses.size());
        LocalDate first = null;
        LocalDate last = null;
        EnumSet<ConservativeCare.Type> types = EnumSet.noneOf(ConservativeCare.Type.class);
        for (ConservativeCare c : courses) {
            LocalDate end = c.end() == null || c.end().isAfter(date) ? date : c.end();
            String span = c.start() + " to " + (c.end() == null ? "ongoing" : c.end().toString());
            if (c.result() == ConservativeCare.Result.RESOLVED) {
                evidence.add(Evidence.of(c, Format.words(c.type()) + " " + span, "resolved: not counted as failed care"));
                continue;
            }
            if (c.start() == null || c.start().isAfter(date)) {
                continue;
            }
            evidence.add(Evidence.of(c, Format.words(c.type()) + " " + span, Format.code(c.result())));
            types.add(c.type());
            if (first == null || c.start().isBefore(first)) {
                first = c.start();
            }
            if (last == null || end.isAfter(last)) {
                last = end;
            }
        }
        if (first == null) {
            return Check.notMet("Every recorded course of non-operative care resolved the pain.", evidence);
        }
        long had = TimeWindows.monthsBetween(first, last);
        StringBuilder text = new StringBuilder(120).append("Non-operative care from ").append(first).append(" to ").append(last)
                .append(": ").append(had).append(had == 1 ? " month" : " months").append(" (at least ").append(months)
                .append(" required)");
        if (!TimeWindows.atLeastMonths(first, last, months)) {
            return Check.notMet(text.append('.').toString(), evidence);
        }
        boolean unknown = false;
        for (ConservativeCare.Type required : requiredTypes) {
            if (!types.contains(required)) {
                text.append("; no course of ").append(Format.words(required)).append(" is recorded");
                unknown = true;
            }
        }
        if (minModalities != null && types.size() < minModalities) {
            text.append("; ").append(types.size()).append(" kind").append(types.size() == 1 ? "" : "s")
                    .append(" of care recorded, at least ").append(minModalities).append(" required");
            unknown = true;
        }
        if (unknown) {
            return Check.unknown(text.append('.').toString(), evidence);
        }
        if (!requiredTypes.isEmpty()) {
            text.append(", including ").append(requiredWords);
        }
        return Check.met(text.append('.').toString(), evidence);
    }
}
