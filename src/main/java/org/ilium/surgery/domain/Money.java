package org.ilium.surgery.domain;

/** An amount in integer cents (minor units) of a currency. */
public record Money(long cents, String currency) {
    public Money {
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code");
        }
    }

    /** The amount as a decimal string, 2769.00. */
    public String decimal() {
        long abs = Math.abs(cents);
        return (cents < 0 ? "-" : "") + abs / 100 + "." + String.format("%02d", abs % 100);
    }
}
