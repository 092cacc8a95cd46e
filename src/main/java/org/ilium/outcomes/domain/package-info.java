/**
 * Outcome statistics in plain Java (commons-math3 for the t distribution): means and proportions with 95 %
 * intervals, differences between subgroups, Kaplan-Meier survival, and the responder classifiers whose thresholds
 * come from content. See docs/outcomes-statistics.md for each method, its source and the worked example it is tested on.
 */
package org.ilium.outcomes.domain;
