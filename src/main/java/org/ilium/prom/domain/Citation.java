package org.ilium.prom.domain;

/** Where an instrument or its scoring comes from. */
public record Citation(String source, String detail, String url) {
}
