package org.ilium.candidacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.ilium.candidacy.domain.Citation;
import org.ilium.candidacy.domain.CriterionResult;
import org.ilium.candidacy.domain.CriterionStatus;
import org.ilium.candidacy.domain.Determination;
import org.ilium.candidacy.domain.Evidence;
import org.ilium.candidacy.domain.Outcome;
import org.ilium.shared.ConflictException;
import org.ilium.shared.document.DocumentRenderer;
import org.junit.jupiter.api.Test;

class PriorAuthPacketTest {
    private static final DocumentRenderer RENDERER = new DocumentRenderer();
    private static final Citation NASS = new Citation("NASS coverage policy: SIJ fusion", "2015, indications", null);

    private static Determination determination(Outcome outcome, int criteria) {
        List<CriterionResult> results = new ArrayList<>();
        for (int i = 0; i < criteria; i++) {
            CriterionStatus status = i == 0 && outcome == Outcome.NOT_ELIGIBLE ? CriterionStatus.NOT_MET
                    : i == 0 && outcome == Outcome.INCOMPLETE ? CriterionStatus.UNKNOWN : CriterionStatus.MET;
            results.add(new CriterionResult("c" + i, "Diagnostic block " + i, status,
                    status == CriterionStatus.NOT_MET ? "only 60 % relief, at least 75 % needed" : "two blocks with at least 75 % relief",
                    List.of(new Evidence("injections[1]", LocalDate.of(2025, 11, 5), "Diagnostic block, fluoroscopy, contrast", "87.5 %")),
                    status == CriterionStatus.UNKNOWN ? "a second diagnostic block" : null, NASS, false));
        }
        return new Determination("case", "nass-2015", "2015.1", "NASS 2015", LocalDate.of(2026, 3, 2), outcome, results,
                outcome == Outcome.INCOMPLETE ? List.of("a second diagnostic block") : List.of(), null, List.of());
    }

    private static PriorAuthPacket packet(Determination d, boolean draft) {
        return new PriorAuthPacket(new PriorAuthPacket.Patient("Łucja Żółkiewska-Hale", "MRN-1001", LocalDate.of(1962, 3, 14), "female"),
                new PriorAuthPacket.Episode("e-1", "left", "in_workup"),
                new PriorAuthPacket.PolicyInfo("nass-2015", "NASS 2015", "2015.1", "North American Spine Society", LocalDate.of(2015, 1, 1), null),
                d, new PriorAuthPacket.PlannedCode("27279", "MIS SI joint arthrodesis with a transfixing device"), null,
                new PriorAuthPacket.Physician("Dr Ada Surgeon", "1234567893"), draft, Instant.parse("2026-03-02T10:00:00Z"));
    }

    private static List<String> pages(byte[] pdf) throws Exception {
        List<String> pages = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                pages.add(stripper.getText(doc));
            }
        }
        return pages;
    }

    @Test
    void anEligiblePacketCarriesEveryCriterionAndTheAttestation() throws Exception {
        PriorAuthPacket packet = packet(determination(Outcome.ELIGIBLE, 3), false);
        String html = packet.html(RENDERER);
        assertThat(html).contains("Łucja Żółkiewska-Hale", "MRN-1001", "27279", "Diagnostic block 2", "87.5 %", "[injections[1]]",
                "NASS coverage policy", "Dr Ada Surgeon, NPI 1234567893").doesNotContain("DRAFT");
        List<String> pages = pages(packet.pdf(RENDERER));
        String all = String.join("\n", pages);
        assertThat(all).contains("Łucja Żółkiewska-Hale", "every coverage criterion is met", "Dr Ada Surgeon").doesNotContain("DRAFT");
    }

    @Test
    void aPacketIsRefusedWithTheReasonsUnlessADraftIsAskedFor() {
        assertThatThrownBy(() -> packet(determination(Outcome.NOT_ELIGIBLE, 2), false))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("Diagnostic block 0 not met: only 60 % relief");
        assertThatThrownBy(() -> packet(determination(Outcome.INCOMPLETE, 2), false))
                .isInstanceOf(ConflictException.class).hasMessageContaining("missing: a second diagnostic block");
    }

    @Test
    void aDraftSaysDraftOnEveryPage() throws Exception {
        PriorAuthPacket draft = packet(determination(Outcome.INCOMPLETE, 40), true);
        assertThat(draft.html(RENDERER)).contains("DRAFT - not for submission");
        byte[] pdf = draft.pdf(RENDERER);
        if (System.getProperty("ilium.preview") != null) {
            java.nio.file.Files.write(java.nio.file.Path.of(System.getProperty("ilium.preview")), pdf);
        }
        List<String> pages = pages(pdf);
        assertThat(pages).hasSizeGreaterThan(1);
        assertThat(pages).allSatisfy(page -> assertThat(page).contains("DRAFT"));
    }
}
