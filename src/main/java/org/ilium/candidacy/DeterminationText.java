package org.ilium.candidacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ilium.candidacy.domain.Citation;
import org.ilium.candidacy.domain.CriterionResult;
import org.ilium.candidacy.domain.CriterionStatus;
import org.ilium.candidacy.domain.Determination;
import org.ilium.candidacy.domain.Evidence;
import org.ilium.candidacy.domain.PrognosticNote;
import org.ilium.candidacy.domain.ProvocationCluster;

/** Determinations as readable text for a terminal: one in detail, several side by side. */
public final class DeterminationText {
    private static final int WIDTH = 120;
    private static final int TITLE = 34;
    private static final int INDENT = 2 + 8 + 1 + TITLE + 1;

    private DeterminationText() {
    }

    public static String detail(Determination d) {
        StringBuilder out = new StringBuilder();
        out.append("Case ").append(d.caseReference()).append(", evaluated ").append(d.evaluationDate()).append(" against ")
                .append(d.policyName()).append(" (").append(d.policyId()).append(" version ").append(d.policyVersion()).append(")\n");
        out.append("Determination: ").append(d.outcome()).append("\n\n");
        out.append(String.format(Locale.ROOT, "  %-8s %-" + TITLE + "s %s%n", "STATUS", "CRITERION", "WHY, EVIDENCE AND SOURCE"));
        for (CriterionResult c : d.criteria()) {
            List<String> left = wrap(c.title() + (c.exclusion() ? " (exclusion)" : ""), TITLE);
            List<String> right = new ArrayList<>(wrap(c.explanation(), WIDTH - INDENT));
            for (Evidence e : c.evidence()) {
                right.addAll(wrap(evidence(e), WIDTH - INDENT, "    "));
            }
            if (c.citation() != null) {
                right.addAll(wrap("  source: " + cite(c.citation()), WIDTH - INDENT, "    "));
            }
            for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
                out.append(String.format(Locale.ROOT, "  %-8s %-" + TITLE + "s %s", i == 0 ? status(c.status()) : "",
                        i < left.size() ? left.get(i) : "", i < right.size() ? right.get(i) : "").stripTrailing()).append('\n');
            }
            out.append('\n');
        }
        if (!d.missing().isEmpty()) {
            out.append("\nMissing to decide:\n");
            d.missing().forEach(m -> out.append("  - ").append(m).append('\n'));
        }
        ProvocationCluster cluster = d.provocationCluster();
        if (cluster != null) {
            out.append("\nProvocation cluster: ").append(cluster.interpretation()).append('\n');
        }
        if (!d.prognosis().isEmpty()) {
            out.append("\nPrognosis (for the conversation with the patient, not part of the decision):\n");
            for (PrognosticNote n : d.prognosis()) {
                out.append("  - ").append(n.direction() == PrognosticNote.Direction.LOWER_BENEFIT ? "lower" : "higher")
                        .append(" expected benefit: ").append(n.note());
                if (n.citation() != null) {
                    out.append(" (").append(n.citation().source()).append(')');
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** One line per policy with its outcome and counts, then what fails or is missing under each. */
    public static String sideBySide(List<Determination> determinations) {
        StringBuilder out = new StringBuilder();
        if (determinations.isEmpty()) {
            return "No policy is in effect on that date.\n";
        }
        Determination first = determinations.get(0);
        out.append("Case ").append(first.caseReference()).append(", evaluated ").append(first.evaluationDate())
                .append(" against ").append(determinations.size()).append(" policies\n\n");
        out.append(String.format(Locale.ROOT, "  %-50s %-10s %-13s %4s %8s %8s%n", "POLICY", "VERSION", "DETERMINATION", "MET", "NOT MET",
                "UNKNOWN"));
        for (Determination d : determinations) {
            out.append(String.format(Locale.ROOT, "  %-50s %-10s %-13s %4d %8d %8d%n", cut(d.policyName(), 50), cut(d.policyVersion(), 10),
                    d.outcome(), count(d, CriterionStatus.MET), count(d, CriterionStatus.NOT_MET), count(d, CriterionStatus.UNKNOWN)));
        }
        for (Determination d : determinations) {
            List<CriterionResult> open = d.criteria().stream().filter(c -> c.status() != CriterionStatus.MET).toList();
            if (open.isEmpty()) {
                continue;
            }
            out.append('\n').append(d.policyName()).append(":\n");
            for (CriterionResult c : open) {
                out.append("  ").append(status(c.status())).append(' ').append(c.title()).append(": ")
                        .append(c.status() == CriterionStatus.UNKNOWN && c.missing() != null ? "missing " + c.missing() : c.explanation())
                        .append('\n');
            }
        }
        return out.toString();
    }

    private static long count(Determination d, CriterionStatus status) {
        return d.criteria().stream().filter(c -> c.status() == status).count();
    }

    private static String status(CriterionStatus s) {
        return switch (s) {
            case MET -> "MET";
            case NOT_MET -> "NOT MET";
            case UNKNOWN -> "UNKNOWN";
        };
    }

    private static String evidence(Evidence e) {
        return "  - " + (e.date() == null ? "" : e.date() + " ") + e.description() + (e.value() == null ? "" : ": " + e.value())
                + (e.recordId() == null ? "" : " [" + e.recordId() + "]");
    }

    private static String cite(Citation c) {
        return c.source() + (c.detail() == null ? "" : ", " + c.detail());
    }

    private static String cut(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static List<String> wrap(String text, int width) {
        return wrap(text, width, "");
    }

    /** Word-wraps; continuation lines get {@code indent} (used to hang evidence under its dash). */
    private static List<String> wrap(String text, int width, String indent) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : (text == null ? "" : text).split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(indent);
            }
            line.append(line.length() == 0 || line.toString().equals(indent) ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
