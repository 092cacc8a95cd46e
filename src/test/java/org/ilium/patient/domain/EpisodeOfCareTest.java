package org.ilium.patient.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ilium.patient.domain.EpisodeStatus.CLOSED;
import static org.ilium.patient.domain.EpisodeStatus.DECIDED;
import static org.ilium.patient.domain.EpisodeStatus.IN_FOLLOW_UP;
import static org.ilium.patient.domain.EpisodeStatus.IN_WORKUP;
import static org.ilium.patient.domain.EpisodeStatus.OPERATED;
import static org.ilium.patient.domain.EpisodeStatus.REFERRED;
import static org.ilium.patient.domain.EpisodeStatus.SCHEDULED;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.ilium.shared.Actor;
import org.ilium.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EpisodeOfCareTest {
    private static final Actor SURGEON = new Actor(UUID.randomUUID(), "dr.smith", UUID.randomUUID());
    private static final Instant NOON = Instant.parse("2026-03-01T12:00:00Z");

    /** A referred episode for the left joint: the usual start of a case. */
    private static EpisodeOfCare referred() {
        return EpisodeOfCare.refer(UUID.randomUUID(), UUID.randomUUID(), Side.LEFT, "GP referral: buttock pain", SURGEON, NOON)
                .episode();
    }

    private static EpisodeOfCare walk(EpisodeOfCare e, EpisodeStatus to, Boolean candidate) {
        return e.moveTo(to, candidate, "step to " + to.code(), SURGEON, NOON).episode();
    }

    @Test
    void referralIsTheFirstRecordedTransition() {
        EpisodeOfCare.Moved m = EpisodeOfCare.refer(UUID.randomUUID(), UUID.randomUUID(), Side.RIGHT, " pain ", SURGEON, NOON);
        assertThat(m.episode().status()).isEqualTo(REFERRED);
        assertThat(m.episode().version()).isEqualTo(1);
        assertThat(m.transition()).isEqualTo(new EpisodeTransition(1, null, REFERRED, null, "pain", SURGEON.userId(),
                "dr.smith", NOON));
    }

    @Test
    void theWholePathwayRecordsWhoWhenAndWhy() {
        EpisodeOfCare e = referred();
        e = walk(e, IN_WORKUP, null);
        EpisodeOfCare.Moved decided = e.moveTo(DECIDED, true, "meets NASS criteria", SURGEON, NOON.plusSeconds(60));
        assertThat(decided.transition()).isEqualTo(new EpisodeTransition(3, IN_WORKUP, DECIDED, true, "meets NASS criteria",
                SURGEON.userId(), "dr.smith", NOON.plusSeconds(60)));
        e = decided.episode();
        assertThat(e.candidate()).isTrue();
        e = walk(e, SCHEDULED, null);
        e = walk(e, OPERATED, null);
        e = walk(e, IN_FOLLOW_UP, null);
        e = walk(e, CLOSED, null);
        assertThat(e.status()).isEqualTo(CLOSED);
        assertThat(e.candidate()).isTrue();
        assertThat(e.version()).isEqualTo(7);
        assertThat(e.lastSeq()).isEqualTo(7);
        assertThat(e.allowedNext()).isEmpty();
    }

    /** Every pair of statuses: allowed exactly when the pathway table says so. */
    @ParameterizedTest
    @EnumSource(EpisodeStatus.class)
    void onlyThePathwaysStepsAreAllowed(EpisodeStatus from) {
        Set<EpisodeStatus> expected = switch (from) {
            case REFERRED -> EnumSet.of(IN_WORKUP, CLOSED);
            case IN_WORKUP -> EnumSet.of(DECIDED, CLOSED);
            case DECIDED -> EnumSet.of(SCHEDULED, IN_WORKUP, CLOSED);
            case SCHEDULED -> EnumSet.of(OPERATED, CLOSED);
            case OPERATED -> EnumSet.of(IN_FOLLOW_UP, CLOSED);
            case IN_FOLLOW_UP -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(EpisodeStatus.class);
        };
        EpisodeOfCare e = new EpisodeOfCare(UUID.randomUUID(), UUID.randomUUID(), Side.BILATERAL, from,
                from == REFERRED || from == IN_WORKUP ? null : Boolean.TRUE, 4, 4);
        for (EpisodeStatus to : EpisodeStatus.values()) {
            Boolean candidate = to == DECIDED ? Boolean.TRUE : null;
            if (expected.contains(to)) {
                EpisodeOfCare.Moved m = e.moveTo(to, candidate, "why", SURGEON, NOON);
                assertThat(m.episode().status()).isEqualTo(to);
                assertThat(m.episode().version()).isEqualTo(5);
                assertThat(m.transition().from()).isEqualTo(from);
                assertThat(m.transition().seq()).isEqualTo(5);
            } else {
                assertThatThrownBy(() -> e.moveTo(to, candidate, "why", SURGEON, NOON))
                        .isInstanceOf(IllegalTransitionException.class)
                        .hasMessageContaining("cannot move to " + to.code());
            }
        }
    }

    @Test
    void aNonCandidateCannotBeScheduledButMayBeWorkedUpAgain() {
        EpisodeOfCare e = walk(walk(referred(), IN_WORKUP, null), DECIDED, false);
        assertThat(e.allowedNext()).containsExactlyInAnyOrder(IN_WORKUP, CLOSED);
        assertThatThrownBy(() -> walk(e, SCHEDULED, null))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("not to be a candidate")
                .hasMessageContaining("Allowed next: in_workup, closed");
        EpisodeOfCare reopened = walk(e, IN_WORKUP, null);
        assertThat(reopened.candidate()).isNull();
    }

    @Test
    void decidingNeedsTheDecisionAndOnlyDecidingTakesOne() {
        EpisodeOfCare inWorkup = walk(referred(), IN_WORKUP, null);
        assertThatThrownBy(() -> inWorkup.moveTo(DECIDED, null, "why", SURGEON, NOON))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        ex -> assertThat(ex.errors()).extracting("field").containsExactly("candidate"));
        assertThatThrownBy(() -> inWorkup.moveTo(CLOSED, true, "why", SURGEON, NOON))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        ex -> assertThat(ex.errors()).extracting("field").containsExactly("candidate"));
    }

    @Test
    void everyMoveNeedsAReason() {
        EpisodeOfCare e = referred();
        for (String blank : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> e.moveTo(IN_WORKUP, null, blank, SURGEON, NOON))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            ex -> assertThat(ex.errors()).extracting("field").containsExactly("reason"));
        }
        assertThatThrownBy(() -> e.moveTo(IN_WORKUP, null, "x".repeat(EpisodeOfCare.REASON_MAX + 1), SURGEON, NOON))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aMoveHappensOnTheDayItIsRecordedUnlessItsClinicalDateIsGiven() {
        EpisodeOfCare e = referred();
        assertThat(e.moveTo(IN_WORKUP, null, "now", SURGEON, NOON).transition().effectiveOn()).isEqualTo(java.time.LocalDate.of(2026, 3, 1));
        java.time.LocalDate lastYear = java.time.LocalDate.of(2025, 3, 1);
        EpisodeOfCare.Moved past = e.moveTo(IN_WORKUP, null, "recorded late", SURGEON, NOON, lastYear);
        assertThat(past.transition().effectiveOn()).isEqualTo(lastYear);
        assertThat(past.transition().at()).isEqualTo(NOON);
        // 2026-03-02 already exists at noon UTC east of UTC+12; 2026-03-03 exists nowhere yet
        assertThat(e.moveTo(IN_WORKUP, null, "kiritimati", SURGEON, NOON, java.time.LocalDate.of(2026, 3, 2)).transition().effectiveOn())
                .isEqualTo(java.time.LocalDate.of(2026, 3, 2));
        assertThatThrownBy(() -> e.moveTo(IN_WORKUP, null, "future", SURGEON, NOON, java.time.LocalDate.of(2026, 3, 3)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        ex -> assertThat(ex.errors()).extracting("field").containsExactly("effectiveOn"));
    }

    @Test
    void aClosedEpisodeStaysClosed() {
        EpisodeOfCare closed = walk(referred(), CLOSED, null);
        assertThatThrownBy(() -> walk(closed, IN_WORKUP, null))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("it is closed");
        assertThatThrownBy(() -> walk(closed, CLOSED, null))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("already closed");
    }
}
