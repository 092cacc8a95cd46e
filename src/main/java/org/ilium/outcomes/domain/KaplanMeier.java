package org.ilium.outcomes.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The Kaplan-Meier (product-limit) estimate of survival, with Greenwood standard errors and 95 % intervals on the
 * log(-log S) scale (as R's survfit with conf.type = "log-log", Stata and SAS by default).
 *
 * <p>At each distinct event time t_j with n_j at risk (observed up to at least t_j) and d_j events:
 * S(t_j) = product over i <= j of (1 - d_i / n_i). Greenwood: se S = S x sqrt(sum d_i / (n_i (n_i - d_i))).
 * Interval: S^exp(+/- z x sqrt(sum d_i / (n_i (n_i - d_i))) / |log S|), the lower bound with +. Subjects censored at an
 * event time count as at risk at that time (events come first). Where S reaches 0 there is no standard error and
 * no interval.
 */
public final class KaplanMeier {
    /** One row of the estimate: an event time, how many were at risk, how many had the event, and S after it. */
    public record Step(double time, int atRisk, int events, double survival, OptionalDouble standardError,
            Optional<ConfidenceInterval> interval) {
    }

    private final int subjects;
    private final int events;
    private final List<Step> steps;

    private KaplanMeier(int subjects, int events, List<Step> steps) {
        this.subjects = subjects;
        this.events = events;
        this.steps = List.copyOf(steps);
    }

    /** The estimate from the observations (any order). None gives an estimate with no steps. */
    public static KaplanMeier estimate(Collection<SurvivalObservation> observations) {
        List<SurvivalObservation> sorted = new ArrayList<>(observations);
        sorted.sort((a, b) -> Double.compare(a.time(), b.time()));
        List<Step> steps = new ArrayList<>();
        int atRisk = sorted.size();
        int totalEvents = 0;
        double survival = 1;
        double greenwood = 0;
        int i = 0;
        while (i < sorted.size()) {
            double time = sorted.get(i).time();
            int d = 0;
            int leaving = 0;
            while (i < sorted.size() && sorted.get(i).time() == time) {
                if (sorted.get(i).event()) {
                    d++;
                }
                leaving++;
                i++;
            }
            if (d > 0) {
                survival *= 1 - (double) d / atRisk;
                totalEvents += d;
                if (d < atRisk && survival > 0) {
                    greenwood += (double) d / ((double) atRisk * (atRisk - d));
                    steps.add(new Step(time, atRisk, d, survival, OptionalDouble.of(survival * Math.sqrt(greenwood)),
                            Optional.of(logLog(survival, greenwood))));
                } else {
                    survival = 0;
                    steps.add(new Step(time, atRisk, d, 0, OptionalDouble.empty(), Optional.empty()));
                }
            }
            atRisk -= leaving;
        }
        return new KaplanMeier(sorted.size(), totalEvents, steps);
    }

    private static ConfidenceInterval logLog(double survival, double greenwood) {
        double logS = Math.log(survival);
        double spread = ConfidenceInterval.Z * Math.sqrt(greenwood) / Math.abs(logS);
        return new ConfidenceInterval(Math.pow(survival, Math.exp(spread)), Math.pow(survival, Math.exp(-spread)));
    }

    /** How many subjects the estimate is based on. */
    public int subjects() {
        return subjects;
    }

    /** How many events in all. */
    public int events() {
        return events;
    }

    /** How many subjects were censored (subjects minus events). */
    public int censored() {
        return subjects - events;
    }

    /** One step per distinct event time, in time order. */
    public List<Step> steps() {
        return steps;
    }

    /** S(t): 1 before the first event, else the survival of the last step at or before t. */
    public double survivalAt(double time) {
        return stepAt(time).map(Step::survival).orElse(1.0);
    }

    /** The last step at or before {@code time}; empty before the first event. */
    public Optional<Step> stepAt(double time) {
        Step found = null;
        for (Step s : steps) {
            if (s.time() <= time) {
                found = s;
            } else {
                break;
            }
        }
        return Optional.ofNullable(found);
    }
}
