package org.ilium.prom.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One question of an instrument. Either {@code text} (wording that may be shipped) or {@code placeholder} (what a site
 * must put there when the wording is licensed) is set. Allowed values are a whole-number range ({@code min} to
 * {@code max}, with labelled anchors) or, when {@code choices} is not empty, one of the choices' codes.
 *
 * @param label a short name of the item, such as the ODI section "Pain intensity" (not copyrighted)
 */
public record Item(String id, String label, String text, String placeholder, Integer min, Integer max,
        Map<Integer, String> anchors, List<Choice> choices) {

    public Item {
        anchors = anchors == null ? Map.of() : Map.copyOf(anchors);
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public boolean isChoice() {
        return !choices.isEmpty();
    }

    public Optional<Choice> choice(String code) {
        return choices.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** What may be answered, as error messages say it: "a whole number 0 to 5" or "one of yes, no, unsure". */
    public String allowed() {
        if (isChoice()) {
            return "one of " + String.join(", ", choices.stream().map(Choice::code).toList());
        }
        return "a whole number " + min + " to " + max;
    }
}
