package nl.dijkwacht.openai;

import java.math.BigDecimal;

/**
 * The text a JSON number is scanned as, on both ways: the answer's JSON ({@code response.JsonTextScan}, json28) and the
 * values a request's JSON Schema gives the model ({@link GovernedFields}, leftover28). A whole number is its digits;
 * a float that is a whole number too ({@code 111222333.0}, {@code 1.11222333E8} → {@code 111222333}), so a BSN or a
 * phone number written as a number is found as it is in text.
 */
public final class ScannedNumber {

    /** Digits a whole number has at most to be scanned as one: longer than any number the engine finds (IBAN: 34). */
    private static final int MAX_WHOLE_DIGITS = 40;

    private ScannedNumber() {
    }

    /**
     * When the number's value is a whole number of at most {@value #MAX_WHOLE_DIGITS} digits, that number's digits;
     * otherwise as written ({@code 6.12345678}). One text per number, so nothing is counted twice.
     */
    public static String text(String number) {
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
