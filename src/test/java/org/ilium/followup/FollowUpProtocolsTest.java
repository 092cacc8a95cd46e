package org.ilium.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.ilium.followup.domain.Protocol;
import org.ilium.followup.domain.Schedule;
import org.ilium.shared.content.ContentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FollowUpProtocolsTest {
    @Test
    void theStandardProtocolHasTheEightTimepointsAndTheirInstruments() {
        Protocol p = FollowUpProtocols.load(null, "standard").defaultProtocol();
        assertThat(p.timepoints()).extracting(t -> t.id()).containsExactly("baseline", "2w", "6w", "3m", "6m", "12m", "24m", "5y");
        assertThat(p.timepoint("baseline").orElseThrow().instruments()).containsExactly("back_pain_nrs", "leg_pain_nrs", "odi");
        assertThat(p.timepoint("3m").orElseThrow().instruments()).contains("pgic", "satisfaction").doesNotContain("would_repeat");
        assertThat(p.timepoint("6m").orElseThrow().instruments()).contains("would_repeat");
        assertThat(p.timepoint("5y").orElseThrow().instruments()).contains("would_repeat");
        assertThat(p.overlap()).isEmpty();
        Schedule s = Schedule.of(p, LocalDate.of(2024, 2, 29), Map.of());
        assertThat(s.timepoint("12m").target()).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(s.timepoint("baseline").opens()).isEqualTo(LocalDate.of(2024, 1, 30));
        assertThat(s.recovery()).extracting(m -> m.milestone().id()).startsWith("walking_aid", "careful_walking");
        assertThat(s.recovery().get(1).until()).isEqualTo(LocalDate.of(2024, 4, 18));
    }

    @Test
    void aBrokenSiteProtocolNamesFileAndReason(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("protocols"));
        Files.writeString(dir.resolve("protocols/site.yaml"), """
                id: site
                version: "1"
                name: Site
                timepoints:
                  - id: x
                    label: X
                    offset: 6w
                    windowBefore: 1w
                    windowAfter: 2w
                    instruments: [eq5d]
                """);
        assertThatThrownBy(() -> FollowUpProtocols.load(dir, "standard")).isInstanceOf(ContentException.class)
                .hasMessageContaining("site.yaml").hasMessageContaining("eq5d");
    }
}
