package nl.dijkwacht.openai;

import java.math.BigDecimal;

/**
 * How a JSON number is read as text by the PII scan, on both sides: a number that is a whole number — also when written
 * as a float ({@code 111222333.0}, {@code 1.11222333E8}) — as its digits ({@code 111222333}), the number the engine
 * knows (json28 for answers, review44 for a request's schema example data); any other as written.
 */
public final class JsonNumbers {

    /** Digits a whole number has at most to be written out: longer than any number the engine finds (IBAN: 34). */
    static final int MAX_WHOLE_DIGITS = 40;

    private JsonNumbers() {
    }

    /** {@code number} (JSON number text) as scanned: its digits when it is a whole number of at most 40 digits, else as written. */
    public static String asScanned(String number) {
        try {
            BigDecimal value = new BigDecimal(number);
            if (value.signum() == 0 || value.precision() - value.scale() > MAX_WHOLE_DIGITS) {
                return number; // 1e999999999 is not written out
            }
            BigDecimal whole = value.stripTrailingZeros();
            return whole.scale() <= 0 ? whole.toBigIntegerExact().toString() : number;
        } catch (NumberFormatException | ArithmeticException e) {
            return number;
        }
    }
}
