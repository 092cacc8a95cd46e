package org.ilium.prom.domain;

/** One answer of a choice item: the code sent and stored, what the patient reads, and its numeric value (the score). */
public record Choice(String code, String label, int value) {
}
