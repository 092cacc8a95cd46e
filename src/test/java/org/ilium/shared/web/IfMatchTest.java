package org.ilium.shared.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ilium.shared.PreconditionRequiredException;
import org.ilium.shared.VersionMismatchException;
import org.junit.jupiter.api.Test;

class IfMatchTest {
    @Test
    void matchesTheCurrentVersionOrStar() {
        assertThatCode(() -> IfMatch.check("\"3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> IfMatch.check("\"1\", \"3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> IfMatch.check("*", 3)).doesNotThrowAnyException();
    }

    @Test
    void staleWeakOrGarbledTagsFailAndMissingOnesAreRequired() {
        for (String tag : new String[] {"\"2\"", "W/\"3\"", "3", "\"abc\""}) {
            assertThatThrownBy(() -> IfMatch.check(tag, 3)).as(tag).isInstanceOf(VersionMismatchException.class);
        }
        assertThatThrownBy(() -> IfMatch.check(null, 3)).isInstanceOf(PreconditionRequiredException.class);
        assertThatThrownBy(() -> IfMatch.check(" ", 3)).isInstanceOf(PreconditionRequiredException.class);
    }
}
