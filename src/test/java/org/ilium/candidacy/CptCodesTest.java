package org.ilium.candidacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.ilium.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class CptCodesTest {
    private final CptCodes codes = CptCodes.load(null);

    @Test
    void everyCodeHasASummaryDatesAndASource() {
        assertThat(codes.all()).extracting(CptCodes.Code::code).contains("27279", "27278", "27280", "0775T");
        assertThat(codes.all()).allSatisfy(c -> {
            assertThat(c.summary()).isNotBlank();
            assertThat(c.citation().source()).isNotBlank();
        });
    }

    @Test
    void aCodeIsOnlyValidWithinItsDates() {
        assertThat(codes.require("27279", LocalDate.of(2026, 3, 2), "cpt").summary()).contains("transfixes");
        assertThat(codes.require("27278", LocalDate.of(2024, 1, 1), "cpt").code()).isEqualTo("27278");
        assertThatThrownBy(() -> codes.require("27278", LocalDate.of(2023, 12, 31), "cpt"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("valid from 2024-01-01");
        assertThatThrownBy(() -> codes.require("0775T", LocalDate.of(2024, 1, 1), "cpt")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> codes.require("99213", LocalDate.of(2026, 1, 1), "cpt"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("known: 27279");
    }
}
