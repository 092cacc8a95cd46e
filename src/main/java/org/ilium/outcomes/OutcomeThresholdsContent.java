package org.ilium.outcomes;

import java.nio.file.Path;
import org.ilium.outcomes.domain.Citation;
import org.ilium.outcomes.domain.OdiThresholds;
import org.ilium.outcomes.domain.OutcomeThresholds;
import org.ilium.outcomes.domain.PainThresholds;
import org.ilium.shared.content.ContentLibrary;
import org.ilium.shared.content.ContentNode;

/**
 * The responder thresholds (clinically important improvement, substantial clinical benefit) from
 * {@code content/outcomes/thresholds.yaml}; a site's {@code <ILIUM_CONTENT_DIR>/outcomes/thresholds.yaml} replaces it.
 */
public final class OutcomeThresholdsContent {
    public static final String FILE = "outcomes/thresholds.yaml";

    private OutcomeThresholdsContent() {
    }

    public static OutcomeThresholds load(Path overrideDirOrNull) {
        return read(ContentLibrary.of(overrideDirOrNull).requireFile(FILE).parse());
    }

    static OutcomeThresholds read(ContentNode root) {
        root.unknownKeys("citation", "pain", "odi");
        ContentNode c = root.get("citation");
        c.unknownKeys("source", "detail", "url");
        Citation citation = new Citation(c.text("source"), c.optionalText("detail").orElse(null), c.optionalText("url").orElse(null));
        ContentNode pain = root.get("pain");
        pain.unknownKeys("scale", "clinically_important_improvement", "substantial_benefit_improvement", "substantial_benefit_final_at_most");
        if (!"vas_mm".equals(pain.text("scale"))) {
            throw pain.fieldError("scale", "must be vas_mm: pain thresholds are kept in VAS millimetres (0-100)");
        }
        double painImportant = pain.decimal("clinically_important_improvement", 0, 100);
        double painSubstantial = pain.decimal("substantial_benefit_improvement", 0, 100);
        if (painSubstantial < painImportant) {
            throw pain.fieldError("substantial_benefit_improvement", "must be at least the clinically important improvement");
        }
        ContentNode odi = root.get("odi");
        odi.unknownKeys("clinically_important_improvement", "substantial_benefit_improvement");
        double odiImportant = odi.decimal("clinically_important_improvement", 0, 100);
        double odiSubstantial = odi.decimal("substantial_benefit_improvement", 0, 100);
        if (odiSubstantial < odiImportant) {
            throw odi.fieldError("substantial_benefit_improvement", "must be at least the clinically important improvement");
        }
        return new OutcomeThresholds(new PainThresholds(painImportant, painSubstantial, pain.decimal("substantial_benefit_final_at_most", 0, 100)),
                new OdiThresholds(odiImportant, odiSubstantial), citation);
    }
}
